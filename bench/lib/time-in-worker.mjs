// Times detect() on one input in a worker thread, so that an input which
// sends the engine into a very long loop can be stopped: a synchronous call
// on the main thread could not be interrupted.
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.bundleUrl).then(({ detect }) => {
  // Warm the engine on ordinary reports first, as it is in an editor that has
  // opened one: the figure is then the input's own cost, not the JIT's.
  for (let i = 0; i < workerData.warmupRuns; i++) detect(workerData.warmup);
  const runs = [];
  const cpuRuns = [];
  let detections = 0;
  const started = performance.now();
  do {
    if (typeof globalThis.gc === 'function') globalThis.gc();
    const cpu = process.cpuUsage();
    const t = performance.now();
    detections = detect(workerData.text).length;
    runs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuRuns.push((used.user + used.system) / 1000);
  } while (runs.length < workerData.maxRuns && performance.now() - started < workerData.budgetMs);
  parentPort.postMessage({ runs, cpuRuns, detections });
}, (error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/**
 * Runs `detect` from the bundle at `bundlePath` on `text` in a worker, up to
 * `maxRuns` times while `budgetMs` lasts (after `warmupRuns` untimed runs on
 * `warmup`, ordinary text that brings the engine to its steady state), and resolves to `{runs, cpuRuns,
 * detections}` (wall and CPU milliseconds; the main thread waits idle
 * meanwhile, so the process's CPU time is the worker's),
 * `{error}` when it threw, or `{timedOut: true}` when it was stopped after
 * `timeoutMs`.
 */
export function timeDetectInWorker(bundlePath, text, { maxRuns = 3, budgetMs = 1_000, timeoutMs = 10_000, warmup = '', warmupRuns = 0 } = {}) {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bundleUrl: pathToFileURL(bundlePath).href, text, maxRuns, budgetMs, warmup, warmupRuns },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ timedOut: true });
    }, timeoutMs);
    worker.once('message', (message) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ error: String(error) });
    });
  });
}
