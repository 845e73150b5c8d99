import * as vscode from 'vscode';

/** The sample report shipped with the extension (see .vscodeignore), and the name it is opened under. */
const SAMPLE_PATH = ['walkthrough', 'sample-report.txt'] as const;
const SAMPLE_NAME = 'eastbrook-monitoring-visit.txt';

/**
 * `reportAnnotator.openSample`: opens a short sample inspection letter to try
 * the extension on, for the walkthrough and for anyone without a report at
 * hand. The extension's own folder is read-only (and sidecars must be saved
 * beside the report), so the sample is copied into the extension's global
 * storage first; an existing copy, and the analyst's annotations on it, are
 * kept.
 *
 * @returns the URI string of the opened copy.
 */
export async function openSample(context: vscode.ExtensionContext): Promise<string> {
  const folder = vscode.Uri.joinPath(context.globalStorageUri, 'samples');
  const copy = vscode.Uri.joinPath(folder, SAMPLE_NAME);
  if (!(await exists(copy))) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...SAMPLE_PATH));
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(copy, bytes);
  }
  const document = await vscode.workspace.openTextDocument(copy);
  await vscode.window.showTextDocument(document, { preview: false });
  return copy.toString();
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}
