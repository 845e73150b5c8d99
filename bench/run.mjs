// The benchmark: how fast and how safely the detection engine runs.
//
//   node --expose-gc bench/run.mjs [--json] [--quick] [--only NAME[,NAME]] [--strict]
//
// --json    one JSON document on stdout instead of the table
// --quick   smaller inputs, for a smoke run while developing (not the issue's figures)
// --only    run only the named suites (see SUITES)
// --strict  exit with status 1 when a check fails (default: report only)
//
// Each suite is a module whose default export is {name, title, run(context)}
// returning a suite result (lib/report.mjs); add one by importing it into
// SUITES. The context gives every suite the same engine build and corpus:
//   detect                        detect() bundled from src/core/detect/detect.ts
//   detectBundle                  the path of that bundle, for suites that run it in a worker
//   reports                       the sample reports, [{name, text}]
//   getCorpus(minBytes)           the samples repeated with varied numbers (memoised)
//   importBundledEntry(entry, n)  bundles another src/ entry into bench/.build/ and imports it
//   bundleEntry(entry, n)         the same, returning the bundle's path
//   quick                         whether --quick was given
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import compromiseComparison from './compromise-comparison.mjs';
import detectPathological from './detect-pathological.mjs';
import detectThroughput from './detect-throughput.mjs';
import reanchor from './reanchor.mjs';
import sidecar from './sidecar.mjs';
import { bundleEntry, importBundledEntry } from './lib/build-entry.mjs';
import { buildCorpus, readSampleReports } from './lib/corpus.mjs';
import { canCollectGarbage } from './lib/measure.mjs';
import { formatSuite, listFailures } from './lib/report.mjs';

/** In running order: compromise last, so its allocations do not disturb our memory figures. */
const SUITES = [detectThroughput, detectPathological, compromiseComparison, reanchor, sidecar];

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});

const wanted = values.only ? new Set(values.only.split(',').map((name) => name.trim())) : null;
const unknown = wanted ? [...wanted].filter((name) => !SUITES.some((suite) => suite.name === name)) : [];
if (unknown.length) {
  console.error(`bench: unknown suite ${unknown.join(', ')}; suites: ${SUITES.map((suite) => suite.name).join(', ')}`);
  process.exit(2);
}

const log = (line) => {
  if (!values.json) console.log(line);
};

const started = performance.now();
const detectBundle = await bundleEntry('src/core/detect/detect.ts', 'detect');
const { detect } = await import(pathToFileURL(detectBundle).href);
const reports = readSampleReports();
const corpora = new Map();
const context = {
  detect,
  detectBundle,
  reports,
  quick: values.quick,
  importBundledEntry,
  bundleEntry,
  getCorpus(minBytes) {
    if (!corpora.has(minBytes)) corpora.set(minBytes, buildCorpus(reports, minBytes));
    return corpora.get(minBytes);
  },
};

log(`Report Annotator benchmark · node ${process.version} · ${reports.length} sample reports${values.quick ? ' · QUICK (smaller inputs)' : ''}`);
if (!canCollectGarbage) log('note: run with node --expose-gc for steadier timings and memory figures');

const results = [];
for (const suite of SUITES) {
  if (wanted && !wanted.has(suite.name)) continue;
  const result = await suite.run(context);
  results.push(result);
  log(formatSuite(result));
}

const failures = listFailures(results);
const seconds = (performance.now() - started) / 1000;
if (values.json) {
  console.log(JSON.stringify({ node: process.version, quick: values.quick, exposeGc: canCollectGarbage, seconds, failures, suites: results }, null, 2));
} else {
  log(`\n${failures.length ? `FAILED: ${failures.join('; ')}` : 'All checks passed.'} (${seconds.toFixed(1)} s)`);
}
if (values.strict && failures.length) process.exitCode = 1;
