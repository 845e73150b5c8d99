/**
 * The plain, JSON-serialisable data the whole tool passes around: what the
 * detectors find ({@link Detection}) and what the analyst keeps
 * ({@link Annotation}). Everything here is readonly data; behaviour lives in
 * the modules that produce or consume it.
 *
 * All offsets are Unicode code points from the start of the text (a leading
 * byte-order mark is not counted), as the annotation guide requires. UTF-16
 * offsets exist only at the editor edge.
 */

/** The three kinds of evidence the detectors find. */
export type DetectionKind = 'metric' | 'quote' | 'recommendation';

/** A half-open span `[start, end)` in code points. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The guide's metric kinds. */
export type MetricKind = 'percent' | 'count' | 'money' | 'ratio' | 'change';

/** Which way a metric moved or how it stands against its comparison. */
export type Direction = 'up' | 'down' | 'higher' | 'lower' | 'same';

interface DetectionBase extends Span {
  readonly kind: DetectionKind;
  /** Exactly the covered text: `codePoints(text).slice(start, end).join('')`. */
  readonly text: string;
}

export interface MetricDetection extends DetectionBase {
  readonly kind: 'metric';
  readonly metricKind: MetricKind;
  /** The number the text states (92 for "92 per cent", 2500000 for "£2.5m", 0.2 for "one in five"); null when no number can be read. */
  readonly value: number | null;
  /** What the number counts or measures: `percent`, `GBP`, `USD`, `people`, `ratio`, a counted noun… */
  readonly unit: string;
  /** The period the text ties the figure to ("September 2018"), or null. */
  readonly period: string | null;
  /** What the figure is set against ("64 per cent at the last inspection", "the national average"), or null. */
  readonly comparison: string | null;
  /** The value of the comparison when it is a figure of the same unit (64 for the example above), or null. */
  readonly comparisonValue: number | null;
  readonly direction: Direction | null;
}

/** How a quote's speaker was found: shown in hovers so the analyst can judge it. */
export type Attribution =
  | 'before' // "Lead inspector Emmy Tomsett concludes: “…”"
  | 'after' // "“…,” says Ms Tomsett."
  | 'inside' // "“…,” he said, “…”"
  | 'previous-paragraph' // a turn continued from the paragraph before
  | 'pronoun' // "she says", resolved to the last-named matching person
  | 'title' // "the cabinet member", resolved to the person who holds it
  | 'none';

export interface QuoteDetection extends DetectionBase {
  readonly kind: 'quote';
  /** The speaker as first named in full in the text, or null when the text names none. */
  readonly speaker: string | null;
  readonly attribution: Attribution;
}

export interface RecommendationDetection extends DetectionBase {
  readonly kind: 'recommendation';
  /** The words that make the sentence prescriptive ("needs to improve", "should", a list heading), for hovers. */
  readonly cue: string;
}

export type Detection = MetricDetection | QuoteDetection | RecommendationDetection;

/** Whether the analyst kept or dismissed an item. A rejected detection stays dismissed. */
export type AnnotationStatus = 'accepted' | 'rejected';

/**
 * Attributes copied from a detection into an annotation. Every field is
 * optional: an annotation made by hand from a selection has none.
 */
export interface AnnotationAttributes {
  readonly metricKind?: MetricKind;
  readonly value?: number | null;
  readonly unit?: string;
  readonly period?: string | null;
  readonly comparison?: string | null;
  readonly comparisonValue?: number | null;
  readonly direction?: Direction | null;
  readonly speaker?: string | null;
  readonly attribution?: Attribution;
  readonly cue?: string;
}

/** Every attribute key, in the order the sidecar and the exports list them. */
export const ATTRIBUTE_KEYS = [
  'metricKind',
  'value',
  'unit',
  'period',
  'comparison',
  'comparisonValue',
  'direction',
  'speaker',
  'attribution',
  'cue',
] as const satisfies readonly (keyof AnnotationAttributes)[];

/** One annotation as kept in the sidecar (format version 1). */
export interface Annotation extends Span, AnnotationAttributes {
  /** Stable, unique, short (e.g. `a7k2m9`). Merges match annotations by it. */
  readonly id: string;
  /** `metric`, `quote`, `recommendation`, or a kind the user defines. */
  readonly kind: string;
  readonly status: AnnotationStatus;
  /** The annotated text (the quote selector's `exact`). */
  readonly text: string;
  /** 1-based line and column (code points) of `start`, for people reading the sidecar. */
  readonly line: number;
  readonly column: number;
  /** Up to 32 code points before and after the text, for re-anchoring. */
  readonly prefix: string;
  readonly suffix: string;
  readonly tags: readonly string[];
  /** Free text, possibly several lines; empty when there is none. */
  readonly note: string;
  /** ISO 8601 timestamps. */
  readonly created: string;
  readonly updated: string;
  readonly author?: string;
  /** Set by re-anchoring when the text could no longer be found; the span is the last known one. */
  readonly orphaned?: boolean;
}
