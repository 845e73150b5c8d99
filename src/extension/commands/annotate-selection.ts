import * as vscode from 'vscode';
import type { CommandServices } from '../commands';
import type { ReportSession } from '../report-session';
import { idsOf, takeNewId } from './annotation-edits';
import { editorOf, readArgs, resolveSession } from './target';

const BUILT_IN_KINDS = ['metric', 'quote', 'recommendation'];
const OTHER_KIND_LABEL = '$(edit) Other kind…';

/**
 * `reportAnnotator.annotateSelection` `{uri?, kind?, start?, end?}`: a new
 * accepted annotation of `kind` on the span (code points) or the selection.
 * Without `kind`, asks: the built-in kinds, kinds already used, or a new one.
 *
 * @returns the new annotation's id, or undefined when cancelled or nothing is selected.
 */
export async function annotateSelection(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const args = readArgs(arg);
  const session = await resolveSession(services, args);
  if (!session) return undefined;
  const span = args.start !== undefined && args.end !== undefined ? { start: args.start, end: args.end } : selectedSpan(session);
  if (!span || span.end <= span.start) {
    void vscode.window.showInformationMessage('Report Annotator: select the text to annotate first.');
    return undefined;
  }
  const kind = args.kind?.trim() || (await pickKind(services, session));
  if (!kind) return undefined;
  const changes = await session.commit((factory) => {
    const id = takeNewId(session);
    // Selecting exactly a detection keeps its attributes (value, speaker…).
    const detection = session.detectionWithSpan(kind, span);
    const after = detection ? factory.fromDetection(detection, { status: 'accepted', id }) : factory.fromSpan(kind, span.start, span.end, { status: 'accepted', id });
    return [{ before: undefined, after }];
  });
  return idsOf(changes)[0];
}

function selectedSpan(session: ReportSession): { start: number; end: number } | undefined {
  const editor = editorOf(session);
  return editor ? session.positions.spanOf(editor.selection) : undefined;
}

async function pickKind(services: CommandServices, session: ReportSession): Promise<string | undefined> {
  const used = new Set([...services.workspaceAnnotations.kindsInUse(), ...session.annotations.map((annotation) => annotation.kind)]);
  const kinds = [...new Set([...BUILT_IN_KINDS, ...used])];
  const picked = await vscode.window.showQuickPick([...kinds.map((kind) => ({ label: kind })), { label: OTHER_KIND_LABEL, alwaysShow: true }], {
    title: 'Report Annotator: annotate selection as…',
    placeHolder: 'Kind of annotation',
  });
  if (!picked) return undefined;
  if (picked.label !== OTHER_KIND_LABEL) return picked.label;
  const typed = await vscode.window.showInputBox({
    title: 'Report Annotator: new kind',
    prompt: 'Name of the kind (letters, digits, - and _)',
    validateInput: (value) => (/^[\p{L}\p{N}_-]+$/u.test(value.trim()) ? undefined : 'Use letters, digits, - and _ only'),
  });
  return typed?.trim() || undefined;
}
