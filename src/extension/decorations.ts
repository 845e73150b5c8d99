/**
 * Draws detections and annotations in every visible report editor.
 *
 * Only the visible lines (plus a margin, so a short scroll shows colour at
 * once) are decorated: a 10 MB report holds about 100,000 detections, and
 * handing them all to `setDecorations` on every keystroke would take far
 * longer than the typing. Scrolling and switching editors redraw at once.
 *
 * The decoration types are made once. Their colours are theme colours
 * (`contributes.colors`), so theme changes and user overrides apply without
 * recreating them.
 */
import * as vscode from 'vscode';
import type { Annotation, Detection } from '../core/model';
import type { DecorationStyleId } from './api';
import type { ReportSession } from './report-session';
import type { ReportSessions } from './report-sessions';
import type { Settings } from './settings';

const KNOWN_KINDS = new Set(['metric', 'quote', 'recommendation']);

/** Lines drawn above and below the visible ones: at least this many, or one screenful. */
const MIN_MARGIN_LINES = 30;

/** Every style, in drawing order. */
export const STYLE_IDS: readonly DecorationStyleId[] = ['metric', 'quote', 'recommendation', 'metric.accepted', 'quote.accepted', 'recommendation.accepted', 'custom.accepted', 'orphaned'];

const themeColor = (id: string) => new vscode.ThemeColor(`reportAnnotator.${id}`);

function createStyle(extensionUri: vscode.Uri, style: DecorationStyleId): vscode.TextEditorDecorationType {
  const icon = (name: string) => ({
    light: { gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', `${name}-light.svg`), gutterIconSize: 'contain' },
    dark: { gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', `${name}-dark.svg`), gutterIconSize: 'contain' },
  });
  if (style === 'orphaned') {
    return vscode.window.createTextEditorDecorationType({
      textDecoration: 'underline wavy',
      color: themeColor('orphanedForeground'),
      overviewRulerColor: themeColor('orphanedForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      ...icon('orphaned'),
    });
  }
  const [kind, accepted] = style.split('.') as [string, string | undefined];
  const background = themeColor(kind === 'custom' ? 'customBackground' : `${kind}Background`);
  if (!accepted) {
    // A detection: a light tint and a dotted underline, the look of a suggestion.
    return vscode.window.createTextEditorDecorationType({
      backgroundColor: background,
      borderStyle: 'none none dotted none',
      borderWidth: '1px',
      borderColor: background,
      overviewRulerColor: background,
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      ...icon(kind),
    });
  }
  // An accepted annotation: the analyst's decision, so a solid frame and a stronger tint.
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: background,
    border: '1px solid',
    borderColor: themeColor('acceptedBorder'),
    borderRadius: '2px',
    fontWeight: '600',
    overviewRulerColor: themeColor('acceptedBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    ...icon('accepted'),
  });
}

/** The style an annotation is drawn with, or undefined when it is not drawn (rejected). */
export function styleOfAnnotation(annotation: Annotation): DecorationStyleId | undefined {
  if (annotation.status === 'rejected') return undefined;
  if (annotation.orphaned) return 'orphaned';
  return KNOWN_KINDS.has(annotation.kind) ? (`${annotation.kind}.accepted` as DecorationStyleId) : 'custom.accepted';
}

/** Draws and redraws decorations; reports each redraw. */
export class Decorations implements vscode.Disposable {
  readonly #sessions: ReportSessions;
  readonly #settings: Settings;
  readonly #types: ReadonlyMap<DecorationStyleId, vscode.TextEditorDecorationType>;
  /** What was last drawn, per document URI. */
  readonly #drawn = new Map<string, Record<string, vscode.Range[]>>();
  readonly #onDidUpdate = new vscode.EventEmitter<{ uri: vscode.Uri; durationMs: number }>();
  readonly #disposables: vscode.Disposable[] = [];
  /** Fires after each redraw. */
  readonly onDidUpdate = this.#onDidUpdate.event;

  constructor(extensionUri: vscode.Uri, sessions: ReportSessions, settings: Settings) {
    this.#sessions = sessions;
    this.#settings = settings;
    this.#types = new Map(STYLE_IDS.map((style) => [style, createStyle(extensionUri, style)]));
    this.#disposables.push(
      ...this.#types.values(),
      this.#onDidUpdate,
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.#redrawEditor(event.textEditor, performance.now())),
      sessions.onDidOpen((session) => this.redrawDocument(session.document)),
      sessions.onDidEdit(({ session, startedAt, cause, changed }) => {
        // A slice of a large report detected far from what is shown changes nothing on screen.
        if (cause === 'slice') this.#redrawIfShown(session.document, changed, startedAt);
        else this.redrawDocument(session.document, startedAt);
      }),
      sessions.onDidChangeAnnotations((session) => this.redrawDocument(session.document)),
      sessions.onDidClose((uri) => this.#forget(uri)),
      settings.onDidChange(() => this.redrawAll()),
    );
    this.redrawAll();
  }

  /** What is drawn in the visible editors of `uri`, per style (copies). */
  drawnFor(uri: vscode.Uri): Record<string, vscode.Range[]> {
    const drawn = this.#drawn.get(uri.toString());
    return Object.fromEntries(STYLE_IDS.map((style) => [style, [...(drawn?.[style] ?? [])]]));
  }

  /** Redraws every visible editor. */
  redrawAll(): void {
    const started = performance.now();
    // Documents no editor shows any more have nothing drawn.
    const visible = new Set(vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString()));
    for (const key of [...this.#drawn.keys()]) if (!visible.has(key)) this.#drawn.delete(key);
    for (const editor of vscode.window.visibleTextEditors) this.#redrawEditor(editor, started);
  }

  /** Redraws the visible editors showing `document`; `started` is when the work that led to it began (for the reported duration). */
  redrawDocument(document: vscode.TextDocument, started = performance.now()): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) this.#redrawEditor(editor, started);
    }
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }

  #redrawIfShown(document: vscode.TextDocument, changed: { start: number; end: number }, started: number): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      const window = drawnWindow(editor);
      if (changed.start <= window.end16 && changed.end >= window.start16) this.#redrawEditor(editor, started);
    }
  }

  #redrawEditor(editor: vscode.TextEditor, started: number): void {
    const session = this.#sessions.get(editor.document.uri);
    const key = editor.document.uri.toString();
    if (!session && !this.#drawn.has(key)) return;
    const ranges = session && session.highlight && this.#settings.current.highlightEnabled ? collectRanges(editor, session) : emptyRanges();
    const before = this.#drawn.get(key);
    for (const [style, type] of this.#types) {
      // Each call crosses to the renderer: skip styles that were and stay empty (most keystrokes touch one or two).
      if (before && before[style]?.length === 0 && ranges[style].length === 0) continue;
      editor.setDecorations(type, ranges[style]);
    }
    if (session) this.#drawn.set(key, ranges);
    else this.#drawn.delete(key);
    this.#onDidUpdate.fire({ uri: editor.document.uri, durationMs: performance.now() - started });
  }

  #forget(uri: vscode.Uri): void {
    this.#drawn.delete(uri.toString());
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri.toString()) for (const type of this.#types.values()) editor.setDecorations(type, []);
    }
  }
}

