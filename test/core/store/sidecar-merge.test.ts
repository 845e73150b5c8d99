import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/model';
import { mergeSidecars, type SidecarContents } from '../../../src/core/store/sidecar-merge';
import { makeAnnotation } from './fixtures';

const base = makeAnnotation({ id: 'a1', tags: ['housing'], note: 'base note' });
const contents = (...annotations: Annotation[]): SidecarContents => ({ sourceHash: 'h0', annotations });

describe('core/store/sidecar-merge', () => {
  describe('mergeSidecars', () => {
    it('keeps annotations added on either side', () => {
      const ours = makeAnnotation({ id: 'o1', start: 50, end: 52 });
      const theirs = makeAnnotation({ id: 't1', start: 5, end: 7 });
      const result = mergeSidecars(contents(base), contents(base, ours), contents(base, theirs));
      assert.deepEqual(
        result.annotations.map((a) => a.id),
        ['t1', 'a1', 'o1'],
      );
      assert.deepEqual(result.conflicts, []);
    });

    it('takes a one-sided change of any field from whichever side made it', () => {
      const result = mergeSidecars(contents(base), contents({ ...base, status: 'rejected' }), contents({ ...base, speaker: 'Jane Smith', kind: 'quote' }));
      assert.equal(result.annotations[0]?.status, 'rejected');
      assert.equal(result.annotations[0]?.speaker, 'Jane Smith');
      assert.equal(result.annotations[0]?.kind, 'quote');
      assert.deepEqual(result.conflicts, []);
    });

    it('removes what one side removed and the other left alone', () => {
      assert.deepEqual(mergeSidecars(contents(base), contents(), contents(base)).annotations, []);
      assert.deepEqual(mergeSidecars(contents(base), contents(base), contents()).annotations, []);
    });

    it('keeps what one side removed and the other changed, as a conflict', () => {
      const changed = { ...base, note: 'still needed' };
      const result = mergeSidecars(contents(base), contents(), contents(changed));
      assert.deepEqual(result.annotations, [changed]);
      assert.deepEqual(result.conflicts, [{ id: 'a1', field: 'removed' }]);
    });

    it('keeps both notes with markers when both sides changed the note', () => {
      const result = mergeSidecars(contents(base), contents({ ...base, note: 'ours' }), contents({ ...base, note: 'theirs\nsecond line' }));
      assert.equal(result.annotations[0]?.note, 'ours\n<<< theirs\ntheirs\nsecond line\n>>>');
      assert.deepEqual(result.conflicts, [{ id: 'a1', field: 'note' }]);
    });

    it('keeps our value of a conflicting field and records theirs in the note', () => {
      const result = mergeSidecars(contents(base), contents({ ...base, status: 'rejected' }), contents({ ...base, kind: 'count', status: 'accepted', value: 3 }));
      const merged = result.annotations[0];
      assert.equal(merged?.status, 'rejected');
      assert.equal(merged?.kind, 'count');
      assert.equal(merged?.value, 3);
      assert.deepEqual(result.conflicts, []);

      const both = mergeSidecars(contents(base), contents({ ...base, kind: 'quote' }), contents({ ...base, kind: 'count' }));
      assert.equal(both.annotations[0]?.kind, 'quote');
      assert.equal(both.annotations[0]?.note, 'base note\n<<< theirs kind: "count" >>>');
      assert.deepEqual(both.conflicts, [{ id: 'a1', field: 'kind' }]);
    });

    it('merges tags as sets: additions from both, removals from either', () => {
      const result = mergeSidecars(
        contents({ ...base, tags: ['housing', 'leavers'] }),
        contents({ ...base, tags: ['housing', 'ours'] }),
        contents({ ...base, tags: ['leavers', 'theirs'] }),
      );
      assert.deepEqual(result.annotations[0]?.tags, ['ours', 'theirs']);
      assert.deepEqual(result.conflicts, []);
    });

    it('moves the span as one unit and never mixes the two sides’ offsets', () => {
      const moved = { ...base, start: 100, end: 111, line: 3, column: 4, prefix: 'new prefix' };
      const oneSided = mergeSidecars(contents(base), contents({ ...base, note: 'x' }), contents(moved));
      assert.deepEqual([oneSided.annotations[0]?.start, oneSided.annotations[0]?.end, oneSided.annotations[0]?.prefix, oneSided.annotations[0]?.note], [100, 111, 'new prefix', 'x']);

      const ours = { ...base, start: 200, end: 211, line: 5 };
      const conflict = mergeSidecars(contents(base), contents(ours), contents(moved));
      assert.deepEqual([conflict.annotations[0]?.start, conflict.annotations[0]?.end, conflict.annotations[0]?.line, conflict.annotations[0]?.column], [200, 211, 5, 20]);
      assert.match(conflict.annotations[0]?.note ?? '', /<<< theirs span: "92 per cent" at 100-111 >>>/);
      assert.deepEqual(conflict.conflicts, [{ id: 'a1', field: 'span' }]);
    });

    it('takes the later updated time without calling it a conflict', () => {
      const result = mergeSidecars(contents(base), contents({ ...base, updated: '2026-11-22T09:00:00.000Z' }), contents({ ...base, updated: '2026-11-22T08:00:00.000Z', note: 'n' }));
      assert.equal(result.annotations[0]?.updated, '2026-11-22T09:00:00.000Z');
      assert.deepEqual(result.conflicts, []);
    });

    it('merges the sourceHash like any field, keeping ours on a conflict', () => {
      assert.equal(mergeSidecars(contents(), { sourceHash: 'h0', annotations: [] }, { sourceHash: 'h1', annotations: [] }).sourceHash, 'h1');
      const conflict = mergeSidecars(contents(), { sourceHash: 'h2', annotations: [] }, { sourceHash: 'h1', annotations: [] });
      assert.equal(conflict.sourceHash, 'h2');
      assert.deepEqual(conflict.conflicts, [{ id: '', field: 'sourceHash' }]);
    });

    it('merges the same id added on both sides field by field against nothing', () => {
      const ours = makeAnnotation({ id: 'n1', note: 'a' });
      const theirs = makeAnnotation({ id: 'n1', note: 'b' });
      const result = mergeSidecars(contents(), contents(ours), contents(theirs));
      assert.equal(result.annotations.length, 1);
      assert.equal(result.annotations[0]?.note, 'a\n<<< theirs\nb\n>>>');
    });
  });
});
