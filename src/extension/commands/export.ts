import * as vscode from 'vscode';
import type { ExportItem } from '../../core/export/export-item';
import { toBrat } from '../../core/export/brat';
import { toCsv } from '../../core/export/csv';
import { toJsonExport } from '../../core/export/json';
import { toW3cJson } from '../../core/export/w3c';
import type { Annotation } from '../../core/model';
import type { CommandServices } from '../commands';
import { basenameOf, siblingUri } from '../vscode-file-system';
import { readArgs } from './target';

/** Export formats, with what they write. */
const FORMATS = {
  csv: { label: 'CSV', detail: 'One row per annotation, for spreadsheets (UTF-8 with BOM)', extension: 'csv' },
  json: { label: 'JSON', detail: 'The annotations with their file', extension: 'json' },
  w3c: { label: 'W3C Web Annotation', detail: 'JSON-LD with quote and position selectors', extension: 'jsonld' },
  brat: { label: 'brat standoff', detail: 'A .ann file for one report, with code-point offsets', extension: 'ann' },
} as const;

type ExportFormat = keyof typeof FORMATS;

const isFormat = (value: string | undefined): value is ExportFormat => value !== undefined && Object.hasOwn(FORMATS, value);

/**
 * `reportAnnotator.export` `{format?, uri?, out?}`: writes the annotations of
 * the report `uri` (default: the active report; with neither, every annotated
 * report in the workspace) to `out` (a URI string or a path). Asks for the
 * format and the location when they are absent.
 *
 * @returns the output URI string, or undefined when cancelled or there is nothing to export.
 */
export async function exportAnnotations(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const args = readArgs(arg);
  await services.sessions.whenIdle();
  const items = await collectItems(services, args.uri);
  if (items === undefined) return undefined;
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Report Annotator: there are no annotations to export.');
    return undefined;
  }
  if (args.format !== undefined && !isFormat(args.format)) {
    void vscode.window.showErrorMessage(`Report Annotator: unknown export format "${args.format}" (use ${Object.keys(FORMATS).join(', ')}).`);
    return undefined;
  }
  const format = args.format ?? (await pickFormat());
  if (!format) return undefined;
  const out = args.out ? toUri(args.out) : await askWhere(services, args.uri, format);
  if (!out) return undefined;
  let text: string;
  if (format === 'brat') {
    // brat keeps one file per report, and needs the report's text to place line breaks.
    const reports = new Set(items.map((item) => item.reportUri.toString()));
    const [only] = reports;
    if (reports.size !== 1 || only === undefined) {
      void vscode.window.showErrorMessage('Report Annotator: brat standoff holds one report; export from an open report or pass {uri}.');
      return undefined;
    }
    const reportText = await readReportText(services, vscode.Uri.parse(only));
    if (reportText === undefined) return undefined;
    text = toBrat(items.map((item) => item.annotation), reportText);
  } else {
    text = render(format, items);
  }
  await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(text));
  services.log.info(`Exported ${items.length} annotation(s) as ${format} to ${out.toString(true)}`);
  return out.toString();
}

/** An export item and the report it came from. */
interface ReportItem extends ExportItem {
  readonly reportUri: vscode.Uri;
}

function render(format: Exclude<ExportFormat, 'brat'>, items: readonly ExportItem[]): string {
  switch (format) {
    case 'csv':
      return toCsv(items, { bom: true });
    case 'json':
      return toJsonExport(items);
    case 'w3c':
      return toW3cJson(items);
  }
}

/** The items to export, or undefined (after telling the user) when the report cannot be read. */
async function collectItems(services: CommandServices, uri: string | undefined): Promise<ReportItem[] | undefined> {
  const index = services.workspaceAnnotations;
  const active = vscode.window.activeTextEditor?.document.uri;
  const reportUri = uri ? vscode.Uri.parse(uri) : active && services.sessions.get(active) ? active : undefined;
  if (!reportUri) {
    await index.refreshAll();
    return index.entries.flatMap((entry) => toItems(entry.reportUri, entry.annotations));
  }
  const session = services.sessions.get(reportUri);
  if (session) {
    await session.loaded;
    if (session.problem) {
      void vscode.window.showErrorMessage(`Report Annotator: cannot export, the sidecar cannot be read. ${session.problem.message}`);
      return undefined;
    }
    return toItems(reportUri, session.annotations);
  }
  await index.refreshAll();
  const entry = index.entryFor(reportUri);
  if (entry?.problem) {
    void vscode.window.showErrorMessage(`Report Annotator: cannot export, the sidecar cannot be read. ${entry.problem.message}`);
    return undefined;
  }
  return toItems(reportUri, entry?.annotations ?? []);
}

function toItems(reportUri: vscode.Uri, annotations: readonly Annotation[]): ReportItem[] {
  const file = vscode.workspace.asRelativePath(reportUri, false);
  return annotations.map((annotation) => ({ file, annotation, reportUri }));
}

/** The report's text: the editor's when open (the offsets refer to it), else the file's. */
async function readReportText(services: CommandServices, reportUri: vscode.Uri): Promise<string | undefined> {
  const session = services.sessions.get(reportUri);
  if (session) return session.document.getText();
  const bytes = await services.fs.readFile(reportUri.toString());
  if (!bytes) {
    void vscode.window.showErrorMessage(`Report Annotator: cannot read ${reportUri.toString(true)}.`);
    return undefined;
  }
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    Object.entries(FORMATS).map(([format, { label, detail }]) => ({ label, detail, format: format as ExportFormat })),
    { title: 'Report Annotator: export as…' },
  );
  return picked?.format;
}

async function askWhere(services: CommandServices, uri: string | undefined, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const extension = FORMATS[format].extension;
  const active = vscode.window.activeTextEditor?.document.uri;
  const report = uri ? vscode.Uri.parse(uri) : active && services.sessions.get(active) ? active : undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const defaultUri = report ? siblingUri(report, `${basenameOf(report)}.annotations.${extension}`) : folder ? vscode.Uri.joinPath(folder, `annotations.${extension}`) : undefined;
  return vscode.window.showSaveDialog({ defaultUri, filters: { [FORMATS[format].label]: [extension] }, title: 'Report Annotator: export annotations' });
}

/** A URI string, or a path (absolute, or relative to the first workspace folder). */
function toUri(out: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:/i.test(out) && !/^[a-z]:[\\/]/i.test(out)) return vscode.Uri.parse(out);
  if (out.startsWith('/') || /^[a-z]:[\\/]/i.test(out)) return vscode.Uri.file(out);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, out) : vscode.Uri.file(out);
}
