/**
 * Finds the quoted stretches of one paragraph from its quotation marks alone,
 * before anyone asks who said them. Straight marks (`"`, `'`) carry no
 * direction, and a closing single mark is also the apostrophe, so each mark
 * is classified from its neighbours (space before and a letter after opens;
 * a letter before and space or punctuation after closes; a letter on both
 * sides is an apostrophe) and then paired in one left-to-right pass.
 *
 * A quote whose closing mark never comes ends at a sensible boundary rather
 * than swallowing the paragraph: where the next quote opens, or at the end
 * of its first sentence when it opened mid-sentence. Everything is a single
 * linear pass over the paragraph plus bounded look-arounds.
 */

/** One quoted stretch: `[start, end)` is the text between the marks (UTF-16, paragraph-relative). */
export interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or -1 when the quote never closes. */
  readonly close: number;
  /** Whether the quote ran to the end of the paragraph without closing (a multi-paragraph quote continues). */
  readonly runsOn: boolean;
}

type Family = 'double' | 'single';
type Role = 'open' | 'close' | 'either';

interface Mark {
  readonly at: number;
  readonly family: Family;
  readonly role: Role;
  /** A closing single mark after `s` and before a lower-case word: possibly a plural possessive (`parents’ views`). */
  readonly possessive: boolean;
}

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const LEFT_SINGLE = 0x2018;
const RIGHT_SINGLE = 0x2019;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const LOW_DOUBLE = 0x201e;
const LEFT_GUILLEMET = 0xab;
const RIGHT_GUILLEMET = 0xbb;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the code unit is white space (including line breaks and no-break space). */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x0b || c === 0x0c || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000;
}

/** Whether the code unit is a letter or digit (surrogate halves count as letters: emoji and rare scripts sit inside words). */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLowerCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff);
}

/** Characters after which a mark opens: brackets, dashes, slashes and other opening marks. */
function isOpeningContext(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === LEFT_DOUBLE || c === LEFT_SINGLE || c === LOW_DOUBLE || c === LEFT_GUILLEMET || c === QUOTE || c === APOSTROPHE;
}

/** Characters before which a mark closes: punctuation, closing brackets, dashes and other closing marks. */
function isClosingContext(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2026 || c === RIGHT_DOUBLE || c === RIGHT_SINGLE || c === RIGHT_GUILLEMET || c === QUOTE || c === APOSTROPHE;
}

/** Classifies the mark at `i`, or returns null when it is not a quotation mark (apostrophe, prime, elision). */
function classifyMark(text: string, i: number): Mark | null {
  const c = text.charCodeAt(i);
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  const opensHere = prev < 0 || isSpaceCode(prev) || isOpeningContext(prev);
  const closesHere = next < 0 || isSpaceCode(next) || isClosingContext(next);
  switch (c) {
    case LEFT_DOUBLE:
    case LOW_DOUBLE:
    case LEFT_GUILLEMET:
      return { at: i, family: 'double', role: 'open', possessive: false };
    case RIGHT_DOUBLE:
    case RIGHT_GUILLEMET:
      return { at: i, family: 'double', role: 'close', possessive: false };
    case QUOTE: {
      // 5'10": a double prime after a digit.
      if (prev >= 0 && isDigitCode(prev) && !(next >= 0 && isWordCode(next))) return null;
      if (opensHere && closesHere) return null;
      if (opensHere) return { at: i, family: 'double', role: 'open', possessive: false };
      if (closesHere) return { at: i, family: 'double', role: 'close', possessive: false };
      return { at: i, family: 'double', role: 'either', possessive: false };
    }
    case LEFT_SINGLE: {
      if (next < 0 || isSpaceCode(next) || isDigitCode(next)) return null; // ‘90s
      return { at: i, family: 'single', role: 'open', possessive: false };
    }
    case APOSTROPHE:
    case RIGHT_SINGLE: {
      if (prev >= 0 && next >= 0 && isWordCode(prev) && isWordCode(next)) return null; // it’s, Devon’s
      if (opensHere) {
        if (c === RIGHT_SINGLE || next < 0 || isSpaceCode(next) || isDigitCode(next)) return null; // '90s, stray marks
        return { at: i, family: 'single', role: 'open', possessive: false };
      }
      if (!closesHere) return null;
      const possessive = (prev === 115 || prev === 83) && next >= 0 && isSpaceCode(next) && i + 2 < text.length && isLowerCode(text.charCodeAt(i + 2));
      return { at: i, family: 'single', role: 'close', possessive };
    }
    default:
      return null;
  }
}

