import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCliCaptured } from '../helpers/run-cli';

function entry(id: string, kind: string, status: string, tags: string[], extra = ''): string {
  return `  - id: ${id}\n    kind: ${kind}\n    status: ${status}\n    text: x\n    start: 0\n    end: 1\n    line: 1\n    column: 1\n    tags: [${tags.join(', ')}]\n${extra}`;
}

describe('cli/stats', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ra-stats-'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.txt'), 'x');
  writeFileSync(
    path.join(dir, 'a.txt.annotations.yaml'),
    `version: 1\nsource: a.txt\nannotations:\n${entry('a1', 'metric', 'accepted', ['housing', 'headline'])}${entry('a2', 'quote', 'rejected', ['housing'])}${entry('a3', 'metric', 'accepted', [], '    orphaned: true\n')}`,
  );
  writeFileSync(path.join(dir, 'sub', 'b.txt'), 'x');
  writeFileSync(path.join(dir, 'sub', 'b.txt.annotations.yaml'), `version: 1\nsource: b.txt\nannotations:\n${entry('b1', 'finding', 'accepted', ['housing'])}`);

  it('counts by kind, status, tag and file as JSON', async () => {
    const run = await runCliCaptured(['stats', '--json', '.'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      total: 4,
      byKind: { metric: 2, finding: 1, quote: 1 },
      byStatus: { accepted: 3, rejected: 1 },
      byTag: { housing: 3, headline: 1 },
      orphaned: 1,
      files: [
        { file: 'a.txt', total: 3, accepted: 2, rejected: 1, orphaned: 1, byKind: { metric: 2, quote: 1 } },
        { file: path.join('sub', 'b.txt'), total: 1, accepted: 1, rejected: 0, orphaned: 0, byKind: { finding: 1 } },
      ],
    });
  });

  it('prints readable tables', async () => {
    const run = await runCliCaptured(['stats', 'a.txt', 'sub/b.txt.annotations.yaml'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^4 annotations in 2 files, 1 orphaned\n/);
    assert.match(run.stdout, /kind\s+count\nmetric\s+2\nfinding\s+1\nquote\s+1\n/);
    assert.match(run.stdout, /status\s+count\naccepted\s+3\nrejected\s+1\n/);
    assert.match(run.stdout, /tag\s+count\nhousing\s+3\nheadline\s+1\n/);
    assert.match(run.stdout, /file\s+total\s+accepted\s+rejected\s+metric\s+finding\s+quote\na\.txt\s+3\s+2\s+1\s+2\s+0\s+1\n/);
  });

  it('reports an unreadable sidecar and counts the rest, with exit 2', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'ra-stats-bad-'));
    writeFileSync(path.join(other, 'bad.txt.annotations.yaml'), 'version: 1\nsource: bad.txt\nannotations: {\n');
    writeFileSync(path.join(other, 'ok.txt.annotations.yaml'), `version: 1\nsource: ok.txt\nannotations:\n${entry('o1', 'metric', 'accepted', [])}`);
    const run = await runCliCaptured(['stats', '--json', other]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /bad\.txt\.annotations\.yaml:\d+:\d+: YAML syntax error/);
    assert.equal(JSON.parse(run.stdout).total, 1);
  });

  it('rejects bad usage and documents itself', async () => {
    assert.equal((await runCliCaptured(['stats'], dir)).code, 2);
    assert.equal((await runCliCaptured(['stats', 'none.txt'], dir)).code, 2);
    const help = await runCliCaptured(['stats', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--json/);
  });
});
