/**
 * A sentence splitter for report prose: inspection letters, committee papers,
 * press releases and news copy. It is a single left-to-right pass over the
 * UTF-16 string with a few characters of look-behind and look-ahead at each
 * candidate boundary, so its cost is linear in the text (Intl.Segmenter was
 * measured quadratic on long inputs and does not know report conventions).
 *
 * What it knows about:
 * - abbreviations that do not end a sentence (Ms, Dr, Cllr, St., No. 10,
 *   e.g., i.e., Jan. 5, initials as in "J. Smith") and decimals (4.5);
 * - ellipses, which end a sentence only before a capital;
 * - quotation marks: a full stop inside closing marks (`improve.”`) ends the
 *   sentence after the marks; a quoted passage introduced by a colon
 *   (`He said: “…`) starts its own sentence; and a sentence that lies inside a
 *   quotation is returned without the marks;
 * - list items: a bullet (◼ • ▪ - * …) or a number (`1.`, `a)`, `(iv)`,
 *   `2.3`) at the start of a line starts a sentence and is left out of it,
 *   which also covers numbered paragraphs (`22. When decisions…`);
 * - line breaks: inside a paragraph they are spaces, except before a list
 *   item, after a line ending in a colon, and after a one-line heading.
 *
 * Offsets are UTF-16 code units into the given text. Boundaries only ever
 * fall next to ASCII or BMP punctuation and white space, so a span never
 * splits a surrogate pair.
 */

/** One sentence: `text.slice(start, end)`, trimmed of white space, list markers and enclosing quotation marks. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** The sentence opens a list item: a bullet or a number came before it at the start of its line. */
  readonly listItem: boolean;
  /** The sentence has a line to itself: it starts a line (after any list marker) and nothing but white space follows it on that line. */
  readonly ownLine: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

/** Titles that precede a name: never a sentence end before a capital. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'cllr', 'coun', 'prof', 'rev', 'revd', 'st', 'sgt', 'insp', 'supt', 'det', 'cpl', 'pte',
  'capt', 'col', 'gen', 'lt', 'maj', 'cmdr', 'adm', 'hon', 'rt', 'fr', 'sr', 'jr', 'messrs', 'mme', 'mlle', 'gov', 'sen', 'rep', 'pres',
]);

/** Abbreviations that never end a sentence. */
const NEVER_FINAL = new Set(['e.g', 'i.e', 'eg', 'ie', 'cf', 'viz', 'vs', 'v', 'approx', 'al', 'incl', 'esp', 'ca', 'c']);

/** Abbreviations that do not end a sentence before a number (No. 10, p. 4, Jan. 2019). */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'p', 'pp', 'para', 'paras', 'fig', 'figs', 'vol', 'vols', 'ch', 'chap', 'sec', 'sect', 'art', 'cl', 'ref', 'tel', 'ext', 'op', 'reg',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/** Words a wrapped line can end on but a heading cannot. */
const DANGLING = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'that', 'which', 'who', 'as', 'is', 'are', 'was', 'were', 'be', 'its', 'their', 'our', 'his', 'her', 'this', 'these', 'than', 'into', 'not', 'has', 'have']);

/** The characters the splitter looks at inside a sentence: terminal punctuation, colons, line breaks and anything not ASCII. */
const NOTABLE = /[.!?:\n\r\u0080-\uffff]/g;

/** The longest line that may be taken for a heading. */
const MAX_HEADING_LINE = 60;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0b || c === 0x0c || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f;
}

function isSpaceOrBreak(c: number): boolean {
  return c === LF || c === CR || isSpace(c);
}

function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x203c || c === 0x2047 || c === 0x2048 || c === 0x2049;
}

/** Closing quotation marks and brackets that may follow a sentence's final punctuation. */
function isCloser(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0xbb || c === 0x203a;
}

function isOpeningQuote(c: number): boolean {
  return c === 0x201c || c === 0x2018 || c === 0x22 || c === 0x27 || c === 0xab || c === 0x201e || c === 0x2039;
}

