import * as vscode from 'vscode';
import type { CommandServices } from '../commands';
import { readArgs } from './target';

/**
 * `reportAnnotator.filterByTag` `{tag?}`: shows only annotations with that
 * tag in the Annotations view; asks with a pick of the tags in use when absent.
 *
 * @returns the tag now filtered on, or undefined when cancelled.
 */
export async function filterByTag(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const args = readArgs(arg);
  const tag =
    args.tag ??
    (await vscode.window.showQuickPick([...services.workspaceAnnotations.tagsInUse()].sort(), {
      title: 'Report Annotator: show only annotations tagged…',
      placeHolder: 'Tag',
    }));
  if (!tag) return undefined;
  services.tree.setTagFilter(tag);
  return tag;
}

/** `reportAnnotator.clearTagFilter`: shows every annotation in the view again. */
export function clearTagFilter(services: CommandServices): void {
  services.tree.setTagFilter(undefined);
}
