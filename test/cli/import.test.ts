import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem } from '../../src/cli/node-file-system';
import type { Annotation } from '../../src/core/model';
import { AnnotationStore } from '../../src/core/store/annotation-store';
import { runCliCaptured } from '../helpers/run-cli';

const REPORT = 'The council said 92 per cent of plans were “on track”.\n';

async function readAnnotations(report: string): Promise<readonly Annotation[]> {
  const opened = await AnnotationStore.open(nodeFileSystem, report);
  assert.ok(opened.ok);
  return opened.value.annotations;
}

describe('cli/import', () => {
  function freshReport(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'ra-import-'));
    const report = path.join(dir, 'plan.txt');
    writeFileSync(report, REPORT);
    return report;
  }

  it('imports brat beside the report (NAME.ann → NAME.txt) into a new sidecar', async () => {
    const report = freshReport();
    const ann = report.replace(/\.txt$/, '.ann');
    writeFileSync(ann, 'T1\tmetric 17 28\t92 per cent\nA1\tunit T1 percent\n#1\tAnnotatorNotes T1\ttags: plans\\nFrom the minutes.\n');
    const run = await runCliCaptured(['import', '--format', 'brat', ann]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /imported 1 from .*plan\.ann \(1 added, 0 updated, 0 orphaned\)/);
    const [only] = (await readAnnotations(report)) as [Annotation];
    assert.deepEqual([only.text, only.unit, only.tags, only.note, only.line, only.column], ['92 per cent', 'percent', ['plans'], 'From the minutes.', 1, 18]);
  });

  it('round-trips through export and import, updating by id rather than duplicating', async () => {
    const report = freshReport();
    const ann = report.replace(/\.txt$/, '.ann');
    writeFileSync(ann, 'T1\tquote 44 52\ton track\n');
    assert.equal((await runCliCaptured(['import', '--format', 'brat', ann])).code, 0);
    const exported = await runCliCaptured(['export', '--format', 'w3c', report]);
    const json = path.join(path.dirname(report), 'plan.json');
    writeFileSync(json, exported.stdout);
    const again = await runCliCaptured(['import', '--format', 'w3c', json, '--report', report]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /\(0 added, 1 updated, 0 orphaned\)/);
    assert.equal((await readAnnotations(report)).length, 1);
  });

  it('finds the report of W3C annotations from their target source', async () => {
    const report = freshReport();
    const json = path.join(path.dirname(report), 'hyp.json');
    writeFileSync(json, JSON.stringify([{ type: 'Annotation', target: { source: 'plan.txt', selector: [{ type: 'TextQuoteSelector', exact: 'council', prefix: 'The ', suffix: ' said' }] } }]));
    const run = await runCliCaptured(['import', '--format', 'w3c', json]);
    assert.equal(run.code, 0, run.stderr);
    const [only] = (await readAnnotations(report)) as [Annotation];
    assert.deepEqual([only.start, only.end, only.kind], [4, 11, 'highlight']);
  });

  it('refuses a malformed file with its line, writing nothing', async () => {
    const report = freshReport();
    const ann = report.replace(/\.txt$/, '.ann');
    writeFileSync(ann, 'T1\tmetric 17 28\t92 per cent\nT2\tquote 44\n');
    const run = await runCliCaptured(['import', '--format', 'brat', ann]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /plan\.ann:2:1: T2: expected 'TYPE START END<TAB>text'/);
    assert.throws(() => readFileSync(`${report}.annotations.yaml`));
  });

  it('treats usage mistakes as exit 2, and documents itself', async () => {
    const report = freshReport();
    assert.equal((await runCliCaptured(['import', report])).code, 2);
    assert.equal((await runCliCaptured(['import', '--format', 'csv', report])).code, 2);
    assert.equal((await runCliCaptured(['import', '--format', 'brat', path.join(path.dirname(report), 'none.ann')])).code, 2);
    const help = await runCliCaptured(['import', '--help']);
    assert.match(help.stdout, /--report REPORT/);
    assert.match(help.stdout, /merges them into/);
  });
});
