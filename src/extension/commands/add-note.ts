import * as vscode from 'vscode';
import type { CommandServices } from '../commands';
import { changeTarget, idsOf } from './annotation-edits';
import { readArgs, resolveSession, resolveTarget, tellNothingHere } from './target';

/**
 * `reportAnnotator.addNote` `{uri?, id?, note?}`: sets the note of an
 * annotation (accepting the detection first when needed). Without `note`,
 * asks with an input box pre-filled with the current note; an empty note
 * clears it.
 *
 * @returns the annotation's id, or undefined when cancelled or nothing is there.
 */
export async function addNote(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const args = readArgs(arg);
  const session = await resolveSession(services, args);
  if (!session) return undefined;
  const target = resolveTarget(session, args);
  if (!target) return tellNothingHere('detection or annotation');
  const current = 'annotation' in target ? target.annotation.note : '';
  const note =
    args.note ??
    (await vscode.window.showInputBox({
      title: 'Report Annotator: note',
      prompt: 'A note on this item (kept in the sidecar). Leave empty to clear it.',
      value: current,
    }));
  if (note === undefined) return undefined;
  if ('annotation' in target && target.annotation.note === note) return target.annotation.id;
  const changes = await session.commit((factory) => changeTarget(session, factory, target, { note }));
  return idsOf(changes)[0];
}
