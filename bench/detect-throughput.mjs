// The engine's speed on one core: throughput on a 20 MB corpus, whether cost
// grows linearly with size, and how much memory a whole-corpus run takes.
import { addRow, createSuiteResult } from './lib/report.mjs';
import { computeMedian, formatMegabytes, measurePeakMemory, timeOnce, timeRuns } from './lib/measure.mjs';

/** The bar: at least 10 MB/s on one core. */
const MIN_MB_PER_S = 10;
/** Doubling the input may cost at most this factor in time. */
const MAX_DOUBLING_RATIO = 2.2;
/** Wall time this much above CPU time means other programs are competing for the core. */
const BUSY_RATIO = 1.2;
/** Past this, a whole-corpus run is not repeated: the figure is clear and the benchmark must stay short. */
const REPEAT_UNDER_MS = 8_000;

/** Counts detections by kind. */
function countKinds(detections) {
  const counts = { metric: 0, quote: 0, recommendation: 0 };
  for (const d of detections) counts[d.kind]++;
  return counts;
}

/** The first reports of `parts` that together hold about `bytes` UTF-16 units (close enough to bytes for a rate). */
function takeReports(parts, units) {
  const taken = [];
  let total = 0;
  for (const part of parts) {
    if (total >= units) break;
    taken.push(part);
    total += part.length;
  }
  return taken;
}

export default {
  name: 'throughput',
  title: 'Detection engine: throughput, linearity and memory (one core)',
  async run({ detect, getCorpus, quick }) {
    const result = createSuiteResult(this.name, this.title);
    const full = getCorpus(quick ? 4e6 : 20e6);
    const half = getCorpus(quick ? 2e6 : 10e6);
    addRow(result, 'corpus', `${formatMegabytes(full.bytes)}, ${full.documents} reports`);

    // Warm the JIT on a slice so the first measured run is not also the compiling one.
    timeOnce(() => detect(full.text.slice(0, 1_000_000)));

    // The first whole-corpus run also gives the memory figures and the counts.
    const memory = await measurePeakMemory(() => timeOnce(() => detect(full.text)));
    const first = memory.result;
    const counts = countKinds(first.result);
    const fullRuns = [first.ms];
    const fullCpuRuns = [first.cpuMs];
    if (first.ms < REPEAT_UNDER_MS) {
      const more = timeRuns(() => detect(full.text), { minRuns: 2, maxRuns: 4, budgetMs: quick ? 2_000 : 10_000 });
      fullRuns.push(...more.runs);
      fullCpuRuns.push(...more.cpuRuns);
    }
    const fullMedian = computeMedian(fullRuns);
    const fullCpuMedian = computeMedian(fullCpuRuns);
    // Checks use CPU time: on a machine shared with other work, wall-clock time measures the neighbours too.
    const throughput = full.bytes / 1e6 / (fullCpuMedian / 1000);
    const wallThroughput = full.bytes / 1e6 / (fullMedian / 1000);
    const busy = fullMedian / fullCpuMedian;
    addRow(result, 'detections in the corpus', `${counts.metric} metrics, ${counts.quote} quotes, ${counts.recommendation} recommendations`);
    addRow(result, `time for ${formatMegabytes(full.bytes)} (median of ${fullRuns.length})`, `${fullCpuMedian.toFixed(0)} ms CPU`, undefined, `${fullMedian.toFixed(0)} ms wall`);
    addRow(result, `throughput (at least ${MIN_MB_PER_S} MB/s of CPU time)`, `${throughput.toFixed(1)} MB/s`, throughput >= MIN_MB_PER_S, `${wallThroughput.toFixed(1)} MB/s wall`);
    if (busy > BUSY_RATIO) addRow(result, 'machine busy: wall / CPU time', busy.toFixed(2), undefined, 'wall-clock figures include other programs');

    const halfRuns = timeRuns(() => detect(half.text), { minRuns: 3, maxRuns: 5, budgetMs: quick ? 1_000 : Math.min(10_000, fullMedian) });
    const ratio = fullCpuMedian / halfRuns.cpuMedian;
    addRow(result, `time for ${formatMegabytes(half.bytes)} (median of ${halfRuns.runs.length})`, `${halfRuns.cpuMedian.toFixed(0)} ms CPU`, undefined, `${halfRuns.median.toFixed(0)} ms wall`);
    addRow(
      result,
      `linearity: time ${formatMegabytes(full.bytes)} / ${formatMegabytes(half.bytes)} (at most ${MAX_DOUBLING_RATIO})`,
      ratio.toFixed(2),
      ratio <= MAX_DOUBLING_RATIO,
      `${(fullMedian / halfRuns.median).toFixed(2)} wall`,
    );

    // The editor detects one report at a time: a few MB of the corpus, report by report.
    const reports = takeReports(full.parts, quick ? 1e6 : 4e6);
    const units = reports.reduce((n, report) => n + report.length, 0);
    const perReport = timeOnce(() => {
      for (const report of reports) detect(report);
    });
    addRow(result, `throughput, one call per report (${reports.length} reports)`, `${(units / 1e6 / (perReport.cpuMs / 1000)).toFixed(1)} MB/s`, undefined, `${(units / 1e6 / (perReport.ms / 1000)).toFixed(1)} MB/s wall`);

    addRow(result, 'peak RSS during a whole-corpus run', formatMegabytes(memory.peakRss), undefined, `(before: ${formatMegabytes(memory.baselineRss)})`);
    addRow(result, 'heap just after the run (garbage + result)', formatMegabytes(memory.heapAfterCall - memory.baselineHeap));
    addRow(result, 'heap held by the result', formatMegabytes(memory.heapRetained - memory.baselineHeap));

    result.data = {
      corpusBytes: full.bytes,
      documents: full.documents,
      detections: counts,
      fullRunsMs: fullRuns,
      fullCpuRunsMs: fullCpuRuns,
      medianMs: fullMedian,
      cpuMedianMs: fullCpuMedian,
      throughputMBps: throughput,
      wallThroughputMBps: wallThroughput,
      wallOverCpu: busy,
      halfBytes: half.bytes,
      halfRunsMs: halfRuns.runs,
      halfCpuRunsMs: halfRuns.cpuRuns,
      halfMedianMs: halfRuns.median,
      halfCpuMedianMs: halfRuns.cpuMedian,
      doublingRatio: ratio,
      perReport: { reports: reports.length, units, ms: perReport.ms, cpuMs: perReport.cpuMs },
      memory: {
        baselineRss: memory.baselineRss,
        peakRss: memory.peakRss,
        maxRssEver: memory.maxRssEver,
        baselineHeap: memory.baselineHeap,
        heapAfterCall: memory.heapAfterCall,
        heapRetained: memory.heapRetained,
      },
    };
    return result;
  },
};
