/**
 * Splits a document into paragraphs: maximal runs of lines that hold
 * something other than white space. Detection works paragraph by paragraph,
 * which keeps every detector linear (no pass ever sees the whole document
 * at once) and lets the editor re-detect only the paragraphs an edit touched.
 *
 * Offsets here are UTF-16 code units into the document, because the split
 * runs on the JavaScript string; callers convert to code points once.
 */

/** One paragraph: `text === document.slice(start, end)`, with no leading or trailing line break. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const LF = 10;
const CR = 13;

/** Whether `text[from, to)` is all spaces, tabs and other horizontal white space. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x0c && c !== 0x0b && c !== 0xfeff) return false;
  }
  return true;
}

/**
 * The paragraphs of `text` in order. Lines end at LF, CRLF or a lone CR. A
 * paragraph keeps its inner line breaks; blank lines between paragraphs
 * belong to none.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
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
