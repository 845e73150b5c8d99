/**
 * The contract every detector implements. A detector reads a document one
 * paragraph at a time and may carry a small state from one paragraph to the
 * next (the last-named speaker, whether we are inside a "What needs to
 * improve" list). This is how a syntax highlighter tokenises line by line,
 * and it buys the same thing: after an edit, the editor re-scans the touched
 * paragraphs and carries on only while the outgoing state differs from the
 * one it had before, so detection stays exact without rescanning the
 * document.
 *
 * Scanners see paragraph text and return offsets in UTF-16 code units
 * relative to the paragraph; the document layer converts to code points.
 */
import type { Detection } from '../model';

/** A detection before it is placed in the document: offsets are UTF-16, relative to its paragraph, and `text` is filled in later. */
export type LocalDetection = Detection extends infer D ? (D extends Detection ? Omit<D, 'text'> : never) : never;

export interface ScanResult<State> {
  readonly detections: readonly LocalDetection[];
  /** The state to hand to the next paragraph. */
  readonly state: State;
}

export interface ParagraphScanner<State> {
  /** The state before the first paragraph. */
  readonly initialState: State;
  /**
   * Finds the detections in one paragraph. Must not throw on any input, must
   * return spans inside `[0, paragraph.length)` that do not split a surrogate
   * pair, and must run in time linear in the paragraph's length.
   */
  scan(paragraph: string, state: State): ScanResult<State>;
  /** Whether two states would lead to the same results from here on. */
  sameState(a: State, b: State): boolean;
}
