/** `import`: bring annotations made in brat or a W3C Web Annotation tool into a report's sidecar. */
import { formatProblem, type Result } from '../../core/errors';
import { fromBrat } from '../../core/export/brat';
import type { ImportOptions } from '../../core/export/import-options';
import { fromW3cJson } from '../../core/export/w3c';
import type { Annotation } from '../../core/model';
import { AnnotationStore } from '../../core/store/annotation-store';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../io';
import { readReport } from '../read-report';
import { parseVerbArgs } from '../options';

const FORMATS = ['brat', 'w3c'] as const;

const HELP = `Usage: report-annotator import --format brat|w3c FILE [--report REPORT]

Reads annotations from FILE and merges them into REPORT's sidecar
(REPORT.annotations.yaml), by id: an annotation whose id the sidecar already
has is updated, any other is added. Every span is checked against the report
text and given its line, column and context; one whose text is no longer at
its offset is re-anchored, or kept flagged 'orphaned'.

Formats:
  brat   brat standoff (.ann) as 'export --format brat' writes it, or from
         brat itself (T lines; A lines and AnnotatorNotes where present).
         REPORT defaults to FILE with .ann replaced by .txt.
  w3c    W3C Web Annotation JSON: one annotation, an array, or an
         AnnotationCollection. REPORT defaults to the target source of the
         first annotation, relative to FILE's folder.

Options:
  --format F       brat or w3c (required).
  --report REPORT  The report the annotations belong to.
  -h, --help       This help.

Exit codes: 0 imported, 1 imported but some annotations are orphaned,
2 usage errors or a file that cannot be read or parsed (nothing is written).
`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'merge brat or W3C annotations into a sidecar',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseVerbArgs(args, { format: { type: 'string' }, report: { type: 'string' } });
    const format = values.format;
    if (format === undefined) throw new UsageError(`--format is required (${FORMATS.join(', ')})`);
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}' (expected ${FORMATS.join(', ')})`);
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE to import');
    const file = positionals[0] as string;
    const bytes = await io.fs.readFile(io.fs.resolve(io.cwd, file));
    if (bytes === undefined) {
      io.stderr(`${file}: no such file\n`);
      return EXIT_USAGE;
    }
    const content = new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
    const report = values.report ?? defaultReport(format, file, content, io);
    if (report === undefined) throw new UsageError('cannot tell which report these annotations belong to: give --report');
    const text = await readReport(io, report);
    if (!text.ok) {
      io.stderr(`${formatProblem(text.problem)}\n`);
      return EXIT_USAGE;
    }
    const opened = await AnnotationStore.open(io.fs, io.fs.resolve(io.cwd, report));
    if (!opened.ok) {
      io.stderr(`${formatProblem(opened.problem)}\n`);
      return EXIT_USAGE;
    }
    const store = opened.value;
    const options: ImportOptions = {
      path: file,
      reportText: text.value,
      now: new Date().toISOString(),
      takenIds: new Set(store.annotations.map((annotation) => annotation.id)),
    };
    const imported: Result<Annotation[]> = format === 'brat' ? fromBrat(content, options) : fromW3cJson(content, options);
    if (!imported.ok) {
      io.stderr(`${formatProblem(imported.problem)}\n`);
      return EXIT_USAGE;
    }
    let added = 0;
    let updated = 0;
    for (const annotation of imported.value) {
      if (store.get(annotation.id)) {
        const { id, ...fields } = annotation;
        store.update(id, { ...fields, orphaned: annotation.orphaned });
        updated++;
      } else {
        store.add(annotation);
        added++;
      }
    }
    const saved = await store.save();
    if (!saved.ok) {
      io.stderr(`${formatProblem(saved.problem)}\n`);
      return EXIT_USAGE;
    }
    const orphans = imported.value.filter((annotation) => annotation.orphaned);
    io.stdout(`${report}: imported ${imported.value.length} from ${file} (${added} added, ${updated} updated, ${orphans.length} orphaned)\n`);
    for (const orphan of orphans) io.stdout(`${report}:${orphan.line}:${orphan.column}: orphaned ${orphan.id} "${orphan.text.slice(0, 60)}"\n`);
    return orphans.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

/** brat: NAME.ann → NAME.txt; W3C: the first target's source, beside FILE. */
function defaultReport(format: string, file: string, content: string, io: CliIo): string | undefined {
  if (format === 'brat') return file.endsWith('.ann') ? `${file.slice(0, -4)}.txt` : undefined;
  try {
    const parsed = JSON.parse(content) as unknown;
    const first = (Array.isArray(parsed) ? parsed[0] : parsed) as { target?: { source?: unknown } } | undefined;
    const source = first?.target?.source;
    return typeof source === 'string' && !source.includes(':') ? io.fs.sibling(io.fs.resolve(io.cwd, file), io.fs.basename(source)) : undefined;
  } catch {
    return undefined;
  }
}

