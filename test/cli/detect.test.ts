import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCliCaptured } from '../helpers/run-cli';

describe('cli/detect', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ra-detect-'));
  const report = path.join(dir, 'report.txt');
  writeFileSync(report, '\ufeffIn September 2018, 92 per cent 😀 of care leavers were in suitable accommodation.\r\n');
  const binary = path.join(dir, 'image.png');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00]));

  it('prints one JSON object per file with code-point offsets and the covered text', async () => {
    const run = await runCliCaptured(['detect', '--json', report]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const parsed = JSON.parse(lines[0] as string) as { file: string; detections: { start: number; end: number; text: string }[] };
    assert.equal(parsed.file, report);
    const text = Array.from('In September 2018, 92 per cent 😀 of care leavers were in suitable accommodation.\r\n');
    for (const detection of parsed.detections) assert.equal(text.slice(detection.start, detection.end).join(''), detection.text);
  });

  it('reports missing and binary files on one line each, processes the rest, and exits 2', async () => {
    const run = await runCliCaptured(['detect', '--json', path.join(dir, 'missing.txt'), binary, report]);
    assert.equal(run.code, 2);
    const errors = run.stderr.trim().split('\n');
    assert.equal(errors.length, 2);
    assert.match(errors[0] as string, /missing\.txt: no such file/);
    assert.match(errors[1] as string, /image\.png: skipped: this looks like a binary file/);
    assert.equal(run.stdout.trim().split('\n').length, 1);
  });

  it('skips a file over --max-bytes', async () => {
    const run = await runCliCaptured(['detect', '--max-bytes', '10', report]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /over the 10 bytes limit/);
  });

  it('prints a readable table by default', async () => {
    const run = await runCliCaptured(['detect', report]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /report\.txt: \d+ metrics, \d+ quotes, \d+ recommendations/);
    assert.match(run.stdout, /where\s+kind\s+details\s+text/);
  });

  it('rejects unknown options and kinds as usage errors', async () => {
    assert.equal((await runCliCaptured(['detect', '--bogus', report])).code, 2);
    const run = await runCliCaptured(['detect', '--kinds', 'metric,tables', report]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown kind 'tables'/);
  });

  it('documents itself', async () => {
    const run = await runCliCaptured(['detect', '--help']);
    assert.equal(run.code, 0);
    for (const option of ['--json', '--kinds', '--max-bytes']) assert.ok(run.stdout.includes(option), option);
  });
});

describe('cli', () => {
  it('lists every verb in --help and exits 2 on an unknown verb', async () => {
    const help = await runCliCaptured(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /detect/);
    const unknown = await runCliCaptured(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown verb 'frobnicate'/);
  });
});
