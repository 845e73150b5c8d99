/**
 * Everything the extension knows about one open report: its incremental
 * detector, its sidecar store, the annotations at their live positions in the
 * (possibly unsaved) text, and the undo history of annotation changes.
 *
 * Positions: the store holds annotations as last saved; while the analyst
 * types, {@link shiftAnnotations} keeps a live copy on its text at keystroke
 * cost. The live positions go back into the store (re-anchored where an edit
 * touched an annotation's own text) before any annotation change is saved,
 * and when the report itself is saved.
 *
 * Sidecar I/O runs one task at a time on a queue, so saves never interleave
 * and `whenIdle` can wait for all of them.
 */
import * as vscode from 'vscode';
import { reanchorAnnotations } from '../core/anchor/reanchor';
import { shiftAnnotations, type SpanChange } from '../core/anchor/shift';
import { IncrementalDetector, type ChangedRange, type TextChange } from '../core/detect/incremental';
import type { Problem } from '../core/errors';
import type { Annotation, Detection, DetectionKind, Span } from '../core/model';
import type { FileSystem, Logger } from '../core/ports';
import { AnnotationStore } from '../core/store/annotation-store';
import { createAnnotationFactory, type AnnotationFactory } from '../core/store/new-annotation';
import { OffsetMap, codePointLength } from '../core/text/code-points';
import { hashText } from '../core/text/hash';
import { DocumentPositions, type OffsetConverter } from './positions';

/** One annotation's state before and after a change; `undefined` means absent. */
export interface AnnotationChange {
  readonly before: Annotation | undefined;
  readonly after: Annotation | undefined;
}

/** Annotation fields a position update rewrites. */
type PositionFields = Pick<Annotation, 'start' | 'end' | 'text' | 'line' | 'column' | 'prefix' | 'suffix' | 'orphaned'>;

/** The text of a large report at open, while its detection is fed in slices. */
interface OpeningText {
  readonly text: string;
  /** How much of `text` (UTF-16 units) the detector has. */
  fedTo: number;
  /** Conversions for the whole text, used until the detector has all of it. */
  readonly offsets: OffsetMap;
}

/** Dependencies of a session, given by the session registry. */
export interface ReportSessionOptions {
  readonly fs: FileSystem;
  readonly logger: Logger;
  readonly kinds: readonly DetectionKind[];
  /** The author written into new annotations (the setting), empty for none. */
  readonly author: () => string;
  /** Runs a sidecar task and tracks it for `whenIdle`. */
  readonly track: <T>(task: Promise<T>) => Promise<T>;
}

const keyOf = (kind: string, span: Span): string => `${kind}\u0000${span.start}\u0000${span.end}`;

/**
 * Detection of a large report runs in slices (UTF-16 units, cut at a line
 * break) with a yield between them, so the extension host stays responsive
 * and the top of the report is highlighted at once. The first slice is about
 * two screens of text.
 */
const FIRST_SLICE = 24_000;
const NEXT_SLICE = 96_000;

/** The live state of one open report. Create with {@link ReportSession.open}; dispose when the document closes. */
export class ReportSession implements vscode.Disposable {
  readonly document: vscode.TextDocument;
  readonly #options: ReportSessionOptions;
  #detector: IncrementalDetector;
  /** While detection is still being fed slices: the text at open, how much of it the detector has, and its offset map. */
  #opening: OpeningText | undefined;
  #disposed = false;
  readonly #onDidDetectMore = new vscode.EventEmitter<ChangedRange>();
  /** Fires after a slice of a large report was detected (not for edits: those return their range). */
  readonly onDidDetectMore = this.#onDidDetectMore.event;
  #store: AnnotationStore | undefined;
  #problem: Problem | undefined;
  /** Store annotations at their live positions, sorted by start. */
  #live: readonly Annotation[] = [];
  /** Kind+span keys of every live annotation (a detection with one is drawn as the annotation, or hidden when rejected); built on demand. */
  #claimed: Set<string> | undefined;
  /** The longest live annotation, which bounds range lookups in the start-sorted list. */
  #longest = 0;
  /** Ids whose text an edit touched since the last re-anchoring. */
  readonly #touched = new Set<string>();
  #livePositionsChanged = false;
  readonly #undo: AnnotationChange[][] = [];
  readonly #redo: AnnotationChange[][] = [];
  #queue: Promise<unknown> = Promise.resolve();
  #loaded: Promise<void>;
  #highlight = true;
  #lastSidecarWrite: number | undefined;
  #factoryCache: { readonly version: number; readonly author: string; readonly factory: AnnotationFactory } | undefined;
  readonly #onDidSaveSidecar = new vscode.EventEmitter<void>();
  /** Fires after this session wrote the sidecar. */
  readonly onDidSaveSidecar = this.#onDidSaveSidecar.event;
  readonly #onDidChangeAnnotations = new vscode.EventEmitter<void>();
  /** Fires after the annotations changed (a command, undo, a reload or re-anchoring), not on mere shifting while typing. */
  readonly onDidChangeAnnotations = this.#onDidChangeAnnotations.event;

