/**
 * Problems-panel entries: a malformed sidecar as an error at the place the
 * parser stopped; each orphaned annotation as a warning on its entry in the
 * sidecar, and as information on the report at its last known place.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/model';
import type { SidecarEntry, WorkspaceAnnotations } from './workspace-annotations';

/** The `source` of every diagnostic the extension reports. */
export const DIAGNOSTIC_SOURCE = 'Report Annotator';

/** Keeps the diagnostic collection in step with the workspace's sidecars. */
export class SidecarDiagnostics implements vscode.Disposable {
  readonly #collection = vscode.languages.createDiagnosticCollection('reportAnnotator');
  readonly #index: WorkspaceAnnotations;
  readonly #subscription: vscode.Disposable;

  constructor(index: WorkspaceAnnotations) {
    this.#index = index;
    this.#subscription = index.onDidChange(() => this.update());
  }

  /** Recomputes every diagnostic from the index. */
  update(): void {
    this.#collection.clear();
    const byUri = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, diagnostic: vscode.Diagnostic) => {
      const slot = byUri.get(uri.toString()) ?? { uri, diagnostics: [] };
      slot.diagnostics.push(diagnostic);
      byUri.set(uri.toString(), slot);
    };
    for (const entry of this.#index.entries) {
      if (entry.problem) add(entry.sidecarUri, problemDiagnostic(entry));
      for (const annotation of entry.annotations) {
        if (!annotation.orphaned || annotation.status === 'rejected') continue;
        add(entry.sidecarUri, orphanDiagnostic(entry, annotation));
        add(entry.reportUri, orphanInReportDiagnostic(annotation));
      }
    }
    for (const { uri, diagnostics } of byUri.values()) this.#collection.set(uri, diagnostics);
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#collection.dispose();
  }
}

function problemDiagnostic(entry: SidecarEntry): vscode.Diagnostic {
  const problem = entry.problem as NonNullable<SidecarEntry['problem']>;
  const line = Math.max(0, (problem.line ?? 1) - 1);
  const column = Math.max(0, (problem.column ?? 1) - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, column, line, column + 1),
    `${problem.message} The annotations of this report are not shown, and the file is not written until it is fixed.`,
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

function orphanDiagnostic(entry: SidecarEntry, annotation: Annotation): vscode.Diagnostic {
  const line = Math.max(0, (entry.sidecarLines.get(annotation.id) ?? 1) - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
    `Annotation ${annotation.id} (${annotation.kind}) is orphaned: its text “${shorten(annotation.text)}” is no longer in the report.`,
    vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = 'orphaned';
  return diagnostic;
}

function orphanInReportDiagnostic(annotation: Annotation): vscode.Diagnostic {
  const line = Math.max(0, annotation.line - 1);
  const column = Math.max(0, annotation.column - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, column, line, column),
    `Orphaned ${annotation.kind} annotation ${annotation.id} was last here: “${shorten(annotation.text)}”.`,
    vscode.DiagnosticSeverity.Information,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = 'orphaned';
  return diagnostic;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
