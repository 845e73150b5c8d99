/**
 * One report's annotations, loaded from and saved to its sidecar
 * (`report.txt.annotations.yaml`) through the {@link FileSystem} port.
 *
 * - Opening never writes. No sidecar yet means an empty store; a sidecar
 *   that is malformed, too large, an alias bomb or names another report is a
 *   {@link Problem} with line and column, and the file is left alone.
 * - A sidecar of a newer format version opens read-only: it can be read, and
 *   `save` refuses with a message instead of dropping what it cannot model.
 * - `save` is atomic (`writeFileAtomic`) and edits the file in place (see
 *   `sidecar-writer.ts`), so unchanged data changes no byte. If the file
 *   changed on disk since it was read, the save merges by id (see
 *   `sidecar-merge.ts`) and writes the merge, never overwriting the other
 *   writer's work. If the file on disk has become malformed, the save refuses.
 *   Saves and reloads run one at a time; changes made while a save is
 *   writing stay in the store, unsaved, for the next save.
 */
import { fail, ok, type Result } from '../errors';
import type { Annotation } from '../model';
import { silentLogger, type FileSystem, type Logger } from '../ports';
import { isSameAnnotation, normalizeAnnotation } from './annotation-fields';
import { decodeSidecar } from './decode-sidecar';
import { DEFAULT_MAX_SIDECAR_BYTES, parseSidecar, SIDECAR_VERSION, type ParsedSidecar } from './sidecar-format';
import { mergeSidecars, sortAnnotations, type MergeConflict, type SidecarContents } from './sidecar-merge';
import { sidecarPathOf } from './sidecar-path';
import { editSidecar, renderNewSidecar, type SidecarEdit, type SidecarState } from './sidecar-writer';

export interface AnnotationStoreOptions {
  /** Sidecars larger than this many bytes are refused before parsing. Default 10 MB. */
  readonly maxBytes?: number;
  readonly logger?: Logger;
  /** The clock for `updated`; tests pass a fixed one. */
  readonly now?: () => Date;
}

/** What a save did. */
export interface SaveOutcome {
  /** Whether the file was written (false when nothing changed). */
  readonly written: boolean;
  /** Whether the file had changed on disk and the save merged with it. */
  readonly merged: boolean;
  /** Fields both writers changed; each kept both values visibly (see `sidecar-merge.ts`). */
  readonly conflicts: readonly MergeConflict[];
}

/** A text to write, and the edit that made it when it was edited in place. */
interface Rendered {
  readonly text: string;
  readonly edit: SidecarEdit | null;
}

/** The text last read from or written to the sidecar, and its parse when already made. */
interface Snapshot {
  readonly text: string;
  parsed: ParsedSidecar | null;
}

export class AnnotationStore {
  readonly reportPath: string;
  readonly sidecarPath: string;
  readonly #fs: FileSystem;
  readonly #source: string;
  readonly #maxBytes: number;
  readonly #logger: Logger;
  readonly #now: () => Date;

  /** What is on disk as far as this store knows; null when there was no sidecar. */
  #snapshot: Snapshot | null = null;
  /** The contents of {@link #snapshot}: the base of a three-way merge. */
  #base: SidecarContents = { sourceHash: null, annotations: [] };
  #current = new Map<string, Annotation>();
  #sourceHash: string | null = null;
  #sorted: readonly Annotation[] | null = null;
  #dirty = false;
  /** Counts changes, so a save can tell whether any were made while it was writing. */
  #version = 0;
  #readOnlyReason: string | null = null;
  /** Saves and reloads run one at a time, in call order. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(fs: FileSystem, reportPath: string, options: AnnotationStoreOptions) {
    this.#fs = fs;
    this.reportPath = reportPath;
    this.sidecarPath = sidecarPathOf(fs, reportPath);
    this.#source = fs.basename(reportPath);
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_SIDECAR_BYTES;
    this.#logger = options.logger ?? silentLogger;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Opens the store of `reportPath`: reads its sidecar if there is one (an
   * empty store if not). Fails with the sidecar's problem (code, path, line,
   * column) when it cannot be read as a valid sidecar of this report. Never
   * writes.
   */
  static async open(fs: FileSystem, reportPath: string, options: AnnotationStoreOptions = {}): Promise<Result<AnnotationStore>> {
    const store = new AnnotationStore(fs, reportPath, options);
    const loaded = await store.#reload();
    return loaded.ok ? ok(store) : fail(loaded.problem);
  }

  /** True for a sidecar of a newer format version: it loads, but {@link save} refuses. */
  get readOnly(): boolean {
    return this.#readOnlyReason !== null;
  }

  /** Why the store is read-only, for the user; null when it is not. */
  get readOnlyReason(): string | null {
    return this.#readOnlyReason;
  }

  /** Every annotation, sorted by start (then end, then id). */
  get annotations(): readonly Annotation[] {
    this.#sorted ??= sortAnnotations([...this.#current.values()]);
    return this.#sorted;
  }