function emptyRanges(): Record<DecorationStyleId, vscode.Range[]> {
  return Object.fromEntries(STYLE_IDS.map((style) => [style, []])) as unknown as Record<DecorationStyleId, vscode.Range[]>;
}

/** The ranges of each style within the editor's visible lines plus a margin. */
function collectRanges(editor: vscode.TextEditor, session: ReportSession): Record<DecorationStyleId, vscode.Range[]> {
  const ranges = emptyRanges();
  const { start16, end16 } = drawnWindow(editor);
  const positions = session.positions;
  const detections: Detection[] = session.openDetectionsInRange(start16, end16);
  for (const detection of detections) ranges[detection.kind].push(positions.rangeOf(detection));
  const endCp = positions.codePointLength;
  for (const annotation of session.annotationsInRange(positions.codePointOf(start16), positions.codePointOf(end16))) {
    const style = styleOfAnnotation(annotation);
    if (!style) continue;
    const start = Math.min(annotation.start, endCp);
    ranges[style].push(positions.rangeOf({ start, end: Math.max(start, Math.min(annotation.end, endCp)) }));
  }
  return ranges;
}

/** The UTF-16 range drawn in an editor: its visible lines and a margin above and below. */
function drawnWindow(editor: vscode.TextEditor): { start16: number; end16: number } {
  const document = editor.document;
  const visible = editor.visibleRanges;
  const first = visible[0]?.start.line ?? 0;
  const last = visible[visible.length - 1]?.end.line ?? 0;
  const margin = Math.max(MIN_MARGIN_LINES, last - first + 1);
  const fromLine = Math.max(0, first - margin);
  const toLine = Math.min(document.lineCount - 1, last + margin);
  return { start16: document.offsetAt(new vscode.Position(fromLine, 0)), end16: document.offsetAt(document.lineAt(toLine).range.end) };
}
