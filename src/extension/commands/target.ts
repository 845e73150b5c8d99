/**
 * What a command acts on. Every command takes one optional argument object;
 * these helpers read it strictly (wrong shapes are ignored field by field,
 * never guessed at) and fall back to the active editor: the annotation or
 * detection under the cursor, or the selection.
 */
import * as vscode from 'vscode';
import type { Annotation, Detection, Span } from '../../core/model';
import type { CommandServices } from '../commands';
import type { ReportSession } from '../report-session';

/** The fields commands accept, all optional. */
export interface CommandArgs {
  readonly uri?: string;
  readonly id?: string;
  readonly start?: number;
  readonly end?: number;
  readonly kind?: string;
  readonly tags?: readonly string[];
  readonly note?: string;
  readonly format?: string;
  readonly out?: string;
  readonly tag?: string;
}

/** The item a command acts on: an existing annotation, or a detection not yet kept. */
export type Target = { readonly annotation: Annotation } | { readonly detection: Detection };

/** Reads the known fields of a command argument, dropping any of the wrong type. */
export function readArgs(arg: unknown): CommandArgs {
  if (typeof arg !== 'object' || arg === null) return {};
  const raw = arg as Record<string, unknown>;
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const count = (key: string) => (typeof raw[key] === 'number' && Number.isInteger(raw[key]) && (raw[key] as number) >= 0 ? (raw[key] as number) : undefined);
  const uri = raw.uri instanceof vscode.Uri ? raw.uri.toString() : text('uri');
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '').map((tag) => tag.trim()) : undefined;
  return {
    uri,
    id: text('id'),
    start: count('start'),
    end: count('end'),
    kind: text('kind'),
    tags,
    note: text('note'),
    format: text('format'),
    out: text('out'),
    tag: text('tag'),
  };
}

/**
 * The report session the command is about: the `uri` argument's (opening
 * the document when it is not open yet) or the active editor's. Tells the
 * user and returns undefined when there is none.
 */
export async function resolveSession(services: CommandServices, args: CommandArgs): Promise<ReportSession | undefined> {
  if (args.uri) {
    const uri = vscode.Uri.parse(args.uri);
    const open = services.sessions.get(uri);
    if (open) return open;
    const document = await vscode.workspace.openTextDocument(uri);
    const session = services.sessions.get(document.uri);
    if (!session) void vscode.window.showWarningMessage(`Report Annotator: ${args.uri} is not a report (see the setting reportAnnotator.include) or is too large.`);
    return session;
  }
  const editor = vscode.window.activeTextEditor;
  const session = editor && services.sessions.get(editor.document.uri);
  if (!session) void vscode.window.showInformationMessage('Report Annotator: open a report first.');
  return session;
}

/** The active editor when it shows the session's document. */
export function editorOf(session: ReportSession): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document === session.document ? editor : undefined;
}

/**
 * The annotation or detection to act on: by `id`, by `start`/`end` (a
 * detection with exactly that span, else the annotation or detection
 * covering `start`), or under the active editor's cursor.
 */
export function resolveTarget(session: ReportSession, args: CommandArgs): Target | undefined {
  session.completeDetection();
  if (args.id !== undefined) {
    const annotation = session.annotation(args.id);
    return annotation ? { annotation } : undefined;
  }
  if (args.start !== undefined) return targetAtSpan(session, { start: args.start, end: args.end ?? args.start });
  const editor = editorOf(session);
  if (!editor) return undefined;
  const positions = session.positions;
  return targetAtSpan(session, positions.spanOf(editor.selection));
}

function targetAtSpan(session: ReportSession, span: Span): Target | undefined {
  const annotation = session.annotations.find((a) => a.start === span.start && a.end === span.end && a.status !== 'rejected');
  if (annotation) return { annotation };
  const exact = session.openDetections.find((d) => d.start === span.start && d.end === span.end);
  if (exact) return { detection: exact };
  const covering = session.annotationAt(span.start);
  if (covering) return { annotation: covering };
  const detection = session.detectionAt(span.start);
  return detection ? { detection } : undefined;
}

/** Says nothing is there to act on; returns undefined for the command's result. */
export function tellNothingHere(what: string): undefined {
  void vscode.window.showInformationMessage(`Report Annotator: no ${what} here. Put the cursor on a highlight, or pass {id} or {start, end}.`);
  return undefined;
}
