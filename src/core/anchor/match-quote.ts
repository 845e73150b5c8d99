/**
 * Finding a remembered quote in a text that may have changed since, using the
 * context the quote was seen in to choose between candidates and to refuse
 * weak ones. This is the scoring core of re-anchoring; `reanchor.ts` decides
 * where to look and in which order.
 *
 * Offsets in and out are code points; the search itself runs on UTF-16 (the
 * JavaScript string API and `approx-string-match` count code units), and the
 * caller may pass the text's {@link OffsetMap} so that thousands of calls on
 * one text do not rebuild it.
 */
import search from 'approx-string-match';
import type { Span } from '../model';
import { OffsetMap, codePointLength } from '../text/code-points';
import { measureContextSimilarity } from './context-similarity';

// Score weights, as in a weighted average. The quote itself dominates; the
// context on each side is the main evidence for choosing between several
// places with the same words; position only breaks ties between candidates
// that are otherwise equally good.

/** Similarity of the candidate's text to the quote. */
const QUOTE_WEIGHT = 50;
/** Share of the remembered prefix found right before the candidate, for a full-length prefix; a shorter one (near the start of the text) weighs proportionally less. */
const PREFIX_WEIGHT = 25;
/** Share of the remembered suffix found right after the candidate, weighed like the prefix. */
const SUFFIX_WEIGHT = 25;
/** The context length (code units) that earns a side its full weight: the length the sidecar keeps. */
const FULL_CONTEXT_LENGTH = 32;
/** Closeness to the expected offset: a tie-breaker, never enough on its own. */
const POSITION_WEIGHT = 2;

/**
 * The lowest score a match may have. With the weights above, an exact quote
 * needs about half of its context to survive (one side whole, say), and a
 * quote with a fifth of its characters changed needs about 70%. Unrelated
 * prose shares about 30% of any context by chance (and rarely more than
 * 50%), so a deleted passage is orphaned rather than landing on other text
 * that repeats its words.
 */
export const MIN_MATCH_SCORE = 0.75;

/**
 * A quote that occurs exactly once in the whole text vouches for itself,
 * more the longer it is: up to {@link PARTLY_SELF_EVIDENT_QUOTE_LENGTH} code
 * units its context counts fully, from this length on not at all, and
 * linearly in between. This is what lets a paragraph-long annotation follow
 * its paragraph when paragraphs are reordered, and a sentence survive edits
 * on both sides of it, while a short phrase ("92 per cent") still needs its
 * context to be told from a repetition elsewhere.
 */
const SELF_EVIDENT_QUOTE_LENGTH = 32;
/** See {@link SELF_EVIDENT_QUOTE_LENGTH}. */
const PARTLY_SELF_EVIDENT_QUOTE_LENGTH = 16;

/**
 * The lowest similarity of the matched text to the quote (1 minus edits per
 * quote character): a fifth of the quote may have changed, no more. What is
 * left of a deleted passage (its last word and the next sentence's first,
 * say) rarely resembles it that closely. Also bounds the fuzzy search, which
 * never looks for matches with more edits than this allows.
 */
export const MIN_QUOTE_SCORE = 0.8;

/**
 * Quotes shorter than this (code units) are only matched exactly. One
 * changed letter in a short word leaves too little to recognise it by, and
 * an orphan the analyst can re-attach beats a word placed on the wrong line.
 */
const MIN_FUZZY_QUOTE_LENGTH = 8;

/**
 * A match scoring at least this (the quote nearly intact, most of its context
 * on both sides) ends the search: nothing else could be much better.
 */
export const CONVINCING_MATCH_SCORE = 0.9;

/** How many times the approximate search looks again past its best matches when they are not convincing. */
const FUZZY_ROUNDS = 3;

/** The fuzzy search's cost grows with the edits it allows; quotes of several thousand characters need no more than this to be found. */
const MAX_FUZZY_ERRORS = 256;

/** Distance (code units) at which the position score halves. */
const POSITION_SCALE = 64;

/**
 * How many exact occurrences, nearest to the hint first, are scored. A very
 * common quote ("the council") may occur thousands of times in a long
 * report; the right one is near the hint or has its context, and the two
 * hundred nearest cover any plausible edit.
 */
