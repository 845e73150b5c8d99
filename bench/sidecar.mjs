// Sidecar speed: loading a 10,000-annotation sidecar from disk, changing one
// annotation and saving it (parse, edit in place, re-check, atomic write),
// and loading plus an unchanged save. Printed, not asserted, beyond the
// issue's 200 ms aim.
//
//   node --expose-gc bench/sidecar.mjs [--quick]
//
// Also a suite for bench/run.mjs: `import sidecar from './sidecar.mjs'`
// (default export {name, title, run(context)}), or call the named `run()`.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { BENCH_DIR, ROOT_DIR, importBundledEntry } from './lib/build-entry.mjs';
import { buildCorpus, readSampleReports } from './lib/corpus.mjs';
import { canCollectGarbage, collectGarbage, computeMedian, formatMegabytes } from './lib/measure.mjs';
import { addRow, createSuiteResult, formatSuite } from './lib/report.mjs';

const ANNOTATIONS = 10_000;
/** The aim for loading plus saving. */
const AIM_MS = 200;
const RUNS = 7;
/** Wall time this much above CPU time means other programs are competing for the core. */
const BUSY_RATIO = 1.2;

/** Samples the process's RSS from a worker while the main thread parses (a timer there would starve). */
const SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData.buffer);
const flag = new Int32Array(workerData.flag);
while (Atomics.load(flag, 0) === 0) {
  const rss = process.memoryUsage.rss();
  if (rss > peak[0]) peak[0] = rss;
  Atomics.wait(flag, 0, 0, 2);
}
`;

/** Runs async `fn` once while sampling RSS; returns its wall and CPU time, the peak RSS and the baseline. */
async function measureAsync(fn) {
  collectGarbage();
  const baseline = process.memoryUsage();
  const buffer = new SharedArrayBuffer(8);
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { buffer, flag } });
  await new Promise((resolve) => worker.once('online', resolve));
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const after = process.memoryUsage();
  Atomics.store(new Int32Array(flag), 0, 1);
  Atomics.notify(new Int32Array(flag), 0);
  await worker.terminate();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss: Math.max(new Float64Array(buffer)[0], after.rss), baselineRss: baseline.rss, heapGrowth: after.heapUsed - baseline.heapUsed, result };
}

/**
 * Bundles and imports an entry that reaches the `yaml` package. That package
 * is CommonJS and requires Node built-ins, which an ES module bundle can only
 * do through a `require` made with createRequire.
 */
async function importWithRequire(entry, name) {
  const directory = path.join(BENCH_DIR, '.build');
  mkdirSync(directory, { recursive: true });
  const outfile = path.join(directory, `${name}.mjs`);
  await build({
    entryPoints: [path.join(ROOT_DIR, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Runs the suite; `context` is bench/run.mjs's (only `importBundledEntry`, `reports` and `quick` are used). */
export async function run(context) {
  const { importBundledEntry: bundle, reports, quick } = context;
  const count = quick ? ANNOTATIONS / 5 : ANNOTATIONS;
  const result = createSuiteResult('sidecar', `Loading and saving a ${count.toLocaleString('en-GB')}-annotation sidecar`);
  const { AnnotationStore } = await importWithRequire('src/core/store/annotation-store.ts', 'annotation-store');
  const { createAnnotationFactory } = await bundle('src/core/store/new-annotation.ts', 'new-annotation');
  const { detect } = await bundle('src/core/detect/detect.ts', 'detect-for-sidecar');
  const { nodeFileSystem } = await bundle('src/cli/node-file-system.ts', 'node-file-system');

  const directory = mkdtempSync(path.join(tmpdir(), 'ra-bench-sidecar-'));
  try {
    // A report with enough detections, and a sidecar holding `count` of them with a tag and a note on some.
    const { text } = buildCorpus(reports, quick ? 1e6 : 5e6);
    const reportPath = path.join(directory, 'report.txt');
    writeFileSync(reportPath, text);
    const factory = createAnnotationFactory(text, { now: () => new Date('2026-01-01T00:00:00Z') });
    const detections = detect(text).slice(0, count);
    const created = await AnnotationStore.open(nodeFileSystem, reportPath);
    if (!created.ok) throw new Error(created.problem.message);
    for (const [i, detection] of detections.entries()) {
      created.value.add(factory.fromDetection(detection, i % 10 === 0 ? { tags: ['checked'], note: 'Compared with last year.\nSee the appendix.' } : {}));
    }
    const firstSave = await measureAsync(() => created.value.save());
    if (!firstSave.result.ok) throw new Error(firstSave.result.problem.message);
    const sidecarPath = created.value.sidecarPath;
    addRow(result, 'sidecar', `${formatMegabytes(statSync(sidecarPath).size)}, ${detections.length.toLocaleString('en-GB')} annotations`);
    addRow(result, 'first save (written afresh)', `${firstSave.ms.toFixed(1)} ms`, undefined, `CPU ${firstSave.cpuMs.toFixed(1)} ms`);

    const loadEditSave = [];
    const loadSave = [];
    for (let i = 0; i < RUNS; i++) {
      loadEditSave.push(
        await measureAsync(async () => {
          const opened = await AnnotationStore.open(nodeFileSystem, reportPath);
          if (!opened.ok) throw new Error(opened.problem.message);
          const store = opened.value;
          const target = store.annotations[Math.floor(store.annotations.length / 2)];
          store.update(target.id, { note: `Reviewed in run ${i}.` });
          const saved = await store.save();
          if (!saved.ok || !saved.value.written) throw new Error('the edit was not written');
        }),
      );
      loadSave.push(
        await measureAsync(async () => {
          const opened = await AnnotationStore.open(nodeFileSystem, reportPath);
          if (!opened.ok) throw new Error(opened.problem.message);
          const saved = await opened.value.save();
          if (!saved.ok || saved.value.written) throw new Error('an unchanged sidecar was rewritten');
        }),
      );
    }
    const report = (label, runs) => {
      const wall = computeMedian(runs.map((r) => r.ms));
      const cpu = computeMedian(runs.map((r) => r.cpuMs));
      const busy = wall / cpu > BUSY_RATIO;
      const judged = busy ? cpu : wall;
      addRow(result, `${label}: time (median)`, `${wall.toFixed(1)} ms`, undefined, `CPU ${cpu.toFixed(1)} ms; runs ${runs.map((r) => r.ms.toFixed(0)).join(', ')}`);
      addRow(result, `${label} under ${AIM_MS} ms`, `${judged.toFixed(1)} ms`, quick ? undefined : judged < AIM_MS, busy ? `machine busy (wall / CPU ${(wall / cpu).toFixed(1)}): judged on CPU time` : 'wall time');
      addRow(result, `${label}: peak RSS`, formatMegabytes(Math.max(...runs.map((r) => r.peakRss))), undefined, `baseline ${formatMegabytes(runs[0].baselineRss)}`);
      return { wallMs: wall, cpuMs: cpu, busy, runsMs: runs.map((r) => r.ms), peakRss: Math.max(...runs.map((r) => r.peakRss)) };
    };
    result.data = {
      annotations: detections.length,
      sidecarBytes: statSync(sidecarPath).size,
      firstSaveMs: firstSave.ms,
      loadEditSave: report('load, change one note, save', loadEditSave),
      loadSave: report('load, save unchanged (no write)', loadSave),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return result;
}

export default { name: 'sidecar', title: 'Sidecar load and save', run };

// Run alone: node --expose-gc bench/sidecar.mjs [--quick]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  if (!canCollectGarbage) console.log('note: run with node --expose-gc for steadier timings and memory figures');
  const result = await run({ importBundledEntry, reports: readSampleReports(), quick: values.quick });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatSuite(result));
}
