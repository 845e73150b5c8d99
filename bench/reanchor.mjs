// Re-anchoring speed: 10,000 annotations in a 5 MB report, placed again after
// the report was edited (a sentence inserted near the top, which moves every
// annotation after it; a paragraph deleted in the middle; a word changed
// inside one annotation), and after ten paragraphs were moved. Printed, not
// asserted, beyond the 200 ms aim for the edit.
//
//   node --expose-gc bench/reanchor.mjs [--quick]
//
// Also a suite for bench/run.mjs: `import reanchor from './reanchor.mjs'`
// (default export {name, title, run(context)}), or call the named `run()`.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importBundledEntry } from './lib/build-entry.mjs';
import { buildCorpus, createRandom, measureBytes, readSampleReports } from './lib/corpus.mjs';
import { canCollectGarbage, formatMegabytes, measurePeakMemory, timeRuns } from './lib/measure.mjs';
import { addRow, createSuiteResult, formatSuite } from './lib/report.mjs';

/** The figures. */
const REPORT_BYTES = 5e6;
const ANNOTATIONS = 10_000;
/** The aim for one re-anchoring pass. */
const AIM_MS = 200;
/** Wall time this much above CPU time means other programs are competing for the core. */
const BUSY_RATIO = 1.2;

/** `count` detections spread evenly over all of them, so annotations cover the whole report. */
function spreadEvenly(detections, count) {
  if (detections.length <= count) return detections;
  const step = detections.length / count;
  return Array.from({ length: count }, (_, i) => detections[Math.floor(i * step)]);
}

/** The code-point offset of a UTF-16 offset. */
const codePointsBefore = (text, utf16) => Array.from(text.slice(0, utf16)).length;

/** The UTF-16 offset of a code-point offset. */
function utf16Of(text, codePoint) {
  let units = 0;
  for (let seen = 0; seen < codePoint && units < text.length; seen++) units += text.codePointAt(units) > 0xffff ? 2 : 1;
  return units;
}

/**
 * The edited report: a sentence inserted after the first paragraph (every
 * later annotation moves), the paragraph holding the annotation halfway
 * through deleted (its annotations are orphaned, or follow an identical copy
 * of their text with its context: the corpus repeats its reports), and one
 * word of the annotation at three quarters changed (an approximate match).
 */
function editReport(text, annotations) {
  const middle = annotations[Math.floor(annotations.length / 2)];
  const changedTarget = annotations.slice(Math.floor(annotations.length * 0.75)).find((annotation) => /[A-Za-z]{4,}/.test(annotation.text)) ?? annotations[0];
  const middleAt = utf16Of(text, middle.start);
  const changedAt = utf16Of(text, changedTarget.start);
  const word = /[A-Za-z]{4,}/.exec(changedTarget.text);
  let edited = text;
  if (word) edited = edited.slice(0, changedAt) + changedTarget.text.replace(word[0], word[0].toUpperCase()) + edited.slice(changedAt + changedTarget.text.length);
  const paragraphStart = Math.max(0, edited.lastIndexOf('\n\n', middleAt));
  const paragraphEnd = edited.indexOf('\n\n', middleAt);
  const deleted = codePointsBefore(edited, paragraphEnd) - codePointsBefore(edited, paragraphStart);
  edited = edited.slice(0, paragraphStart) + edited.slice(paragraphEnd);
  const firstBreak = edited.indexOf('\n\n');
  edited = `${edited.slice(0, firstBreak)}\n\nThis sentence was added by the editor after the annotations were made.${edited.slice(firstBreak)}`;
  return { edited, deletedCodePoints: deleted, changed: word ? `"${word[0]}" upper-cased in ${changedTarget.id}` : 'none' };
}

/** The text with `count` paragraphs (chosen by a seeded generator) cut and pasted elsewhere. */
function moveParagraphs(text, count) {
  const paragraphs = text.split('\n\n');
  const random = createRandom(3);
  for (let k = 0; k < count; k++) {
    const [paragraph] = paragraphs.splice(Math.floor(random() * paragraphs.length), 1);
    paragraphs.splice(Math.floor(random() * paragraphs.length), 0, paragraph);
  }
  return paragraphs.join('\n\n');
}

