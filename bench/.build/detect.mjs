// src/core/text/code-points.ts
var isHigh = (unit) => unit >= 55296 && unit <= 56319;
var isLow = (unit) => unit >= 56320 && unit <= 57343;
function startsPair(text, i) {
  return isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
}
var OffsetMap = class {
  /** UTF-16 offsets at which a surrogate pair starts, ascending. */
  #pairs = [];
  #utf16Length;
  constructor(text) {
    this.#utf16Length = text.length;
    for (let i = 0; i < text.length; i++) {
      if (startsPair(text, i)) {
        this.#pairs.push(i);
        i++;
      }
    }
  }
  /** Length of the text in code points. */
  get codePointLength() {
    return this.#utf16Length - this.#pairs.length;
  }
  /** Length of the text in UTF-16 code units. */
  get utf16Length() {
    return this.#utf16Length;
  }
  /**
   * The code-point offset of a UTF-16 offset. An offset that falls between the
   * two halves of a pair is rounded down to the pair's start. Out-of-range
   * offsets are clamped to the text.
   */
  toCodePoint(utf16) {
    const clamped = Math.max(0, Math.min(utf16, this.#utf16Length));
    return clamped - lowerBound(this.#pairs, clamped);
  }
  /** The UTF-16 offset of a code-point offset, clamped to the text. */
  toUtf16(codePoint) {
    const clamped = Math.max(0, Math.min(codePoint, this.codePointLength));
    let lo = 0;
    let hi = this.#pairs.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.#pairs[mid] - mid < clamped) lo = mid + 1;
      else hi = mid;
    }
    return clamped + lo;
  }
};
function lowerBound(values, target) {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/core/text/paragraphs.ts
var LF = 10;
var CR = 13;
function isBlank(text, from, to) {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 160 && c !== 12 && c !== 11 && c !== 65279) return false;
  }
  return true;
}
function splitParagraphs(text) {
  const paragraphs = [];
  let paragraphStart = -1;
  let paragraphEnd = -1;
  let lineStart = 0;
  const length = text.length;
  while (lineStart <= length) {
    let lineEnd = lineStart;
    while (lineEnd < length) {
      const c = text.charCodeAt(lineEnd);
      if (c === LF || c === CR) break;
      lineEnd++;
    }
    if (isBlank(text, lineStart, lineEnd)) {
      if (paragraphStart >= 0) {
        paragraphs.push({ start: paragraphStart, end: paragraphEnd, text: text.slice(paragraphStart, paragraphEnd) });
        paragraphStart = -1;
      }
    } else {
      if (paragraphStart < 0) paragraphStart = lineStart;
      paragraphEnd = lineEnd;
    }
    if (lineEnd >= length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? 2 : 1);
  }
  if (paragraphStart >= 0) paragraphs.push({ start: paragraphStart, end: paragraphEnd, text: text.slice(paragraphStart, paragraphEnd) });
  return paragraphs;
}

// src/core/detect/metrics.ts
var metricScanner = { initialState: null, scan: (_p, state) => ({ detections: [], state }), sameState: () => true };

// src/core/detect/quotes.ts
var quoteScanner = { initialState: null, scan: (_p, state) => ({ detections: [], state }), sameState: () => true };

// src/core/text/sentences.ts
var LF2 = 10;
var CR2 = 13;
var TITLES = /* @__PURE__ */ new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "dr",
  "cllr",
  "coun",
  "prof",
  "rev",
  "revd",
  "st",
  "sgt",
  "insp",
  "supt",
  "det",
  "cpl",
  "pte",
  "capt",
  "col",
  "gen",
  "lt",
  "maj",
  "cmdr",
  "adm",
  "hon",
  "rt",
  "fr",
  "sr",
  "jr",
  "messrs",
  "mme",
  "mlle",
  "gov",
  "sen",
  "rep",
  "pres"
]);
var NEVER_FINAL = /* @__PURE__ */ new Set(["e.g", "i.e", "eg", "ie", "cf", "viz", "vs", "v", "approx", "al", "incl", "esp", "ca", "c"]);
var BEFORE_NUMBER = /* @__PURE__ */ new Set([
  "no",
  "nos",
  "p",
  "pp",
  "para",
  "paras",
  "fig",
  "figs",
  "vol",
  "vols",
  "ch",
  "chap",
  "sec",
  "sect",
  "art",
  "cl",
  "ref",
  "tel",
  "ext",
  "op",
  "reg",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun"
]);
var DANGLING = /* @__PURE__ */ new Set(["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that", "which", "who", "as", "is", "are", "was", "were", "be", "its", "their", "our", "his", "her", "this", "these", "than", "into", "not", "has", "have"]);
var MAX_HEADING_LINE = 60;
function isSpace(c) {
  return c === 32 || c === 9 || c === 160 || c === 11 || c === 12 || c === 65279 || c === 12288 || c >= 8192 && c <= 8203 || c === 8239 || c === 8287;
}
function isSpaceOrBreak(c) {
  return c === LF2 || c === CR2 || isSpace(c);
}
function isTerminal(c) {
  return c === 46 || c === 33 || c === 63 || c === 8230 || c === 8252 || c === 8263 || c === 8264 || c === 8265;
}
function isCloser(c) {
  return c === 8221 || c === 8217 || c === 34 || c === 39 || c === 41 || c === 93 || c === 187 || c === 8250;
}
function isOpeningQuote(c) {
  return c === 8220 || c === 8216 || c === 34 || c === 39 || c === 171 || c === 8222 || c === 8249;
}
function isUpper(c) {
  if (c >= 65 && c <= 90) return true;
  if (c < 192) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}
