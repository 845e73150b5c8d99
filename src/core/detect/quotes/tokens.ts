/**
 * Words of one sentence, with the facts attribution keeps asking about each
 * (capitalised? followed by a comma? part of a quote?). Quotes are masked
 * beforehand, so a whole quote is one token and its words never pass for
 * narrative.
 */

export interface Token {
  /** Offsets in the paragraph (UTF-16). */
  readonly start: number;
  readonly end: number;
  /** The word without surrounding punctuation and quotation marks. */
  readonly core: string;
  /** `core` in lower case, with a possessive `’s`/`'s`/`’` removed. */
  readonly lower: string;
  /** Whether `core` starts with a capital letter. */
  readonly capital: boolean;
  /** Whether the word is possessive (`Blair's`, `Gibbons’`). */
  readonly possessive: boolean;
  /** Whether a comma, semicolon or closing bracket follows the word. */
  readonly comma: boolean;
  /** Whether a colon follows the word. */
  readonly colon: boolean;
  /** Whether a sentence-ending mark or bracket opens or closes on it. */
  readonly openParen: boolean;
  readonly closeParen: boolean;
  /** Whether the token holds (part of) a quote. */
  readonly quote: boolean;
}

const UPPER = /^\p{Lu}/u;

/** Punctuation and marks stripped from the front of a word. */
function isLeadingPunct(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb || c === 0x201e || c === 40 || c === 91 || c === 123 || c === 42 || c === 0x2022 || c === 0x25fc || c === 0x25aa || c === 0xb7 || c === 0x2013 || c === 0x2014 || c === 45;
}

/** Punctuation and marks stripped from the end of a word. */
function isTrailingPunct(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb || c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 || c === 0x2026 || c === 0x2013 || c === 0x2014 || c === 45;
}

function isCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90;
  return UPPER.test(word);
}

/**
 * The tokens of `masked[from, to)`. `isQuote(start, end)` says whether a
 * token overlaps a quote (null when the range holds none). At most `limit` tokens are read.
 */
export function tokenize(masked: string, from: number, to: number, isQuote: ((start: number, end: number) => boolean) | null, limit = 400): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to && tokens.length < limit) {
    while (i < to && isBlank(masked.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isBlank(masked.charCodeAt(i))) i++;
    let a = start;
    let b = i;
    while (a < b && isLeadingPunct(masked.charCodeAt(a))) a++;
    while (b > a && isTrailingPunct(masked.charCodeAt(b - 1))) b--;
    let comma = false;
    let colon = false;
    let closeParen = false;
    for (let k = b; k < i; k++) {
      const c = masked.charCodeAt(k);
      if (c === 44 || c === 59 || c === 41 || c === 93) comma = true;
      if (c === 58) colon = true;
      if (c === 41) closeParen = true;
    }
    // Possessive: `Blair's`, `Devon’s`, `Gibbons'` (the last one's mark was stripped as trailing punctuation).
    let coreEnd = b;
    let possessive = false;
    const last = masked.charCodeAt(b - 1);
    const beforeLast = masked.charCodeAt(b - 2);
    if (b - a > 2 && (last === 115 || last === 83) && (beforeLast === 39 || beforeLast === 0x2019)) {
      possessive = true;
      coreEnd = b - 2;
    } else if (b - a > 2 && (last === 115) && b < i && (masked.charCodeAt(b) === 39 || masked.charCodeAt(b) === 0x2019) && (b + 1 === i)) {
      possessive = true;
    }
    const core = masked.slice(a, coreEnd);
    let plain = true;
    for (let k = a; k < coreEnd && plain; k++) {
      const c = masked.charCodeAt(k);
      if ((c >= 65 && c <= 90) || c > 0x7f) plain = false;
    }
    tokens.push({
      start,
      end: i,
      core,
      // Most words are already lower-case ASCII: spare the copy.
      lower: plain ? core : core.toLowerCase(),
      capital: core.length > 0 && isCapital(core),
      possessive,
      comma,
      colon,
      openParen: masked.charCodeAt(start) === 40,
      closeParen,
      quote: isQuote !== null && isQuote(start, i),
    });
  }
  return tokens;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x0b || c === 0x0c || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000 || c === 0x2028 || c === 0x2029;
}
