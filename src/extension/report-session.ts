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
import { createAnnotationFactory } from '../core/store/new-annotation';
import { codePointLength } from '../core/text/code-points';
import { hashText } from '../core/text/hash';
import { DocumentPositions } from './positions';

/** One annotation's state before and after a change; `undefined` means absent. */
export interface AnnotationChange {
  readonly before: Annotation | undefined;
  readonly after: Annotation | undefined;
}

/** Annotation fields a position update rewrites. */
type PositionFields = Pick<Annotation, 'start' | 'end' | 'text' | 'line' | 'column' | 'prefix' | 'suffix' | 'orphaned'>;

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

/** The live state of one open report. Create with {@link ReportSession.open}; dispose when the document closes. */
export class ReportSession implements vscode.Disposable {
  readonly document: vscode.TextDocument;
  readonly #options: ReportSessionOptions;
  #detector: IncrementalDetector;
  #store: AnnotationStore | undefined;
  #problem: Problem | undefined;
  /** Store annotations at their live positions, sorted by start. */
  #live: readonly Annotation[] = [];
  /** Kind+span keys of every live annotation: a detection with one of these is drawn as the annotation (or hidden when rejected). */
  #claimed = new Set<string>();
  /** Ids whose text an edit touched since the last re-anchoring. */
  readonly #touched = new Set<string>();
  #livePositionsChanged = false;
  readonly #undo: AnnotationChange[][] = [];
  readonly #redo: AnnotationChange[][] = [];
  #queue: Promise<unknown> = Promise.resolve();
  #loaded: Promise<void>;
  #highlight = true;
  #lastSidecarWrite: number | undefined;
  readonly #onDidChangeAnnotations = new vscode.EventEmitter<void>();
  /** Fires after the annotations changed (a command, undo, a reload or re-anchoring), not on mere shifting while typing. */
  readonly onDidChangeAnnotations = this.#onDidChangeAnnotations.event;

  private constructor(document: vscode.TextDocument, options: ReportSessionOptions) {
    this.document = document;
    this.#options = options;
    this.#detector = new IncrementalDetector(document.getText(), { kinds: options.kinds });
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

  /** The detector for the current text. */
  get detector(): IncrementalDetector {
    return this.#detector;
  }

  /** Converts the core's offsets for this document. */
  get positions(): DocumentPositions {
    return new DocumentPositions(this.document, this.#detector);
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
    return this.#detector.detections.filter((detection) => !this.#claimed.has(keyOf(detection.kind, detection)));
  }

  /** Like {@link openDetections}, restricted to the UTF-16 range (for drawing the visible part only). */
  openDetectionsInRange(start16: number, end16: number): Detection[] {
    return this.#detector.detectionsInRange(start16, end16).filter((detection) => !this.#claimed.has(keyOf(detection.kind, detection)));
  }

  /** Live annotations overlapping the code-point range `[start, end]`. */
  annotationsInRange(start: number, end: number): Annotation[] {
    return this.#live.filter((annotation) => annotation.start <= end && annotation.end >= start);
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
    const at16 = this.#detector.toUtf16(offset);
    return this.openDetectionsInRange(Math.max(0, at16 - 1), at16 + 1)
      .filter((detection) => detection.start <= offset && offset <= detection.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  }

  /** The detection of a kind at exactly this span, claimed or not. */
  detectionWithSpan(kind: string, span: Span): Detection | undefined {
    const start16 = this.#detector.toUtf16(span.start);
    return this.#detector.detectionsInRange(start16, start16 + 1).find((detection) => detection.kind === kind && detection.start === span.start && detection.end === span.end);
  }

  /**
   * Feeds one change event to the detector and shifts the live annotations.
   * Synchronous and proportional to the edit (plus one pass over the
   * annotations), so highlights follow every keystroke without a debounce.
   */
  applyContentChanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): ChangedRange {
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
        this.#rebuildClaims();
      }
      if (shifted.touched.length > 0) this.#livePositionsChanged = true;
    }
    return changed;
  }

  /** Starts again from the current text with other kinds (after the setting changed). */
  resetDetector(kinds: readonly DetectionKind[]): void {
    this.#detector = new IncrementalDetector(this.document.getText(), { kinds });
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
  async commit(build: (factory: ReturnType<typeof createAnnotationFactory>, session: ReportSession) => AnnotationChange[]): Promise<AnnotationChange[] | undefined> {
    await this.#loaded;
    return this.#enqueue(async () => {
      const store = this.#writableStore();
      if (!store) return undefined;
      this.#syncLivePositions(store);
      const factory = createAnnotationFactory(this.#text(), this.#authorOption());
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
    this.#onDidChangeAnnotations.dispose();
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
      const factory = createAnnotationFactory(text);
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
    const factory = createAnnotationFactory(text);
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
  #writePosition(store: AnnotationStore, placed: Annotation, factory: ReturnType<typeof createAnnotationFactory>): boolean {
    const stored = store.get(placed.id);
    if (!stored) return false;
    const position = factory.positionOf(placed.start);
    const next: PositionFields = {
      start: placed.start,
      end: placed.end,
      text: placed.text,
      line: position.line,
      column: position.column,
      prefix: position.prefix,
      suffix: position.suffix,
      orphaned: placed.orphaned === true ? true : undefined,
    };
    const same =
      stored.start === next.start &&
      stored.end === next.end &&
      stored.text === next.text &&
      stored.line === next.line &&
      stored.column === next.column &&
      stored.prefix === next.prefix &&
      stored.suffix === next.suffix &&
      (stored.orphaned === true) === (next.orphaned === true);
    if (same) return false;
    // Orphaned spans keep their recorded context: it is what a later re-anchoring searches for.
    store.update(placed.id, placed.orphaned === true ? { orphaned: true } : next);
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
    this.#rebuildClaims();
    this.#onDidChangeAnnotations.fire();
  }

  #rebuildClaims(): void {
    this.#claimed = new Set(this.#live.map((annotation) => keyOf(annotation.kind, annotation)));
  }

  #text(): string {
    return this.document.getText();
  }

  #authorOption(): { author?: string } {
    const author = this.#options.author();
    return author ? { author } : {};
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