function isLower(c) {
  if (c >= 97 && c <= 122) return true;
  if (c < 192) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function isBulletGlyph(c) {
  return c === 8226 || c === 9724 || c === 9726 || c === 9632 || c === 9642 || c === 9679 || c === 9702 || c === 8227 || c === 8259 || c === 8729 || c === 183 || c === 10146 || c === 9658 || c === 9654 || c === 10003 || c === 10004 || c === 9633 || c === 10063 || c === 10070 || c === 61623 || c === 61607 || c === 61558 || c === 61656 || c === 61692;
}
function matchListMarker(text, i) {
  const n = text.length;
  const c = text.charCodeAt(i);
  let j = -1;
  if (isBulletGlyph(c) || c === 45 || c === 8211 || c === 8212 || c === 42 || c === 62) j = i + 1;
  else if (c === 111 && i + 2 < n && isSpace(text.charCodeAt(i + 1)) && isUpper(text.charCodeAt(i + 2))) j = i + 1;
  else if (isDigit(c)) {
    let k = i;
    while (k < n && k - i < 3 && isDigit(text.charCodeAt(k))) k++;
    if (k < n && isDigit(text.charCodeAt(k))) return -1;
    while (k + 1 < n && text.charCodeAt(k) === 46 && isDigit(text.charCodeAt(k + 1))) {
      k++;
      const from = k;
      while (k < n && k - from < 3 && isDigit(text.charCodeAt(k))) k++;
    }
    const d = text.charCodeAt(k);
    if (d === 46 || d === 41) j = k + 1;
    else if (k > i + 1 && text.slice(i, k).includes(".")) j = k;
  } else if (c === 40) {
    let k = i + 1;
    while (k < n && k - i <= 4 && (isDigit(text.charCodeAt(k)) || isAsciiLetter(text.charCodeAt(k)))) k++;
    if (k > i + 1 && text.charCodeAt(k) === 41 && isListLabel(text.slice(i + 1, k))) j = k + 1;
  } else if (isAsciiLetter(c)) {
    let k = i;
    while (k < n && k - i <= 4 && isAsciiLetter(text.charCodeAt(k))) k++;
    const d = text.charCodeAt(k);
    const label = text.slice(i, k);
    if (d === 41 && isListLabel(label)) j = k + 1;
    else if (d === 46 && (/^[ivx]{1,4}$/.test(label) || /^[a-h]$/.test(label))) j = k + 1;
  }
  if (j < 0 || j >= n || !isSpace(text.charCodeAt(j))) return -1;
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  return j;
}
function isListLabel(label) {
  return /^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})$/.test(label);
}
function wordBefore(text, dot) {
  let k = dot;
  const limit = Math.max(0, dot - 12);
  while (k > limit) {
    const c = text.charCodeAt(k - 1);
    if (isAsciiLetter(c) || c === 46 && k - 1 > limit && isAsciiLetter(text.charCodeAt(k - 2))) k--;
    else break;
  }
  return text.slice(k, dot).toLowerCase();
}
function isAbbreviation(text, dot, next) {
  const word = wordBefore(text, dot);
  if (word === "") return false;
  if (NEVER_FINAL.has(word)) {
    return word !== "al" || text.slice(Math.max(0, dot - 6), dot).toLowerCase().endsWith("et al");
  }
  if (TITLES.has(word)) return isUpper(next) || isDigit(next);
  if (BEFORE_NUMBER.has(word)) return isDigit(next);
  if (word.length === 1 && isUpper(text.charCodeAt(dot - 1))) {
    const before = dot >= 2 ? text.charCodeAt(dot - 2) : 32;
    return (isSpaceOrBreak(before) || before === 46 || before === 40) && isUpper(next);
  }
  return false;
}
function splitSentences(text) {
  const sentences = [];
  const n = text.length;
  let i = 0;
  let start = -1;
  let startListItem = false;
  let startsLine = false;
  let lineStart = 0;
  let lineBlank = true;
  const push = (from, to) => {
    const sentence = trimSentence(text, from, to, startListItem, startsLine);
    if (sentence) sentences.push(sentence);
    start = -1;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF2 || c === CR2) {
      const next = c === CR2 && text.charCodeAt(i + 1) === LF2 ? i + 2 : i + 1;
      if (start >= 0 && breaksAtLineEnd(text, start >= lineStart && startsLine, lineStart, i, next)) push(start, i);
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
        if (i >= n || text.charCodeAt(i) === LF2 || text.charCodeAt(i) === CR2) continue;
      }
      start = i;
      continue;
    }
    lineBlank = false;
    if (isTerminal(c)) {
      let k = i;
      while (k < n && isTerminal(text.charCodeAt(k))) k++;
      const runEnd = k;
      while (k < n && isCloser(text.charCodeAt(k))) k++;
      if (k >= n) {
        push(start, n);
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
        push(start, k);
        i = k;
        continue;
      }
      i = k;
      continue;
    }
    if (c === 58 && startsQuotation(text, i + 1)) {
      push(start, i + 1);
      i++;
      continue;
    }
    if (isBulletGlyph(c) && i > start && isSpace(text.charCodeAt(i - 1)) && i + 1 < n && isSpace(text.charCodeAt(i + 1))) {
      push(start, i);
      continue;
    }
    i++;
  }
  if (start >= 0) push(start, n);
  return sentences;
}
function endsSentence(text, at, runEnd, next) {
  const d = text.charCodeAt(next);
  if (isLower(d)) return false;
  if (runEnd - at === 1 && text.charCodeAt(at) === 46 && isAbbreviation(text, at, d)) return false;
  if (isUpper(d) || isDigit(d) || isOpeningQuote(d) || isBulletGlyph(d) || d === 40 || d === 91 || d === 45 || d === 8211 || d === 42) return true;
  return !(d === 44 || d === 59 || d === 58 || d === 41 || d === 93 || isTerminal(d));
}
function startsQuotation(text, i) {
  let p = i;
  const n = text.length;
  if (p >= n || !isSpace(text.charCodeAt(p))) return false;
  while (p < n && isSpace(text.charCodeAt(p))) p++;
  return p + 1 < n && isOpeningQuote(text.charCodeAt(p)) && isUpper(text.charCodeAt(p + 1));
}
function breaksAtLineEnd(text, ownLine, lineStart, lineEnd, next) {
  const n = text.length;
  let p = next;
  while (p < n && isSpace(text.charCodeAt(p))) p++;
  if (p >= n) return true;
  const first = text.charCodeAt(p);
  if (first === LF2 || first === CR2) return true;
  if (matchListMarker(text, p) >= 0) return true;
  let e = lineEnd;
  while (e > lineStart && isSpace(text.charCodeAt(e - 1))) e--;
  if (e <= lineStart) return false;
  const last2 = text.charCodeAt(e - 1);
  if (last2 === 58) return true;
  if (!ownLine || e - lineStart > MAX_HEADING_LINE) return false;
  if (!(isUpper(first) || isDigit(first) || isOpeningQuote(first))) return false;
  if (last2 === 44 || last2 === 59 || last2 === 45 || last2 === 8211 || last2 === 8212 || last2 === 38 || last2 === 40 || last2 === 47) return false;
  let w = e;
  while (w > lineStart && isAsciiLetter(text.charCodeAt(w - 1))) w--;
  return !DANGLING.has(text.slice(w, e).toLowerCase());
}
function trimSentence(text, from, to, listItem, startsLine) {
  let s = from;
  let e = to;
  while (s < e && isSpaceOrBreak(text.charCodeAt(s))) s++;
  while (e > s && isSpaceOrBreak(text.charCodeAt(e - 1))) e--;
  if (e <= s) return null;
  let after = to;
  while (after < text.length && isSpace(text.charCodeAt(after))) after++;
  const ownLine = startsLine && (after >= text.length || text.charCodeAt(after) === LF2 || text.charCodeAt(after) === CR2);
  [s, e] = stripEnclosingQuotes(text, s, e);
  if (e <= s) return null;
  return { start: s, end: e, listItem, ownLine };
}
function closingFor(open) {
  switch (open) {
    case 8220:
      return 8221;
    case 8216:
      return 8217;
    case 171:
      return 187;
    case 8249:
      return 8250;
    case 8222:
      return 8220;
    default:
      return open;
  }
}
function isClosingSingle(text, i) {
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
  return !isAsciiLetter(after) && !isLower(after) && !isUpper(after);
}
function closesAt(text, i, mark) {
  if (text.charCodeAt(i) !== mark) return false;
  return mark === 8217 || mark === 39 ? isClosingSingle(text, i) : true;
}
function stripEnclosingQuotes(text, s, e) {
  let tail = e;
  while (tail > s && isCloser(text.charCodeAt(tail - 1))) tail--;
  const closersStart = tail;
  const first = text.charCodeAt(s);
  if (isOpeningQuote(first)) {
    const mark = closingFor(first);
    let closedInside = false;
    for (let i = s + 1; i < closersStart; i++) {
      if (closesAt(text, i, mark) && !(mark === 34 && i + 1 < closersStart && !isClosingContext(text, i))) {
        closedInside = true;
        break;
      }
    }
    if (closedInside) return [s, e];
    let end = e;
    if (closersStart < e && text.charCodeAt(closersStart) === mark) end = closersStart;
    else if (closersStart < e && text.charCodeAt(e - 1) === mark) end = e - 1;
    return [s + 1, end];
  }
  if (closersStart < e && closersStart > s && isTerminal(text.charCodeAt(closersStart - 1))) {
    const mark = text.charCodeAt(closersStart);
    if (mark === 8221 || mark === 8217 || mark === 34 || mark === 39 || mark === 187) {
      const open = mark === 8221 ? 8220 : mark === 8217 ? 8216 : mark === 187 ? 171 : mark;
      for (let i = s; i < closersStart; i++) {
        const c = text.charCodeAt(i);
        if (c === open && (open === 8220 || open === 8216 || open === 171 || isOpeningContext(text, i))) return [s, e];
        if (open === 8220 && c === 8222) return [s, e];
      }
      return [s, closersStart];
    }
  }
  return [s, e];
}
function isOpeningContext(text, i) {
  const before = i > 0 ? text.charCodeAt(i - 1) : 32;
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
  return (isSpaceOrBreak(before) || before === 40 || before === 91 || before === 8212 || before === 8211) && !isSpaceOrBreak(after);
}
function isClosingContext(text, i) {
  const before = i > 0 ? text.charCodeAt(i - 1) : 32;
  return !isSpaceOrBreak(before) && !isOpeningContext(text, i);
}