function isUpper(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

function isLower(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Bullet glyphs: they start an item wherever they stand between spaces. */
function isBulletGlyph(c: number): boolean {
  return (
    c === 0x2022 || c === 0x25fc || c === 0x25fe || c === 0x25a0 || c === 0x25aa || c === 0x25cf || c === 0x25e6 || c === 0x2023 ||
    c === 0x2043 || c === 0x2219 || c === 0x00b7 || c === 0x27a2 || c === 0x25ba || c === 0x25b6 || c === 0x2713 || c === 0x2714 ||
    c === 0x25a1 || c === 0x274f || c === 0x2756 || c === 0xf0b7 || c === 0xf0a7 || c === 0xf076 || c === 0xf0d8 || c === 0xf0fc
  );
}

/**
 * Whether `text` holds a bullet glyph anywhere: a sentence may then open a
 * list item in mid-line ("Main points: • A ban in pubs").
 */
export function containsBulletGlyph(text: string): boolean {
  return BULLET_GLYPH.test(text);
}

/** The glyphs of {@link isBulletGlyph} as a character class: a regular-expression scan is much faster than a loop. */
const BULLET_GLYPH = /[\u2022\u25fc\u25fe\u25a0\u25aa\u25cf\u25e6\u2023\u2043\u2219\u00b7\u27a2\u25ba\u25b6\u2713\u2714\u25a1\u274f\u2756\uf0b7\uf0a7\uf076\uf0d8\uf0fc]/;

/**
 * If a list marker starts at `i` (a line start), the index just after it and
 * the spaces that follow; otherwise -1. Markers: a bullet glyph, `-`, `–`,
 * `*`, `o` (word processors' second-level bullet), `12.`, `12)`, `2.3`,
 * `a)`, `(a)`, `(iv)`, `iv.` — each followed by white space.
 */
export function matchListMarker(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  let j = -1;
  if (isBulletGlyph(c) || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2a || c === 0x3e) j = i + 1;
  else if (c === 0x6f /* o */ && i + 2 < n && isSpace(text.charCodeAt(i + 1)) && isUpper(text.charCodeAt(i + 2))) j = i + 1;
  else if (isDigit(c)) {
    let k = i;
    while (k < n && k - i < 3 && isDigit(text.charCodeAt(k))) k++;
    if (k < n && isDigit(text.charCodeAt(k))) return -1; // four digits or more: a year or a figure, not a number
    // Sub-numbering: 2.3, 2.3.1
    while (k + 1 < n && text.charCodeAt(k) === 0x2e && isDigit(text.charCodeAt(k + 1))) {
      k++;
      const from = k;
      while (k < n && k - from < 3 && isDigit(text.charCodeAt(k))) k++;
    }
    const d = text.charCodeAt(k);
    if (d === 0x2e || d === 0x29) j = k + 1;
    else if (k > i + 1 && text.slice(i, k).includes('.')) j = k; // "2.3 Text"
  } else if (c === 0x28 /* ( */) {
    let k = i + 1;
    while (k < n && k - i <= 4 && (isDigit(text.charCodeAt(k)) || isAsciiLetter(text.charCodeAt(k)))) k++;
    if (k > i + 1 && text.charCodeAt(k) === 0x29 && isListLabel(text.slice(i + 1, k))) j = k + 1;
  } else if (isAsciiLetter(c)) {
    let k = i;
    while (k < n && k - i <= 4 && isAsciiLetter(text.charCodeAt(k))) k++;
    const d = text.charCodeAt(k);
    const label = text.slice(i, k);
    if (d === 0x29 && isListLabel(label)) j = k + 1;
    else if (d === 0x2e && (/^[ivx]{1,4}$/.test(label) || /^[a-h]$/.test(label))) j = k + 1;
  }
  if (j < 0 || j >= n || !isSpace(text.charCodeAt(j))) return -1;
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  return j;
}

/** `a`, `B`, `iv`, `12`: a label a list may use inside `(…)` or before `)`. */
function isListLabel(label: string): boolean {
  return /^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})$/.test(label);
}

/**
 * The word just before the full stop at `dot`, lower-cased, keeping inner
 * dots (`e.g`), or '' when a non-letter precedes it. Looks back at most 12
 * characters.
 */
