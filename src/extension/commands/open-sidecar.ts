import * as vscode from 'vscode';
import { sidecarPathOf } from '../../core/store/sidecar-path';
import type { CommandServices } from '../commands';
import { readArgs, resolveSession } from './target';

/**
 * `reportAnnotator.openSidecar` `{uri?}`: opens the report's
 * `.annotations.yaml` beside it.
 *
 * @returns the sidecar's URI string, or undefined when it does not exist yet.
 */
export async function openSidecar(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const session = await resolveSession(services, readArgs(arg));
  if (!session) return undefined;
  await session.whenIdle();
  const path = session.sidecarPath ?? sidecarPathOf(services.fs, session.uri.toString());
  if (!(await services.fs.stat(path))) {
    void vscode.window.showInformationMessage('Report Annotator: this report has no annotations yet, so no sidecar. Accept or annotate something first.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(path));
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return path;
}
