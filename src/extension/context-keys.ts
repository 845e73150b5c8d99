/**
 * Context keys for `when` clauses: whether the active editor is a report and
 * whether the cursor is on a detection or an annotation, so menus and
 * keybindings appear only where they apply.
 */
import * as vscode from 'vscode';
import type { ReportSessions } from './report-sessions';

const KEYS = {
  isReport: 'reportAnnotator.isReport',
  onDetection: 'reportAnnotator.onDetection',
  onAnnotation: 'reportAnnotator.onAnnotation',
} as const;

/** Updates the context keys as the active editor, selection and annotations change. */
export class ContextKeys implements vscode.Disposable {
  readonly #sessions: ReportSessions;
  readonly #disposables: vscode.Disposable[];
  readonly #values = new Map<string, boolean>();

  constructor(sessions: ReportSessions) {
    this.#sessions = sessions;
    const update = () => this.update();
    this.#disposables = [
      vscode.window.onDidChangeActiveTextEditor(update),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) update();
      }),
      sessions.onDidOpen(update),
      sessions.onDidClose(update),
      sessions.onDidChangeAnnotations(update),
    ];
    this.update();
  }

  /** Recomputes the keys for the active editor. */
  update(): void {
    const editor = vscode.window.activeTextEditor;
    const session = editor && this.#sessions.get(editor.document.uri);
    let onDetection = false;
    let onAnnotation = false;
    if (editor && session) {
      const offset = session.positions.codePointAt(editor.selection.active);
      onAnnotation = session.annotationAt(offset) !== undefined;
      onDetection = !onAnnotation && session.detectionAt(offset) !== undefined;
    }
    this.#set(KEYS.isReport, session !== undefined);
    this.#set(KEYS.onDetection, onDetection);
    this.#set(KEYS.onAnnotation, onAnnotation);
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }

  #set(key: string, value: boolean): void {
    if (this.#values.get(key) === value) return;
    this.#values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
