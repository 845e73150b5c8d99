/**
 * 1-based line and column numbers for code-point offsets, as people and
 * terminals read them (`report.txt:12:5`). Lines end at LF, CRLF or a lone
 * CR; columns count code points.
 */

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export class LineIndex {
  /** Code-point offset at which each line starts; the first is 0. */
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    let codePoint = 0;
    for (let i = 0; i < text.length; i++, codePoint++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.#lineStarts.push(codePoint + 1);
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }

  /** The line and column of a code-point offset (clamped at 0). */
  positionOf(offset: number): LineColumn {
    const target = Math.max(0, offset);
    let lo = 0;
    let hi = this.#lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.#lineStarts[mid] as number) <= target) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: target - (this.#lineStarts[lo] as number) + 1 };
  }

  /** The code-point offset of a 1-based line and column, clamped to existing lines. */
  offsetOf(position: LineColumn): number {
    const line = Math.min(Math.max(1, position.line), this.#lineStarts.length);
    return (this.#lineStarts[line - 1] as number) + Math.max(1, position.column) - 1;
  }
}