function readWordBefore(text: string, dot: number): string {
  let k = dot;
  const limit = Math.max(0, dot - 12);
  while (k > limit) {
    const c = text.charCodeAt(k - 1);
    if (isAsciiLetter(c) || (c === 0x2e && k - 1 > limit && isAsciiLetter(text.charCodeAt(k - 2)))) k--;
    else break;
  }
  return text.slice(k, dot).toLowerCase();
}

/**
 * Whether the full stop at `dot` belongs to an abbreviation rather than
 * ending the sentence, given the character `next` that starts the following
 * word.
 */
function isAbbreviation(text: string, dot: number, next: number): boolean {
  // Most sentences end on a word longer than any abbreviation: skip building a string for them.
  let run = dot;
  while (run > 0 && dot - run <= 7 && isAsciiLetter(text.charCodeAt(run - 1))) run--;
  if (dot - run > 7) return false;
  const word = readWordBefore(text, dot);
  if (word === '') return false;
  if (NEVER_FINAL.has(word)) {
    // "et al." and the like: "al" alone is an ordinary word elsewhere.
    return word !== 'al' || text.slice(Math.max(0, dot - 6), dot).toLowerCase().endsWith('et al');
  }
  if (TITLES.has(word)) return isUpper(next) || isDigit(next);
  if (BEFORE_NUMBER.has(word)) return isDigit(next);
  // An initial: "J. Smith", "Peter J. McEntee".
  if (word.length === 1 && isUpper(text.charCodeAt(dot - 1))) {
    const before = dot >= 2 ? text.charCodeAt(dot - 2) : 0x20;
    return (isSpaceOrBreak(before) || before === 0x2e || before === 0x28) && isUpper(next);
  }
  return false;
}

/**
 * The sentences of `text`, in order, never overlapping. Never throws; linear
 * in the length of `text`.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const n = text.length;
  let i = 0;
  let start = -1;
  let startListItem = false;
  let startsLine = false;
  /** Index where the current line starts. */
  let lineStart = 0;
  /** Whether only white space has been seen on the current line so far. */
  let lineBlank = true;


  while (i < n) {
    const c = text.charCodeAt(i);
    // Fast path: inside a sentence, ASCII other than . ! ? : and line breaks never matters.
    if (start >= 0 && c < 0x80 && c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x3a && c !== LF && c !== CR) {
      // Jump to the next character that may matter: a regular-expression scan for a character
      // class runs several times faster than this loop, and prose is mostly such characters.
      NOTABLE.lastIndex = i + 1;
      i = NOTABLE.test(text) ? NOTABLE.lastIndex - 1 : n;
      continue;
    }
    if (c === LF || c === CR) {
      const next = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      if (start >= 0 && breaksAtLineEnd(text, start >= lineStart && startsLine, lineStart, i, next)) {
        pushSentence(sentences, text, start, i, startListItem, startsLine);
        start = -1;
      }
      lineStart = next;
      lineBlank = true;
      i = next;
      continue;
    }
    if (start < 0) {
      if (isSpace(c)) {
        i++;
        continue;
      }
      startsLine = lineBlank;
      startListItem = false;
      const markerEnd = lineBlank ? matchListMarker(text, i) : isBulletGlyph(c) ? matchListMarker(text, i) : -1;
      lineBlank = false;
      if (markerEnd >= 0) {
        startListItem = true;
        i = markerEnd;
        if (i >= n || text.charCodeAt(i) === LF || text.charCodeAt(i) === CR) continue;
      }
      start = i;
      continue; // look at the character at `start` as part of the sentence
    }
    lineBlank = false;
    if (isTerminal(c)) {
      let k = i;
      while (k < n && isTerminal(text.charCodeAt(k))) k++;
      const runEnd = k;
      while (k < n && isCloser(text.charCodeAt(k))) k++;
      if (k >= n) {
        pushSentence(sentences, text, start, n, startListItem, startsLine);
        start = -1;
        i = n;
        continue;
      }
      if (!isSpaceOrBreak(text.charCodeAt(k))) {
        i = runEnd;
        continue;
      }
      let p = k;
      while (p < n && isSpaceOrBreak(text.charCodeAt(p))) p++;
      if (p >= n || endsSentence(text, i, runEnd, p)) {
        pushSentence(sentences, text, start, k, startListItem, startsLine);
        start = -1;
        i = k;
        continue;
      }
      i = k;
      continue;
    }
    if (c === 0x3a /* : */ && startsQuotation(text, i + 1)) {
      pushSentence(sentences, text, start, i + 1, startListItem, startsLine);
      start = -1;
      i++;
      continue;
    }
    if (isBulletGlyph(c) && i > start && isSpace(text.charCodeAt(i - 1)) && i + 1 < n && isSpace(text.charCodeAt(i + 1))) {
      pushSentence(sentences, text, start, i, startListItem, startsLine);
      start = -1;
      continue;
    }
    i++;
  }
  if (start >= 0) pushSentence(sentences, text, start, n, startListItem, startsLine);
  return sentences;
}

