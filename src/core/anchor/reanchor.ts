/**
 * Re-anchoring: placing every annotation again after the report changed.
 *
 * Each annotation remembers its offsets, its exact text and 32 code points of
 * context on each side. In order of preference it is found:
 *
 * 1. at its offset, with its exact text (the common case: nothing changed
 *    before it);
 * 2. at its offset moved by the shift of the annotation before it, with its
 *    exact text (an edit earlier in the report moved everything after it);
 * 3. as the exact text elsewhere, nearest the expected offset, chosen and
 *    vouched for by its context;
 * 4. as an approximate match scored on text, context and position, first near
 *    the expected offset, then further away;
 * 5. nowhere: it is **orphaned** — kept with its last position and flagged,
 *    never dropped and never moved onto text that merely looks similar.
 *
 * Offsets are code points of the text without a byte-order mark.
 */
import type { Annotation } from '../model';
import { OffsetMap } from '../text/code-points';
import { LineIndex } from '../text/line-index';
import { CONVINCING_MATCH_SCORE, matchQuote, type QuoteContext, type QuoteMatch } from './match-quote';

/** Code points of context remembered on each side of an annotation. Enough to tell repeated phrases apart, short enough to survive most nearby edits. */
export const CONTEXT_LENGTH = 32;

/**
 * How far (code points) beyond the expected place the first approximate
 * search looks. Most changes to an annotation's own text come with no large
 * edit between it and the annotation before it.
 */
const NEAR_SEARCH_RADIUS = 512;
/** The second, wider approximate search: a section rewritten around the annotation. */
const WIDE_SEARCH_RADIUS = 32 * 1024;
/**
 * Texts longer than this (UTF-16 units) get no approximate search over the
 * whole text: its cost grows with the text, and a passage both moved far and
 * rewritten is better orphaned for the analyst to place than searched for
 * at length.
 */
const FULL_TEXT_FUZZY_LIMIT = 256 * 1024;
/**
 * How many annotations of one call may search approximately beyond the near
 * window. Each such search reads tens or hundreds of kilobytes; a report
 * reorganised wholesale would otherwise cost seconds. Annotations past the
 * budget that nothing nearer places are orphaned: safe, and rare, since a
 * moved passage is found by its exact text first.
 */
const FAR_SEARCH_BUDGET = 16;

export interface ReanchorResult {
  /** Every annotation, in the order given, with its new position (or flagged `orphaned`). Unchanged ones are the same objects. */
  readonly annotations: readonly Annotation[];
  /** Ids of annotations whose span or text changed, or that were orphaned before and are found again. */
  readonly moved: readonly string[];
  /** Ids of annotations that could not be placed; they keep their last position. */
  readonly orphaned: readonly string[];
  /** How many annotations were found exactly where they were. */
  readonly unchanged: number;
}

/**
 * Places `annotations` in `text` again. Never throws on any text; never drops
 * an annotation.
 *
 * For each annotation found, `start`, `end`, `line`, `column`, `prefix` and
 * `suffix` are refreshed, `text` becomes the covered text (it differs only
 * after an approximate match) and `orphaned` is removed. An annotation not
 * found keeps all its fields and gets `orphaned: true`.
 *
 * @param text - The report's current text. A leading byte-order mark is
 *   ignored, as offsets never count it.
 */
