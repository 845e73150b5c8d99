import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem } from '../../src/cli/node-file-system';
import type { Annotation } from '../../src/core/model';
import { AnnotationStore } from '../../src/core/store/annotation-store';
import { createAnnotationFactory } from '../../src/core/store/new-annotation';
import { runCliCaptured } from '../helpers/run-cli';

const REPORT = 'In 2023, 92 per cent of care leavers were housed.\n\nThe council said “we will do better”.\n';

/** A report in a fresh folder with a sidecar annotating `quotes` (in order). */
async function writeAnnotatedReport(quotes: readonly string[]): Promise<{ report: string; ids: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ra-reanchor-'));
  const report = path.join(dir, 'letter.txt');
  writeFileSync(report, REPORT);
  const factory = createAnnotationFactory(REPORT, { now: () => new Date('2026-01-01T00:00:00Z') });
  const opened = await AnnotationStore.open(nodeFileSystem, report);
  assert.ok(opened.ok);
  const ids: string[] = [];
  for (const quote of quotes) {
    const start = Array.from(REPORT.slice(0, REPORT.indexOf(quote))).length;
    const annotation = factory.fromSpan('quote', start, start + Array.from(quote).length);
    opened.value.add(annotation);
    ids.push(annotation.id);
  }
  assert.ok((await opened.value.save()).ok);
  return { report, ids };
}

async function readAnnotations(report: string): Promise<readonly Annotation[]> {
  const opened = await AnnotationStore.open(nodeFileSystem, report);
  assert.ok(opened.ok);
  return opened.value.annotations;
}

describe('cli/reanchor', () => {
  it('moves annotations after an edit, writes them back and exits 0', async () => {
    const { report, ids } = await writeAnnotatedReport(['92 per cent', 'we will do better']);
    writeFileSync(report, `Summary.\n\n${REPORT.replace('we will do better', 'we shall do better')}`);
    const run = await runCliCaptured(['reanchor', report]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /0 unchanged, 2 moved, 0 orphaned/);
    assert.match(run.stdout, new RegExp(`moved ${ids[1]} 3:19 -> 5:19 "we shall do better" \\(text was "we will do better"\\)`));
    const [metric, quote] = (await readAnnotations(report)) as [Annotation, Annotation];
    assert.deepEqual([metric.start, metric.line, quote.text, quote.line], [19, 3, 'we shall do better', 5]);
    assert.match(readFileSync(`${report}.annotations.yaml`, 'utf8'), /sourceHash: \S+:\S+/);
  });

  it('reports orphans as FILE:LINE:COLUMN, keeps them flagged, and exits 1', async () => {
    const { report, ids } = await writeAnnotatedReport(['92 per cent', 'we will do better']);
    writeFileSync(report, REPORT.replace('“we will do better”', 'nothing'));
    const run = await runCliCaptured(['reanchor', report]);
    assert.equal(run.code, 1);
    assert.ok(run.stdout.includes(`${report}:3:19: orphaned ${ids[1]} quote "we will do better"`), run.stdout);
    const [, orphan] = (await readAnnotations(report)) as [Annotation, Annotation];
    assert.deepEqual([orphan.orphaned, orphan.start, orphan.text], [true, 69, 'we will do better']);
  });

  it('clears the orphan flag when the text comes back', async () => {
    const { report } = await writeAnnotatedReport(['we will do better']);
    writeFileSync(report, 'Gone.\n');
    assert.equal((await runCliCaptured(['reanchor', report])).code, 1);
    writeFileSync(report, REPORT);
    const run = await runCliCaptured(['reanchor', report]);
    assert.equal(run.code, 0, run.stdout);
    const [annotation] = (await readAnnotations(report)) as [Annotation];
    assert.equal(annotation.orphaned, undefined);
  });

  it('writes nothing with --dry-run', async () => {
    const { report } = await writeAnnotatedReport(['we will do better']);
    const before = readFileSync(`${report}.annotations.yaml`, 'utf8');
    writeFileSync(report, `Summary.\n${REPORT}`);
    const run = await runCliCaptured(['reanchor', '--dry-run', report]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /1 moved, 0 orphaned \(dry run: nothing written\)/);
    assert.equal(readFileSync(`${report}.annotations.yaml`, 'utf8'), before);
  });

  it('leaves an unchanged report’s sidecar alone apart from its hash', async () => {
    const { report } = await writeAnnotatedReport(['92 per cent']);
    assert.equal((await runCliCaptured(['reanchor', report])).code, 0);
    const once = readFileSync(`${report}.annotations.yaml`, 'utf8');
    const run = await runCliCaptured(['reanchor', report]);
    assert.match(run.stdout, /1 unchanged, 0 moved, 0 orphaned/);
    assert.equal(readFileSync(`${report}.annotations.yaml`, 'utf8'), once);
  });

  it('exits 2 for a missing report or a malformed sidecar, and still does the others', async () => {
    const { report } = await writeAnnotatedReport(['92 per cent']);
    const broken = path.join(path.dirname(report), 'broken.txt');
    writeFileSync(broken, 'Text.\n');
    writeFileSync(`${broken}.annotations.yaml`, 'version: 1\nannotations: [unclosed\n');
    const run = await runCliCaptured(['reanchor', path.join(path.dirname(report), 'missing.txt'), broken, report]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /missing\.txt: no such file/);
    assert.match(run.stderr, /broken\.txt\.annotations\.yaml:\d+:\d+: /);
    assert.match(run.stdout, /letter\.txt: 1 unchanged/);
  });

  it('rejects a call without files, and documents itself', async () => {
    assert.equal((await runCliCaptured(['reanchor'])).code, 2);
    const help = await runCliCaptured(['reanchor', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--dry-run/);
    assert.match(help.stdout, /orphaned/);
    assert.match(help.stdout, /Exit codes: 0/);
  });
});
