/**
 * Shared steps of the extension-host tests: getting the extension's API,
 * making a fresh report per test (so no test sees another's sidecar), opening
 * it and waiting for its highlights, reading the sidecar from disk, and
 * converting the core's code-point offsets to editor positions.
 *
 * Waiting is always on the extension's own signals — `whenIdle()` and
 * `onDidUpdateDecorations` — in bounded polls, never on fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse, parseDocument } from 'yaml';
import type { Annotation, Detection, DetectionKind } from '../../src/core/model';
import { OffsetMap } from '../../src/core/text/code-points';
import type { ReportAnnotatorApi } from '../../src/extension/api';

export type { ReportAnnotatorApi };

/** The extension's id: `publisher.name` from package.json. */
export const extensionId = 'report-annotator.report-annotator';

/** How long any single wait may take before the test fails with a message saying what was awaited. */
export const waitLimitMs = 15_000;

/** Activates the extension (once; later calls return the same API). */
export async function getApi(): Promise<ReportAnnotatorApi> {
  const extension = vscode.extensions.getExtension<ReportAnnotatorApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is not loaded`);
  return extension.activate();
}

/** The single folder the runner opens. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need an open workspace folder');
  return folder.uri;
}

/** The fixture workspace's file at `path` (relative to its root). */
export function fixtureUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'));
}

/**
 * Writes `text` as a new report under `scratch/` with a unique name, so each
 * test owns its report and its sidecar.
 */
export async function createReport(text: string, name = 'report', extension = 'txt'): Promise<vscode.Uri> {
  // Each test file bundles its own copy of this module, so the name needs more than a counter to be unique.
  const unique = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${name}-${unique}.${extension}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Makes a test report from one of the fixture reports. */
export async function copyFixtureReport(path: string): Promise<vscode.Uri> {
  const text = await readText(fixtureUri(path));
  const base = path.split('/').pop()!.replace(/\.\w+$/, '');
  return createReport(text, base);
}

/** Reads a file as UTF-8 through `vscode.workspace.fs`. */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Whether `uri` exists on disk. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The sidecar's location: `NAME.EXT.annotations.yaml` beside `NAME.EXT`. */
export function sidecarUri(report: vscode.Uri): vscode.Uri {
  return report.with({ path: `${report.path}.annotations.yaml` });
}

/** What the tests read from a sidecar: its top level and its annotations. */
export interface SidecarContent {
  readonly version: number;
  readonly source: string;
  readonly annotations: readonly Annotation[];
}

/** What an annotation's optional keys mean when the sidecar leaves them out. */
const annotationDefaults = { prefix: '', suffix: '', tags: [], note: '' } as const;

/** Reads and parses the sidecar of `report` from disk, after pending saves are done; fails when it is not there. */
export async function readSidecar(api: ReportAnnotatorApi, report: vscode.Uri): Promise<SidecarContent> {
  await api.whenIdle();
  const uri = sidecarUri(report);
  assert.ok(await exists(uri), `no sidecar was written at ${uri.path}`);
  const text = await readText(uri);
  const document = parseDocument(text);
  assert.deepEqual(document.errors, [], `the sidecar ${uri.path} is not valid YAML`);
  const content = parse(text) as (Omit<SidecarContent, 'annotations'> & { annotations?: Annotation[] | null }) | null;
  // The format (schemas/annotations.schema.json) reads a null or absent list as no annotations.
  assert.ok(content && (content.annotations == null || Array.isArray(content.annotations)), `the sidecar ${uri.path} has no annotations list:\n${text}`);
  // Keys the format lets a writer leave out read as their defaults, as the store reads them.
  const annotations = (content.annotations ?? []).map((annotation) => ({ ...annotationDefaults, ...annotation }));
  return { ...content, annotations };
}

/** The annotations of `report`'s sidecar, or an empty list when it has none yet. */
export async function readAnnotations(api: ReportAnnotatorApi, report: vscode.Uri): Promise<readonly Annotation[]> {
  await api.whenIdle();
  if (!(await exists(sidecarUri(report)))) return [];
  return (await readSidecar(api, report)).annotations;
}

/**
 * Polls `probe` after each idle point of the extension until it returns a
 * value other than `undefined`/`false`, or fails after {@link waitLimitMs}
 * with `what` in the message. Between polls it waits for the next redraw or
 * a short tick, whichever comes first.
 */
export async function waitFor<T>(api: ReportAnnotatorApi, what: string, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + waitLimitMs;
  for (;;) {
    await api.whenIdle();
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${waitLimitMs} ms waiting for ${what}`);
    await nextRedrawOrTick(api);
  }
}

/** Resolves on the next `onDidUpdateDecorations` or after one poll tick. */
function nextRedrawOrTick(api: ReportAnnotatorApi): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 25);
    const listener = api.onDidUpdateDecorations(done);
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