export function reanchorAnnotations(annotations: readonly Annotation[], text: string): ReanchorResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const place = new Placer(body);
  const order = annotations.map((_, index) => index).sort((a, b) => {
    const left = annotations[a] as Annotation;
    const right = annotations[b] as Annotation;
    return left.start - right.start || left.end - right.end;
  });

  const updated: Annotation[] = annotations.slice();
  const moved: string[] = [];
  const orphaned: string[] = [];
  let unchanged = 0;
  // The offset change of the last annotation found: an edit before an
  // annotation moves every later one by the same amount, until the next edit.
  let shift = 0;
  const shifts = new Map<number, number>();
  const missing: number[] = [];
  for (const index of order) {
    const annotation = annotations[index] as Annotation;
    const found = place.locate(annotation, shift);
    if (!found) {
      missing.push(index);
      continue;
    }
    shift = found.start - annotation.start;
    shifts.set(index, shift);
    record(index, found);
  }
  // An edit between an annotation and the one before it (a sentence deleted
  // along with its context, say) leaves the shift of the one after it as the
  // evidence: try the exact text there before giving up.
  for (const index of missing) {
    const annotation = annotations[index] as Annotation;
    const rank = order.indexOf(index);
    const after = order.slice(rank + 1).find((other) => shifts.has(other));
    const found = after === undefined ? undefined : place.locateShifted(annotation, shifts.get(after) as number);
    if (found) {
      record(index, found);
      continue;
    }
    orphan(index);
  }
  rejectLandingsOnNeighbours();
  return { annotations: updated, moved, orphaned, unchanged };

  function orphan(index: number): void {
    const annotation = annotations[index] as Annotation;
    orphaned.push(annotation.id);
    updated[index] = annotation.orphaned ? annotation : { ...annotation, orphaned: true };
  }

  /**
   * An approximate match that lands on the text another annotation of about
   * its length was found on exactly is the neighbour, not the annotation
   * edited: a short phrase whose passage was deleted ("inspection has") is
   * two letters from the one beside it ("inspection rise"). Orphan it instead.
   */
  function rejectLandingsOnNeighbours(): void {
    const exact = order.filter((index) => (updated[index] as Annotation).text === (annotations[index] as Annotation).text && !(updated[index] as Annotation).orphaned);
    for (const index of order) {
      const before = annotations[index] as Annotation;
      const after = updated[index] as Annotation;
      if (after.orphaned || after.text === before.text) continue;
      const length = after.end - after.start;
      const onNeighbour = exact.some((other) => {
        if (other === index) return false;
        const neighbour = updated[other] as Annotation;
        const overlap = Math.min(neighbour.end, after.end) - Math.max(neighbour.start, after.start);
        const neighbourLength = neighbour.end - neighbour.start;
        return overlap * 2 > length && neighbourLength * 2 > length && length * 2 > neighbourLength;
      });
      if (!onNeighbour) continue;
      moved.splice(moved.indexOf(before.id), 1);
      orphan(index);
    }
  }

  function record(index: number, found: { start: number; end: number }): void {
    const annotation = annotations[index] as Annotation;
    const next = place.describe(annotation, found.start, found.end);
    updated[index] = next;
    const same = found.start === annotation.start && found.end === annotation.end && next.text === annotation.text && !annotation.orphaned;
    if (same) unchanged++;
    else moved.push(annotation.id);
  }
}

/** Finding spans and describing them, over one text with its maps built once. */
class Placer {
  readonly #text: string;
  readonly #offsets: OffsetMap;
  readonly #lines: LineIndex;
  #farSearchesLeft = FAR_SEARCH_BUDGET;

  constructor(text: string) {
    this.#text = text;
    this.#offsets = new OffsetMap(text);
    this.#lines = new LineIndex(text);
  }

