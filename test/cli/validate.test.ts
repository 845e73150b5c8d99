import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { hashText } from '../../src/core/text/hash';
import { runCliCaptured } from '../helpers/run-cli';

const REPORT = 'In 2018, 92 per cent of care leavers 😀 were housed.\n';

function sidecar(source: string, entries: string, sourceHash: string | null = hashText(REPORT)): string {
  return `version: 1\nsource: ${source}\nsourceHash: ${sourceHash ?? 'null'}\nannotations:\n${entries}`;
}

const GOOD_ENTRY = '  - id: a1\n    kind: metric\n    status: accepted\n    text: 92 per cent\n    start: 9\n    end: 20\n    line: 1\n    column: 10\n';

describe('cli/validate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ra-validate-'));
  const nested = path.join(dir, 'nested', 'deeper');
  mkdirSync(nested, { recursive: true });
  writeFileSync(path.join(dir, 'good.txt'), REPORT);
  writeFileSync(path.join(dir, 'good.txt.annotations.yaml'), sidecar('good.txt', GOOD_ENTRY));
  writeFileSync(path.join(nested, 'bad.txt'), REPORT);
  const badText = sidecar('bad.txt', `${GOOD_ENTRY}  - id: a1\n    kind: metric\n    status: maybe\n    text: x\n    start: 1\n    end: 2\n    line: 1\n    column: 2\n`);
  writeFileSync(path.join(nested, 'bad.txt.annotations.yaml'), badText);

  it('passes valid sidecars named directly or through their report, with exit 0', async () => {
    for (const target of ['good.txt', 'good.txt.annotations.yaml']) {
      const run = await runCliCaptured(['validate', target], dir);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.stdout, '1 sidecar checked, all valid.\n');
    }
  });

  it('walks folders and prints file:line:column lines, with exit 1', async () => {
    const run = await runCliCaptured(['validate', '.'], dir);
    assert.equal(run.code, 1);
    const lines = run.stdout.trim().split('\n');
    assert.deepEqual(lines, [
      `${path.join('nested', 'deeper', 'bad.txt.annotations.yaml')}:15:13: annotation 2: 'status' must be one of accepted, rejected`,
      '2 sidecars checked, 1 problem.',
    ]);
    assert.equal(readFileSync(path.join(nested, 'bad.txt.annotations.yaml'), 'utf8'), badText);
  });

  it('reports malformed YAML, another report’s sidecar and an oversized file', async () => {
    const cases: [string, string, RegExp][] = [
      ['malformed.txt', 'version: 1\nsource: malformed.txt\nannotations:\n  - id: [\n', /malformed\.txt\.annotations\.yaml:\d+:\d+: YAML syntax error/],
      ['stolen.txt', sidecar('other.txt', ''), /stolen\.txt\.annotations\.yaml:2:1: refused: this sidecar belongs to 'other\.txt', not to 'stolen\.txt'/],
    ];
    for (const [name, content, expected] of cases) {
      writeFileSync(path.join(dir, `${name}.annotations.yaml`), content);
      const run = await runCliCaptured(['validate', `${name}.annotations.yaml`], dir);
      assert.equal(run.code, 1, run.stdout);
      assert.match(run.stdout, expected);
    }
    const run = await runCliCaptured(['validate', '--max-bytes', '50', 'good.txt'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /good\.txt\.annotations\.yaml: refused: .* is over the 50 bytes limit for sidecars/);
  });

  it('checks annotation text against an unchanged report', async () => {
    writeFileSync(path.join(dir, 'drift.txt'), REPORT);
    writeFileSync(path.join(dir, 'drift.txt.annotations.yaml'), sidecar('drift.txt', GOOD_ENTRY.replace('start: 9\n    end: 20', 'start: 8\n    end: 19')));
    const run = await runCliCaptured(['validate', 'drift.txt'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /drift\.txt\.annotations\.yaml:5:3: annotation 'a1': its text "92 per cent" is not what the report holds at 8-19 \(" 92 per cen"\)/);
  });

  it('only notes a report that changed since, without counting it as a problem', async () => {
    writeFileSync(path.join(dir, 'moved.txt'), `Preface. ${REPORT}`);
    writeFileSync(path.join(dir, 'moved.txt.annotations.yaml'), sidecar('moved.txt', GOOD_ENTRY));
    const run = await runCliCaptured(['validate', 'moved.txt'], dir);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /moved\.txt changed since these annotations were placed; run 'report-annotator reanchor moved\.txt'/);
  });

  it('exits 2 for a path that names no sidecar, and for bad usage', async () => {
    const run = await runCliCaptured(['validate', 'nothing.txt'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nothing\.txt: no sidecar \(nothing\.txt\.annotations\.yaml\) beside this report/);
    assert.equal((await runCliCaptured(['validate'], dir)).code, 2);
    assert.equal((await runCliCaptured(['validate', '--strict', 'good.txt'], dir)).code, 2);
    assert.equal((await runCliCaptured(['validate', '--help'], dir)).code, 0);
  });
});
