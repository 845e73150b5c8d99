/** `detect`: print what the engine finds in reports, as a table or as JSON. */
import { detect } from '../../core/detect/detect';
import type { Detection, DetectionKind } from '../../core/model';
import { formatProblem } from '../../core/errors';
import { LineIndex } from '../../core/text/line-index';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../io';
import { readReport } from '../read-report';
import { describeDetection } from '../../core/detect/explain';
import { parseKinds, parseMaxBytes, parseVerbArgs } from '../options';

const HELP = `Usage: report-annotator detect [--json] [--kinds K,K] [--max-bytes N] FILE...

Finds the metrics, quotes (with speakers) and recommendations in each report.

Options:
  --json          One JSON object per file and line:
                  {"file": PATH, "detections": [{"kind", "start", "end", "text", ...}]}
                  Offsets are code points; "text" is exactly the covered text.
                  Metrics add metricKind, value, unit, period, comparison,
                  comparisonValue, direction; quotes add speaker and attribution;
                  recommendations add cue.
  --kinds K,K     Only these kinds: metric, quote, recommendation.
  --max-bytes N   Skip files larger than N bytes (default 20 MB).
  -h, --help      This help.

A missing, unreadable, binary or oversized file gets a one-line error on
stderr; the other files are still processed and the exit code is 2.
`;

export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'find metrics, quotes and recommendations in reports',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseVerbArgs(args, { json: { type: 'boolean' }, kinds: { type: 'string' }, 'max-bytes': { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('no FILE given');
    const kinds = parseKinds(values.kinds);
    const maxBytes = parseMaxBytes(values['max-bytes']);
    let exitCode = EXIT_OK;
    for (const file of positionals) {
      const read = await readReport(io, file, maxBytes);
      if (!read.ok) {
        io.stderr(`${formatProblem(read.problem)}\n`);
        exitCode = EXIT_USAGE;
        continue;
      }
      const detections = detect(read.value, kinds ? { kinds } : {});
      if (values.json) io.stdout(`${JSON.stringify({ file, detections })}\n`);
      else io.stdout(formatTable(file, read.value, detections));
    }
    return exitCode;
  },
};


const KIND_LABEL: Record<DetectionKind, string> = { metric: 'metric', quote: 'quote', recommendation: 'recommend' };

/** A readable table: position, kind, what was understood, and the text. */
function formatTable(file: string, text: string, detections: readonly Detection[]): string {
  const lines = new LineIndex(text);
  const rows = detections.map((detection) => {
    const { line, column } = lines.positionOf(detection.start);
    return [`${line}:${column}`, KIND_LABEL[detection.kind], describeDetection(detection), clip(detection.text, 70)];
  });
  const header = ['where', 'kind', 'details', 'text'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] as string).length)));
  const render = (row: readonly string[]) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] as number) : cell)).join('  ');
  const counts = (['metric', 'quote', 'recommendation'] as const).map((kind) => `${detections.filter((d) => d.kind === kind).length} ${kind}s`);
  return [`${file}: ${counts.join(', ')}`, render(header), ...rows.map(render), ''].join('\n') + '\n';
}

/** Shortens text to `max` code points on one line. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  const points = Array.from(flat);
  return points.length <= max ? flat : `${points.slice(0, max - 1).join('')}…`;
}
