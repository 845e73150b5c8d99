/**
 * Making annotations: from a detection the analyst accepts or rejects, or
 * from a span they select. The factory computes what the sidecar stores for
 * people and for re-anchoring (line, column, 32 code points of context on
 * each side) from the report text once, so making thousands stays cheap.
 */
import { ATTRIBUTE_KEYS, type Annotation, type AnnotationAttributes, type AnnotationStatus, type Detection } from '../model';
import { OffsetMap } from '../text/code-points';
import { LineIndex } from '../text/line-index';
import { normalizeAnnotation } from './annotation-fields';

/**
 * Code points of context kept on each side of an annotation. Enough to tell
 * apart repeated phrases ("92 per cent" twice on a page), short enough to
 * survive nearby edits; the length Hypothesis and the W3C examples use.
 */
export const CONTEXT_LENGTH = 32;

/** Optional fields for a new annotation. */
export interface NewAnnotationExtra {
  /** Default `accepted`. */
  readonly status?: AnnotationStatus;
  readonly tags?: readonly string[];
  readonly note?: string;
  /** Default: a new id from {@link newAnnotationId}, unique among those this factory made and `takenIds`. */
  readonly id?: string;
}

export interface AnnotationFactoryOptions {
  readonly author?: string;
  /** The clock for `created` and `updated`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Ids already in use (the store's), so generated ids never collide with them. */
  readonly takenIds?: ReadonlySet<string>;
  /** Randomness for ids; tests pass a seeded one. */
  readonly random?: () => number;
}

/** Where an offset is, for people and for re-anchoring. */
export interface AnchorPosition {
  /** 1-based line and column (code points) of `start`. */
  readonly line: number;
  readonly column: number;
  /** Up to {@link CONTEXT_LENGTH} code points before `start`. */
  readonly prefix: string;
  /** Up to {@link CONTEXT_LENGTH} code points after `end` (after `start` when no end is given). */
  readonly suffix: string;
}

export interface AnnotationFactory {
  /** An annotation of a detection: its span, text and attributes (null attributes left out). */
  fromDetection(detection: Detection, extra?: NewAnnotationExtra): Annotation;
  /** An annotation of `start..end` (code points, clamped to the text) of any kind, e.g. from a selection. */
  fromSpan(kind: string, start: number, end: number, extra?: NewAnnotationExtra): Annotation;
  /**
   * Line, column and context of a span. `end` defaults to `start`; pass it
   * to get the suffix after the span, as annotations store it.
   */
  positionOf(start: number, end?: number): AnchorPosition;
}

/** A factory for annotations of `text` (the report as decoded, BOM stripped). */
export function createAnnotationFactory(text: string, options: AnnotationFactoryOptions = {}): AnnotationFactory {
  const offsets = new OffsetMap(text);
  const lines = new LineIndex(text);
  const length = offsets.codePointLength;
  const now = options.now ?? (() => new Date());
  const issued = new Set<string>();
  const taken = options.takenIds;
  const isTaken = { has: (id: string): boolean => issued.has(id) || (taken?.has(id) ?? false) };

  const slice = (from: number, to: number): string => text.slice(offsets.toUtf16(from), offsets.toUtf16(to));
  const clamp = (offset: number): number => Math.max(0, Math.min(length, Math.trunc(offset)));

  const positionOf = (start: number, end: number = start): AnchorPosition => {
    const from = clamp(start);
    const to = Math.max(from, clamp(end));
    const { line, column } = lines.positionOf(from);
    return { line, column, prefix: slice(Math.max(0, from - CONTEXT_LENGTH), from), suffix: slice(to, Math.min(length, to + CONTEXT_LENGTH)) };
  };

  const build = (kind: string, start: number, end: number, attributes: AnnotationAttributes, extra: NewAnnotationExtra): Annotation => {
    const from = clamp(start);
    const to = Math.max(from, clamp(end));
    const id = extra.id ?? newAnnotationId(isTaken, options.random);
    issued.add(id);
    const stamp = now().toISOString();
    return normalizeAnnotation({
      id,
      kind,
      status: extra.status ?? 'accepted',
      text: slice(from, to),
      start: from,
      end: to,
      ...positionOf(from, to),
      tags: [...(extra.tags ?? [])],
      note: extra.note ?? '',
      ...attributes,
      created: stamp,
      updated: stamp,
      ...(options.author !== undefined ? { author: options.author } : {}),
    });
  };

  return {
    fromDetection(detection, extra = {}) {
      const attributes: Record<string, unknown> = {};
      for (const key of ATTRIBUTE_KEYS) {
        const value = (detection as unknown as Record<string, unknown>)[key];
        if (value !== undefined && value !== null) attributes[key] = value;
      }
      return build(detection.kind, detection.start, detection.end, attributes as AnnotationAttributes, extra);
    },
    fromSpan(kind, start, end, extra = {}) {
      return build(kind, start, end, {}, extra);
    },
    positionOf,
  };
}

const ID_LENGTH = 8;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS_AND_LETTERS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A short random id not in `taken`: 8 base-36 characters starting with a
 * letter, so YAML never reads it as a number. 36^7 × 26 ≈ 2 × 10^12 values
 * make a collision between two writers adding at once vanishingly rare;
 * `taken` rules out collisions with ids already known.
 */
export function newAnnotationId(taken: Pick<ReadonlySet<string>, 'has'>, random: () => number = Math.random): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let id = LETTERS[Math.floor(random() * LETTERS.length) % LETTERS.length] as string;
    for (let i = 1; i < ID_LENGTH; i++) id += DIGITS_AND_LETTERS[Math.floor(random() * DIGITS_AND_LETTERS.length) % DIGITS_AND_LETTERS.length];
    if (!taken.has(id)) return id;
  }
  throw new Error('newAnnotationId: the random source keeps producing taken ids');
}
