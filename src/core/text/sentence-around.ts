/**
 * The sentence a span sits in, for hovers that show where a figure or a
 * recommendation comes from. A plain heuristic (no abbreviation list): a
 * sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or
 * brackets) before white space, or at a blank line; a span that crosses such
 * a boundary gets every sentence it touches.
 */
import type { Span } from '../model';

/** How far (UTF-16 units) to look on each side of the span before giving up and cutting with an ellipsis. */
export const SENTENCE_SEARCH_LIMIT = 600;

const ENDS_SENTENCE = /[.!?]["'”’)\]]*\s/g;
const BLANK_LINE = /\n[ \t]*\r?\n/g;

/**
 * The sentence around `span` (UTF-16 offsets into `text`), trimmed and with
 * white space runs collapsed. Marks a cut with "…" when the sentence runs
 * beyond {@link SENTENCE_SEARCH_LIMIT} on either side.
 */
export function sentenceAround(text: string, span: Span): string {
  const windowStart = Math.max(0, span.start - SENTENCE_SEARCH_LIMIT);
  const windowEnd = Math.min(text.length, span.end + SENTENCE_SEARCH_LIMIT);
  const before = text.slice(windowStart, span.start);
  const after = text.slice(span.end, windowEnd);
  let start = windowStart === 0 ? 0 : -1;
  for (const pattern of [ENDS_SENTENCE, BLANK_LINE]) {
    pattern.lastIndex = 0;
    for (const match of before.matchAll(pattern)) start = Math.max(start, windowStart + match.index + match[0].length);
  }
  let end = windowEnd === text.length ? text.length : -1;
  for (const pattern of [ENDS_SENTENCE, BLANK_LINE]) {
    pattern.lastIndex = 0;
    const match = pattern.exec(after);
    if (match) {
      const boundary = span.end + match.index + (pattern === ENDS_SENTENCE ? match[0].trimEnd().length : 0);
      end = end === -1 || end === text.length ? boundary : Math.min(end, boundary);
    }
  }
  const cutStart = start === -1;
  const cutEnd = end === -1;
  const sentence = text
    .slice(cutStart ? windowStart : start, cutEnd ? windowEnd : end)
    .replace(/\s+/g, ' ')
    .trim();
  return `${cutStart ? '…' : ''}${sentence}${cutEnd ? '…' : ''}`;
}
