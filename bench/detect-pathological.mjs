// Inputs built to defeat a careless detector: an unclosed quote that could
// swallow the rest of a document, a megabyte with no word boundary, a line
// with no paragraph break, and a paragraph of a hundred thousand lines.
import { addRow, createSuiteResult } from './lib/report.mjs';
import { timeRuns } from './lib/measure.mjs';

/** Each input must be handled in under a second. */
const LIMIT_MS = 1000;
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

export default {
  name: 'pathological',
  title: `Pathological inputs (each under ${LIMIT_MS} ms)`,
  async run({ detect, reports }) {
    const result = createSuiteResult(this.name, this.title);
    const cases = [];
    for (const [label, build] of listInputs(reports)) {
      const text = build();
      let found = 0;
      let error = null;
      let timing = { runs: [], median: Number.NaN };
      try {
        timing = timeRuns(() => (found = detect(text).length), { minRuns: 1, maxRuns: 3, budgetMs: 2_000 });
      } catch (thrown) {
        error = String(thrown);
      }
      const pass = error === null && timing.median < LIMIT_MS;
      addRow(result, label, error ? 'threw' : `${timing.median.toFixed(0)} ms`, pass, error ?? `${found} detections`);
      cases.push({ label, units: text.length, runsMs: timing.runs, medianMs: timing.median, detections: found, error });
    }
    result.data = { limitMs: LIMIT_MS, cases };
    return result;
  },
};
