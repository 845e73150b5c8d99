/**
 * Code points versus UTF-16 code units.
 *
 * Files, exports and the sidecar count offsets in Unicode code points (the
 * annotation guide's rule, shared with W3C selectors, brat and Python). The
 * JavaScript string API and VS Code count UTF-16 code units. The two differ
 * only after a character outside the Basic Multilingual Plane (an emoji, say),
 * which is stored as a surrogate pair. Every conversion goes through this
 * module so the rule lives in one place.
 *
 * A lone surrogate (malformed UTF-16) counts as one code point, as
 * `Array.from` and `for…of` count it.
 */

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether the UTF-16 unit at `i` starts a well-formed surrogate pair. */
function startsPair(text: string, i: number): boolean {
  return isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    if (startsPair(text, i)) {
      pairs++;
      i++;
    }
  }
  return text.length - pairs;
}

/** Whether `text` has no surrogate pair, so that UTF-16 and code-point offsets coincide. */
export function isSingleUnitText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (startsPair(text, i)) return false;
  return true;
}

/**
 * Maps offsets both ways for one text in O(log p) per lookup, p being the
 * number of surrogate pairs (none in most reports, making both maps the
 * identity). Build once per text version.
 */
export class OffsetMap {
  /** UTF-16 offsets at which a surrogate pair starts, ascending. */
  readonly #pairs: number[] = [];
  readonly #utf16Length: number;

  constructor(text: string) {
    this.#utf16Length = text.length;
    for (let i = 0; i < text.length; i++) {
      if (startsPair(text, i)) {
        this.#pairs.push(i);
        i++;
      }
    }
  }

  /** Length of the text in code points. */
  get codePointLength(): number {
    return this.#utf16Length - this.#pairs.length;
  }

  /** Length of the text in UTF-16 code units. */
  get utf16Length(): number {
    return this.#utf16Length;
  }

  /**
   * The code-point offset of a UTF-16 offset. An offset that falls between the
   * two halves of a pair is rounded down to the pair's start. Out-of-range
   * offsets are clamped to the text.
   */
  toCodePoint(utf16: number): number {
    const clamped = Math.max(0, Math.min(utf16, this.#utf16Length));
    // Every pair that starts before `clamped` adds one unit; for a pair that
    // straddles it (starts at clamped - 1) the same count rounds down to the
    // pair's start.
    return clamped - lowerBound(this.#pairs, clamped);
  }

  /** The UTF-16 offset of a code-point offset, clamped to the text. */
  toUtf16(codePoint: number): number {
    const clamped = Math.max(0, Math.min(codePoint, this.codePointLength));
    // Each pair that starts before the target adds one unit. Pair k (0-based)
    // starts at code point pairs[k] - k.
    let lo = 0;
    let hi = this.#pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#pairs[mid] as number) - mid < clamped) lo = mid + 1;
      else hi = mid;
    }
    return clamped + lo;
  }
}

/** Index of the first element of ascending `values` that is >= `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The substring between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const map = new OffsetMap(text);
  return text.slice(map.toUtf16(start), map.toUtf16(end));
}
