import * as assert from 'node:assert/strict';
import { isSidecarPath, reportPathOf, sidecarPathOf } from '../../../src/core/store/sidecar-path';
import { MemoryFileSystem } from '../../helpers/memory-file-system';

describe('core/store/sidecar-path', () => {
  const fs = new MemoryFileSystem();

  describe('sidecarPathOf', () => {
    const table: [string, string][] = [
      ['reports/report.txt', 'reports/report.txt.annotations.yaml'],
      ['report.md', 'report.md.annotations.yaml'],
      ['a/b/letter.report.txt', 'a/b/letter.report.txt.annotations.yaml'],
    ];
    for (const [report, sidecar] of table) it(`puts the sidecar of ${report} beside it`, () => assert.equal(sidecarPathOf(fs, report), sidecar));
  });

  describe('reportPathOf', () => {
    it('is the inverse of sidecarPathOf', () => {
      assert.equal(reportPathOf(fs, 'a/report.txt.annotations.yaml'), 'a/report.txt');
      assert.equal(reportPathOf(fs, sidecarPathOf(fs, 'x/y.txt')), 'x/y.txt');
    });

    it('is undefined for a path that is not a sidecar', () => {
      assert.equal(reportPathOf(fs, 'a/report.txt'), undefined);
      assert.equal(reportPathOf(fs, 'a/.annotations.yaml'), undefined);
    });
  });

  describe('isSidecarPath', () => {
    it('recognises sidecar names only', () => {
      assert.equal(isSidecarPath('r.txt.annotations.yaml'), true);
      assert.equal(isSidecarPath('r.txt'), false);
      assert.equal(isSidecarPath('.annotations.yaml'), false);
      assert.equal(isSidecarPath('notes.yaml'), false);
    });
  });
});
