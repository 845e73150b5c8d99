/**
 * The one place where the core's code-point offsets meet `vscode.Position`.
 * VS Code counts UTF-16 code units; the detector's offset map (built for the
 * current text) converts both ways, and the document turns UTF-16 offsets
 * into lines and characters.
 */
import * as vscode from 'vscode';
import type { Span } from '../core/model';

/** Code points ↔ UTF-16 for one text version (an IncrementalDetector or an OffsetMap). */
export interface OffsetConverter {
  toUtf16(codePoint: number): number;
  toCodePoint(utf16: number): number;
}

/** Converts between the core's spans and editor ranges for one document. */
export class DocumentPositions {
  readonly #document: vscode.TextDocument;
  readonly #offsets: OffsetConverter;

  constructor(document: vscode.TextDocument, offsets: OffsetConverter) {
    this.#document = document;
    this.#offsets = offsets;
  }

  /** The editor position of a code-point offset. */
  positionAt(codePoint: number): vscode.Position {
    return this.#document.positionAt(this.#offsets.toUtf16(codePoint));
  }

  /** The editor range of a code-point span. */
  rangeOf(span: Span): vscode.Range {
    return new vscode.Range(this.positionAt(span.start), this.positionAt(span.end));
  }

  /** The code-point offset of an editor position. */
  codePointAt(position: vscode.Position): number {
    return this.#offsets.toCodePoint(this.#document.offsetAt(position));
  }

  /** The code-point span of an editor range. */
  spanOf(range: vscode.Range): Span {
    return { start: this.codePointAt(range.start), end: this.codePointAt(range.end) };
  }

  /** The code-point offset of a UTF-16 offset. */
  codePointOf(utf16: number): number {
    return this.#offsets.toCodePoint(utf16);
  }

  /** The document's length in code points. */
  get codePointLength(): number {
    return this.#offsets.toCodePoint(this.#document.offsetAt(this.#document.lineAt(this.#document.lineCount - 1).range.end));
  }
}
