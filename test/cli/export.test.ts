import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem } from '../../src/cli/node-file-system';
import { AnnotationStore } from '../../src/core/store/annotation-store';
import { createAnnotationFactory } from '../../src/core/store/new-annotation';
import { runCliCaptured } from '../helpers/run-cli';

/** Writes `text` at `file` with one accepted annotation over `quote`, tagged and noted. */
async function writeAnnotated(file: string, text: string, quote: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const factory = createAnnotationFactory(text, { now: () => new Date('2026-01-01T00:00:00Z') });
  const opened = await AnnotationStore.open(nodeFileSystem, file);
  assert.ok(opened.ok);
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  opened.value.add(factory.fromSpan('metric', start, start + Array.from(quote).length, { tags: ['checked'], note: 'Line one,\n"two"' }));
  assert.ok((await opened.value.save()).ok);
}

describe('cli/export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ra-export-'));
  const first = path.join(dir, 'a.txt');
  const second = path.join(dir, 'nested', 'b.txt');
  const plain = path.join(dir, 'nested', 'no-sidecar.txt');

  before(async () => {
    await writeAnnotated(first, 'Rates rose to 92 per cent 😀 in 2024.\n', '92 per cent');
    await writeAnnotated(second, '=SUM(A1) was typed, then £2.5m was spent.\r\n', '£2.5m');
    writeFileSync(plain, 'No annotations here.\n');
    await writeAnnotated(path.join(dir, 'nested', 'a.txt'), 'Same name, another folder: 3 visits.\n', '3 visits');
  });

  it('exports every report with a sidecar under a folder as CSV', async () => {
    const run = await runCliCaptured(['export', '--format', 'csv', '.'], dir);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.split('\r\n');
    assert.match(rows[0] as string, /^file,id,kind,status,start,end,line,column,text,tags,note,value,unit,period,comparison,speaker,created,updated,author$/);
    assert.match(rows[1] as string, /^a\.txt,\w+,metric,accepted,14,25,1,15,92 per cent,checked,"Line one,\n""two""",/);
    assert.match(run.stdout, /nested[\\/]b\.txt,\w+,metric,accepted,25,30,/);
    assert.equal(run.stdout.includes('no-sidecar'), false);
  });

  it('writes --out with a byte-order mark when asked', async () => {
    const out = path.join(dir, 'out.csv');
    const run = await runCliCaptured(['export', '--format', 'csv', '--bom', '--out', out, first]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.ok(readFileSync(out, 'utf8').startsWith('\ufefffile,'));
  });

  it('exports JSON and W3C annotations with code-point offsets', async () => {
    const json = JSON.parse((await runCliCaptured(['export', '--format', 'json', first])).stdout) as { file: string; start: number; text: string }[];
    assert.deepEqual(json.map((item) => [item.file, item.start, item.text]), [[first, 14, '92 per cent']]);
    const w3c = JSON.parse((await runCliCaptured(['export', '--format', 'w3c', first])).stdout) as { target: { selector: { type: string; start?: number }[] } }[];
    assert.equal(w3c[0]?.target.selector[1]?.start, 14);
  });

  it('exports brat for one report, and one .ann per report into a folder', async () => {
    const one = await runCliCaptured(['export', '--format', 'brat', first]);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /^T1\tmetric 14 25\t92 per cent\n/);
    const several = await runCliCaptured(['export', '--format', 'brat', dir]);
    assert.equal(several.code, 2);
    assert.match(several.stderr, /--out an existing folder/);
    const folder = path.join(dir, 'brat');
    mkdirSync(folder);
    assert.equal((await runCliCaptured(['export', '--format', 'brat', '--out', folder, dir])).code, 0);
    assert.match(readFileSync(path.join(folder, 'b.ann'), 'utf8'), /^T1\tmetric 25 30\t£2\.5m\n/);
    // Two reports called a.txt: the second gets a-2.ann rather than overwriting the first.
    const both = readFileSync(path.join(folder, 'a.ann'), 'utf8') + readFileSync(path.join(folder, 'a-2.ann'), 'utf8');
    assert.match(both, /\t3 visits\n/);
    assert.match(both, /\t92 per cent\n/);
  });

  it('reports a report without a sidecar and exits 2, exporting the rest', async () => {
    const run = await runCliCaptured(['export', '--format', 'json', plain, first]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no-sidecar\.txt: no sidecar/);
    assert.equal((JSON.parse(run.stdout) as unknown[]).length, 1);
  });

  it('treats a missing or unknown format as a usage error, and documents itself', async () => {
    assert.equal((await runCliCaptured(['export', first])).code, 2);
    const unknown = await runCliCaptured(['export', '--format', 'xlsx', first]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown format 'xlsx'/);
    const help = await runCliCaptured(['export', '--help']);
    assert.match(help.stdout, /--format F/);
    assert.match(help.stdout, /formula/);
  });
});