/** Whether the punctuation run `[at, runEnd)` ends the sentence, the next word starting at `next`. */
function endsSentence(text: string, at: number, runEnd: number, next: number): boolean {
  const d = text.charCodeAt(next);
  if (isLower(d)) return false;
  if (runEnd - at === 1 && text.charCodeAt(at) === 0x2e && isAbbreviation(text, at, d)) return false;
  if (isUpper(d) || isDigit(d) || isOpeningQuote(d) || isBulletGlyph(d) || d === 0x28 || d === 0x5b || d === 0x2d || d === 0x2013 || d === 0x2a) return true;
  // Letters without case (CJK, Arabic…) and symbols such as £ or # start sentences too.
  return !(d === 0x2c || d === 0x3b || d === 0x3a || d === 0x29 || d === 0x5d || isTerminal(d));
}

/** Whether white space then an opening quotation mark and a capital follow `i`: a quotation introduced by a colon. */
function startsQuotation(text: string, i: number): boolean {
  let p = i;
  const n = text.length;
  if (p >= n || !isSpace(text.charCodeAt(p))) return false;
  while (p < n && isSpace(text.charCodeAt(p))) p++;
  return p + 1 < n && isOpeningQuote(text.charCodeAt(p)) && isUpper(text.charCodeAt(p + 1));
}

/**
 * Whether the line break at `lineEnd` ends the sentence that is running
 * through it. `ownLine` says the sentence began at the start of this line.
 */
function breaksAtLineEnd(text: string, ownLine: boolean, lineStart: number, lineEnd: number, next: number): boolean {
  const n = text.length;
  let p = next;
  while (p < n && isSpace(text.charCodeAt(p))) p++;
  if (p >= n) return true;
  const first = text.charCodeAt(p);
  if (first === LF || first === CR) return true; // a blank line
  if (matchListMarker(text, p) >= 0) return true;
  let e = lineEnd;
  while (e > lineStart && isSpace(text.charCodeAt(e - 1))) e--;
  if (e <= lineStart) return false;
  const last = text.charCodeAt(e - 1);
  if (last === 0x3a) return true;
  if (!ownLine || e - lineStart > MAX_HEADING_LINE) return false;
  // A short line on its own, followed by a line that starts like a sentence: a heading.
  if (!(isUpper(first) || isDigit(first) || isOpeningQuote(first))) return false;
  if (last === 0x2c || last === 0x3b || last === 0x2d || last === 0x2013 || last === 0x2014 || last === 0x26 || last === 0x28 || last === 0x2f) return false;
  let w = e;
  while (w > lineStart && isAsciiLetter(text.charCodeAt(w - 1))) w--;
  return !DANGLING.has(text.slice(w, e).toLowerCase());
}

/** Adds `[from, to)` to `sentences` once trimmed, unless nothing is left. */
function pushSentence(sentences: Sentence[], text: string, from: number, to: number, listItem: boolean, startsLine: boolean): void {
  const sentence = trimSentence(text, from, to, listItem, startsLine);
  if (sentence !== null) sentences.push(sentence);
}

/**
 * Trims `[from, to)` to a sentence: white space off both ends, then the
 * quotation marks that enclose it when the sentence lies inside a quotation.
 * Null when nothing is left.
 */
