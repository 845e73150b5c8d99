/**
 * Keeps annotations on their text while the analyst types, before any
 * re-anchoring runs. An editor reports edits as replaced ranges; an
 * annotation after an edit moves by the edit's length difference, one before
 * it stays, and one whose text the edit touches is stretched or shrunk to
 * cover what is left and marked so re-anchoring can check it later.
 *
 * This is the cheap per-keystroke step (O(annotations × changes), plain
 * arithmetic); `reanchor.ts` is the thorough one, run on open and on save.
 */
import type { Span } from '../model';

/** One replaced range, in code points of the text before the edit, with the code-point length of what replaced it. */
export interface SpanChange {
  readonly start: number;
  readonly end: number;
  readonly insertedLength: number;
}

/** What {@link shiftAnnotations} returns. */
export interface ShiftResult<T> {
  /** The annotations in the order given; ones that did not move are the same objects. */
  readonly annotations: readonly T[];
  /** Ids of annotations whose own text an edit replaced, deleted or inserted into. */
  readonly touched: readonly string[];
  /** Whether any annotation moved or changed length. */
  readonly changed: boolean;
}

/**
 * Moves each annotation's span through `changes` (non-overlapping, in any
 * order, all relative to the text before the edit).
 *
 * - An insertion at an annotation's start pushes it right; one at its end
 *   leaves it alone (typing after a highlight does not grow it).
 * - An edit inside, or overlapping, an annotation keeps the part of the span
 *   that survives and includes the inserted text, and reports the id as touched.
 * - An annotation deleted whole collapses to an empty span at the deletion
 *   point (re-anchoring will then orphan it rather than guess).
 */
export function shiftAnnotations<T extends Span & { readonly id: string }>(
  annotations: readonly T[],
  changes: readonly SpanChange[],
): ShiftResult<T> {
  if (changes.length === 0) return { annotations, touched: [], changed: false };
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  const touched: string[] = [];
  let changed = false;
  const shifted = annotations.map((annotation) => {
    const start = mapOffset(annotation.start, sorted, 'start');
    const end = Math.max(start, mapOffset(annotation.end, sorted, 'end'));
    if (touchesSpan(annotation, sorted)) touched.push(annotation.id);
    if (start === annotation.start && end === annotation.end) return annotation;
    changed = true;
    return { ...annotation, start, end };
  });
  return { annotations: shifted, touched, changed };
}

/**
 * Where `offset` lands after the changes. A boundary inside a replaced range
 * goes to the start of the replacement (a span's start) or to its end (a
 * span's end), so a span keeps whatever text replaced part of it.
 */
function mapOffset(offset: number, changes: readonly SpanChange[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const change of changes) {
    const removed = change.end - change.start;
    if (change.start > offset) break;
    if (change.start === offset) {
      // A pure insertion exactly at the offset: a start moves with the text after it, an end stays.
      // A replacement that begins here lies wholly after the offset.
      if (removed === 0 && side === 'start') delta += change.insertedLength;
      if (removed === 0) continue;
      break;
    }
    if (change.end <= offset) {
      delta += change.insertedLength - removed;
      continue;
    }
    // The offset lies inside the replaced range.
    return change.start + delta + (side === 'end' ? change.insertedLength : 0);
  }
  return offset + delta;
}

function touchesSpan(span: Span, changes: readonly SpanChange[]): boolean {
  for (const change of changes) {
    if (change.start >= span.end) break;
    const isInsertion = change.start === change.end;
    if (isInsertion ? change.start > span.start : change.end > span.start) return true;
  }
  return false;
}
