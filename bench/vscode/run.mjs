// The editor benchmark in a real VS Code (code-server, as for `npm run test:vscode`):
//   node bench/vscode/run.mjs [--keystrokes 200] [--sizes 1,10]
// Builds the extension and bench/vscode/editor-bench.ts, writes reports of the
// given sizes (MB) made from samples/*.txt into a temporary workspace (plus a
// plain-text copy of the largest that the extension ignores, as a baseline),
// runs the benchmark in the extension host and prints a table. Nothing is asserted.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { repoRoot, runInVsCode } from '../../scripts/vscode/code-server.mjs';

const { values: args } = parseArgs({
  options: {
    keystrokes: { type: 'string', default: '200' },
    sizes: { type: 'string', default: '1,10' },
    timeout: { type: 'string', default: '600' },
  },
});

const outDir = join(repoRoot, 'out/bench/vscode');

/** A report of about `bytes` bytes: the sample reports one after another, repeated, cut at a paragraph. */
async function makeReport(bytes) {
  const samplesDir = join(repoRoot, 'samples');
  const names = (await readdir(samplesDir)).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error('no samples/*.txt to build the benchmark reports from');
  const texts = await Promise.all(names.map((name) => readFile(join(samplesDir, name), 'utf8')));
  const unit = texts.map((text) => text.trim()).join('\n\n') + '\n\n';
  const unitBytes = Buffer.byteLength(unit);
  const whole = unit.repeat(Math.ceil(bytes / unitBytes));
  let cut = whole.lastIndexOf('\n\n', bytes);
  if (cut <= 0) cut = whole.length;
  return whole.slice(0, cut) + '\n';
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function printTable(results) {
  const rows = results.map((r) => {
    const all = [...r.samples].sort((a, b) => a - b);
    const own = [...r.redrawMs].sort((a, b) => a - b);
    const many = all.length > 1;
    return [
      r.name,
      String(all.length),
      many ? percentile(all, 50).toFixed(1) : (all[0]?.toFixed(1) ?? '—'),
      many ? percentile(all, 95).toFixed(1) : '',
      own.length === 0 ? '' : many ? percentile(own, 50).toFixed(2) : own[0].toFixed(2),
      own.length > 1 ? percentile(own, 95).toFixed(2) : '',
      r.editMs?.length ? percentile([...r.editMs].sort((a, b) => a - b), 50).toFixed(1) : '',
      String(r.missed),
    ];
  });
  const header = ['measure', 'n', 'p50 ms (or time)', 'p95 ms', 'redraw p50 ms', 'redraw p95 ms', 'edit() p50 ms', 'missed'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('');
  console.log('time: from the command (open / editor.edit) to onDidUpdateDecorations, through the real workbench;');
  console.log('redraw: the extension\'s own durationMs for that redraw (detection + decoration);');
  console.log('edit(): how long editor.edit took to resolve, the workbench round trip a keystroke pays before the extension sees it.');
}

async function main() {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) return 1;
  await rm(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(repoRoot, 'bench/vscode/editor-bench.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });

  const scratch = await mkdtemp(join(tmpdir(), 'report-annotator-bench-'));
  const workspace = join(scratch, 'workspace');
  await mkdir(workspace);
  try {
    const sizes = args.sizes.split(',').map(Number);
    for (const mb of sizes) {
      await writeFile(join(workspace, `bench-${String(mb).padStart(3, '0')}mb.txt`), await makeReport(mb * 1e6));
    }
    // The largest text again, as a plain-text file outside reportAnnotator.include: the keystroke baseline.
    await writeFile(join(workspace, 'baseline.txt'), await makeReport(Math.max(...sizes) * 1e6));
    // The first open pays for loading and compiling the detector; a second report of the smallest size shows the steady state.
    await writeFile(join(workspace, `bench-${String(sizes[0]).padStart(3, '0')}mb-again.txt`), await makeReport(sizes[0] * 1e6));
    const results = [];
    const code = await runInVsCode({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(outDir, 'index.js'),
      workspace,
      settings: {
        'workbench.editor.enablePreview': false,
        'files.autoSave': 'off',
        'editor.minimap.enabled': false,
        // The web workbench backs up a dirty file's whole text for hot exit: 10 MB per pause in typing.
        'files.hotExit': 'off',
        'reportAnnotator.include': '**/bench-*.txt',
      },
      env: { REPORT_ANNOTATOR_BENCH_KEYSTROKES: args.keystrokes },
      timeoutMs: Number(args.timeout) * 1000,
      onLog: (line) => {
        if (line.startsWith('bench-result ')) results.push(JSON.parse(line.slice('bench-result '.length)));
        else if (line.trim() !== '') console.log(line);
      },
    });
    printTable(results);
    return code;
  } finally {
    await rm(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench:vscode: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
