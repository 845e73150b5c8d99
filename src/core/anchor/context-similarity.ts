/**
 * How much of an annotation's remembered context (the text just before or
 * just after it) is still there around a candidate position.
 *
 * Two readings are taken and the better one kept. Anchored at the candidate
 * (the remembered prefix must end where the candidate starts), an edit of k
 * characters inside the context costs about k, so the score reads as "the
 * share of the context that survived". But a sentence inserted right next to
 * the annotation pushes the whole context away and costs its full length; a
 * free-floating search in the same window still finds the context that was
 * pushed aside, at half the cost. Unrelated prose scores about 0.3 (rarely
 * above 0.5), which is what lets the thresholds in `match-quote.ts` tell
 * survived context from chance.
 */
import search from 'approx-string-match';

/** Cost per character of text between the candidate and context found further away (see below). */
const FLOATING_GAP_COST = 0.5;

/** Which side of the candidate the context belongs to. */
export type ContextSide = 'prefix' | 'suffix';

// Reused between calls: context is at most a few dozen code units, and
// re-anchoring thousands of annotations should not allocate per comparison.
let previousRow = new Int32Array(0);
let currentRow = new Int32Array(0);
let expectedCodes = new Uint16Array(64);
let actualCodes = new Uint16Array(128);

/**
 * A similarity between 0 and 1: 1 minus the edit distance between `expected`
 * and the best-aligned stretch of `actual` that touches the candidate,
 * divided by the length of `expected`.
 *
 * @param expected - The remembered context. Empty context carries no
 *   evidence, so the result is 1 (nothing contradicts the candidate).
 * @param actual - The text on that side of the candidate, ideally about twice
 *   as long as `expected` so that insertions can be absorbed. For `prefix`
 *   it is the text that ends at the candidate; for `suffix` the text that
 *   starts at its end.
 * @param side - Which end of the strings is anchored at the candidate.
 */
export function measureContextSimilarity(expected: string, actual: string, side: ContextSide): number {
  const m = expected.length;
  if (m === 0) return 1;
  if (side === 'prefix' ? actual.endsWith(expected) : actual.startsWith(expected)) return 1;
  const n = actual.length;
  if (n === 0) return 0;
  // Walk both strings away from the candidate: from their ends for a prefix,
  // from their starts for a suffix. Codes are copied out once: the loop below
  // runs m × n times.
  if (expectedCodes.length < m) expectedCodes = new Uint16Array(Math.max(m, 2 * expectedCodes.length));
  if (actualCodes.length < n) actualCodes = new Uint16Array(Math.max(n, 2 * actualCodes.length));
  for (let i = 0; i < m; i++) expectedCodes[i] = expected.charCodeAt(side === 'prefix' ? m - 1 - i : i);
  for (let j = 0; j < n; j++) actualCodes[j] = actual.charCodeAt(side === 'prefix' ? n - 1 - j : j);
  if (previousRow.length < n + 1) {
    previousRow = new Int32Array(n + 1);
    currentRow = new Int32Array(n + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  // Row i holds the cost of aligning the first i characters of `expected`
  // with the first j of `actual`; both alignments start at the candidate.
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const e = expectedCodes[i - 1];
    for (let j = 1; j <= n; j++) {
      const substitution = (previous[j - 1] as number) + (e === actualCodes[j - 1] ? 0 : 1);
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      current[j] = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion;
    }
    const finished = current;
    current = previous;
    previous = finished;
  }
  // The far end of the alignment is free: `actual` may run on past the
  // remembered context (it is longer on purpose).
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, previous[j] as number);
  if (best > 0) {
    // The free-floating reading pays for the text between the candidate and
    // the context it found, at a reduced rate: a whole inserted sentence costs
    // half its length, and a context that merely reappears a few words
    // further on (the next sentence repeating the annotation's words) does
    // not pass for untouched.
    for (const match of search(actual, expected, best - 1)) {
      const gap = side === 'prefix' ? n - match.end : match.start;
      best = Math.min(best, match.errors + Math.ceil(gap * FLOATING_GAP_COST));
    }
  }
  return Math.max(0, 1 - best / m);
}