  private constructor(document: vscode.TextDocument, options: ReportSessionOptions) {
    this.document = document;
    this.#options = options;
    const text = document.getText();
    const firstCut = cutAfterLineBreak(text, FIRST_SLICE);
    this.#detector = new IncrementalDetector(firstCut < text.length ? text.slice(0, firstCut) : text, { kinds: options.kinds });
    if (firstCut < text.length) {
      this.#opening = { text, fedTo: firstCut, offsets: new OffsetMap(text) };
      void options.track(this.#detectRest());
    }
    this.#loaded = this.#enqueue(() => this.#load());
  }

  /** Detects at once (synchronously) and starts loading the sidecar in the background. */
  static open(document: vscode.TextDocument, options: ReportSessionOptions): ReportSession {
    return new ReportSession(document, options);
  }

  /** The report's URI. */
  get uri(): vscode.Uri {
    return this.document.uri;
  }

  /** Resolves once the sidecar has been read (or found missing or malformed). */
  get loaded(): Promise<void> {
    return this.#loaded;
  }

  /** The detector for the current text (while a large report is still being detected, for its first part). */
  get detector(): IncrementalDetector {
    return this.#detector;
  }

  /** Whether detection of the whole text has finished. */
  get detectionComplete(): boolean {
    return this.#opening === undefined;
  }

  /** Converts the core's offsets for this document. */
  get positions(): DocumentPositions {
    return new DocumentPositions(this.document, this.#offsets);
  }

  /** Code points ↔ UTF-16 for the whole current text. */
  get #offsets(): OffsetConverter {
    return this.#opening?.offsets ?? this.#detector;
  }

  /** Why the sidecar could not be read (malformed, invalid…), or undefined. */
  get problem(): Problem | undefined {
    return this.#problem;
  }

  /** The sidecar's URI string, once the store is open. */
  get sidecarPath(): string | undefined {
    return this.#store?.sidecarPath;
  }

  /** Annotations at their live positions, sorted by start (rejected ones included). */
  get annotations(): readonly Annotation[] {
    return this.#live;
  }

  /** Whether this file's highlights are shown (toggled per file). */
  get highlight(): boolean {
    return this.#highlight;
  }

  set highlight(value: boolean) {
    this.#highlight = value;
  }

  /** Detections not claimed by an annotation (accepted ones are drawn as annotations, rejected ones not at all). */
  get openDetections(): Detection[] {
    this.#claimed ??= new Set(this.#live.map((annotation) => keyOf(annotation.kind, annotation)));
    const claimed = this.#claimed;
    return this.#detector.detections.filter((detection) => !claimed.has(keyOf(detection.kind, detection)));
  }

  /** Like {@link openDetections}, restricted to the UTF-16 range (for drawing the visible part only). */
  openDetectionsInRange(start16: number, end16: number): Detection[] {
    const detections = this.#detector.detectionsInRange(start16, end16);
    const first = detections[0];
    if (!first || this.#live.length === 0) return detections;
    // Only annotations near these detections can claim them: no set over every annotation per keystroke.
    const last = detections.reduce((end, detection) => Math.max(end, detection.end), first.end);
    const claimed = new Set(this.annotationsInRange(first.start, last).map((annotation) => keyOf(annotation.kind, annotation)));
    return claimed.size === 0 ? detections : detections.filter((detection) => !claimed.has(keyOf(detection.kind, detection)));
  }

  /** Live annotations overlapping the code-point range `[start, end]` (a binary search in the start-sorted list). */
  annotationsInRange(start: number, end: number): Annotation[] {
    const live = this.#live;
    let low = 0;
    let high = live.length;
    const from = start - this.#longest;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((live[middle] as Annotation).start < from) low = middle + 1;
      else high = middle;
    }
    const found: Annotation[] = [];
    for (let i = low; i < live.length; i++) {
      const annotation = live[i] as Annotation;
      if (annotation.start > end) break;
      if (annotation.end >= start) found.push(annotation);
    }
    return found;
  }

  /** The id'd annotation at its live position. */
  annotation(id: string): Annotation | undefined {
    return this.#live.find((annotation) => annotation.id === id);
  }

  /** The non-rejected annotation covering code point `offset` (ends inclusive, so a cursor just after it counts), innermost first. */
  annotationAt(offset: number): Annotation | undefined {
    return this.#live
      .filter((annotation) => annotation.status !== 'rejected' && annotation.start <= offset && offset <= annotation.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  }

  /** The unclaimed detection covering code point `offset` (ends inclusive), innermost first. */
  detectionAt(offset: number): Detection | undefined {
    const at16 = this.#offsets.toUtf16(offset);
    return this.openDetectionsInRange(Math.max(0, at16 - 1), at16 + 1)
      .filter((detection) => detection.start <= offset && offset <= detection.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  }

  /** The detection of a kind at exactly this span, claimed or not. */
  detectionWithSpan(kind: string, span: Span): Detection | undefined {
    const start16 = this.#offsets.toUtf16(span.start);
    return this.#detector.detectionsInRange(start16, start16 + 1).find((detection) => detection.kind === kind && detection.start === span.start && detection.end === span.end);
  }

  /**
   * Feeds one change event to the detector and shifts the live annotations.
   * Synchronous and proportional to the edit (plus one pass over the
   * annotations), so highlights follow every keystroke without a debounce.
   */
  applyContentChanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): ChangedRange {
    // The change's offsets refer to the whole text: finish detecting it first (rare: typing within moments of opening).
    this.completeDetection();
    // Convert to code points against the text before the change, i.e. before the detector moves on.
    const spanChanges: SpanChange[] = changes.map((change) => ({
      start: this.#detector.toCodePoint(change.rangeOffset),
      end: this.#detector.toCodePoint(change.rangeOffset + change.rangeLength),
      insertedLength: codePointLength(change.text),
    }));
    const textChanges: TextChange[] = changes.map((change) => ({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text }));
    const changed = this.#detector.applyChanges(textChanges);
    if (this.#live.length > 0) {
      const shifted = shiftAnnotations(this.#live, spanChanges);
      for (const id of shifted.touched) this.#touched.add(id);
      if (shifted.changed) {
        this.#live = shifted.annotations;
        this.#livePositionsChanged = true;
        this.#liveChanged();
      }
      if (shifted.touched.length > 0) this.#livePositionsChanged = true;
    }
    return changed;
  }

  /** Starts again from the current text with other kinds (after the setting changed). */
  resetDetector(kinds: readonly DetectionKind[]): void {
    this.#opening = undefined;
    this.#detector = new IncrementalDetector(this.document.getText(), { kinds });
  }

  /** Feeds the rest of a large report to the detector slice by slice, yielding between slices. */
  async #detectRest(): Promise<void> {
    while (this.#opening && !this.#disposed) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const opening = this.#opening;
      if (!opening || this.#disposed) return;
      const cut = cutAfterLineBreak(opening.text, opening.fedTo + NEXT_SLICE);
      const changed = this.#appendSlice(opening, cut);
      this.#onDidDetectMore.fire(changed);
    }
  }

  /** Detects whatever of a large report's text is still waiting for its slice, at once. */
  completeDetection(): void {
    const opening = this.#opening;
    if (opening) this.#appendSlice(opening, opening.text.length);
  }

  #appendSlice(opening: OpeningText, cut: number): ChangedRange {
    const at = this.#detector.length;
    const changed = this.#detector.applyChanges([{ start: at, end: at, text: opening.text.slice(opening.fedTo, cut) }]);
    opening.fedTo = cut;
    if (cut >= opening.text.length) this.#opening = undefined;
    return changed;
  }

  /** Tags used in this report's annotations. */
  get tagsInUse(): ReadonlySet<string> {
    return new Set(this.#live.flatMap((annotation) => annotation.tags));
  }

  /**
   * Applies annotation changes made by a command: writes them into the store,
   * records them for undo and saves the sidecar. Returns false (after telling
   * the user why) when the sidecar cannot be written.
   */
  async commit(build: (factory: AnnotationFactory, session: ReportSession) => AnnotationChange[]): Promise<AnnotationChange[] | undefined> {
    await this.#loaded;
    return this.#enqueue(async () => {
      const store = this.#writableStore();
      if (!store) return undefined;
      this.#syncLivePositions(store);
      const factory = this.#factory();
      const changes = build(factory, this);
      if (changes.length === 0) return changes;
      applyToStore(store, changes);
      this.#undo.push(changes);
      this.#redo.length = 0;
      this.#refreshLive();
      await this.#save(store);
      return changes;
    });
  }

  /** Undoes the last annotation change in this report; returns the ids it touched (empty when nothing to undo). */
  async undo(): Promise<string[]> {
    return this.#step(this.#undo, this.#redo, (change) => ({ before: change.after, after: change.before }));
  }

  /** Redoes the last undone annotation change; returns the ids it touched. */
  async redo(): Promise<string[]> {
    return this.#step(this.#redo, this.#undo, (change) => change);
  }

  /** The report was saved: bring the sidecar's positions and source hash up to date with the text on disk. */
  async onReportSaved(): Promise<void> {
    await this.#loaded;
    await this.#enqueue(async () => {
      const store = this.#store;
      if (!store || store.readOnly) return;
      const changed = this.#syncLivePositions(store, true);
      if (changed || store.dirty) {
        this.#refreshLive();
        await this.#save(store);
      }
    });
  }

  /** The sidecar changed on disk (another writer, git, the CLI): reload it and re-anchor. */
  async onSidecarChanged(): Promise<void> {
    await this.#loaded;
    await this.#enqueue(async () => {
      if (this.#store && this.#lastSidecarWrite !== undefined) {
        // Our own save also reaches the file watcher; a file whose mtime is what we wrote needs no reload.
        const stat = await this.#options.fs.stat(this.#store.sidecarPath);
        if (stat && stat.mtime === this.#lastSidecarWrite) return;
      }
      if (!this.#store) {
        await this.#load();
        return;
      }
      const reloaded = await this.#store.reload();
      if (!reloaded.ok) {
        this.#problem = reloaded.problem;
        this.#options.logger.warn(`Sidecar unreadable after a change on disk: ${reloaded.problem.message}`);
        this.#onDidChangeAnnotations.fire();
        return;
      }
      this.#problem = undefined;
      this.#undo.length = 0;
      this.#redo.length = 0;
      await this.#reanchorFromStore(this.#store);
    });
  }

  /** The report changed on disk: re-anchor the stored annotations against the text now in the editor. */
  async onReportChangedOnDisk(): Promise<void> {
    await this.#loaded;
    await this.#enqueue(async () => {
      const store = this.#store;
      if (!store || store.readOnly) return;
      if (this.#syncLivePositions(store, true) || store.dirty) {
        this.#refreshLive();
        await this.#save(store);
        this.#onDidChangeAnnotations.fire();
      }
    });
  }

  /** Resolves when every queued sidecar task has finished. */
  async whenIdle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.#queue;
      await seen;
    } while (seen !== this.#queue);
  }

  dispose(): void {
    this.#disposed = true;
    this.#opening = undefined;
    this.#onDidChangeAnnotations.dispose();
    this.#onDidDetectMore.dispose();
    this.#onDidSaveSidecar.dispose();
  }

  async #load(): Promise<void> {
    if (this.document.uri.scheme === 'untitled') return;
    const opened = await AnnotationStore.open(this.#options.fs, this.document.uri.toString(), { logger: this.#options.logger });
    if (!opened.ok) {
      this.#problem = opened.problem;
      this.#options.logger.warn(`Cannot read the sidecar of ${this.document.uri.toString(true)}: ${opened.problem.message}`);
      this.#onDidChangeAnnotations.fire();
      return;
    }
    this.#store = opened.value;
    this.#problem = undefined;
    await this.#reanchorFromStore(opened.value);
  }

  /** Places the store's annotations in the current text; saves when something moved or was orphaned. */
  async #reanchorFromStore(store: AnnotationStore): Promise<void> {
    this.#live = store.annotations;
    this.#touched.clear();
    this.#livePositionsChanged = false;
    if (store.annotations.length > 0) {
      const text = this.#text();
      const result = reanchorAnnotations(store.annotations, text);
      const factory = this.#factory();
      let changed = false;
      for (const annotation of result.annotations) {
        changed = this.#writePosition(store, annotation, factory) || changed;
      }
      if (result.orphaned.length > 0) this.#options.logger.warn(`${result.orphaned.length} annotation(s) of ${this.document.uri.toString(true)} could not be placed: ${result.orphaned.join(', ')}`);
      this.#refreshLive();
      if (changed && !store.readOnly) await this.#save(store);
    } else {
      this.#refreshLive();
    }
    this.#onDidChangeAnnotations.fire();
  }

  /**
   * Writes the live positions into the store, re-anchoring those an edit
   * touched (or all, when `reanchorAll`). Returns whether anything changed.
   */
  #syncLivePositions(store: AnnotationStore, reanchorAll = false): boolean {
    if (!this.#livePositionsChanged && !reanchorAll) return false;
    const text = this.#text();
    const factory = this.#factory();
    const candidates = reanchorAll ? this.#live : this.#live.filter((annotation) => this.#touched.has(annotation.id));
    const reanchored = new Map(reanchorAnnotations(candidates, text).annotations.map((annotation) => [annotation.id, annotation]));
    let changed = false;
    for (const live of this.#live) {
      changed = this.#writePosition(store, reanchored.get(live.id) ?? live, factory) || changed;
    }
    this.#touched.clear();
    this.#livePositionsChanged = false;
    if (changed) this.#refreshLive();
    return changed;
  }

  /** Stores `placed`'s span (with fresh line, column and context) when it differs from the stored one. */
  #writePosition(store: AnnotationStore, placed: Annotation, factory: AnnotationFactory): boolean {
    const stored = store.get(placed.id);
    if (!stored) return false;
    if (placed.orphaned === true) {
      // Orphaned spans keep their recorded place and context: it is what a later re-anchoring searches for.
      if (stored.orphaned === true) return false;
      store.update(placed.id, { orphaned: true });
      return true;
    }
    const position = factory.positionOf(placed.start, placed.end);
    const next: PositionFields = {
      start: placed.start,
      end: placed.end,
      text: placed.text,
      line: position.line,
      column: position.column,
      prefix: position.prefix,
      suffix: position.suffix,
      orphaned: undefined,
    };
    const same =
      stored.start === next.start &&
      stored.end === next.end &&
      stored.text === next.text &&
      stored.line === next.line &&
      stored.column === next.column &&
      stored.prefix === next.prefix &&
      stored.suffix === next.suffix &&
      stored.orphaned !== true;
    if (same) return false;
    store.update(placed.id, next);
    return true;
  }

  async #step(from: AnnotationChange[][], to: AnnotationChange[][], orient: (change: AnnotationChange) => AnnotationChange): Promise<string[]> {
    await this.#loaded;
    return this.#enqueue(async () => {
      const store = this.#writableStore();
      const entry = from.pop();
      if (!store || !entry) return [];
      this.#syncLivePositions(store);
      const changes = entry.map(orient);
      applyToStore(store, changes);
      to.push(entry);
      // The restored spans date from before any typing since: put them back on their text.
      await this.#reanchorFromStore(store);
      if (store.dirty) await this.#save(store);
      return changes.map((change) => (change.after ?? change.before)?.id).filter((id): id is string => id !== undefined);
    });
  }

  #writableStore(): AnnotationStore | undefined {
    if (this.#problem) {
      void vscode.window.showErrorMessage(`Report Annotator: the sidecar cannot be read, so it is left untouched — fix it first. ${this.#problem.message}`);
      return undefined;
    }
    if (!this.#store) {
      void vscode.window.showWarningMessage('Report Annotator: annotations need a saved file (this document has no place for a sidecar).');
      return undefined;
    }
    if (this.#store.readOnly) {
      void vscode.window.showWarningMessage(`Report Annotator: the sidecar is read-only. ${this.#store.readOnlyReason ?? ''}`);
      return undefined;
    }
    return this.#store;
  }

  async #save(store: AnnotationStore): Promise<void> {
    if (!this.document.isDirty) store.setSourceHash(hashText(this.#text()));
    const saved = await store.save();
    if (!saved.ok) {
      this.#options.logger.error(`Saving ${store.sidecarPath} failed: ${saved.problem.message}`);
      void vscode.window.showErrorMessage(`Report Annotator: could not save the annotations. ${saved.problem.message}`);
      return;
    }
    const stat = await this.#options.fs.stat(store.sidecarPath);
    this.#lastSidecarWrite = stat?.mtime;
    if (saved.value.written) this.#onDidSaveSidecar.fire();
    if (saved.value.merged) {
      // Another writer changed the sidecar meanwhile; the merge brought in their annotations.
      this.#refreshLive();
      this.#onDidChangeAnnotations.fire();
    }
    if (saved.value.conflicts.length > 0) {
      this.#options.logger.warn(`Merged with changes made elsewhere; conflicting fields kept visibly: ${saved.value.conflicts.map((c) => `${c.id}.${c.field}`).join(', ')}`);
    }
  }

  #refreshLive(): void {
    this.#live = this.#store ? this.#store.annotations : [];
    this.#liveChanged();
    this.#onDidChangeAnnotations.fire();
  }

  #liveChanged(): void {
    this.#claimed = undefined;
    let longest = 0;
    for (const annotation of this.#live) longest = Math.max(longest, annotation.end - annotation.start);
    this.#longest = longest;
  }

  /**
   * An annotation factory for the current text. Building one indexes the
   * whole text (lines, surrogate pairs), so it is kept until the document or
   * the author setting changes.
   */
  #factory(): AnnotationFactory {
    const author = this.#options.author();
    const cached = this.#factoryCache;
    if (cached && cached.version === this.document.version && cached.author === author) return cached.factory;
    const factory = createAnnotationFactory(this.#text(), author ? { author } : {});
    this.#factoryCache = { version: this.document.version, author, factory };
    return factory;
  }

  #text(): string {
    return this.document.getText();
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.then(
      () => undefined,
      (error: unknown) => this.#options.logger.error(`Sidecar task failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return this.#options.track(run);
  }
}

function applyToStore(store: AnnotationStore, changes: readonly AnnotationChange[]): void {
  for (const { before, after } of changes) {
    if (after && !store.get(after.id)) store.add(after);
    else if (after) {
      const current = store.get(after.id) as Annotation;
      // `updated` is the store's to set; `created` never changes.
      const { id, updated: _updated, created: _created, ...fields } = after;
      // Fields the target state lacks (a note added since, an orphaned flag) must go too.
      const cleared = Object.fromEntries(Object.keys(current).filter((key) => !(key in after)).map((key) => [key, undefined]));
      store.update(id, { ...cleared, ...fields });
    } else if (before && store.get(before.id)) store.remove(before.id);
  }
}

/** An offset at or after `from` just past a line break (so no slice splits a surrogate pair or a CRLF), or the text's end. */
function cutAfterLineBreak(text: string, from: number): number {
  if (from >= text.length) return text.length;
  const lineBreak = text.indexOf('\n', from);
  return lineBreak === -1 ? text.length : lineBreak + 1;
}
