/** `export`: write the annotations of reports (or of whole folders of them) as CSV, JSON, W3C Web Annotations or brat standoff. */
import * as path from 'node:path';
import { formatProblem } from '../../core/errors';
import { toBrat } from '../../core/export/brat';
import { toCsv } from '../../core/export/csv';
import type { ExportItem } from '../../core/export/export-item';
import { toJsonExport } from '../../core/export/json';
import { toW3cJson } from '../../core/export/w3c';
import { AnnotationStore } from '../../core/store/annotation-store';
import { isSidecarPath, reportPathOf, sidecarPathOf } from '../../core/store/sidecar-path';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../io';
import { readReport } from '../read-report';
import { parseVerbArgs } from '../options';

const FORMATS = ['csv', 'json', 'w3c', 'brat'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: report-annotator export --format csv|json|w3c|brat [--out PATH] [--bom] PATH...

Writes the annotations kept in the sidecars (NAME.annotations.yaml) of the
given reports. A folder stands for every report under it, recursively, that
has a sidecar. Offsets are Unicode code points in every format.

Formats:
  csv    RFC 4180, one row per annotation: file, id, kind, status, start,
         end, line, column, text, tags (joined with ;), note, value, unit,
         period, comparison, speaker, created, updated, author. Text that a
         spreadsheet would run as a formula (starting = + - @) gets a
         leading apostrophe.
  json   An array of the annotations as the sidecar holds them, each with
         its "file".
  w3c    An array of W3C Web Annotations (JSON-LD): TextQuoteSelector and
         TextPositionSelector targets, tags as tagging bodies, the note as a
         commenting body, the rest under "${'urn:x-report-annotator:annotation'}".
  brat   brat standoff (.ann): T lines, A lines for attributes, AnnotatorNotes
         for tags and notes. One .ann per report: with several reports,
         --out must name an existing folder, which gets REPORT.ann for each
         (REPORT-2.ann when two reports in different folders share a name).

Options:
  --format F    One of csv, json, w3c, brat (required).
  --out PATH    Write to this file (or folder, for brat) instead of stdout.
  --bom         csv: start with a UTF-8 byte-order mark, so Excel reads
                accented letters and symbols correctly.
  -h, --help    This help.

Exit codes: 0 written, 2 usage errors or a report or sidecar that cannot be
read (the others are still exported).
`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write annotations as CSV, JSON, W3C Web Annotations or brat',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseVerbArgs(args, { format: { type: 'string' }, out: { type: 'string' }, bom: { type: 'boolean' } });
    const format = values.format as Format | undefined;
    if (format === undefined) throw new UsageError(`--format is required (${FORMATS.join(', ')})`);
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (expected ${FORMATS.join(', ')})`);
    if (positionals.length === 0) throw new UsageError('no PATH given');
    let exitCode = EXIT_OK;
    const reports = await collectReports(positionals, io, () => (exitCode = EXIT_USAGE));
    const out = values.out === undefined ? undefined : io.fs.resolve(io.cwd, values.out);
    if (format === 'brat' && reports.length > 1 && !(out && (await io.fs.isDirectory(out)))) {
      throw new UsageError('brat keeps one report per .ann file: give one report, or --out an existing folder');
    }

    const items: ExportItem[] = [];
    const annNames = new Set<string>();
    for (const report of reports) {
      const opened = await AnnotationStore.open(io.fs, io.fs.resolve(io.cwd, report));
      if (!opened.ok) {
        io.stderr(`${formatProblem(opened.problem)}\n`);
        exitCode = EXIT_USAGE;
        continue;
      }
      const annotations = opened.value.annotations;
      if (format === 'brat') {
        const text = await readReport(io, report);
        if (!text.ok) {
          io.stderr(`${formatProblem(text.problem)}\n`);
          exitCode = EXIT_USAGE;
          continue;
        }
        const ann = toBrat(annotations, text.value);
        const target = out && (await io.fs.isDirectory(out)) ? io.fs.sibling(`${out}/x`, uniqueAnnName(report, io, annNames)) : out;
        await emit(io, target, ann);
        continue;
      }
      for (const annotation of annotations) items.push({ file: report, annotation });
    }
    if (format !== 'brat') {
      const text = format === 'csv' ? toCsv(items, { bom: values.bom === true }) : format === 'json' ? toJsonExport(items) : toW3cJson(items);
      await emit(io, out, text);
    }
    return exitCode;
  },
};

/** REPORT.ann, or REPORT-2.ann and so on when reports in different folders share a name. */
function uniqueAnnName(report: string, io: CliIo, taken: Set<string>): string {
  const stem = io.fs.basename(report).replace(/\.[^.]*$/, '');
  let name = `${stem}.ann`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.ann`;
  taken.add(name);
  return name;
}

async function emit(io: CliIo, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) io.stdout(text);
  else await io.fs.writeFileAtomic(out, new TextEncoder().encode(text));
}

/** The reports named, folders expanded to every report under them that has a sidecar; a sidecar path stands for its report. */
async function collectReports(paths: readonly string[], io: CliIo, onProblem: () => void): Promise<string[]> {
  const reports: string[] = [];
  for (const given of paths) {
    const resolved = io.fs.resolve(io.cwd, given);
    if (await io.fs.isDirectory(resolved)) {
      const files = await io.fs.listFiles(resolved);
      const present = new Set(files);
      for (const file of files) {
        // Rows name reports as the user would: relative to the working directory when under it.
        if (!isSidecarPath(file) && present.has(sidecarPathOf(io.fs, file))) reports.push(displayPath(io.cwd, file));
      }
      continue;
    }
    const report = isSidecarPath(resolved) ? (reportPathOf(io.fs, resolved) ?? resolved) : resolved;
    if (!(await io.fs.stat(sidecarPathOf(io.fs, report)))) {
      io.stderr(`${given}: no sidecar (${io.fs.basename(sidecarPathOf(io.fs, report))}) beside this report\n`);
      onProblem();
      continue;
    }
    reports.push(isSidecarPath(resolved) ? report : given);
  }
  return reports;
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

