// Inputs built to defeat a careless detector: an unclosed quote that could
// swallow the rest of a document, a megabyte with no word boundary, a line
// with no paragraph break, and a paragraph of a hundred thousand lines.
import { addRow, createSuiteResult } from './lib/report.mjs';
import { computeMedian } from './lib/measure.mjs';
import { timeDetectInWorker } from './lib/time-in-worker.mjs';

/** Each input must be handled in under a second. */
const LIMIT_MS = 1000;
/** An input still running after this long is stopped and fails, so one bad case cannot stall the benchmark. */
const STOP_AFTER_MS = 10_000;
const MB = 1_000_000;

/** `unit` repeated until the result has at least `length` UTF-16 units, then cut to `length`. */
function repeatTo(unit, length) {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The reports' prose with every closing mark (and straight quote) removed, paragraphs joined by `separator`. */
function stripClosingMarks(reports, separator) {
  return reports.map((report) => report.text.replace(/[”’"']/g, '').split(/\s*\n\s*/).join(separator)).join(separator);
}

/** The inputs, built lazily so only one is alive at a time. */
function listInputs(reports) {
  const unclosedProse = stripClosingMarks(reports, ' ');
  const unclosedParagraphs = stripClosingMarks(reports, '\n\n“');
  const oneLine = reports.map((report) => report.text.replace(/\s+/g, ' ')).join(' ');
  const words = ['inspectors', 'said', '42', 'per', 'cent', '“', 'should', '£2.5m', 'Cllr', 'one', 'in', 'five', 'improve', '😀'];
  return [
    ['1 MB after an opening quote that never closes', () => `“${repeatTo(`${unclosedProse} `, MB)}`],
    ['1 MB of paragraphs that each open a quote, none closed', () => `“${repeatTo(`${unclosedParagraphs}\n\n“`, MB)}`],
    ['1 MB of digits', () => repeatTo('1234567890', MB)],
    ['1 MB of digits with separators (1,234,567.8 …)', () => repeatTo('1,234,567.8 per cent ', MB)],
    ['one 5 MB line of report prose', () => repeatTo(`${oneLine} `, 5 * MB)],
    ['100,000 one-word lines', () => Array.from({ length: 100_000 }, (_, i) => words[i % words.length]).join('\n')],
    ['100,000 one-word paragraphs', () => Array.from({ length: 100_000 }, (_, i) => words[i % words.length]).join('\n\n')],
    ['1 MB of opening quotes', () => repeatTo('“', MB)],
  ];
}

/** Untimed runs over the sample reports before each input is timed (the engine's steady state, as in an editor). */
const WARMUP_RUNS = 20;

export default {
  name: 'pathological',
  title: `Pathological inputs (each under ${LIMIT_MS} ms, engine warmed on the samples first)`,
  async run({ detectBundle, reports }) {
    const result = createSuiteResult(this.name, this.title);
    const cases = [];
    const warmup = reports.map((report) => report.text).join('\n\n');
    for (const [label, build] of listInputs(reports)) {
      const text = build();
      // Each input runs in its own worker (same process, one core): a runaway case is stopped, not waited for.
      const outcome = await timeDetectInWorker(detectBundle, text, { maxRuns: 3, budgetMs: LIMIT_MS, timeoutMs: STOP_AFTER_MS, warmup, warmupRuns: WARMUP_RUNS });
      // Judged on CPU time, as the throughput suite is: wall time on a busy machine measures the neighbours too.
      const median = outcome.runs ? computeMedian(outcome.runs) : Number.NaN;
      const cpuMedian = outcome.cpuRuns ? computeMedian(outcome.cpuRuns) : Number.NaN;
      const pass = outcome.runs !== undefined && cpuMedian < LIMIT_MS;
      const value = outcome.timedOut ? `> ${STOP_AFTER_MS / 1000} s wall` : outcome.error ? 'threw' : `${cpuMedian.toFixed(0)} ms CPU`;
      const note = outcome.timedOut ? 'stopped' : outcome.error ? outcome.error.split('\n')[0] : `${median.toFixed(0)} ms wall, ${outcome.detections} detections`;
      addRow(result, label, value, pass, note);
      cases.push({ label, units: text.length, runsMs: outcome.runs ?? [], cpuRunsMs: outcome.cpuRuns ?? [], medianMs: median, cpuMedianMs: cpuMedian, detections: outcome.detections ?? null, timedOut: Boolean(outcome.timedOut), error: outcome.error ?? null });
    }
    result.data = { limitMs: LIMIT_MS, stopAfterMs: STOP_AFTER_MS, cases };
    return result;
  },
};
