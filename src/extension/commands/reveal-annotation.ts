import * as vscode from 'vscode';
import type { CommandServices } from '../commands';
import { readArgs } from './target';

/**
 * `reportAnnotator.reveal` `{uri, id}` (from the Annotations view): opens the
 * report and selects the annotation's text.
 *
 * @returns whether the annotation was found.
 */
export async function revealAnnotation(services: CommandServices, arg: unknown): Promise<boolean> {
  const args = readArgs(arg);
  if (!args.uri || !args.id) return false;
  const uri = vscode.Uri.parse(args.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  const session = services.sessions.get(uri);
  if (!session) return false;
  await session.loaded;
  const annotation = session.annotation(args.id);
  if (!annotation) return false;
  const range = session.positions.rangeOf(annotation);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
