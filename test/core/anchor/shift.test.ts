import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { shiftAnnotations, type SpanChange } from '../../../src/core/anchor/shift';

interface Item {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

const item = (start: number, end: number, id = 'a'): Item => ({ id, start, end });

/** Applies changes (relative to the old text) to a string, for checking spans against real text. */
function applyEdits(text: string, changes: readonly (SpanChange & { text: string })[]): string {
  let out = text;
  for (const change of [...changes].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, change.start) + change.text + out.slice(change.end);
  }
  return out;
}

describe('core/anchor/shift', () => {
  describe('shiftAnnotations', () => {
    const cases: { name: string; span: Item; changes: SpanChange[]; expected: [number, number]; touched: boolean }[] = [
      { name: 'moves an annotation right after an insertion before it', span: item(10, 15), changes: [{ start: 2, end: 2, insertedLength: 3 }], expected: [13, 18], touched: false },
      { name: 'moves an annotation left after a deletion before it', span: item(10, 15), changes: [{ start: 2, end: 6, insertedLength: 0 }], expected: [6, 11], touched: false },
      { name: 'leaves an annotation before the edit alone', span: item(10, 15), changes: [{ start: 20, end: 25, insertedLength: 1 }], expected: [10, 15], touched: false },
      { name: 'pushes an annotation right when text is inserted at its start', span: item(10, 15), changes: [{ start: 10, end: 10, insertedLength: 2 }], expected: [12, 17], touched: false },
      { name: 'does not grow an annotation when text is typed at its end', span: item(10, 15), changes: [{ start: 15, end: 15, insertedLength: 2 }], expected: [10, 15], touched: false },
      { name: 'grows an annotation when text is inserted inside it', span: item(10, 15), changes: [{ start: 12, end: 12, insertedLength: 4 }], expected: [10, 19], touched: true },
      { name: 'shrinks an annotation when part of it is deleted', span: item(10, 15), changes: [{ start: 12, end: 14, insertedLength: 0 }], expected: [10, 13], touched: true },
      { name: 'keeps the surviving tail when a deletion overlaps the start', span: item(10, 15), changes: [{ start: 8, end: 12, insertedLength: 0 }], expected: [8, 11], touched: true },
      { name: 'keeps the surviving head when a deletion overlaps the end', span: item(10, 15), changes: [{ start: 13, end: 18, insertedLength: 0 }], expected: [10, 13], touched: true },
      { name: 'collapses an annotation deleted whole', span: item(10, 15), changes: [{ start: 5, end: 20, insertedLength: 0 }], expected: [5, 5], touched: true },
      { name: 'covers the replacement when the annotation is replaced whole', span: item(10, 15), changes: [{ start: 10, end: 15, insertedLength: 3 }], expected: [10, 13], touched: true },
      { name: 'adds up several changes in any order', span: item(10, 15), changes: [{ start: 20, end: 21, insertedLength: 0 }, { start: 0, end: 0, insertedLength: 1 }, { start: 5, end: 7, insertedLength: 0 }], expected: [9, 14], touched: false },
    ];
    for (const { name, span, changes, expected, touched } of cases) {
      it(name, () => {
        const result = shiftAnnotations([span], changes);
        const [shifted] = result.annotations;
        assert.deepEqual([shifted?.start, shifted?.end], expected);
        assert.deepEqual(result.touched, touched ? ['a'] : []);
      });
    }

    it('returns the same objects and changed=false when nothing moves', () => {
      const spans = [item(0, 3, 'x'), item(5, 8, 'y')];
      const result = shiftAnnotations(spans, [{ start: 20, end: 20, insertedLength: 5 }]);
      assert.equal(result.changed, false);
      assert.equal(result.annotations[0], spans[0]);
      assert.equal(result.annotations[1], spans[1]);
    });

    it('keeps other fields of moved annotations', () => {
      const result = shiftAnnotations([{ id: 'k', start: 4, end: 6, kind: 'metric', tags: ['x'] }], [{ start: 0, end: 0, insertedLength: 1 }]);
      assert.deepEqual(result.annotations[0], { id: 'k', start: 5, end: 7, kind: 'metric', tags: ['x'] });
      assert.equal(result.changed, true);
    });

    it('keeps every untouched annotation on the same text (property)', () => {
      const word = fc.stringMatching(/^[a-z]{1,6}$/);
      fc.assert(
        fc.property(fc.array(word, { minLength: 3, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat(4), word), { maxLength: 4 }), (words, rawEdits) => {
          const text = words.join(' ');
          const spans: Item[] = [];
          let at = 0;
          words.forEach((w, i) => {
            spans.push(item(at, at + w.length, `w${i}`));
            at += w.length + 1;
          });
          // Non-overlapping edits on the old text.
          const edits: (SpanChange & { text: string })[] = [];
          for (const [position, length, inserted] of rawEdits) {
            const start = position % (text.length + 1);
            const end = Math.min(text.length, start + length);
            if (edits.some((e) => start <= e.end && end >= e.start)) continue;
            edits.push({ start, end, insertedLength: inserted.length, text: inserted });
          }
          const after = applyEdits(text, edits);
          const result = shiftAnnotations(spans, edits);
          result.annotations.forEach((span, i) => {
            if (result.touched.includes(span.id)) return;
            assert.equal(after.slice(span.start, span.end), words[i]);
          });
        }),
      );
    });
  });
});
