/**
 * What `activate()` hands back: the surface the extension-host tests and the
 * editor benchmark use to observe the extension without reaching into it.
 */
import type * as vscode from 'vscode';
import type { Detection } from '../core/model';

/** Decoration style ids, as reported by {@link ReportAnnotatorApi.decorationsFor}. */
export type DecorationStyleId =
  | 'metric'
  | 'quote'
  | 'recommendation'
  | 'metric.accepted'
  | 'quote.accepted'
  | 'recommendation.accepted'
  | 'custom.accepted'
  | 'orphaned';

export interface ReportAnnotatorApi {
  /** Resolves once detection, decoration and pending sidecar saves for every open report are done. */
  whenIdle(): Promise<void>;
  /**
   * What is drawn in a visible editor of `uri`: for each decoration style id the ranges it covers
   * (only the visible part of the document, plus a margin, is ever drawn). Empty when no editor shows it.
   */
  decorationsFor(uri: vscode.Uri): Record<string, vscode.Range[]>;
  /** Current detections (code-point offsets, as the core gives them) for an open report, or undefined when not a report / too large. */
  detectionsFor(uri: vscode.Uri): readonly Detection[] | undefined;
  /** The Annotations view's data provider (getChildren/getTreeItem), for checking its items. */
  readonly annotationsView: vscode.TreeDataProvider<unknown>;
  /** Fires after every redraw of decorations (benchmarks time open→highlights and keystroke→highlights with it). */
  readonly onDidUpdateDecorations: vscode.Event<{ uri: vscode.Uri; durationMs: number }>;
}
