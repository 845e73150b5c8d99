/**
 * Reads numbers written in words ("twenty-three", "two hundred and fifty
 * thousand", "one point three", "five and a half", "a third", "two-thirds",
 * "one eightieth"). Reports write small counts in words ("Two senior
 * inspectors", "five groups") and fractions almost always, so the metric
 * detector needs this as much as it needs digits.
 *
 * The reader walks forward word by word with one sticky regex and looks at
 * no more than a dozen words, so its cost is bounded whatever the input.
 */

/** A number read from words. */
export interface WordNumber {
  /** The number: 23 for "twenty-three", 0.25 for "a quarter". */
  readonly value: number;
  /** UTF-16 offset just after the last word of the number. */
  readonly end: number;
  /** Whether the words are a fraction ("a third", "two-thirds", "one eightieth"). */
  readonly fraction: boolean;
}

const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Denominators of fractions. "second" is left out on purpose: "one second"
 * is a duration and "a second" an ordinal, never a half.
 */
const DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9,
  tenth: 10, tenths: 10, twelfth: 12, twelfths: 12, twentieth: 20, twentieths: 20, thirtieth: 30, thirtieths: 30,
  fortieth: 40, fortieths: 40, fiftieth: 50, fiftieths: 50, sixtieth: 60, sixtieths: 60, seventieth: 70, seventieths: 70,
  eightieth: 80, eightieths: 80, ninetieth: 90, ninetieths: 90, hundredth: 100, hundredths: 100, thousandth: 1000, thousandths: 1000,
};

/** Denominators that follow "a" as a fraction ("a third of"), as opposed to "a third inspection". */
const A_FRACTIONS = new Set(['third', 'quarter', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'twentieth', 'hundredth', 'half']);

/**
 * One word, separated from the previous one by a few spaces or a single
 * hyphen (never a line break). The separators are bounded so that a long run
 * of spaces cannot make the regex backtrack over it.
 */
const WORD = /[ \t\u00a0]{0,3}-?[ \t\u00a0]{0,3}([A-Za-z]+)/y;

const MAX_WORDS = 12;

interface Token {
  readonly word: string;
  readonly end: number;
}

/** Reads the word at `at` (which must be the start of a word); null when there is none. */
function readToken(text: string, at: number): Token | null {
  WORD.lastIndex = at;
  const match = WORD.exec(text);
  if (match === null) return null;
  return { word: match[1].toLowerCase(), end: WORD.lastIndex };
}

/** Up to `count` tokens from `at`, stopping at the first non-word. */
function readTokens(text: string, at: number, count: number): Token[] {
  const tokens: Token[] = [];
  let position = at;
  for (let i = 0; i < count; i++) {
    const token = readToken(text, position);
    if (token === null) break;
    tokens.push(token);
    position = token.end;
  }
  return tokens;
}

/**
 * Reads a number in words starting at `at`, or null when the words there are
 * not a number. `a` counts only before a scale or a fraction ("a million",
 * "a third"); a bare "half" is left to the caller, which knows its context.
 */
export function readNumberWords(text: string, at: number): WordNumber | null {
  const first = readToken(text, at);
  if (first === null) return null;
  if (first.word === 'a' || first.word === 'half') return readLeadingArticle(text, first);
  let total = 0;
  let group = 0;
  let previous: 'none' | 'small' | 'tens' | 'hundred' | 'scale' = 'none';
  let end = at;
  let position = at;
  let read = 0;
  for (let words = 0; words < MAX_WORDS; words++) {
    const token = readToken(text, position);
    if (token === null) break;
    const { word } = token;
    if (word in SMALL) {
      const value = SMALL[word];
      if (previous === 'small') break;
      if (previous === 'tens' && (value === 0 || value >= 10)) break;
      group += value;
      previous = 'small';
    } else if (word in TENS) {
      if (previous === 'small' || previous === 'tens') break;
      group += TENS[word];
      previous = 'tens';
    } else if (word === 'hundred') {
      if (previous === 'hundred' || previous === 'none') break;
      group = (group === 0 ? 1 : group) * 100;
      previous = 'hundred';
    } else if (word in SCALES) {
      if (previous === 'none' || previous === 'scale') break;
      total += (group === 0 ? 1 : group) * SCALES[word];
      group = 0;
      previous = 'scale';
    } else if (word === 'and' && previous !== 'none') {
      // "two hundred and fifty", or "five and a half"; any other "and" ends the number.
      const next = readTokens(text, token.end, 2);
      if (next.length === 2 && next[0].word === 'a' && next[1].word === 'half') {
        if (previous === 'scale') break;
        return { value: total + group + 0.5, end: next[1].end, fraction: false };
      }
      if ((previous === 'hundred' || previous === 'scale') && next.length > 0 && (next[0].word in SMALL || next[0].word in TENS)) {
        position = token.end;
        continue;
      }
      break;
    } else if (word === 'point' && previous !== 'none' && previous !== 'scale') {
      const decimals = readDecimalWords(text, token.end);
      if (decimals === null) break;
      return { value: total + group + decimals.value, end: decimals.end, fraction: false };
    } else if (word === 'dozen' && previous !== 'none' && previous !== 'scale') {
      group *= 12;
      previous = 'hundred';
    } else {
      if (word in DENOMINATORS && previous !== 'none' && previous !== 'scale' && total === 0 && group > 0 && group < 100) {
        return { value: group / DENOMINATORS[word], end: token.end, fraction: true };
      }
      break;
    }
    read++;
    end = token.end;
    position = token.end;
  }
  if (read === 0) return null;
  return { value: total + group, end, fraction: false };
}

/** "a third", "a quarter", "a million", "a dozen", "half a million". */
function readLeadingArticle(text: string, first: Token): WordNumber | null {
  const next = readToken(text, first.end);
  if (next === null) return null;
  if (first.word === 'half') {
    // "half a million"
    const scale = readToken(text, next.end);
    if (next.word === 'a' && scale !== null && scale.word in SCALES) return { value: SCALES[scale.word] / 2, end: scale.end, fraction: false };
    return null;
  }
  if (next.word in SCALES) return { value: SCALES[next.word], end: next.end, fraction: false };
  if (next.word === 'hundred') return { value: 100, end: next.end, fraction: false };
  if (next.word === 'dozen') return { value: 12, end: next.end, fraction: false };
  if (A_FRACTIONS.has(next.word)) return { value: 1 / DENOMINATORS[next.word], end: next.end, fraction: true };
  return null;
}

/** The digits after "point": "three" → 0.3, "two five" → 0.25. */
function readDecimalWords(text: string, at: number): { value: number; end: number } | null {
  let digits = '';
  let end = at;
  for (let i = 0; i < 4; i++) {
    const token = readToken(text, end);
    if (token === null || !(token.word in SMALL) || SMALL[token.word] > 9) break;
    digits += String(SMALL[token.word]);
    end = token.end;
  }
  if (digits === '') return null;
  return { value: Number(`0.${digits}`), end };
}
