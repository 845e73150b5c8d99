import * as vscode from 'vscode';
import type { CommandServices } from '../commands';
import type { ReportSession } from '../report-session';
import { changeTarget, idsOf } from './annotation-edits';
import { readArgs, resolveSession, resolveTarget, tellNothingHere, type Target } from './target';

const NEW_TAG_LABEL = '$(add) New tag…';

/**
 * `reportAnnotator.tag` `{uri?, id?, start?, end?, tags?}`: with `tags`, adds
 * them to the annotation without asking (accepting the detection first when
 * needed). Without, shows a multi-select pick of the tag vocabulary
 * (setting `reportAnnotator.tags`), the tags used in the workspace and a
 * "New tag…" entry; the picked set replaces the annotation's tags.
 *
 * @returns the annotation's id, or undefined when cancelled or nothing is there.
 */
export async function tagItem(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const args = readArgs(arg);
  const session = await resolveSession(services, args);
  if (!session) return undefined;
  const target = resolveTarget(session, args);
  if (!target) return tellNothingHere('detection or annotation');
  const current = 'annotation' in target ? target.annotation.tags : [];
  const tags = args.tags ? unique([...current, ...args.tags]) : await pickTags(services, session, target);
  if (!tags) return undefined;
  const changes = await session.commit((factory) => changeTarget(session, factory, target, { tags }));
  if (changes && changes.length === 0 && 'annotation' in target) return target.annotation.id;
  return idsOf(changes)[0];
}

async function pickTags(services: CommandServices, session: ReportSession, target: Target): Promise<string[] | undefined> {
  const current = new Set('annotation' in target ? target.annotation.tags : []);
  const vocabulary = unique([...services.settings.current.tags, ...services.workspaceAnnotations.tagsInUse(), ...session.tagsInUse, ...current]);
  const fixed: TagItem[] = vocabulary.map((tag) => ({ label: tag, tag, description: services.settings.current.tags.includes(tag) ? 'vocabulary' : 'in use' }));
  const newTag: TagItem = { label: NEW_TAG_LABEL, alwaysShow: true };
  const picked = await showTagPick(fixed, newTag, current);
  if (!picked) return undefined;
  const tags = picked.flatMap((item) => (item.tag ? [item.tag] : []));
  if (picked.includes(newTag)) {
    const typed = await vscode.window.showInputBox({ title: 'Report Annotator: new tag', prompt: 'New tag(s), separated by commas' });
    if (typed === undefined) return undefined;
    tags.push(...typed.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''));
  }
  return unique(tags);
}

type TagItem = vscode.QuickPickItem & { readonly tag?: string };

/**
 * A multi-select pick with the current tags checked and the first entry
 * active (so Space then Enter takes it). Typing a tag that is not listed
 * offers it as a new one.
 */
function showTagPick(fixed: readonly TagItem[], newTag: TagItem, current: ReadonlySet<string>): Promise<readonly TagItem[] | undefined> {
  const pick = vscode.window.createQuickPick<TagItem>();
  pick.title = 'Report Annotator: tags';
  pick.placeholder = 'Pick the tags for this item, or type a new one';
  pick.canSelectMany = true;
  pick.items = [...fixed, newTag];
  pick.selectedItems = fixed.filter((item) => item.tag !== undefined && current.has(item.tag));
  pick.activeItems = pick.items.slice(0, 1);
  return new Promise((resolve) => {
    let typedItem: TagItem | undefined;
    let accepted = false;
    const subscriptions = [
      pick.onDidChangeValue((value) => {
        const typed = value.trim();
        const known = typed === '' || fixed.some((item) => item.tag === typed);
        const selected = pick.selectedItems;
        typedItem = known ? undefined : { label: `$(add) ${typed}`, tag: typed, description: 'new tag', alwaysShow: true };
        pick.items = typedItem ? [typedItem, ...fixed, newTag] : [...fixed, newTag];
        pick.selectedItems = selected.filter((item) => pick.items.includes(item));
      }),
      pick.onDidAccept(() => {
        accepted = true;
        resolve(pick.selectedItems);
        pick.hide();
      }),
      pick.onDidHide(() => {
        if (!accepted) resolve(undefined);
        for (const subscription of subscriptions) subscription.dispose();
        pick.dispose();
      }),
    ];
    pick.show();
  });
}

function unique(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}
