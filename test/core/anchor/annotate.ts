/** Builds annotations over test texts the way the store would, so re-anchoring tests start from faithful input. */
import type { Annotation } from '../../../src/core/model';
import { LineIndex } from '../../../src/core/text/line-index';

/** An accepted annotation over code points `[start, end)` of `text`, with its context and position filled in. */
export function annotationAt(text: string, start: number, end: number, id: string, extra: Partial<Annotation> = {}): Annotation {
  const points = Array.from(text);
  const { line, column } = new LineIndex(text).positionOf(start);
  return {
    id,
    kind: 'metric',
    status: 'accepted',
    start,
    end,
    text: points.slice(start, end).join(''),
    line,
    column,
    prefix: points.slice(Math.max(0, start - 32), start).join(''),
    suffix: points.slice(end, end + 32).join(''),
    tags: [],
    note: '',
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** An annotation over the first occurrence of `quote` in `text` (code points). */
export function annotationOf(text: string, quote: string, id: string, occurrence = 0): Annotation {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`test text has no ${quote}`);
  const start = Array.from(text.slice(0, at)).length;
  return annotationAt(text, start, start + Array.from(quote).length, id);
}

/** The covered text of a span, in code points. */
export function sliceText(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/**
 * Words for generated reports. The vocabulary is small next to a real
 * report's, so phrases repeat more often than they would in one: the
 * generated texts are harder to re-anchor in, not easier.
 */
export const WORDS = (
  'the council said that care leavers were living in suitable accommodation and inspectors found children ' +
  'need more help with services per cent of families across county schools should improve must report budget ' +
  'million rise fell year leaders social workers plans quality practice managers young people housing staff ' +
  'recommends urgent review support health education outcomes board a an to for by on at from is are was has ' +
  'have been not only too many few most all some new local national average since last this that these those ' +
  'cabinet member chief executive director adult child protection early help placements fostering adoption ' +
  'waiting times assessments referrals cases visits inspection rating good outstanding inadequate requires ' +
  'improvement progress weak strong effective timely oversight leadership partners police hospital trust ' +
  'funding cuts spending savings deficit overspend target plan strategy consultation residents ward parish'
).split(' ');

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32), so generated reports shrink by their seed and stay prose-like. */
export function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` words of report-like prose from `seed`: vocabulary words with the odd figure, comma and full stop. */
export function generateWords(seed: number, count: number, vocabulary: readonly string[] = WORDS): string[] {
  const next = randomSequence(seed);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    let word = roll < 0.08 ? String(Math.floor(next() * 2000)) : (vocabulary[Math.floor(next() * vocabulary.length)] as string);
    if (i > 0 && roll > 0.93) word += ',';
    if (i === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    words.push(word);
  }
  return words;
}
