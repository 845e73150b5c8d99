/**
 * The status-bar item: the active report's detections and annotations at a
 * glance; clicking it focuses the Annotations view.
 */
import * as vscode from 'vscode';
import { ANNOTATIONS_VIEW_ID } from './annotations-tree';
import type { ReportSessions } from './report-sessions';

/** Shows the counts of the active report; hidden for other editors. */
export class AnnotationStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('reportAnnotator.counts', vscode.StatusBarAlignment.Right, 100);
  readonly #sessions: ReportSessions;
  readonly #disposables: vscode.Disposable[];
  #visible = false;

  constructor(sessions: ReportSessions) {
    this.#sessions = sessions;
    this.#item.name = 'Report Annotator';
    this.#item.command = `${ANNOTATIONS_VIEW_ID}.focus`;
    const update = () => this.update();
    this.#disposables = [
      this.#item,
      vscode.window.onDidChangeActiveTextEditor(update),
      sessions.onDidOpen(update),
      sessions.onDidClose(update),
      sessions.onDidEdit(({ session }) => {
        if (session.document === vscode.window.activeTextEditor?.document) update();
      }),
      sessions.onDidChangeAnnotations(update),
    ];
    this.update();
  }

  /** Redraws the item for the active editor. */
  update(): void {
    const editor = vscode.window.activeTextEditor;
    const session = editor && this.#sessions.get(editor.document.uri);
    if (!session) {
      const skipped = editor && this.#sessions.skipReason(editor.document.uri);
      if (skipped === 'too-large') {
        this.#item.text = '$(circle-slash) Report too large';
        this.#item.tooltip = 'Report Annotator: this file is larger than reportAnnotator.maxFileSizeMB, so it is not highlighted.';
        this.#show();
      } else {
        this.#item.hide();
        this.#visible = false;
      }
      return;
    }
    const counts = session.detector.counts;
    const kept = session.annotations.filter((a) => a.status === 'accepted');
    const orphaned = kept.filter((a) => a.orphaned).length;
    const text = `$(graph) ${counts.metric}  $(quote) ${counts.quote}  $(lightbulb) ${counts.recommendation}  $(check) ${kept.length}${orphaned > 0 ? `  $(warning) ${orphaned}` : ''}`;
    // Typing updates the counts on every keystroke; only a changed text is sent to the window.
    if (text === this.#item.text && this.#visible) return;
    this.#item.text = text;
    this.#item.tooltip = `Report Annotator — ${counts.metric} metrics, ${counts.quote} quotes, ${counts.recommendation} recommendations detected; ${kept.length} annotations kept${orphaned > 0 ? `, ${orphaned} orphaned` : ''}. Click to show the Annotations view.`;
    this.#show();
  }

  #show(): void {
    this.#item.show();
    this.#visible = true;
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