  /** The hash of the report text the offsets refer to, or null when not recorded. */
  get sourceHash(): string | null {
    return this.#sourceHash;
  }

  /** Whether there are changes not yet saved. */
  get dirty(): boolean {
    return this.#dirty;
  }

  get(id: string): Annotation | undefined {
    return this.#current.get(id);
  }

  /**
   * Adds an annotation.
   * @throws Error when its id is already taken (a bug in the caller: ids come from `newAnnotationId`).
   */
  add(annotation: Annotation): void {
    if (this.#current.has(annotation.id)) throw new Error(`annotation id '${annotation.id}' is already taken`);
    this.#set(normalizeAnnotation(annotation));
  }

  /**
   * Changes fields of an annotation and sets its `updated` time (unless the
   * patch gives one).
   * @throws Error when there is no annotation with that id.
   */
  update(id: string, patch: Partial<Omit<Annotation, 'id'>>): void {
    const existing = this.#current.get(id);
    if (!existing) throw new Error(`no annotation with id '${id}'`);
    this.#set(normalizeAnnotation({ ...existing, updated: this.#now().toISOString(), ...patch, id }));
  }

  /** Removes an annotation; nothing happens when there is none with that id. */
  remove(id: string): void {
    if (!this.#current.delete(id)) return;
    this.#changed();
  }

  /** Records the hash of the report text the offsets now refer to (see `hashText`). */
  setSourceHash(hash: string): void {
    if (hash === this.#sourceHash) return;
    this.#sourceHash = hash;
    this.#changed();
  }

  /**
   * Writes the changes atomically. Does nothing when nothing changed. When
   * the sidecar changed on disk since it was read, merges with it by id
   * first. Fails without writing when the store is read-only or the file on
   * disk has become unreadable or invalid.
   */
  save(): Promise<Result<SaveOutcome>> {
    return this.#enqueue(() => this.#save());
  }

  async #save(): Promise<Result<SaveOutcome>> {
    if (this.#readOnlyReason !== null) return fail({ code: 'sidecar-newer-version', path: this.sidecarPath, message: `not saved: ${this.#readOnlyReason}` });
    if (!this.#dirty) return ok({ written: false, merged: false, conflicts: [] });

    const disk = await this.#readText();
    if (!disk.ok) return fail(disk.problem);
    const onDisk = disk.value;

    const startVersion = this.#version;
    const ours: SidecarState = { source: this.#source, sourceHash: this.#sourceHash, annotations: this.annotations };
    let state = ours;
    let rendered: Rendered;
    let merged = false;
    let conflicts: readonly MergeConflict[] = [];
    if (onDisk === undefined || onDisk === this.#snapshot?.text) {
      // Unchanged since read (or deleted meanwhile: then our copy is the only one left, written whole).
      rendered = this.#render(this.#snapshot, this.#base.sourceHash, state);
    } else {
      const theirs = parseSidecar(onDisk, this.sidecarPath, { expectedSource: this.#source, maxBytes: Infinity });
      if (!theirs.ok) {
        return fail({ ...theirs.problem, message: `not saved: the sidecar changed on disk and is no longer valid (${theirs.problem.message}); fix it or remove it, then save again` });
      }
      if (theirs.value.readOnlyReason !== null) {
        return fail({ code: 'sidecar-newer-version', path: this.sidecarPath, message: `not saved: the sidecar on disk was rewritten in a newer format (${theirs.value.readOnlyReason})` });
      }
      const result = mergeSidecars(this.#base, state, theirs.value);
      state = { source: this.#source, sourceHash: result.sourceHash, annotations: result.annotations };
      merged = true;
      conflicts = result.conflicts;
      rendered = this.#render({ text: onDisk, parsed: theirs.value }, theirs.value.sourceHash, state);
      if (conflicts.length > 0) this.#logger.warn(`${this.sidecarPath}: merged with changes made on disk; ${conflicts.length} conflicting field(s) kept both values in the note`);
    }

    // Never write what cannot be read back: re-read our own output before it replaces the file.
    const text = rendered.text;
    const parsed = this.#checkRendered(rendered, state);

    const written = text !== onDisk;
    if (written) {
      try {
        await this.#fs.writeFileAtomic(this.sidecarPath, new TextEncoder().encode(text));
      } catch (error) {
        return fail({ code: 'file-unwritable', path: this.sidecarPath, message: `not saved: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    if (this.#version === startVersion) {
      this.#adopt({ text, parsed });
    } else {
      // Changes made while the file was being written are not in it: keep them on top of what was written, still unsaved.
      const changed = mergeSidecars(ours, { sourceHash: this.#sourceHash, annotations: this.annotations }, parsed);
      this.#snapshot = { text, parsed };
      this.#base = { sourceHash: parsed.sourceHash, annotations: parsed.annotations };
      this.#reset(changed);
      this.#dirty = true;
    }
    return ok({ written, merged, conflicts });
  }

  /**
   * Re-reads the sidecar, dropping unsaved changes. Fails (leaving the store
   * as it was) when the sidecar cannot be read as a valid sidecar.
   */
  reload(): Promise<Result<void>> {
    return this.#enqueue(() => this.#reload());
  }

  async #reload(): Promise<Result<void>> {
    const disk = await this.#readText();
    if (!disk.ok) return fail(disk.problem);
    if (disk.value === undefined) {
      this.#snapshot = null;
      this.#readOnlyReason = null;
      this.#base = { sourceHash: null, annotations: [] };
      this.#reset(this.#base);
      return ok(undefined);
    }
    const parsed = parseSidecar(disk.value, this.sidecarPath, { expectedSource: this.#source, maxBytes: Infinity });
    if (!parsed.ok) return fail(parsed.problem);
    for (const skipped of parsed.value.skipped) this.#logger.warn(`${this.sidecarPath}:${skipped.line ?? ''}: skipped: ${skipped.message}`);
    this.#readOnlyReason = parsed.value.readOnlyReason;
    if (this.#readOnlyReason) this.#logger.warn(`${this.sidecarPath}: ${this.#readOnlyReason}`);
    this.#adopt({ text: disk.value, parsed: parsed.value });
    return ok(undefined);
  }

  /** Makes `snapshot` the state on disk and in memory. */
  #adopt(snapshot: Snapshot & { parsed: ParsedSidecar }): void {
    this.#snapshot = snapshot;
    // Both readers return normalised annotations, so they can be kept as they are.
    this.#base = { sourceHash: snapshot.parsed.sourceHash, annotations: snapshot.parsed.annotations };
    this.#reset(this.#base);
  }

  #reset(contents: SidecarContents): void {
    this.#current = new Map(contents.annotations.map((annotation) => [annotation.id, annotation]));
    this.#sourceHash = contents.sourceHash;
    this.#sorted = null;
    this.#dirty = false;
  }

  #set(annotation: Annotation): void {
    this.#current.set(annotation.id, annotation);
    this.#changed();
  }

  #changed(): void {
    this.#sorted = null;
    this.#dirty = true;
    this.#version++;
  }

  /** Runs `task` after every save or reload already asked for. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #render(snapshot: Snapshot | null, previousSourceHash: string | null, state: SidecarState): Rendered {
    if (!snapshot) return { text: renderNewSidecar(state), edit: null };
    if (!snapshot.parsed) {
      const reparsed = parseSidecar(snapshot.text, this.sidecarPath, { maxBytes: Infinity });
      if (!reparsed.ok) throw new Error(`a sidecar this store read or wrote no longer parses: ${reparsed.problem.message}`);
      snapshot.parsed = reparsed.value;
    }
    const layout = snapshot.parsed.layout;
    if (!layout) return { text: renderNewSidecar(state), edit: null };
    const edit = editSidecar(layout, previousSourceHash, state);
    return { text: edit.text, edit };
  }

  /**
   * Never write what cannot be read back. A whole new text is parsed again;
   * an edit in place has every entry it wrote anew parsed on its own (the
   * rest are bytes that were valid before), which keeps saving a large
   * sidecar cheap. Returns the parse of the text to write.
   * @throws Error when the writer produced something that does not read back as intended (a bug).
   */
  #checkRendered(rendered: Rendered, state: SidecarState): ParsedSidecar {
    const layout = rendered.edit?.layout;
    if (!rendered.edit || !layout) {
      const parsed = parseSidecar(rendered.text, this.sidecarPath, { expectedSource: this.#source, maxBytes: Infinity });
      if (!parsed.ok) throw new Error(`the sidecar writer produced invalid YAML: ${parsed.problem.message} (line ${parsed.problem.line ?? '?'})`);
      return parsed.value;
    }
    for (const written of rendered.edit.written) {
      const alone = parseSidecar(`version: ${SIDECAR_VERSION}\nsource: entry\nannotations:\n${written.text}`, this.sidecarPath, { maxBytes: Infinity });
      const read = alone.ok && alone.value.annotations.length === 1 ? alone.value.annotations[0] : undefined;
      if (!read || !isSameAnnotation(read, normalizeAnnotation(written.annotation))) {
        throw new Error(`the sidecar writer produced an entry that does not read back as written: ${alone.ok ? 'different values' : alone.problem.message}\n${written.text}`);
      }
    }
    return {
      version: SIDECAR_VERSION,
      source: this.#source,
      sourceHash: state.sourceHash,
      annotations: layout.entries.map((entry) => entry.annotation),
      readOnlyReason: null,
      skipped: [],
      layout,
    };
  }

  /** The sidecar's text, undefined when there is none, or the problem that stops it being read. */
  async #readText(): Promise<Result<string | undefined>> {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.#fs.readFile(this.sidecarPath);
    } catch (error) {
      return fail({ code: 'file-unreadable', path: this.sidecarPath, message: `cannot read: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (bytes === undefined) return ok(undefined);
    return decodeSidecar(bytes, this.sidecarPath, this.#maxBytes);
  }
}