/** Opens `uri` in an editor and waits until the extension has detected and drawn it. */
export async function openReport(api: ReportAnnotatorApi, uri: vscode.Uri, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
  await waitFor(api, `the detections of ${uri.path}`, () => api.detectionsFor(uri) !== undefined);
  return editor;
}

/** Closes every editor (between tests, so each starts from a clean window). */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The current detections of an open report; fails when the extension has none for it. */
export function detectionsOf(api: ReportAnnotatorApi, uri: vscode.Uri): readonly Detection[] {
  const detections = api.detectionsFor(uri);
  assert.ok(detections, `the extension has no detections for ${uri.path}`);
  return detections;
}

/** The first detection of `kind` whose text contains `fragment`; fails with the detections found otherwise. */
export function findDetection(api: ReportAnnotatorApi, uri: vscode.Uri, kind: DetectionKind, fragment: string): Detection {
  const detections = detectionsOf(api, uri);
  const found = detections.find((detection) => detection.kind === kind && detection.text.includes(fragment));
  assert.ok(found, `no ${kind} detection containing "${fragment}"; found: ${JSON.stringify(detections.map((d) => [d.kind, d.text]))}`);
  return found;
}

/** Code-point offset of the first `needle` in `text` (after `from`, a code-point offset). */
export function codePointOffsetOf(text: string, needle: string, from = 0): number {
  const map = new OffsetMap(text);
  const index = text.indexOf(needle, map.toUtf16(from));
  assert.ok(index >= 0, `"${needle}" is not in the text`);
  return map.toCodePoint(index);
}

/** The editor range of a code-point span in `document`. */
export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  const map = new OffsetMap(document.getText());
  return new vscode.Range(document.positionAt(map.toUtf16(span.start)), document.positionAt(map.toUtf16(span.end)));
}

/** Puts the cursor (an empty selection) at a code-point offset of `editor`'s document. */
export function placeCursor(editor: vscode.TextEditor, codePoint: number): void {
  const map = new OffsetMap(editor.document.getText());
  const position = editor.document.positionAt(map.toUtf16(codePoint));
  editor.selection = new vscode.Selection(position, position);
}

/** Selects a code-point span in `editor`. */
export function selectSpan(editor: vscode.TextEditor, span: { start: number; end: number }): void {
  const range = rangeOf(editor.document, span);
  editor.selection = new vscode.Selection(range.start, range.end);
}

/** The text each range of a decoration style covers, for comparing with detections. */
export function decoratedTexts(api: ReportAnnotatorApi, document: vscode.TextDocument, style: string): string[] {
  return (api.decorationsFor(document.uri)[style] ?? []).map((range) => document.getText(range));
}

/** Sets a setting for the workspace and returns a function that restores its previous value. */
export async function setSetting(section: string, value: unknown): Promise<() => Promise<void>> {
  const [head, ...rest] = section.split('.');
  const key = rest.join('.');
  const configuration = vscode.workspace.getConfiguration(head);
  const previous = configuration.inspect(key)?.workspaceValue;
  await configuration.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => {
    await vscode.workspace.getConfiguration(head).update(key, previous, vscode.ConfigurationTarget.Workspace);
  };
}

/** Every command of the contract, as the README documents them. */
export const commandIds = [
  'reportAnnotator.accept',
  'reportAnnotator.acceptAll',
  'reportAnnotator.reject',
  'reportAnnotator.annotateSelection',
  'reportAnnotator.tag',
  'reportAnnotator.addNote',
  'reportAnnotator.remove',
  'reportAnnotator.next',
  'reportAnnotator.previous',
  'reportAnnotator.toggleHighlights',
  'reportAnnotator.openSidecar',
  'reportAnnotator.export',
  'reportAnnotator.openSample',
  'reportAnnotator.undo',
  'reportAnnotator.redo',
] as const;

/** Runs one of the extension's commands. */
export function run<T = unknown>(command: (typeof commandIds)[number], arg?: object): Thenable<T> {
  return arg === undefined ? vscode.commands.executeCommand<T>(command) : vscode.commands.executeCommand<T>(command, arg);
}

/** The ids a command returned: commands return one id, a list of ids, or an object carrying them. */
export function idsFrom(result: unknown): string[] {
  if (typeof result === 'string') return [result];
  if (Array.isArray(result)) return result.flatMap((item) => idsFrom(item));
  if (result && typeof result === 'object') {
    const record = result as Record<string, unknown>;
    if (typeof record.id === 'string') return [record.id];
    if (Array.isArray(record.ids)) return idsFrom(record.ids);
  }
  return [];
}

/** The one annotation with `id` in `annotations`; fails with the ids present otherwise. */
export function annotationById(annotations: readonly Annotation[], id: string): Annotation {
  const found = annotations.find((annotation) => annotation.id === id);
  assert.ok(found, `no annotation ${id} in the sidecar; it has ${JSON.stringify(annotations.map((a) => a.id))}`);
  return found;
}
