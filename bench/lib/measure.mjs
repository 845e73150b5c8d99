// Timing and memory functions shared by every benchmark suite.
import { Worker } from 'node:worker_threads';

/** Runs a full garbage collection when node was started with --expose-gc; otherwise does nothing. */
export function collectGarbage() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/** Whether collectGarbage() really collects. */
export const canCollectGarbage = typeof globalThis.gc === 'function';

/** The median of a non-empty list of numbers. */
export function computeMedian(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times one call of `fn`, after a garbage collection so runs do not pay for
 * each other's garbage: wall-clock `ms`, and `cpuMs`, the CPU time the
 * process spent meanwhile (user + system), which other programs on a busy
 * machine do not inflate.
 */
export function timeOnce(fn) {
  collectGarbage();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = fn();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

/**
 * Times `fn` at least `minRuns` and at most `maxRuns` times, stopping early
 * once `budgetMs` is spent; returns every run's wall and CPU times and their
 * medians.
 */
export function timeRuns(fn, { minRuns = 3, maxRuns = 5, budgetMs = 20_000 } = {}) {
  const runs = [];
  const cpuRuns = [];
  const started = performance.now();
  for (;;) {
    const { ms, cpuMs } = timeOnce(fn);
    runs.push(ms);
    cpuRuns.push(cpuMs);
    const elapsed = performance.now() - started;
    if (runs.length >= maxRuns) break;
    if (runs.length >= minRuns && elapsed >= budgetMs) break;
    // A very slow engine still finishes: past twice the budget, one run is enough.
    if (elapsed >= 2 * budgetMs) break;
  }
  return { runs, cpuRuns, median: computeMedian(runs), cpuMedian: computeMedian(cpuRuns) };
}

/** The sampler runs in a worker because detection is synchronous and would starve a timer on the main thread. */
const SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData.buffer);
const flag = new Int32Array(workerData.flag);
while (Atomics.load(flag, 0) === 0) {
  const rss = process.memoryUsage.rss();
  if (rss > peak[0]) peak[0] = rss;
  Atomics.wait(flag, 0, 0, workerData.intervalMs);
}
`;

/**
 * Runs `fn` while a worker samples the process's resident set size every
 * `intervalMs`, and reports the peak RSS seen, the heap in use just after
 * the call (before any collection: the call's garbage plus its result) and
 * the heap still held once the result alone is kept.
 */
export async function measurePeakMemory(fn, intervalMs = 2) {
  collectGarbage();
  const baseline = process.memoryUsage();
  const buffer = new SharedArrayBuffer(8);
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { buffer, flag, intervalMs } });
  await new Promise((resolve) => worker.once('online', resolve));
  const result = fn();
  const afterCall = process.memoryUsage();
  Atomics.store(new Int32Array(flag), 0, 1);
  Atomics.notify(new Int32Array(flag), 0);
  await worker.terminate();
  collectGarbage();
  const retained = process.memoryUsage();
  const peakRss = Math.max(new Float64Array(buffer)[0], afterCall.rss);
  return {
    result,
    baselineRss: baseline.rss,
    peakRss,
    baselineHeap: baseline.heapUsed,
    heapAfterCall: afterCall.heapUsed,
    heapRetained: retained.heapUsed,
    maxRssEver: process.resourceUsage().maxRSS * 1024,
  };
}

/** Bytes as MB (10^6), one decimal. */
export const formatMegabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