/** Every quotation mark the pairing considers: straight, curly, low and guillemets. */
const MARK_CHARS = /["'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb]/g;

function isSentenceEndCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** The offset just after trailing white space is removed from `[from, to)`. */
function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether the mark at `open` starts a sentence (paragraph start, a line start, or after `.`, `?`, `!`, `:`). */
function opensSentence(text: string, open: number): boolean {
  let i = open - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 0xa0)) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || isSentenceEndCode(c) || c === 58 || c === RIGHT_DOUBLE || c === QUOTE;
}

/**
 * Where a quote opened at `open` (text from `start`) ends when its closing
 * mark never comes before `limit` (the next opening mark, or the paragraph
 * end). Returns the end offset (exclusive), trimmed of white space.
 */
function endUnclosed(text: string, open: number, start: number, limit: number): number {
  const trimmed = trimEnd(text, start, limit);
  if (trimmed <= start) return start;
  const last = text.charCodeAt(trimmed - 1);
  const brokeLine = trimmed < limit && text.slice(trimmed, limit).search(/[\r\n]/) >= 0;
  if (limit < text.length && (isSentenceEndCode(last) || last === 44 || last === 58 || last === 59 || brokeLine)) return trimmed;
  if (!opensSentence(text, open)) {
    // A partial quote whose closing mark is missing: keep its first sentence only.
    for (let i = start; i < trimmed; i++) {
      if (isSentenceEndCode(text.charCodeAt(i)) && (i + 1 >= trimmed || isSpaceCode(text.charCodeAt(i + 1)))) return i + 1;
    }
    return trimmed;
  }
  // A quote that opened its sentence runs on (multi-paragraph style), but not past a line that ended a sentence.
  for (let i = start; i < trimmed; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 13) && i > start) {
      const before = trimEnd(text, start, i);
      if (before > start && isSentenceEndCode(text.charCodeAt(before - 1))) return before;
    }
  }
  return trimmed;
}

/** Whether `text[from, to)` holds a letter or digit: marks around nothing but punctuation quote nothing. */
function hasWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordCode(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Every quoted stretch of `text` in order, nested quotes left inside their
 * outer quote. Linear in the length of `text`; never throws.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const marks: Mark[] = [];
  // Jump from mark to mark with the regex engine: most of a paragraph holds none.
  MARK_CHARS.lastIndex = 0;
  for (let found = MARK_CHARS.exec(text); found !== null; found = MARK_CHARS.exec(text)) {
    const mark = classifyMark(text, found.index);
    if (mark) marks.push(mark);
  }
  // For each mark, whether a plain (non-possessive) single close follows before the next single opening.
  const laterSingleClose: boolean[] = new Array<boolean>(marks.length).fill(false);
  let seen = false;
  for (let k = marks.length - 1; k >= 0; k--) {
    laterSingleClose[k] = seen;
    const m = marks[k]!;
    if (m.family !== 'single') continue;
    if (m.role === 'open') seen = false;
    else if (!m.possessive) seen = true;
  }

  const spans: QuoteSpan[] = [];
  let current: Mark | null = null;
  const pushUnclosed = (from: Mark, limit: number): void => {
    const start = from.at + 1;
    const end = endUnclosed(text, from.at, start, limit);
    // An unclosed single mark is more often a stray apostrophe than a quote: keep it only when it opens a sentence.
    if (from.family === 'single' && !opensSentence(text, from.at)) return;
    if (end > start && hasWord(text, start, end)) spans.push({ start, end, open: from.at, close: -1, runsOn: limit >= text.length && end === trimEnd(text, start, text.length) });
  };
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k]!;
    if (current === null) {
      if (mark.role !== 'close') current = mark;
      continue;
    }
    if (mark.family !== current.family) continue; // nested quote: stays inside the outer one
    if (mark.role === 'open') {
      pushUnclosed(current, mark.at);
      current = mark;
      continue;
    }
    if (mark.possessive && laterSingleClose[k]) continue;
    const start = current.at + 1;
    if (mark.at > start && hasWord(text, start, mark.at)) spans.push({ start, end: mark.at, open: current.at, close: mark.at, runsOn: false });
    current = null;
  }
  if (current !== null) pushUnclosed(current, text.length);
  return spans;
}
