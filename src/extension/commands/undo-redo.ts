import * as vscode from 'vscode';
import type { CommandServices } from '../commands';
import { readArgs, resolveSession } from './target';

/**
 * `reportAnnotator.undo` / `reportAnnotator.redo` `{uri?}`: undoes (redoes)
 * the last annotation change in the report — a command's whole effect at once
 * (all of an `acceptAll`) — and saves the sidecar.
 *
 * @returns the ids touched; empty when there was nothing to undo or redo.
 */
export async function stepHistory(services: CommandServices, step: 'undo' | 'redo', arg: unknown): Promise<string[]> {
  const session = await resolveSession(services, readArgs(arg));
  if (!session) return [];
  const ids = step === 'undo' ? await session.undo() : await session.redo();
  if (ids.length === 0) void vscode.window.showInformationMessage(`Report Annotator: nothing to ${step} in this report.`);
  return ids;
}
