import * as assert from 'node:assert/strict';
import { decodeReport } from '../../../src/core/text/decode';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('text/decode', () => {
  describe('decodeReport', () => {
    it('decodes UTF-8 and drops a byte-order mark', () => {
      const result = decodeReport(bytes('\ufeff92 per cent'), 'r.txt');
      assert.deepEqual(result, { ok: true, value: '92 per cent' });
    });

    it('refuses a file over the size limit, naming both sizes', () => {
      const result = decodeReport(new Uint8Array(3 * 1024 * 1024), 'big.txt', { maxBytes: 1024 * 1024 });
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.problem.code, 'file-too-large');
        assert.match(result.problem.message, /3\.0 MB.*1\.0 MB/);
      }
    });

    it('refuses a binary file', () => {
      const result = decodeReport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'a.zip');
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.problem.code, 'file-binary');
    });
  });
});
