import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { detect } from '../../src/core/detect/detect';
import { parseSidecar } from '../../src/core/store/sidecar-format';
import { runCliCaptured } from '../helpers/run-cli';

const REPORT = [
  'The council should improve the timeliness of case recording.',
  '',
  'Inspectors found that 92 per cent of care leavers were in suitable accommodation, up from 64 per cent.',
  '',
  '“We are proud of our staff,” said Jane Smith, the director of children’s services.',
  '',
  'Managers must ensure that every child has an up-to-date plan.',
  '',
].join('\n');

function readSidecar(file: string) {
  const parsed = parseSidecar(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
}

describe('cli/accept', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ra-accept-'));
  const expected = detect(REPORT);

  it('stores every detection as an accepted annotation and prints the counts', async () => {
    assert.ok(expected.length > 0, 'the test report must give detections');
    const report = path.join(dir, 'first.txt');
    writeFileSync(report, REPORT);
    const run = await runCliCaptured(['accept', '--author', 'sam', report]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`first\\.txt: ${expected.length} added, 0 already present, 0 dismissed kept out`));
    const sidecar = readSidecar(`${report}.annotations.yaml`);
    assert.equal(sidecar.annotations.length, expected.length);
    assert.equal(sidecar.source, 'first.txt');
    assert.match(sidecar.sourceHash ?? '', /^fnv1a64:[0-9a-f]{16}$/);
    for (const annotation of sidecar.annotations) {
      assert.equal(annotation.status, 'accepted');
      assert.equal(annotation.author, 'sam');
      assert.equal(Array.from(REPORT).slice(annotation.start, annotation.end).join(''), annotation.text);
    }
  });

  it('adds nothing twice and keeps rejected detections dismissed, even after a hand edit', async () => {
    const report = path.join(dir, 'second.txt');
    writeFileSync(report, REPORT);
    assert.equal((await runCliCaptured(['accept', report])).code, 0);
    const sidecarFile = `${report}.annotations.yaml`;
    // The analyst dismisses the first detection by hand and adds a comment.
    const original = readFileSync(sidecarFile, 'utf8');
    const edited = original.replace('status: accepted', 'status: rejected # not a real recommendation');
    writeFileSync(sidecarFile, edited);
    const run = await runCliCaptured(['accept', report]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`0 added, ${expected.length - 1} already present, 1 dismissed kept out`));
    assert.equal(readFileSync(sidecarFile, 'utf8'), edited, 'nothing changed, so no byte changed');
  });

  it('accepts only the kinds asked for', async () => {
    const report = path.join(dir, 'third.txt');
    writeFileSync(report, REPORT);
    const run = await runCliCaptured(['accept', '--kind', 'recommendation', report]);
    assert.equal(run.code, 0, run.stderr);
    const kinds = new Set(readSidecar(`${report}.annotations.yaml`).annotations.map((a) => a.kind));
    assert.deepEqual([...kinds], expected.some((d) => d.kind === 'recommendation') ? ['recommendation'] : []);
  });

  it('writes nothing on a dry run', async () => {
    const report = path.join(dir, 'dry.txt');
    writeFileSync(report, REPORT);
    const run = await runCliCaptured(['accept', '--dry-run', report]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /dry run, nothing written/);
    assert.equal(existsSync(`${report}.annotations.yaml`), false);
  });

  it('skips a report that changed since its annotations were saved, and a malformed sidecar, with exit 2', async () => {
    const changed = path.join(dir, 'changed.txt');
    writeFileSync(changed, REPORT);
    assert.equal((await runCliCaptured(['accept', changed])).code, 0);
    writeFileSync(changed, `Preface.\n${REPORT}`);
    const broken = path.join(dir, 'broken.txt');
    writeFileSync(broken, REPORT);
    writeFileSync(`${broken}.annotations.yaml`, 'version: 1\nsource: broken.txt\nannotations: [\n');
    const run = await runCliCaptured(['accept', changed, broken, path.join(dir, 'missing.txt')]);
    assert.equal(run.code, 2);
    const errors = run.stderr.trim().split('\n');
    assert.equal(errors.length, 3, run.stderr);
    assert.match(errors[0] as string, /changed\.txt: the report changed since its annotations were saved; run 'report-annotator reanchor/);
    assert.match(errors[1] as string, /broken\.txt\.annotations\.yaml:4:1: YAML syntax error/);
    assert.match(errors[2] as string, /missing\.txt: no such file/);
    assert.equal(readFileSync(`${broken}.annotations.yaml`, 'utf8'), 'version: 1\nsource: broken.txt\nannotations: [\n');
  });

  it('rejects bad usage and documents itself', async () => {
    assert.equal((await runCliCaptured(['accept'])).code, 2);
    assert.equal((await runCliCaptured(['accept', '--kind', 'tables', 'x.txt'])).code, 2);
    const help = await runCliCaptured(['accept', '--help']);
    assert.equal(help.code, 0);
    for (const option of ['--kind', '--author', '--dry-run']) assert.ok(help.stdout.includes(option), option);
  });

  describe('a process killed while saving', () => {
    it('leaves the sidecar either old or new, always whole', async function () {
      this.timeout(60000);
      const report = path.join(dir, 'crash.txt');
      writeFileSync(report, REPORT);
      assert.equal((await runCliCaptured(['accept', report])).code, 0);
      const sidecarFile = `${report}.annotations.yaml`;
      const child = path.join(dir, 'save-loop.ts');
      const src = path.resolve(__dirname, '../../src');
      writeFileSync(
        child,
        [
          `import { AnnotationStore } from ${JSON.stringify(path.join(src, 'core/store/annotation-store'))};`,
          `import { nodeFileSystem } from ${JSON.stringify(path.join(src, 'cli/node-file-system'))};`,
          `(async () => {`,
          `  for (let round = 0; ; round++) {`,
          `    const opened = await AnnotationStore.open(nodeFileSystem, ${JSON.stringify(report)});`,
          `    if (!opened.ok) { console.error(opened.problem.message); process.exit(3); }`,
          `    const store = opened.value;`,
          `    for (const annotation of store.annotations) store.update(annotation.id, { note: 'round ' + round + '\\n'.repeat(round % 3) + 'x'.repeat(round % 500) });`,
          `    const saved = await store.save();`,
          `    if (!saved.ok) { console.error(saved.problem.message); process.exit(4); }`,
          `    process.stdout.write('.');`,
          `  }`,
          `})();`,
        ].join('\n'),
      );
      for (let kill = 0; kill < 3; kill++) {
        const saver = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), child], { stdio: ['ignore', 'pipe', 'pipe'] });
        let saves = 0;
        let errors = '';
        saver.stdout.on('data', (chunk: Buffer) => (saves += chunk.length));
        saver.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
        const exited = new Promise<void>((resolve) => saver.on('exit', () => resolve()));
        // Read while it writes: every read must parse. Then kill it at some point in a save.
        const target = 5 + kill * 7;
        let reads = 0;
        while (saves < target && saver.exitCode === null) {
          const parsed = parseSidecar(readFileSync(sidecarFile, 'utf8'), sidecarFile);
          assert.ok(parsed.ok, !parsed.ok ? parsed.problem.message : '');
          assert.equal(parsed.value.annotations.length, expected.length);
          reads++;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        saver.kill('SIGKILL');
        await exited;
        assert.equal(errors, '');
        assert.ok(saves >= target, `the saver stopped early after ${saves} saves`);
        assert.ok(reads > 0);
        const after = parseSidecar(readFileSync(sidecarFile, 'utf8'), sidecarFile);
        assert.ok(after.ok, !after.ok ? after.problem.message : '');
        assert.equal(after.value.annotations.length, expected.length);
      }
    });
  });
});