/** Runs the suite; `context` is bench/run.mjs's (only `importBundledEntry`, `reports` and `quick` are used). */
export async function run(context) {
  const { importBundledEntry: bundle, reports, quick } = context;
  const result = createSuiteResult('reanchor', `Re-anchoring ${ANNOTATIONS.toLocaleString('en-GB')} annotations in a ${REPORT_BYTES / 1e6} MB report after an edit`);
  const { reanchorAnnotations } = await bundle('src/core/anchor/reanchor.ts', 'reanchor');
  const { detect } = await bundle('src/core/detect/detect.ts', 'detect-for-reanchor');
  const { createAnnotationFactory } = await bundle('src/core/store/new-annotation.ts', 'new-annotation');

  const { text } = buildCorpus(reports, quick ? REPORT_BYTES / 5 : REPORT_BYTES);
  const factory = createAnnotationFactory(text, { now: () => new Date('2026-01-01T00:00:00Z'), random: createRandom(7) });
  const annotations = spreadEvenly(detect(text), quick ? ANNOTATIONS / 5 : ANNOTATIONS).map((detection) => factory.fromDetection(detection));
  const { edited, deletedCodePoints, changed } = editReport(text, annotations);

  addRow(result, 'report', `${formatMegabytes(measureBytes(edited))}, ${annotations.length.toLocaleString('en-GB')} annotations`);
  addRow(result, 'edits', `1 sentence added near the top, ${deletedCodePoints} code points deleted mid-report, word changed: ${changed}`);

  const unchangedRun = timeRuns(() => reanchorAnnotations(annotations, text), { minRuns: 5, maxRuns: 9, budgetMs: 5_000 });
  addRow(result, 'unchanged report (every annotation at its offset)', `${unchangedRun.median.toFixed(1)} ms`, undefined, `CPU ${unchangedRun.cpuMedian.toFixed(1)} ms`);

  const timing = timeRuns(() => reanchorAnnotations(annotations, edited), { minRuns: 5, maxRuns: 9, budgetMs: 10_000 });
  const memory = await measurePeakMemory(() => reanchorAnnotations(annotations, edited));
  const outcome = memory.result;
  // On a machine busy with other work, wall time measures the others too: the
  // aim is then checked on CPU time, and the table says so.
  const busy = timing.median / timing.cpuMedian > BUSY_RATIO;
  const judged = busy ? timing.cpuMedian : timing.median;
  addRow(result, 'edited report: time (median)', `${timing.median.toFixed(1)} ms`, undefined, `runs ${timing.runs.map((ms) => ms.toFixed(0)).join(', ')}`);
  addRow(result, 'edited report: CPU time (median)', `${timing.cpuMedian.toFixed(1)} ms`);
  addRow(result, `edited report under ${AIM_MS} ms`, `${judged.toFixed(1)} ms`, quick ? undefined : judged < AIM_MS, busy ? `machine busy (wall / CPU ${(timing.median / timing.cpuMedian).toFixed(1)}): judged on CPU time` : 'wall time');
  addRow(result, 'outcome', `${outcome.unchanged} unchanged, ${outcome.moved.length} moved, ${outcome.orphaned.length} orphaned`);

  // Reorganising: ten paragraphs cut and pasted elsewhere. Their annotations are found by
  // their exact text and context, the others by the shift of their neighbours.
  const reordered = moveParagraphs(text, 10);
  const reorderedTiming = timeRuns(() => reanchorAnnotations(annotations, reordered), { minRuns: 3, maxRuns: 7, budgetMs: 10_000 });
  const reorderedOutcome = reanchorAnnotations(annotations, reordered);
  addRow(
    result,
    '10 paragraphs moved: time (median)',
    `${reorderedTiming.median.toFixed(1)} ms`,
    undefined,
    `CPU ${reorderedTiming.cpuMedian.toFixed(1)} ms; ${reorderedOutcome.unchanged} unchanged, ${reorderedOutcome.moved.length} moved, ${reorderedOutcome.orphaned.length} orphaned`,
  );
  addRow(result, 'peak RSS during the pass', formatMegabytes(memory.peakRss), undefined, `baseline ${formatMegabytes(memory.baselineRss)}`);
  addRow(result, 'heap after the pass', formatMegabytes(memory.heapAfterCall - memory.baselineHeap), undefined, 'garbage and result, above the baseline');
  result.data = {
    bytes: measureBytes(edited),
    annotations: annotations.length,
    unchangedMs: unchangedRun.median,
    editedMs: timing.median,
    editedCpuMs: timing.cpuMedian,
    unchangedCpuMs: unchangedRun.cpuMedian,
    busy,
    runsMs: timing.runs,
    unchanged: outcome.unchanged,
    moved: outcome.moved.length,
    orphaned: outcome.orphaned.length,
    reorderedMs: reorderedTiming.median,
    reorderedCpuMs: reorderedTiming.cpuMedian,
    peakRss: memory.peakRss,
    baselineRss: memory.baselineRss,
    heapAfterCall: memory.heapAfterCall - memory.baselineHeap,
  };
  return result;
}

export default { name: 'reanchor', title: 'Re-anchoring after an edit', run };

// Run alone: node --expose-gc bench/reanchor.mjs [--quick]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  if (!canCollectGarbage) console.log('note: run with node --expose-gc for steadier timings and memory figures');
  const result = await run({ importBundledEntry, reports: readSampleReports(), quick: values.quick });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatSuite(result));
}
