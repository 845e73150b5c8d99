/**
 * `summary`: what an analyst wants first from a pile of reports — for each
 * report, its figures explained, who is quoted and how often, and what it
 * recommends. Folders are walked for `.txt` and `.md` reports.
 */
import { detect } from '../../core/detect/detect';
import { describeChange, formatMetricValue } from '../../core/detect/explain';
import { formatProblem } from '../../core/errors';
import type { Detection, MetricDetection, QuoteDetection, RecommendationDetection } from '../../core/model';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../io';
import { parseMaxBytes, parseVerbArgs } from '../options';
import { readReport } from '../read-report';
import { clip } from './detect';

const HELP = `Usage: report-annotator summary [--max-bytes N] PATH...

For each report (a file, or every .txt and .md file under a folder), prints
its figures with what they are compared with, who is quoted and how often,
and its recommendations.

Options:
  --max-bytes N   Skip files larger than N bytes (default 20 MB).
  -h, --help      This help.
`;

const REPORT_EXTENSIONS = /\.(txt|md|report)$/i;

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: 'explain the evidence found in each report, for reading',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseVerbArgs(args, { 'max-bytes': { type: 'string' } });
    if (parsed.positionals.length === 0) throw new UsageError('no PATH given');
    const maxBytes = parseMaxBytes(parsed.values['max-bytes']);
    const files = await expandReports(io, parsed.positionals);
    let exitCode = EXIT_OK;
    const totals = { reports: 0, metric: 0, quote: 0, recommendation: 0 };
    for (const file of files) {
      const read = await readReport(io, file, maxBytes);
      if (!read.ok) {
        io.stderr(`${formatProblem(read.problem)}\n`);
        exitCode = EXIT_USAGE;
        continue;
      }
      const detections = detect(read.value);
      io.stdout(formatReportSummary(file, read.value, detections));
      totals.reports++;
      for (const detection of detections) totals[detection.kind]++;
    }
    if (totals.reports > 1) {
      io.stdout(`${totals.reports} reports: ${totals.metric} metrics, ${totals.quote} quotes, ${totals.recommendation} recommendations.\n`);
    }
    return exitCode;
  },
};

/** Files named directly, plus the reports found under named folders, in order. */
async function expandReports(io: CliIo, paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const resolved = io.fs.resolve(io.cwd, given);
    if (await io.fs.isDirectory(resolved)) {
      const found = (await io.fs.listFiles(resolved)).filter((file) => REPORT_EXTENSIONS.test(file) && !/(^|\/)(README|CHANGELOG)\.md$/i.test(file));
      files.push(...found);
    } else {
      files.push(given);
    }
  }
  return files;
}

/** The summary of one report as text. */
export function formatReportSummary(file: string, text: string, detections: readonly Detection[]): string {
  const metrics = detections.filter((d): d is MetricDetection => d.kind === 'metric');
  const quotes = detections.filter((d): d is QuoteDetection => d.kind === 'quote');
  const recommendations = detections.filter((d): d is RecommendationDetection => d.kind === 'recommendation');
  const title = text.split(/\r\n|\r|\n/).find((line) => line.trim())?.trim() ?? '';
  const out: string[] = [];
  out.push(`━━ ${baseName(file)}${title ? ` — ${clip(title, 70)}` : ''}`);
  out.push(`   ${metrics.length} metrics · ${quotes.length} quotes · ${recommendations.length} recommendations`);

  if (metrics.length) {
    out.push('', '   Metrics');
    for (const metric of metrics) out.push(`   • ${describeMetricLine(metric)}`);
  }
  if (quotes.length) {
    out.push('', '   Quoted');
    for (const [speaker, said] of groupBySpeaker(quotes)) {
      out.push(`   • ${speaker} (${said.length}): “${clip(said[0]?.text ?? '', 80)}”`);
    }
  }
  if (recommendations.length) {
    out.push('', '   Recommendations');
    for (const recommendation of recommendations) out.push(`   • ${clip(recommendation.text, 110)}`);
  }
  out.push('', '');
  return out.join('\n');
}

function describeMetricLine(metric: MetricDetection): string {
  const parts = [`${clip(metric.text, 40)} = ${formatMetricValue(metric)} (${metric.metricKind})`];
  if (metric.period) parts.push(`in ${metric.period}`);
  if (metric.comparison) {
    const change = describeChange(metric);
    parts.push(`vs ${clip(metric.comparison, 50)}${change ? ` → ${change}` : ''}`);
  } else if (metric.direction) {
    parts.push(metric.direction);
  }
  return parts.join(', ');
}

function groupBySpeaker(quotes: readonly QuoteDetection[]): Map<string, QuoteDetection[]> {
  const groups = new Map<string, QuoteDetection[]>();
  for (const quote of quotes) {
    const speaker = quote.speaker ?? 'unattributed';
    groups.set(speaker, [...(groups.get(speaker) ?? []), quote]);
  }
  return groups;
}

/** The file name without folders, whichever separator the path uses. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