  /** The annotation's new code-point span, or undefined when it is orphaned. */
  locate(annotation: Annotation, shift: number): { start: number; end: number } | undefined {
    const quote = annotation.text;
    const length = this.#offsets.codePointLength;
    if (quote.length === 0) {
      // Nothing to look for: an empty annotation stays where it is while that place exists.
      return annotation.start >= 0 && annotation.start <= length ? { start: annotation.start, end: annotation.start } : undefined;
    }
    if (this.#holdsAt(quote, annotation.start)) return { start: annotation.start, end: annotation.start + this.#codePointsOf(quote, annotation.start) };
    const expected = annotation.start + shift;
    if (shift !== 0 && this.#holdsAt(quote, expected)) return { start: expected, end: expected + this.#codePointsOf(quote, expected) };

    const context = { prefix: annotation.prefix, suffix: annotation.suffix, hint: Math.max(0, Math.min(expected, length)), contextLength: CONTEXT_LENGTH };
    const exact = matchQuote(this.#text, quote, context, { offsets: this.#offsets, fuzzy: false });
    if (exact && exact.score >= CONVINCING_MATCH_SCORE) return exact;
    // An exact occurrence vouched for by only part of its context may be a
    // repetition elsewhere while the annotation itself was lightly edited in
    // place: let an approximate match compete.
    const approximate = this.#findApproximately(quote, context.hint, context);
    const best = approximate && (!exact || approximate.score > exact.score) ? approximate : exact;
    return best ?? undefined;
  }

  /** The annotation's span when its exact text sits at its offset moved by `shift`. */
  locateShifted(annotation: Annotation, shift: number): { start: number; end: number } | undefined {
    const start = annotation.start + shift;
    if (annotation.text.length === 0 || !this.#holdsAt(annotation.text, start)) return undefined;
    return { start, end: start + this.#codePointsOf(annotation.text, start) };
  }

  /** The annotation at its new span with every derived field refreshed; the same object when nothing changed. */
  describe(annotation: Annotation, start: number, end: number): Annotation {
    const from = this.#offsets.toUtf16(start);
    const to = this.#offsets.toUtf16(end);
    const text = this.#text.slice(from, to);
    const { line, column } = this.#lines.positionOf(start);
    const prefix = this.#text.slice(this.#offsets.toUtf16(start - CONTEXT_LENGTH), from);
    const suffix = this.#text.slice(to, this.#offsets.toUtf16(end + CONTEXT_LENGTH));
    if (
      !annotation.orphaned &&
      annotation.start === start &&
      annotation.end === end &&
      annotation.text === text &&
      annotation.line === line &&
      annotation.column === column &&
      annotation.prefix === prefix &&
      annotation.suffix === suffix
    ) {
      return annotation;
    }
    const { orphaned: _wasOrphaned, ...rest } = annotation;
    return { ...rest, start, end, text, line, column, prefix, suffix };
  }

  /** Approximate search, widening from the expected place to the whole text. */
  #findApproximately(quote: string, hint: number, context: QuoteContext & { hint: number }): QuoteMatch | null {
    const length = this.#offsets.codePointLength;
    const quoteLength = quote.length;
    const radii = [NEAR_SEARCH_RADIUS];
    if (this.#farSearchesLeft > 0) {
      radii.push(WIDE_SEARCH_RADIUS);
      if (this.#text.length <= FULL_TEXT_FUZZY_LIMIT) radii.push(Infinity);
    }
    let searched = { start: 0, end: 0 };
    for (const radius of radii) {
      const within = { start: Math.max(0, hint - radius), end: Math.min(length, hint + quoteLength + radius) };
      // A wider window that covers no more text than the last one would find the same nothing.
      if (within.start === searched.start && within.end === searched.end) continue;
      searched = within;
      if (radius === WIDE_SEARCH_RADIUS) this.#farSearchesLeft--;
      const match = matchQuote(this.#text, quote, context, { offsets: this.#offsets, within, exact: false });
      if (match) return match;
    }
    return null;
  }

  /** Whether `quote` sits exactly at code point `start`. */
  #holdsAt(quote: string, start: number): boolean {
    if (start < 0 || start > this.#offsets.codePointLength) return false;
    const from = this.#offsets.toUtf16(start);
    // A start inside a surrogate pair cannot be expressed in code points; toUtf16 of a
    // code point is always at a boundary, so comparing the units is exact.
    return this.#text.startsWith(quote, from);
  }

  /** Code points in `quote`, known to sit at code point `start` of the text. */
  #codePointsOf(quote: string, start: number): number {
    const from = this.#offsets.toUtf16(start);
    return this.#offsets.toCodePoint(from + quote.length) - start;
  }
}
