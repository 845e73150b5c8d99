/**
 * What importers share: how new annotations get ids and timestamps, and how
 * imported spans are checked against the report and given the line, column
 * and context the sidecar keeps.
 */
import { reanchorAnnotations } from '../anchor/reanchor';
import type { Annotation } from '../model';
import { newAnnotationId } from '../store/new-annotation';

export interface ImportOptions {
  /** The imported file's path, for problem messages. */
  readonly path: string;
  /** The report's text: spans are checked against it and placed in it. */
  readonly reportText: string;
  /** ISO 8601 time for annotations that do not say when they were made. */
  readonly now: string;
  /** Author for annotations that name none. */
  readonly author?: string;
  /** Ids already in use (the sidecar's); new ids avoid them. */
  readonly takenIds?: ReadonlySet<string>;
  /** Randomness for new ids; tests pass a seeded one. */
  readonly random?: () => number;
}

/** Gives out ids: the file's own when it has one, a new one otherwise, never the same twice. */
export class IdAllocator {
  readonly #taken: Set<string>;
  readonly #random: () => number;

  constructor(options: ImportOptions) {
    this.#taken = new Set(options.takenIds ?? []);
    this.#random = options.random ?? Math.random;
  }

  /** `wanted` when given and not yet handed out in this import; a fresh id otherwise. */
  allocate(wanted?: string): string {
    const id = wanted && /^[A-Za-z0-9_-]+$/.test(wanted) && !this.#handedOut.has(wanted) ? wanted : newAnnotationId(this.#taken, this.#random);
    this.#handedOut.add(id);
    this.#taken.add(id);
    return id;
  }

  readonly #handedOut = new Set<string>();
}

/**
 * Places imported annotations in the report: line, column, prefix and suffix
 * are computed from the text, and an annotation whose span no longer holds
 * its text is re-anchored like any other (or flagged `orphaned`).
 */
export function placeImported(annotations: readonly Annotation[], reportText: string): Annotation[] {
  return [...reanchorAnnotations(annotations, reportText).annotations];
}
