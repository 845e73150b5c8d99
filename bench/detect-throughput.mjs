// The engine's speed on one core: throughput on a 20 MB corpus, whether cost
// grows linearly with size, and how much memory a whole-corpus run takes.
import { addRow, createSuiteResult } from './lib/report.mjs';
import { formatMegabytes, measurePeakMemory, timeOnce, timeRuns } from './lib/measure.mjs';

/** The bar: at least 10 MB/s on one core. */
const MIN_MB_PER_S = 10;
/** Doubling the input may cost at most this factor in time. */
const MAX_DOUBLING_RATIO = 2.2;

/** Counts detections by kind. */
function countKinds(detections) {
  const counts = { metric: 0, quote: 0, recommendation: 0 };
  for (const d of detections) counts[d.kind]++;
  return counts;
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

    const fullRuns = timeRuns(() => detect(full.text), { minRuns: 3, maxRuns: 5, budgetMs: quick ? 3_000 : 15_000 });
    const throughput = full.bytes / 1e6 / (fullRuns.median / 1000);
    const counts = countKinds(detect(full.text));
    addRow(result, 'detections in the corpus', `${counts.metric} metrics, ${counts.quote} quotes, ${counts.recommendation} recommendations`);
    addRow(result, `time for ${formatMegabytes(full.bytes)} (median of ${fullRuns.runs.length})`, `${fullRuns.median.toFixed(0)} ms`);
    addRow(result, `throughput (at least ${MIN_MB_PER_S} MB/s)`, `${throughput.toFixed(1)} MB/s`, throughput >= MIN_MB_PER_S);

    const halfRuns = timeRuns(() => detect(half.text), { minRuns: 3, maxRuns: 5, budgetMs: quick ? 2_000 : 8_000 });
    const ratio = fullRuns.median / halfRuns.median;
    addRow(result, `time for ${formatMegabytes(half.bytes)} (median of ${halfRuns.runs.length})`, `${halfRuns.median.toFixed(0)} ms`);
    addRow(result, `linearity: time ${formatMegabytes(full.bytes)} / ${formatMegabytes(half.bytes)} (at most ${MAX_DOUBLING_RATIO})`, ratio.toFixed(2), ratio <= MAX_DOUBLING_RATIO);

    // The editor detects one report at a time: the same corpus, report by report.
    const perReport = timeOnce(() => {
      for (const report of full.parts) detect(report);
    });
    addRow(result, 'throughput, one call per report', `${(full.bytes / 1e6 / (perReport.ms / 1000)).toFixed(1)} MB/s`);

    const memory = await measurePeakMemory(() => detect(full.text));
    addRow(result, 'peak RSS during a whole-corpus run', formatMegabytes(memory.peakRss), undefined, `(before: ${formatMegabytes(memory.baselineRss)})`);
    addRow(result, 'heap just after the run (garbage + result)', formatMegabytes(memory.heapAfterCall - memory.baselineHeap));
    addRow(result, 'heap held by the result', formatMegabytes(memory.heapRetained - memory.baselineHeap));
    const keep = memory.result.length;

    result.data = {
      corpusBytes: full.bytes,
      documents: full.documents,
      detections: counts,
      fullRunsMs: fullRuns.runs,
      medianMs: fullRuns.median,
      throughputMBps: throughput,
      halfBytes: half.bytes,
      halfRunsMs: halfRuns.runs,
      halfMedianMs: halfRuns.median,
      doublingRatio: ratio,
      perReportMs: perReport.ms,
      memory: { ...memory, result: undefined, detections: keep },
    };
    return result;
  },
};
