import * as assert from 'node:assert/strict';
import { toJsonExport } from '../../../src/core/export/json';
import { sampleAnnotations } from './sample';

describe('export/json', () => {
  describe('toJsonExport', () => {
    it('lists every annotation with its file', () => {
      const annotations = sampleAnnotations();
      const parsed = JSON.parse(toJsonExport(annotations.map((annotation) => ({ file: 'a.txt', annotation })))) as unknown[];
      assert.deepEqual(parsed, annotations.map((annotation) => ({ file: 'a.txt', ...annotation })));
    });
  });
});
