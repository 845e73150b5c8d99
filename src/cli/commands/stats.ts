/**
 * `stats`: how much has been annotated, at a glance: counts by kind, status,
 * tag and file over one report, a list of them, or every sidecar under a
 * folder.
 */
import { formatProblem } from '../../core/errors';
import type { Annotation } from '../../core/model';
import { AnnotationStore } from '../../core/store/annotation-store';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../io';
import { findSidecars } from './validate';
import { parseVerbArgs } from '../options';

const HELP = `Usage: report-annotator stats [--json] PATH...

Counts annotations by kind, status, tag and file. PATH is a report, a
sidecar (NAME.annotations.yaml), or a folder searched recursively for
sidecars.

Options:
  --json      One JSON object: {"total", "byKind", "byStatus", "byTag",
              "orphaned", "files": [{"file", "total", "accepted",
              "rejected", "orphaned", "byKind"}]}.
  -h, --help  This help.

Exit codes: 0 success, 2 usage errors or a sidecar that cannot be read (the
others are still counted).
`;

interface FileStats {
  readonly file: string;
  readonly total: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly orphaned: number;
  readonly byKind: Record<string, number>;
}

export interface AnnotationStats {
  readonly total: number;
  readonly byKind: Record<string, number>;
  readonly byStatus: Record<string, number>;
  readonly byTag: Record<string, number>;
  readonly orphaned: number;
  readonly files: FileStats[];
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'count annotations by kind, status, tag and file',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseVerbArgs(args, { json: { type: 'boolean' } });
    if (parsed.positionals.length === 0) throw new UsageError('no PATH given');
    const { targets, missing } = await findSidecars(io, parsed.positionals);
    for (const message of missing) io.stderr(`${message}\n`);
    let exitCode = missing.length > 0 ? EXIT_USAGE : EXIT_OK;
    const perFile: { file: string; annotations: readonly Annotation[] }[] = [];
    for (const target of targets) {
      const opened = await AnnotationStore.open(io.fs, target.report);
      if (!opened.ok) {
        io.stderr(`${formatProblem({ ...opened.problem, path: target.displaySidecar })}\n`);
        exitCode = EXIT_USAGE;
        continue;
      }
      perFile.push({ file: target.displayReport, annotations: opened.value.annotations });
    }
    const stats = countAnnotations(perFile);
    io.stdout(parsed.values.json ? `${JSON.stringify(stats)}\n` : formatStats(stats));
    return exitCode;
  },
};

/** Counts over every file's annotations. */
export function countAnnotations(perFile: readonly { file: string; annotations: readonly Annotation[] }[]): AnnotationStats {
  const byKind: Record<string, number> = {};
  const byStatus: Record<string, number> = { accepted: 0, rejected: 0 };
  const byTag: Record<string, number> = {};
  let total = 0;
  let orphaned = 0;
  const files: FileStats[] = [];
  for (const { file, annotations } of perFile) {
    const fileKinds: Record<string, number> = {};
    let accepted = 0;
    let fileOrphaned = 0;
    for (const annotation of annotations) {
      increment(byKind, annotation.kind);
      increment(fileKinds, annotation.kind);
      increment(byStatus, annotation.status);
      for (const tag of new Set(annotation.tags)) increment(byTag, tag);
      if (annotation.status === 'accepted') accepted++;
      if (annotation.orphaned) fileOrphaned++;
    }
    total += annotations.length;
    orphaned += fileOrphaned;
    files.push({ file, total: annotations.length, accepted, rejected: annotations.length - accepted, orphaned: fileOrphaned, byKind: fileKinds });
  }
  return { total, byKind: sortByCount(byKind), byStatus, byTag: sortByCount(byTag), orphaned, files };
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** The same counts, largest first (then by name), so tables and JSON read in a useful order. */
function sortByCount(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

/** Readable tables: totals by kind, status and tag, then one row per file. */
function formatStats(stats: AnnotationStats): string {
  const sections: string[] = [];
  const orphaned = stats.orphaned > 0 ? `, ${stats.orphaned} orphaned` : '';
  sections.push(`${stats.total} annotation${stats.total === 1 ? '' : 's'} in ${stats.files.length} file${stats.files.length === 1 ? '' : 's'}${orphaned}\n`);
  sections.push(table(['kind', 'count'], Object.entries(stats.byKind).map(([kind, count]) => [kind, String(count)])));
  sections.push(table(['status', 'count'], Object.entries(stats.byStatus).map(([status, count]) => [status, String(count)])));
  if (Object.keys(stats.byTag).length > 0) sections.push(table(['tag', 'count'], Object.entries(stats.byTag).map(([tag, count]) => [tag, String(count)])));
  const kinds = Object.keys(stats.byKind);
  sections.push(
    table(
      ['file', 'total', 'accepted', 'rejected', ...kinds],
      stats.files.map((file) => [file.file, String(file.total), String(file.accepted), String(file.rejected), ...kinds.map((kind) => String(file.byKind[kind] ?? 0))]),
    ),
  );
  return sections.join('\n');
}

/** Left-aligned first column, right-aligned numbers. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const render = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return `${[render(header), ...rows.map(render)].join('\n')}\n`;
}