function trimSentence(text: string, from: number, to: number, listItem: boolean, startsLine: boolean): Sentence | null {
  let s = from;
  let e = to;
  while (s < e && isSpaceOrBreak(text.charCodeAt(s))) s++;
  while (e > s && isSpaceOrBreak(text.charCodeAt(e - 1))) e--;
  if (e <= s) return null;
  let after = to;
  while (after < text.length && isSpace(text.charCodeAt(after))) after++;
  const ownLine = startsLine && (after >= text.length || text.charCodeAt(after) === LF || text.charCodeAt(after) === CR);
  [s, e] = stripEnclosingQuotes(text, s, e);
  // The marks may have enclosed only white space: “ ”.
  while (s < e && isSpaceOrBreak(text.charCodeAt(s))) s++;
  while (e > s && isSpaceOrBreak(text.charCodeAt(e - 1))) e--;
  if (e <= s) return null;
  return { start: s, end: e, listItem, ownLine };
}

/** The closing mark that pairs with an opening one. */
function findClosingMark(open: number): number {
  switch (open) {
    case 0x201c:
      return 0x201d;
    case 0x2018:
      return 0x2019;
    case 0xab:
      return 0xbb;
    case 0x2039:
      return 0x203a;
    case 0x201e:
      return 0x201c;
    default:
      return open; // straight marks close with themselves
  }
}

/** Whether a single closing mark at `i` closes a quotation rather than marking an apostrophe (`Devon’s`, `it’s`). */
function isClosingSingle(text: string, i: number): boolean {
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
  return !isAsciiLetter(after) && !isLower(after) && !isUpper(after);
}

/** Whether the mark `mark` at `i` closes a quotation. */
function closesAt(text: string, i: number, mark: number): boolean {
  if (text.charCodeAt(i) !== mark) return false;
  return mark === 0x2019 || mark === 0x27 ? isClosingSingle(text, i) : true;
}

/**
 * Drops the quotation marks around a sentence that lies inside a quotation:
 * the opening mark when the quotation does not close before the sentence's
 * final punctuation (a quotation followed by `he said` keeps its marks, the
 * attribution being part of the sentence), and a closing mark after the
 * final punctuation when the sentence holds no opening mark of its own.
 */
function stripEnclosingQuotes(text: string, s: number, e: number): [number, number] {
  // The final cluster: terminal punctuation, then closers.
  let tail = e;
  while (tail > s && isCloser(text.charCodeAt(tail - 1))) tail--;
  const closersStart = tail;
  const first = text.charCodeAt(s);
  if (isOpeningQuote(first)) {
    const mark = findClosingMark(first);
    let closedInside = false;
    for (let i = s + 1; i < closersStart; i++) {
      if (closesAt(text, i, mark) && !(mark === 0x22 && i + 1 < closersStart && !isClosingContext(text, i))) {
        closedInside = true;
        break;
      }
    }
    if (closedInside) return [s, e];
    let end = e;
    // Drop the closers after the final punctuation that close this quotation.
    if (closersStart < e && text.charCodeAt(closersStart) === mark) end = closersStart;
    else if (closersStart < e && text.charCodeAt(e - 1) === mark) end = e - 1;
    return [s + 1, end];
  }
  if (closersStart < e && closersStart > s && isTerminal(text.charCodeAt(closersStart - 1))) {
    const mark = text.charCodeAt(closersStart);
    if (mark === 0x201d || mark === 0x2019 || mark === 0x22 || mark === 0x27 || mark === 0xbb) {
      const open = mark === 0x201d ? 0x201c : mark === 0x2019 ? 0x2018 : mark === 0xbb ? 0xab : mark;
      for (let i = s; i < closersStart; i++) {
        const c = text.charCodeAt(i);
        if (c === open && (open === 0x201c || open === 0x2018 || open === 0xab || isOpeningContext(text, i))) return [s, e];
        if (open === 0x201c && c === 0x201e) return [s, e];
      }
      return [s, closersStart];
    }
  }
  return [s, e];
}

/** Whether a straight mark at `i` stands where a quotation opens: after a space or an opening bracket, before a non-space. */
function isOpeningContext(text: string, i: number): boolean {
  const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
  return (isSpaceOrBreak(before) || before === 0x28 || before === 0x5b || before === 0x2014 || before === 0x2013) && !isSpaceOrBreak(after);
}

/** Whether a straight mark at `i` stands where a quotation closes: after a non-space, not before a letter. */
function isClosingContext(text: string, i: number): boolean {
  const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
  return !isSpaceOrBreak(before) && !isOpeningContext(text, i);
}