const MAX_EXACT_CANDIDATES = 200;

/**
 * Context is compared against twice its own length of text, so that words
 * inserted into the context can be absorbed rather than pushing the
 * remembered context out of the window.
 */
const CONTEXT_WINDOW_FACTOR = 2;

/**
 * How well a line break stands in for the edge of the text that a quote was
 * remembered next to. Half: a paragraph moved away from the top keeps its
 * place after a break, but breaks are common and alone prove little.
 */
const PARAGRAPH_EDGE_SIMILARITY = 0.5;

/** Stands for the start or the end of the text in context comparisons; a decoded report never holds it. */
const TEXT_EDGE = '\u0000';
const LINE_BREAK_AT_END = /[\r\n]\s*$/;
const LINE_BREAK_AT_START = /^\s*[\r\n]/;

/** Where the quote was seen: every field is optional evidence. */
export interface QuoteContext {
  /** The text that came right before the quote. */
  readonly prefix?: string;
  /** The text that came right after the quote. */
  readonly suffix?: string;
  /** The code-point offset where the quote is expected to start. */
  readonly hint?: number;
  /**
   * The length (code points) prefix and suffix were cut to when they were
   * taken. When given, a shorter prefix says the text started right before
   * it, and a shorter suffix that the text ended after it, which is evidence
   * too: a candidate far from the start cannot have that prefix.
   */
  readonly contextLength?: number;
}

/** A match: a code-point span of the text and its score in [0, 1]. */
export interface QuoteMatch extends Span {
  readonly score: number;
}

export interface MatchQuoteOptions {
  /** The text's offset map, when the caller already has one. Must belong to this very text. */
  readonly offsets?: OffsetMap;
  /** Only consider matches inside this code-point range (clamped to the text). The whole text when absent. */
  readonly within?: Span;
  /** Look for exact occurrences (default true). */
  readonly exact?: boolean;
  /**
   * Fall back to approximate matches when no exact occurrence exists in the
   * range (default true). With `exact: false`, only approximate matches
   * (at least one edit) are considered.
   */
  readonly fuzzy?: boolean;
}

