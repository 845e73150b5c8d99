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
  constructor(
    private readonly document: vscode.TextDocument,
    private readonly offsets: OffsetConverter,
  ) {}

  /** The editor position of a code-point offset. */
  positionAt(codePoint: number): vscode.Position {
    return this.document.positionAt(this.offsets.toUtf16(codePoint));
  }

  /** The editor range of a code-point span. */
  rangeOf(span: Span): vscode.Range {
    return new vscode.Range(this.positionAt(span.start), this.positionAt(span.end));
  }

  /** The code-point offset of an editor position. */
  codePointAt(position: vscode.Position): number {
    return this.offsets.toCodePoint(this.document.offsetAt(position));
  }

  /** The code-point span of an editor range. */
  spanOf(range: vscode.Range): Span {
    return { start: this.codePointAt(range.start), end: this.codePointAt(range.end) };
  }

  /** The UTF-16 offsets of an editor range, as the detector's range queries take them. */
  utf16RangeOf(range: vscode.Range): { start: number; end: number } {
    return { start: this.document.offsetAt(range.start), end: this.document.offsetAt(range.end) };
  }
}