// src/core/detect/recommendations/cues.ts
var TRIGGER = /\b(?:should|must|ought|needs?|needed|got to|ha(?:ve|s) to|recommend(?:s|ed|ing|ations?)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:for|on|upon)|demand(?:s|ed)?|wants?|wanted|would\s+like\s+to\s+see|(?:is|are)\s+(?:recommended|asked|invited|requested|urged)\s+to|essential|vital|imperative|crucial|important|critical|necessary|time\s+has\s+come|high\s+time|time\s+for|way|approach|answer|solution|could|required|priority)\b/gi;
function findTriggers(text) {
  const found = [];
  TRIGGER.lastIndex = 0;
  for (let match = TRIGGER.exec(text); match !== null; match = TRIGGER.exec(text)) {
    found.push({ index: match.index, word: match[0].toLowerCase().replace(/\s+/g, " "), length: match[0].length });
  }
  return found;
}
var WINDOW = 160;
var WORD = /[\p{L}\p{N}’'-]+/gu;
function wordsBefore(text, index, sentenceStart, count) {
  const from = Math.max(sentenceStart, index - WINDOW);
  const words = text.slice(from, index).toLowerCase().replace(/[’]/g, "'").match(WORD) ?? [];
  if (from > sentenceStart && from === index - WINDOW && words.length > 0) words.shift();
  return words.slice(-count);
}
function wordsAfter(text, index, sentenceEnd, count) {
  const to = Math.min(sentenceEnd, index + WINDOW);
  const words = text.slice(index, to).toLowerCase().replace(/[’]/g, "'").match(WORD) ?? [];
  if (to < sentenceEnd && to === index + WINDOW && words.length > 0) words.pop();
  return words.slice(0, count).map((w) => w.replace(/^'+|'+$/g, ""));
}
function textBefore(text, index, sentenceStart) {
  return text.slice(Math.max(sentenceStart, index - 2 * WINDOW), index).toLowerCase();
}
var NEGATIONS = /* @__PURE__ */ new Set(["not", "n't", "never", "no", "don't", "doesn't", "didn't", "won't", "without", "nor", "hardly"]);
var DISCOURSE = /* @__PURE__ */ new Set(["noted", "remembered", "said", "stressed", "emphasised", "emphasized", "acknowledged", "admitted", "conceded", "recognised", "recognized", "pointed", "borne", "added", "mentioned", "observed", "understood", "highlighted", "recorded", "clear"]);
var HARDSHIP = /* @__PURE__ */ new Set(["wait", "queue", "endure", "cope", "travel", "rely", "sleep", "suffer", "struggle", "put", "go", "pay", "face", "live", "share", "make"]);
var FORECAST = /* @__PURE__ */ new Set(["mean", "result", "lead", "prove", "arrive", "save", "see", "expect", "get", "come", "take"]);
var NOUN_NEED = /* @__PURE__ */ new Set([
  "the",
  "a",
  "an",
  "their",
  "his",
  "her",
  "its",
  "our",
  "your",
  "my",
  "this",
  "that",
  "these",
  "those",
  "of",
  "no",
  "any",
  "some",
  "in",
  "with",
  "whose",
  "greatest",
  "particular",
  "specific",
  "individual",
  "complex",
  "additional",
  "special",
  "educational",
  "health",
  "care",
  "support",
  "basic",
  "unmet",
  "identified",
  "changing",
  "different",
  "varied",
  "own",
  "every",
  "each",
  "real",
  "urgent",
  "pressing",
  "clear",
  "immediate",
  "obvious",
  "such",
  "emotional",
  "mental",
  "learning",
  "medical",
  "physical",
  "housing",
  "social",
  "assessed",
  "high",
  "low",
  "greater",
  "growing",
  "local",
  "for",
  "by"
]);
var NEEDED_THING = /* @__PURE__ */ new Set([
  "a",
  "an",
  "more",
  "better",
  "greater",
  "further",
  "urgent",
  "stronger",
  "clearer",
  "proper",
  "real",
  "significant",
  "additional",
  "extra",
  "new",
  "improved",
  "sustained",
  "investment",
  "funding",
  "support",
  "action",
  "help",
  "leadership",
  "reform",
  "change",
  "changes",
  "improvement",
  "improvements",
  "clarity",
  "consistency",
  "focus",
  "attention",
  "resources",
  "urgently",
  "somebody",
  "someone",
  "some",
  "robust",
  "effective",
  "dedicated",
  "consistent"
]);
var REPORTING = /\b(?:said|says|say|told|tells|argued?|argues|believes?|believed|warn(?:s|ed)?|insist(?:s|ed)?|claim(?:s|ed)?|stated?|states|conclude[sd]?|found|finds|felt|feels?|think|thinks|thought|added|adds|agreed?|agrees|accept(?:s|ed)?|admit(?:s|ted)?|acknowledged?|acknowledges|suggest(?:s|ed)?|noted?|notes|stressed|stresses|urged|wrote|writes|reported|reports|recognised|recognises|according)\b/;
var ACTION_NOUNS = /* @__PURE__ */ new Set([
  "action",
  "work",
  "improvement",
  "improvements",
  "progress",
  "investment",
  "change",
  "changes",
  "funding",
  "support",
  "focus",
  "attention",
  "effort",
  "efforts",
  "steps",
  "measures",
  "resources",
  "scrutiny",
  "oversight",
  "clarity",
  "consideration",
  "review",
  "reform",
  "reforms",
  "help",
  "intervention",
  "capacity",
  "leadership",
  "pace",
  "urgency",
  "rigour",
  "training",
  "more",
  "assurance",
  "challenge",
  "planning",
  "development",
  "analysis",
  "guidance"
]);
function judgeTrigger(text, trigger, start, end) {
  const { index, word } = trigger;
  const matched = text.slice(index, index + trigger.length);
  const before = (count) => wordsBefore(text, index, start, count);
  const after = (count) => wordsAfter(text, index + trigger.length, end, count);
  switch (word) {
    case "should":
    case "must":
      return judgeModal(text, index, start, end, word, matched, before(8), after(3));
    case "ought": {
      const next = after(2);
      return next[0] === "to" || next[0] === "not" && next[1] === "to" ? `${matched} ${next[0] === "to" ? "to" : "not to"}` : null;
    }
    case "need":
    case "needs":
    case "needed":
      return judgeNeed(text, index, start, end, word, matched, before(3), after(3));
    case "have to":
    case "has to":
    case "got to":
      return judgeHaveTo(word, matched, before(8), after(2), text, index, start);
    case "would like to see":
      return matched;
    case "essential":
    case "vital":
    case "imperative":
    case "crucial":
    case "important":
    case "critical":
    case "necessary":
    case "required":
    case "priority":
      return judgeNecessity(word, matched, before(3), after(2));
    case "time has come":
    case "high time":
      return matched;
    case "time for": {
      const prev = before(2);
      return prev[prev.length - 1] === "is" || prev[prev.length - 1] === "now" && prev[prev.length - 2] === "is" ? `is ${matched}` : null;
    }
    case "way":
    case "approach":
    case "answer":
    case "solution":
      return judgeBestWay(text, index, start, end, matched, before(2));
    case "could":
      return judgeCould(after(3), matched);
    case "want":
    case "wants":
    case "wanted":
      return judgeWant(after(6), matched, before(2));
    default:
      break;
  }
  if (word.startsWith("recommend")) return judgeRecommend(word, matched, before(2), after(2));
  if (word.startsWith("urg")) return before(1)[0] === "an" || before(1)[0] === "the" ? null : matched;
  if (word.startsWith("call")) return judgeCall(word, matched, before(1), after(1));
  if (word.startsWith("demand")) return judgeDemand(word, matched, before(2), after(1));
  if (/^(?:is|are) /.test(word)) return before(1)[0] === "it" && word.includes("asked") ? null : matched;
  return null;
}
function last(items, fromEnd = 1) {
  return items[items.length - fromEnd];
}
function judgeModal(text, index, start, end, word, matched, prev, next) {
  if (prev.length === 0) return null;
  const [n1, n2, n3] = next;
  if (n1 === void 0 || prev.length > 0 && (last(prev) === "it" || last(prev) === "they" || last(prev) === "we") && (last(prev, 2) === "as" || last(prev, 2) === "than") && (n1 === void 0 || n1 === "be" && n2 === void 0)) return null;
  if (n1 === "have" && n2 !== void 0 && (n2 === "been" || /(?:ed|en|wn|ght|ne)$/.test(n2))) return null;
  if (n1 === "be" && n2 !== void 0 && DISCOURSE.has(n2)) return null;
  if (n1 === "say" || n2 === "say" || n1 === "admit" || n1 === "confess" || n1 === "add" || n1 === "point" && n2 === "out" || n1 === "stress" || n1 === "emphasise") return null;
  if (word === "should") {
    if (n1 !== void 0 && FORECAST.has(n1)) return null;
    if (n1 === "not" && n2 !== void 0 && FORECAST.has(n2)) return null;
    if (n1 !== void 0 && /^(?:you|it|he|she|they|we|i|there|the|this|that|any|anyone|a)$/.test(n1) && text.charCodeAt(index - 2) === 44) return null;
    if (n1 === "be" && (n2 === "able" || n2 === "ready" || n2 === "completed" || n2 === "finished" || n2 === "open" || n2 === "enough")) return null;
  } else {
    if (prev.some((w) => w === "meaning" || w === "means" || w === "meant")) return null;
    if (n1 !== void 0 && HARDSHIP.has(n1)) return null;
    if (n1 === "be" && (n2 === "a" || n2 === "an" || n2 === "the" || n2 === "very" || n2 === "hard" || n2 === "difficult" || n2 === "tempting" || n2 === "said")) return null;
    if (n1 === "surely" || n1 === "feel") return null;
  }
  void end;
  void start;
  void n3;
  return matched;
}
function judgeNeed(text, index, start, end, word, matched, prev, next) {
  const p1 = last(prev);
  const p2 = last(prev, 2);
  const [n1, n2] = next;
  if (n1 === void 0) return null;
  if (word === "need" && p1 !== void 0 && NOUN_NEED.has(p1)) {
    if (p1 === "the" && p2 !== void 0 && /^(?:recognis|recogniz|acknowledg|highlight|stress|emphasi|underlin|underscor|identif|show|demonstrat|reinforc|see|sees|saw|accept|understand|understood|point|reiterat|repeat|address|meet|met)/.test(p2)) {
      if (n1 === "to" || n1 === "for") return `${p2} the need ${n1}`;
    }
    if ((p1 === "a" || p1 === "an" || p1 === "urgent" || p1 === "clear" || p1 === "real" || p1 === "pressing") && (n1 === "to" || n1 === "for") && /\bthere (?:is|was|remains|'s) (?:still |now |also )?(?:an? )?(?:urgent |clear |real |pressing |continuing |ongoing )?$/.test(textBefore(text, index, start))) {
      return `need ${n1}`;
    }
    return null;
  }
  if (p1 !== void 0 && (NEGATIONS.has(p1) || p1.endsWith("n't") || p1 === "to" && p2 !== void 0 && NEGATIONS.has(p2))) return null;
  if (p1 === "who" || p2 === "who" || p2 === "if" || p2 === "when" || p2 === "whenever" || p1 === "if" || p1 === "as" || p1 === "when") return null;
  if (word === "needs" && p1 !== void 0 && NOUN_NEED.has(p1) && p1 !== "that" && p1 !== "this") return null;
  if (word === "needed") {
    if (p1 === "is" || p1 === "are" || p1 === "remains" || p1 === "remain" || (p2 === "is" || p2 === "are") && /^(?:still|now|also|urgently|clearly|therefore|badly|really)$/.test(p1 ?? "")) {
      const subject = textBefore(text, index, start).match(/([\p{L}-]+)\s+(?:is|are|remains?)\s+(?:\w+\s+)?$/u);
      return subject !== null && ACTION_NOUNS.has(subject[1]) ? matched : null;
    }
    const reported = REPORTING.test(textBefore(text, index, start));
    if (!reported) return null;
    if (n1 === "to") return n2 === void 0 ? null : `${matched} to ${n2}`;
    return NEEDED_THING.has(n1) || isQuoteStart(text, index + matched.length, end) ? matched : null;
  }
  if (n1 === "to") {
    if (n2 === void 0 || n2 === "know" && p1 === "you") return null;
    return `${matched} to ${n2}`;
  }
  return NEEDED_THING.has(n1) ? matched : null;
}
function isQuoteStart(text, from, end) {
  let p = from;
  while (p < end && text.charCodeAt(p) === 32) p++;
  const c = text.charCodeAt(p);
  return c === 8220 || c === 8216 || c === 34;
}
function judgeHaveTo(word, matched, prev, next, text, index, start) {
  const p1 = last(prev);
  const n1 = next[0];
  if (word === "got to") {
    const lead = textBefore(text, index, start);
    if (!/(?:\bhave|\bhas|['’]ve|['’]s)\s+$/.test(lead)) return null;
    if (n1 === "know" || n1 === "the" || n1 === "a" || n1 === "work") return null;
    if (/\b(?:not|never|n['’]t)\s+\S+\s+$/.test(lead)) return null;
    return matched;
  }
  if (p1 !== void 0 && (NEGATIONS.has(p1) || p1.endsWith("n't"))) return null;
  if (p1 === "would" || p1 === "might" || p1 === "may" || p1 === "could" || p1 === "will" && last(prev, 2) !== "we") return null;
  if (n1 === void 0 || n1 === "say" || n1 === "admit" || n1 === "be" && next[1] === "said" || n1 === "do" && next[1] === "with") return null;
  if (HARDSHIP.has(n1)) return null;
  if (prev.some((w) => w === "meaning" || w === "means" || w === "who" || w === "if" || w === "when" || w === "whether")) return null;
  if (p1 === "what" || p1 === "powers" || p1 === "money" || prev.includes("what")) return null;
  return matched;
}
function judgeNecessity(word, matched, prev, next) {
  const [n1, n2] = next;
  if (word === "priority") {
    const p = prev.join(" ");
    return /(?:is|be|remains) (?:a |the )?(?:high |top |key |main |urgent |first |immediate )?$/.test(`${p} `) && n1 === "to" ? `priority ${n1}` : null;
  }
  const p1 = last(prev);
  const p2 = last(prev, 2);
  const copular = p1 === "is" || p1 === "be" || p1 === "remains" || p1 === "'s" || p1 === "it's" || p1 === "was" || (p2 === "is" || p2 === "be" || p2 === "it's") && /^(?:absolutely|therefore|also|now|so|more|most|particularly|especially|still)$/.test(p1 ?? "");
  if (!copular && !(n1 === "that" && p1 !== "the")) return null;
  if (n1 === "that") return p1 === "was" ? null : `${word} that`;
  if (n1 === "to" && n2 !== void 0 && !DISCOURSE.has(n2) && !/^(?:note|remember|say|stress|recognise|recognize|acknowledge|understand|point|add|emphasise|mention|highlight)$/.test(n2)) {
    if (word === "required" || word === "necessary" || word === "important" || word === "critical") return prev.includes("it") || prev.includes("it's") ? `${word} to` : null;
    return `${word} to`;
  }
  if (n1 === "for" && (prev.includes("it") || prev.includes("it's")) && word !== "required") return `${word} for`;
  return null;
}
function judgeBestWay(text, index, start, end, matched, prev) {
  const p1 = last(prev);
  if (p1 === void 0 || !/^(?:right|correct|best|only|proper|sensible|better|real|obvious|answer|way)$/.test(p1) && !(matched.toLowerCase() === "answer" || matched.toLowerCase() === "solution")) return null;
  if ((matched.toLowerCase() === "answer" || matched.toLowerCase() === "solution") && p1 !== "the" && p1 !== "only" && p1 !== "best" && p1 !== "real" && p1 !== "obvious" && p1 !== "right") return null;
  const following = text.slice(index, Math.min(end, index + 2 * WINDOW)).toLowerCase();
  const m = following.match(/^[\p{L}\s,'’-]*?\b(?:is|would be|must be|will be)\s+to\b/u);
  return m === null ? null : `${p1} ${matched} \u2026 is to`;
}
function judgeCould(next, matched) {
  const [n1, n2, n3] = next;
  if ((n1 === "do" || n1 === "have" && n2 === "done") && (n2 === "more" || n2 === "better" || n3 === "more" || n3 === "better")) return `${matched} ${n1} ${n2 === "done" ? n3 : n2}`;
  if (n1 === "be" && (n2 === "improved" || n2 === "strengthened" || n2 === "better" || n2 === "stronger")) return `${matched} be ${n2}`;
  if (n1 === "still" && n2 === "be" && (n3 === "improved" || n3 === "better" || n3 === "strengthened")) return `${matched} still be ${n3}`;
  if (n1 === "improve" || n1 === "benefit" || n1 === "learn") return `${matched} ${n1}`;
  return null;
}
function judgeWant(next, matched, prev) {
  if (prev.includes("if") || last(prev) === "who" || last(prev) === "you") return null;
  if (next[0] === "to") return next[1] === "see" ? `${matched} to see` : null;
  const toAt = next.indexOf("to");
  if (toAt < 1 || toAt > 4) return null;
  const object = next.slice(0, toAt);
  if (object.some((w) => /^(?:more|less|time|money|help|something|nothing|anything|everything|it)$/.test(w) && object.length === 1)) return null;
  if (object.some((w) => NEGATIONS.has(w) || w === "and" || w === "or")) return null;
  return `${matched} ${object.join(" ")} to`;
}
function judgeRecommend(word, matched, prev, next) {
  const p1 = last(prev);
  if (word === "recommendation" || word === "recommendations") {
    const [n1, n2] = next;
    if ((n1 === "is" || n1 === "was" || n1 === "are" || n1 === "were") && (n2 === "that" || n2 === "to" || n2 === "for")) return `${matched} ${n1} ${n2}`;
    if (n1 === "that" && p1 !== "the") return `${matched} that`;
    if (n1 === "include" || n1 === "includes" || n1 === "including") return `${matched} ${n1}`;
    return null;
  }
  if (word === "recommended" && (p1 === "the" || p1 === "a" || p1 === "an" || p1 === "its" || p1 === "their" || p1 === "than")) return null;
  if (p1 !== void 0 && NEGATIONS.has(p1) && word === "recommended" && last(prev, 2) === "was") return null;
  return matched;
}
function judgeCall(word, matched, prev, next) {
  const p1 = last(prev);
  const n1 = next[0];
  if (/for$/.test(word) && (n1 === "evidence" || n1 === "papers" || n1 === "submissions" || n1 === "views" || n1 === "tenders" || n1 === "nominations" || n1 === "help")) return null;
  if (/on$|upon$/.test(word) && (p1 === "a" || p1 === "to")) return null;
  if (n1 === void 0) return null;
  if (word.startsWith("called") && (p1 === "so" || p1 === "was" || p1 === "is" || p1 === "been")) return null;
  return matched;
}
function judgeDemand(word, matched, prev, next) {
  const p1 = last(prev);
  const n1 = next[0];
  if (word === "demand" || word === "demands") {
    if (n1 !== "that") return null;
    if (p1 !== void 0 && /^(?:the|a|an|rising|high|increasing|growing|increased|of|in|for|this|that|such|public|service|local)$/.test(p1)) return null;
    return `${matched} that`;
  }
  if (p1 === "in" || p1 === "high" || p1 === "heavily") return null;
  if (n1 === void 0 || n1 === "by" || n1 === "of") return null;
  return matched;
}

// src/core/detect/recommendations/headings.ts
var HEADING_PATTERNS = [
  // What needs to improve / What the provider needs to do / What does the school need to do to improve further?
  /^what (?:[\w’'-]+ ){0,5}?(?:needs?|has|have|should|must|ought) (?:to |be )?(?:improve|improved|do|change|happen|be done|be improved)\b/,
  /^what (?:does|do|should|must|can|could) (?:[\w’'-]+ ){1,5}?(?:need to |have to )?(?:do|improve|change)\b/,
  /^what (?:needs|has) to (?:change|happen)\b/,
  // Areas for improvement / Area for development / Areas requiring action / Priorities for improvement
  /^(?:main |key |priority |further |other |the )?(?:areas?|priorities|points|issues|matters|aspects) (?:for|of|in need of|requiring|that require|needing|to|where) (?:further |urgent |priority |immediate )?(?:improvement|development|action|improve|develop|attention|focus|change)\b/,
  /^(?:areas?|things|what) (?:to|we could|we need to|that need to|that must|that should) (?:improve|develop|work on|change)\b/,
  /^(?:improvement|development) (?:areas|points|priorities|actions|required|needed|plan priorities)\b/,
  // Recommendations / Key recommendations / Recommendations for the council / Summary of recommendations
  /^(?:the |our |my |key |main |further |additional |specific |priority |formal |summary of |list of |inspectors[’']? |officers[’']? )?recommendations?\b(?!\s+(?:made|accepted|implemented|from the last|of the last|from the previous|of the previous)\b)/,
  /^recommended (?:actions?|next steps|improvements?|changes)\b/,
  // Action the provider must take / Actions required / Action needed / Required actions
  /^(?:the )?actions? (?:the |we |you |they |this |that |which )?(?:[\w’'-]+ ){0,4}?(?:must|should|needs? to|ought to|is required to|are required to) take\b/,
  /^actions? (?:required|needed|to be taken|to take|for improvement|to improve|points)\b/,
  /^(?:priority|immediate|required|recommended|further|urgent|suggested|next) actions?\b/,
  /^next steps?\b/,
  /^(?:the )?(?:improvements?|changes|steps) (?:needed|required|to (?:make|be made|be taken|take)|we (?:must|should|need to) (?:make|take))\b/,
  /^(?:how|where|ways)(?: [\w’'-]+){0,5}? (?:can|could|should|must|needs? to|has to|have to) (?:improve|do better|get better|be improved)\b/,
  /^ways to improve\b/,
  /^to improve(?: further)?,?(?: [\w’'-]+){0,5}? (?:should|must|needs? to|has to|have to|is required to)\b/,
  /^(?:causes?|areas?) (?:of|for) (?:concern|priority action)\b/,
  /^(?:requirements?|requirement notices?)(?: to improve| for improvement| to meet| notices?)?$/,
  /^(?:we|i|the [\w ]{2,40}) (?:recommends?|urges?|calls? on|asks?)\b/
];
var MAX_HEADING = 150;
function matchRecommendationHeading(heading) {
  if (heading.length > MAX_HEADING) return null;
  const tidy = heading.trim().replace(/[\s:.–—-]+$/, "");
  const key = tidy.toLowerCase().replace(/^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z]\)|\([a-z0-9]{1,4}\))\s+/, "").replace(/\s+/g, " ");
  if (key.length < 4) return null;
  for (const pattern of HEADING_PATTERNS) {
    if (pattern.test(key)) return tidy.length > 80 ? `${tidy.slice(0, 77)}\u2026` : tidy;
  }
  return null;
}

// src/core/detect/recommendations/list-items.ts
var STRONG_IMPERATIVES = /* @__PURE__ */ new Set([
  "ensure",
  "improve",
  "strengthen",
  "prioritise",
  "prioritize",
  "review",
  "address",
  "establish",
  "embed",
  "implement",
  "increase",
  "reduce",
  "develop",
  "tackle",
  "secure",
  "raise",
  "urgently"
]);
var LIST_IMPERATIVES = /* @__PURE__ */ new Set([
  ...STRONG_IMPERATIVES,
  "make",
  "take",
  "provide",
  "put",
  "consider",
  "introduce",
  "continue",
  "work",
  "build",
  "undertake",
  "monitor",
  "strengthen",
  "promote",
  "support",
  "agree",
  "approve",
  "note",
  "endorse",
  "delegate",
  "adopt",
  "publish",
  "set",
  "create",
  "extend",
  "expand",
  "focus",
  "use",
  "engage",
  "involve",
  "recruit",
  "train",
  "invest",
  "clarify",
  "identify",
  "assess",
  "evaluate",
  "update",
  "revise",
  "maintain",
  "explore",
  "deliver",
  "give",
  "commission",
  "appoint",
  "complete",
  "collect",
  "collate",
  "record",
  "share",
  "align",
  "ask",
  "require",
  "enable",
  "encourage",
  "seek",
  "resolve",
  "remove",
  "stop",
  "avoid",
  "do",
  "be",
  "check",
  "keep",
  "let"
]);
var NOT_OBJECT = /* @__PURE__ */ new Set(["of", "in", "on", "for", "is", "was", "has", "will", "and", "to", "by", "at", "from", "as", "were", "are", "rates", "shows", "the"]);
var FIRST_WORDS = /^[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?/u;
function findImperative(text, start, end, inList) {
  const head = text.slice(start, Math.min(end, start + 60)).match(FIRST_WORDS);
  if (head === null) return null;
  const [first, second] = head[0].split(/\s+/);
  if (first === void 0 || !new RegExp("^\\p{Lu}", "u").test(first) && !inList) return null;
  const verb = first.toLowerCase();
  const next = second?.toLowerCase();
  if (verb === "make" && next === "sure") return head[0];
  if (verb === "take" && (next === "action" || next === "steps")) return head[0];
  if (verb === "that" && inList) return first;
  if (!(inList ? LIST_IMPERATIVES : STRONG_IMPERATIVES).has(verb)) return null;
  if (!inList && (next === void 0 || NOT_OBJECT.has(next) && !(verb === "ensure" || verb === "review" || verb === "improve" || verb === "address" || verb === "tackle") || verb === "increase" && next !== "the")) return null;
  if (!inList && next === "the" && (verb === "increase" || verb === "reduce" || verb === "raise" || verb === "develop") && end - start < 20) return null;
  return first;
}
var FINITE = /* @__PURE__ */ new Set([
  "is",
  "are",
  "was",
  "were",
  "has",
  "have",
  "had",
  "will",
  "would",
  "did",
  "does",
  "'s",
  "'re",
  "'ve",
  "'ll",
  "said",
  "says",
  "told",
  "added",
  "includes",
  "included",
  "remains",
  "became",
  "began",
  "continues",
  "continued",
  "shows",
  "showed",
  "found",
  "made",
  "took",
  "received"
]);
var SUBORDINATORS = /* @__PURE__ */ new Set([
  "to",
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "where",
  "when",
  "while",
  "if",
  "because",
  "including",
  "so",
  "as",
  "whether",
  "until",
  "unless",
  "although",
  "though",
  "before",
  "after",
  "once",
  "since",
  "so that",
  "in",
  "for",
  "with",
  "by",
  "from",
  "of"
]);
var MAIN_VERB_WINDOW = 12;
function isDescriptiveItem(text, start, end) {
  const words = text.slice(start, Math.min(end, start + 200)).toLowerCase().replace(/’/g, "'").match(/[\p{L}']+|,/gu) ?? [];
  for (let i = 0; i < words.length && i < MAIN_VERB_WINDOW; i++) {
    const word = words[i];
    if (word === "," || SUBORDINATORS.has(word)) return false;
    if (FINITE.has(word)) return true;
    if (word.endsWith("'s") && i === 0 && word.length > 2 && (word === "it's" || word === "that's" || word === "there's" || word === "he's" || word === "she's")) return true;
    if (i > 0 && word.endsWith("'ve") || word.endsWith("'ll") || word.endsWith("'re")) return true;
  }
  return false;
}

// src/core/detect/recommendations.ts
var MAX_PLAIN_ITEM = 600;
var MAX_PLAIN_ITEM_SENTENCES = 3;
var MAX_HEADING2 = 150;
var recommendationScanner = {
  initialState: null,
  scan: scanParagraph,
  sameState: (a, b) => a === b || a !== null && b !== null && a.heading === b.heading && a.marked === b.marked && a.lastNumber === b.lastNumber
};
function scanParagraph(paragraph, state) {
  const detections = [];
  const sentences = splitSentences(paragraph);
  const triggers = findTriggers(paragraph);
  let list = state;
  let next = 0;
  let inItem = false;
  let plainItem = null;
  const add = (sentence, cue) => {
    detections.push({ kind: "recommendation", start: sentence.start, end: sentence.end, cue });
  };
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k];
    while (next < triggers.length && triggers[next].index < sentence.start) next++;
    const first = next;
    while (next < triggers.length && triggers[next].index < sentence.end) next++;
    const question = endsWithQuestionMark(paragraph, sentence);
    const cue = question ? null : findCue(paragraph, sentence, triggers, first, next);
    const role = roleOf(paragraph, sentence, inItem);
    if (role === "heading") {
      inItem = false;
      plainItem = null;
      const heading = matchRecommendationHeading(paragraph.slice(sentence.start, sentence.end));
      if (heading !== null) {
        list = { heading, marked: false, lastNumber: -1 };
        continue;
      }
      const colon = paragraph.charCodeAt(sentence.end - 1) === 58;
      if (colon && cue !== null) {
        list = { heading: paragraph.slice(sentence.start, sentence.end - 1).trim(), marked: false, lastNumber: -1 };
        continue;
      }
      list = null;
      if (cue !== null && !colon) add(sentence, cue);
      continue;
    }
    if (role === "item") {
      inItem = true;
      plainItem = null;
      if (list !== null) list = followList(list, paragraph, sentence);
      if (list !== null) {
        if (cue !== null) add(sentence, cue);
        else if (!question && !isDescriptiveItem(paragraph, sentence.start, sentence.end)) add(sentence, findImperative(paragraph, sentence.start, sentence.end, true) ?? list.heading);
      } else if (cue !== null) add(sentence, cue);
      else if (!question) {
        const imperative = findImperative(paragraph, sentence.start, sentence.end, false);
        if (imperative !== null) add(sentence, imperative);
      }
      continue;
    }
    if (role === "continuation") {
      if (cue !== null) add(sentence, cue);
      else if (list !== null && !question) add(sentence, list.heading);
      continue;
    }
    if (list !== null) {
      if (plainItem === null) {
        plainItem = !list.marked && isPlainItemParagraph(paragraph, sentences, k);
        if (!plainItem) list = null;
      }
      if (list !== null && plainItem) {
        if (cue !== null) add(sentence, cue);
        else if (question) continue;
        else if (!isDescriptiveItem(paragraph, sentence.start, sentence.end)) add(sentence, findImperative(paragraph, sentence.start, sentence.end, true) ?? list.heading);
        else {
          list = null;
          plainItem = false;
        }
        continue;
      }
    }
    if (cue !== null) add(sentence, cue);
    else if (!question) {
      const imperative = findImperative(paragraph, sentence.start, sentence.end, false);
      if (imperative !== null && sentence.start === 0) add(sentence, imperative);
    }
  }
  return { detections, state: list };
}
function findCue(text, sentence, triggers, from, to) {
  for (let t = from; t < to; t++) {
    const cue = judgeTrigger(text, triggers[t], sentence.start, sentence.end);
    if (cue !== null) return cue;
  }
  return null;
}
function roleOf(text, sentence, inItem) {
  if (sentence.listItem) return "item";
  if (sentence.ownLine && sentence.end - sentence.start <= MAX_HEADING2 && isHeadingEnd(text, sentence)) return "heading";
  return inItem ? "continuation" : "prose";
}
function isHeadingEnd(text, sentence) {
  const last2 = text.charCodeAt(sentence.end - 1);
  if (last2 === 58) return true;
  if (last2 === 63) return matchRecommendationHeading(text.slice(sentence.start, sentence.end)) !== null;
  if (last2 === 46 || last2 === 33 || last2 === 8230) return false;
  if ((last2 === 8221 || last2 === 34 || last2 === 8217 || last2 === 39 || last2 === 41) && sentence.end - sentence.start >= 2) {
    const before = text.charCodeAt(sentence.end - 2);
    return !(before === 46 || before === 33 || before === 63);
  }
  return true;
}
function endsWithQuestionMark(text, sentence) {
  let e = sentence.end;
  while (e > sentence.start) {
    const c = text.charCodeAt(e - 1);
    if (c === 8221 || c === 34 || c === 8217 || c === 39 || c === 41 || c === 32) e--;
    else break;
  }
  return text.charCodeAt(e - 1) === 63 || e === sentence.end && text.charCodeAt(sentence.end) === 63;
}
function followList(list, text, sentence) {
  const number = markerNumber(text, sentence.start);
  if (number === null) return list.marked ? list : { ...list, marked: true };
  if (list.lastNumber >= 0 ? number !== list.lastNumber + 1 && number !== list.lastNumber : list.marked && number > 1) return null;
  return { ...list, marked: true, lastNumber: number };
}
function markerNumber(text, start) {
  let k = start;
  while (k > 0 && start - k < 24) {
    const c = text.charCodeAt(k - 1);
    if (c === 10 || c === 13) break;
    k--;
  }
  const marker = text.slice(k, start).trim().match(/^(?:\d{1,3}\.)*(\d{1,3})[.)]?$/);
  return marker === null ? null : Number(marker[1]);
}
function isPlainItemParagraph(text, sentences, k) {
  if (sentences.length - k > MAX_PLAIN_ITEM_SENTENCES) return false;
  return text.length - sentences[k].start <= MAX_PLAIN_ITEM;
}

// src/core/detect/detect.ts
var ALL_KINDS = ["metric", "quote", "recommendation"];
var SCANNERS = {
  metric: metricScanner,
  quote: quoteScanner,
  recommendation: recommendationScanner
};
function detect(text, options = {}) {
  const kinds = options.kinds ?? ALL_KINDS;
  const scanners = options.scanners ?? SCANNERS;
  const paragraphs = splitParagraphs(text);
  const map = new OffsetMap(text);
  const found = [];
  for (const kind of kinds) {
    const scanner = scanners[kind];
    let state = scanner.initialState;
    for (const paragraph of paragraphs) {
      const result = scanner.scan(paragraph.text, state);
      state = result.state;
      for (const local of result.detections) found.push(placeDetection(local, paragraph, map));
    }
  }
  return sortDetections(found);
}
function placeDetection(local, paragraph, map) {
  const from = paragraph.start + local.start;
  const to = paragraph.start + local.end;
  return {
    ...local,
    start: map.toCodePoint(from),
    end: map.toCodePoint(to),
    text: paragraph.text.slice(local.start, local.end)
  };
}
var KIND_ORDER = { metric: 0, quote: 1, recommendation: 2 };
function sortDetections(detections) {
  return detections.sort((a, b) => a.start - b.start || a.end - b.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
function stripBom(text) {
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}
export {
  ALL_KINDS,
  SCANNERS,
  detect,
  placeDetection,
  sortDetections,
  stripBom
};