/**
 * The best place for `quote` in `text`, judged on the quote, its context and
 * the distance from `context.hint`.
 *
 * Exact occurrences are tried first. Only when the range holds none does an
 * approximate search run (the approximate search reports only the fewest-edit
 * matches, so with an exact occurrence present it could find nothing else).
 *
 * @returns `null` when `quote` is empty or no candidate reaches
 *   {@link MIN_MATCH_SCORE} and {@link MIN_QUOTE_SCORE}.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, options: MatchQuoteOptions = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const offsets = options.offsets ?? new OffsetMap(text);
  const from = options.within ? offsets.toUtf16(options.within.start) : 0;
  const to = options.within ? offsets.toUtf16(options.within.end) : text.length;
  if (to - from < 1) return null;
  const hint = context.hint === undefined ? undefined : offsets.toUtf16(context.hint);
  const scorer = new CandidateScorer(text, quote, context, hint);

  let best: UnitMatch | null = null;
  let exactFound = false;
  if (options.exact ?? true) {
    const exact = findExactCandidates(text, quote, from, to, hint ?? from);
    exactFound = exact.length > 0;
    const wholeText = from === 0 && to === text.length;
    const contextShare =
      wholeText && exact.length === 1 && exact.complete
        ? Math.min(1, Math.max(0, (SELF_EVIDENT_QUOTE_LENGTH - quote.length) / (SELF_EVIDENT_QUOTE_LENGTH - PARTLY_SELF_EVIDENT_QUOTE_LENGTH)))
        : 1;
    for (const start of exact) {
      const score = scorer.score(start, start + quote.length, 0, contextShare);
      if (!best || score > best.score) best = { start, end: start + quote.length, score };
      // Candidates come nearest first: once one has every bit of its
      // context, no later one can beat it.
      if (score >= scorer.perfectContextScore(start, contextShare)) break;
    }
  }
  if (!exactFound && (options.fuzzy ?? true) && quote.length >= MIN_FUZZY_QUOTE_LENGTH) {
    const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(quote.length * (1 - MIN_QUOTE_SCORE)));
    if (maxErrors >= 1) {
      // Exact occurrences were judged above (or the caller asked for approximate
      // matches only, having judged them): blank them out, or the search, which
      // reports only its fewest-edit matches, would find nothing else.
      const region = text.slice(from, to);
      let masked = region.includes(quote) ? region.split(quote).join(TEXT_EDGE.repeat(quote.length)) : region;
      // The fewest-edit matches may be a near-repetition out of context (the
      // same words with another figure) while the annotation, edited a little
      // more, sits in its context: unless a round finds a convincing match,
      // blank its matches out and look again.
      for (let round = 0; round < FUZZY_ROUNDS; round++) {
        const matches = search(masked, quote, maxErrors);
        if (matches.length === 0) break;
        for (const match of matches) {
          const start = from + match.start;
          const end = from + match.end;
          if (1 - match.errors / quote.length < MIN_QUOTE_SCORE) continue;
          const score = scorer.score(start, end, match.errors);
          if (!best || score > best.score) best = { start, end, score };
        }
        if (best && best.score >= CONVINCING_MATCH_SCORE) break;
        for (const match of matches) masked = masked.slice(0, match.start) + TEXT_EDGE.repeat(match.end - match.start) + masked.slice(match.end);
      }
    }
  }
  if (!best || best.score < MIN_MATCH_SCORE) return null;
  return { start: offsets.toCodePoint(best.start), end: offsets.toCodePoint(best.end), score: best.score };
}

/** A candidate in UTF-16 units. */
interface UnitMatch {
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** Start offsets (UTF-16) of exact occurrences, nearest the hint first; `complete` when they are all there are in the range. */
interface ExactCandidates extends Iterable<number> {
  readonly length: number;
  readonly complete: boolean;
}

/**
 * Exact occurrences inside `[from, to)`, nearest to `hint` first, at most
 * {@link MAX_EXACT_CANDIDATES}. Found lazily beyond the first two, so that
 * a caller who stops at a perfect candidate does not pay for the rest.
 */
function findExactCandidates(text: string, quote: string, from: number, to: number, hint: number): ExactCandidates {
  const last = to - quote.length;
  if (last < from) return { length: 0, complete: true, [Symbol.iterator]: () => [][Symbol.iterator]() };
  const pivot = Math.min(Math.max(hint, from), last);
  let forward = text.indexOf(quote, pivot);
  if (forward > last) forward = -1;
  let backward = pivot > from ? text.lastIndexOf(quote, pivot - 1) : -1;
  if (backward < from) backward = -1;
  const found: number[] = [];
  // Taking the nearer of the two fronts, one at a time.
  const takeNext = (): boolean => {
    if (found.length >= MAX_EXACT_CANDIDATES || (forward === -1 && backward === -1)) return false;
    if (backward === -1 || (forward !== -1 && forward - pivot <= pivot - backward)) {
      found.push(forward);
      forward = text.indexOf(quote, forward + 1);
      if (forward > last) forward = -1;
    } else {
      found.push(backward);
      backward = backward > from ? text.lastIndexOf(quote, backward - 1) : -1;
      if (backward < from) backward = -1;
    }
    return true;
  };
  // Two are enough to tell "none", "one" and "several" apart.
  takeNext();
  takeNext();
  return {
    get length() {
      return found.length;
    },
    get complete() {
      return forward === -1 && backward === -1;
    },
    *[Symbol.iterator]() {
      for (let i = 0; i < found.length || takeNext(); i++) yield found[i] as number;
    },
  };
}

/** Scores candidates for one quote and context; all offsets UTF-16. */
class CandidateScorer {
  readonly #text: string;
  readonly #quoteLength: number;
  readonly #prefix: string;
  readonly #suffix: string;
  readonly #hint: number | undefined;
  readonly #prefixWeight: number;
  readonly #suffixWeight: number;
  readonly #prefixAtEdge: boolean;
  readonly #suffixAtEdge: boolean;

