import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/text/line-index';

describe('text/line-index', () => {
  describe('LineIndex', () => {
    const index = new LineIndex('ab\ncd\r\nef\rg😀h');

    it('gives 1-based lines and columns for LF, CRLF and CR', () => {
      assert.deepEqual(index.positionOf(0), { line: 1, column: 1 });
      assert.deepEqual(index.positionOf(4), { line: 2, column: 2 });
      assert.deepEqual(index.positionOf(7), { line: 3, column: 1 });
      assert.deepEqual(index.positionOf(10), { line: 4, column: 1 });
    });

    it('counts columns in code points', () => {
      assert.deepEqual(index.positionOf(12), { line: 4, column: 3 });
      assert.equal(index.lineCount, 4);
    });

    it('turns positions back into offsets', () => {
      for (const offset of [0, 4, 7, 10, 12]) assert.equal(index.offsetOf(index.positionOf(offset)), offset);
    });
  });
});
