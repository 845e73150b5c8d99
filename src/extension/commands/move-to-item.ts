import * as vscode from 'vscode';
import type { Span } from '../../core/model';
import type { CommandServices } from '../commands';
import { readArgs } from './target';

/** Where {@link moveToItem} moved the selection. */
export interface MovedTo extends Span {
  readonly kind: string;
  /** The annotation's id when the item is an annotation. */
  readonly id?: string;
}

/**
 * `reportAnnotator.next` / `reportAnnotator.previous` `{kind?}`: selects the
 * next (or previous) highlighted item after (before) the cursor in the active
 * report, wrapping around at the ends, and scrolls to it.
 *
 * @returns the item selected, or undefined when there is none.
 */
export async function moveToItem(services: CommandServices, direction: 'next' | 'previous', arg: unknown): Promise<MovedTo | undefined> {
  const args = readArgs(arg);
  const editor = vscode.window.activeTextEditor;
  const session = editor && services.sessions.get(editor.document.uri);
  if (!editor || !session) return undefined;
  session.completeDetection();
  const items: MovedTo[] = [
    ...session.openDetections.map((d) => ({ kind: d.kind, start: d.start, end: d.end })),
    ...session.annotations.filter((a) => a.status !== 'rejected').map((a) => ({ kind: a.kind, start: a.start, end: a.end, id: a.id })),
  ]
    .filter((item) => !args.kind || item.kind === args.kind)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  if (items.length === 0) return undefined;
  const positions = session.positions;
  const cursor = positions.codePointAt(editor.selection.start);
  const item =
    direction === 'next'
      ? (items.find((candidate) => candidate.start > cursor) ?? items[0])
      : ([...items].reverse().find((candidate) => candidate.start < cursor) ?? items[items.length - 1]);
  if (!item) return undefined;
  const range = positions.rangeOf(item);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return item;
}
