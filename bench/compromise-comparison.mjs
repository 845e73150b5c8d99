// The same text through compromise (v14), a general-purpose NLP library an
// analyst might otherwise reach for: its numbers, percentages and quotations,
// timed in this process against our engine, and what each finds in a report.
import nlp from 'compromise';
import { addRow, createSuiteResult } from './lib/report.mjs';
import { measureBytes } from './lib/corpus.mjs';
import { timeOnce, timeRuns } from './lib/measure.mjs';

/** Time allowed for compromise on the corpus slice. */
const BUDGET_MS = 12_000;

/** The report shown side by side; it has both "per cent" and "%". */
const SHOWCASE = 'police-inspection-summary';

/** What compromise extracts: its three relevant views of one parse. */
function extractWithCompromise(text) {
  const doc = nlp(text);
  return {
    numbers: doc.numbers().out('array'),
    percentages: doc.percentages().out('array'),
    quotations: doc.quotations().out('array'),
  };
}

/** The first `count` items of a list, clipped, quoted and joined, for one table cell. */
const listSome = (items, count = 4) =>
  items
    .slice(0, count)
    .map((item) => {
      const text = item.trim();
      return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
    })
    .join(', ');

export default {
  name: 'compromise',
  title: 'compromise v14 (numbers, percentages, quotations) on the same text, same process',
  async run({ detect, getCorpus, reports, quick }) {
    const result = createSuiteResult(this.name, this.title);
    const corpus = getCorpus(quick ? 4e6 : 20e6);
    // compromise runs at a fraction of a MB/s: probe its speed on 50 kB, then time the largest slice
    // (up to 1 MB) that fits the time budget, so the benchmark stays short on a slow or busy machine.
    const probe = timeOnce(() => extractWithCompromise(corpus.text.slice(0, 50_000)));
    const affordable = Math.floor((50_000 * (quick ? 2_000 : BUDGET_MS)) / Math.max(probe.cpuMs, 1));
    const target = Math.max(100_000, Math.min(quick ? 250_000 : 1_000_000, affordable));
    const cut = corpus.text.indexOf('\n\n', target);
    const slice = corpus.text.slice(0, cut < 0 ? corpus.text.length : cut);
    const bytes = measureBytes(slice);

    const theirs = timeOnce(() => extractWithCompromise(slice));
    detect(slice); // warm-up: this suite may run alone (--only)
    const ours = timeRuns(() => detect(slice), { minRuns: 3, maxRuns: 9, budgetMs: 2_000 });
    // Rates from CPU time, as in the throughput suite, so a busy machine does not skew the ratio.
    const theirRate = bytes / 1e6 / (theirs.cpuMs / 1000);
    const ourRate = bytes / 1e6 / (ours.cpuMedian / 1000);
    addRow(result, `slice of the corpus`, `${(bytes / 1e6).toFixed(2)} MB`);
    addRow(result, 'compromise: parse + numbers + percentages + quotations', `${theirRate.toFixed(2)} MB/s`, undefined, `${theirs.cpuMs.toFixed(0)} ms CPU, ${theirs.ms.toFixed(0)} ms wall`);
    addRow(result, 'our engine: metrics + quotes + recommendations', `${ourRate.toFixed(1)} MB/s`, undefined, `${ours.cpuMedian.toFixed(0)} ms CPU, ${ours.median.toFixed(0)} ms wall, median of ${ours.runs.length}`);
    addRow(result, 'speed ratio (ours / compromise)', `${(ourRate / theirRate).toFixed(0)}x`);

    const report = reports.find((candidate) => candidate.name === SHOWCASE) ?? reports[0];
    const found = extractWithCompromise(report.text);
    const detections = detect(report.text);
    const metrics = detections.filter((d) => d.kind === 'metric').map((d) => d.text);
    const quotes = detections.filter((d) => d.kind === 'quote').map((d) => d.text);
    const recommendations = detections.filter((d) => d.kind === 'recommendation').map((d) => d.text);
    const perCent = report.text.match(/\b\d+(?:\.\d+)? per ?cent\b/g) ?? [];
    addRow(result, `${report.name}: compromise numbers`, String(found.numbers.length), undefined, listSome(found.numbers));
    addRow(result, `${report.name}: compromise percentages`, String(found.percentages.length), undefined, listSome(found.percentages));
    addRow(result, `${report.name}: compromise quotations`, String(found.quotations.length), undefined, listSome(found.quotations, 2));
    addRow(result, `${report.name}: our metrics`, String(metrics.length), undefined, listSome(metrics));
    addRow(result, `${report.name}: our quotes`, String(quotes.length), undefined, listSome(quotes, 2));
    addRow(result, `${report.name}: our recommendations`, String(recommendations.length));
    const theirPerCent = perCent.filter((phrase) => found.percentages.some((p) => p.includes(phrase)));
    const ourPerCent = perCent.filter((phrase) => metrics.some((m) => m.includes(phrase)));
    addRow(result, `"N per cent" phrases in ${report.name}`, String(perCent.length), undefined, `compromise percentages: ${theirPerCent.length}, our metrics: ${ourPerCent.length}`);

    result.data = {
      sliceBytes: bytes,
      compromiseMs: theirs.ms,
      compromiseCpuMs: theirs.cpuMs,
      compromiseMBps: theirRate,
      oursRunsMs: ours.runs,
      oursMedianMs: ours.median,
      oursCpuMedianMs: ours.cpuMedian,
      oursMBps: ourRate,
      speedRatio: ourRate / theirRate,
      showcase: { report: report.name, compromise: found, ours: { metrics, quotes, recommendations }, perCent: { inText: perCent.length, compromise: theirPerCent.length, ours: ourPerCent.length } },
    };
    return result;
  },
};