  constructor(text: string, quote: string, context: QuoteContext, hint: number | undefined) {
    this.#text = text;
    this.#quoteLength = quote.length;
    this.#hint = hint;
    const prefix = context.prefix ?? '';
    const suffix = context.suffix ?? '';
    const cut = context.contextLength;
    // A context shorter than it was cut to ran into the edge of the text: the
    // edge becomes part of what must match.
    this.#prefixAtEdge = cut !== undefined && codePointLength(prefix) < cut;
    this.#suffixAtEdge = cut !== undefined && codePointLength(suffix) < cut;
    this.#prefix = this.#prefixAtEdge ? TEXT_EDGE + prefix : prefix;
    this.#suffix = this.#suffixAtEdge ? suffix + TEXT_EDGE : suffix;
    // Short context weighs in proportion to its length rather than counting
    // as a perfect match: a quote with a 3-character prefix has little
    // evidence on that side, and one word inserted there must not outvote
    // the rest.
    this.#prefixWeight = PREFIX_WEIGHT * Math.min(1, this.#prefix.length / FULL_CONTEXT_LENGTH);
    this.#suffixWeight = SUFFIX_WEIGHT * Math.min(1, this.#suffix.length / FULL_CONTEXT_LENGTH);
  }

  /**
   * The candidate's score in [0, 1]. `contextShare` scales how much the
   * context weighs (1 normally, less for a quote that vouches for itself).
   */
  score(start: number, end: number, errors: number, contextShare = 1): number {
    const prefixWeight = this.#prefixWeight * contextShare;
    const suffixWeight = this.#suffixWeight * contextShare;
    let total = QUOTE_WEIGHT * (1 - errors / this.#quoteLength);
    if (prefixWeight > 0) total += prefixWeight * this.#prefixSimilarity(start);
    if (suffixWeight > 0) total += suffixWeight * this.#suffixSimilarity(end);
    total += POSITION_WEIGHT * this.#positionScore(start);
    return total / (QUOTE_WEIGHT + prefixWeight + suffixWeight + (this.#hint === undefined ? 0 : POSITION_WEIGHT));
  }

  /** The score an exact match at `start` would have with all its context intact. */
  perfectContextScore(start: number, contextShare = 1): number {
    const context = (this.#prefixWeight + this.#suffixWeight) * contextShare;
    return (QUOTE_WEIGHT + context + POSITION_WEIGHT * this.#positionScore(start)) / (QUOTE_WEIGHT + context + (this.#hint === undefined ? 0 : POSITION_WEIGHT));
  }

  // The edges of the text count as paragraph breaks: a paragraph moved to
  // the top or the bottom keeps its context there, and one moved away from
  // them finds the same context after or before a blank line.

  #prefixSimilarity(start: number): number {
    if (start === 0 && LINE_BREAK_AT_END.test(this.#prefix)) return 1;
    const window = this.#windowBefore(start);
    if (this.#prefix === TEXT_EDGE && LINE_BREAK_AT_END.test(window)) return PARAGRAPH_EDGE_SIMILARITY;
    return measureContextSimilarity(this.#prefix, window, 'prefix');
  }

  #suffixSimilarity(end: number): number {
    if (end === this.#text.length && LINE_BREAK_AT_START.test(this.#suffix)) return 1;
    const window = this.#windowAfter(end);
    if (this.#suffix === TEXT_EDGE && LINE_BREAK_AT_START.test(window)) return PARAGRAPH_EDGE_SIMILARITY;
    return measureContextSimilarity(this.#suffix, window, 'suffix');
  }

  #windowBefore(start: number): string {
    const from = start - CONTEXT_WINDOW_FACTOR * this.#prefix.length;
    const window = this.#text.slice(Math.max(0, from), start);
    return from <= 0 && this.#prefixAtEdge ? TEXT_EDGE + window : window;
  }

  #windowAfter(end: number): string {
    const to = end + CONTEXT_WINDOW_FACTOR * this.#suffix.length;
    const window = this.#text.slice(end, to);
    return to >= this.#text.length && this.#suffixAtEdge ? window + TEXT_EDGE : window;
  }

  #positionScore(start: number): number {
    if (this.#hint === undefined) return 0;
    return POSITION_SCALE / (POSITION_SCALE + Math.abs(start - this.#hint));
  }
}
