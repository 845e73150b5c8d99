/** `reanchor`: place every annotation again after its report changed, and write the new offsets back. */
import { reanchorAnnotations } from '../../core/anchor/reanchor';
import { formatProblem } from '../../core/errors';
import type { Annotation } from '../../core/model';
import { AnnotationStore } from '../../core/store/annotation-store';
import { hashText } from '../../core/text/hash';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../io';
import { readReport } from '../read-report';
import { clip } from './detect';
import { parseVerbArgs } from '../options';

const HELP = `Usage: report-annotator reanchor [--dry-run] FILE...

Places each report's annotations again after the report changed, and writes
the new offsets, lines, columns and context back to its sidecar
(FILE.annotations.yaml), recording the hash of the text they now refer to.

Each annotation is found, in this order: at its offset with its exact text;
at its offset moved as far as the annotation before it moved; as its exact
text elsewhere, chosen by the 32 code points of context on each side; as a
close match of its text and context (its text is then updated). Otherwise it
is orphaned: kept with its last position, flagged 'orphaned: true' in the
sidecar, and listed here, so that nothing is lost or put in the wrong place.

Prints one summary line per report, a line per moved annotation, and
FILE:LINE:COLUMN for each orphan.

Options:
  --dry-run     Report what would change; write nothing.
  -h, --help    This help.

Exit codes: 0 every annotation placed, 1 some are orphaned, 2 a report or
sidecar could not be read or written (the other files are still processed).
`;

export const reanchorCommand: CliCommand = {
  name: 'reanchor',
  summary: 're-place annotations after their reports changed',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseVerbArgs(args, { 'dry-run': { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('no FILE given');
    let exitCode = EXIT_OK;
    for (const file of positionals) {
      const code = await reanchorReport(file, io, values['dry-run'] === true);
      exitCode = Math.max(exitCode, code);
    }
    return exitCode;
  },
};

async function reanchorReport(file: string, io: CliIo, dryRun: boolean): Promise<number> {
  const read = await readReport(io, file);
  if (!read.ok) {
    io.stderr(`${formatProblem(read.problem)}\n`);
    return EXIT_USAGE;
  }
  const opened = await AnnotationStore.open(io.fs, io.fs.resolve(io.cwd, file));
  if (!opened.ok) {
    io.stderr(`${formatProblem(opened.problem)}\n`);
    return EXIT_USAGE;
  }
  const store = opened.value;
  const before = store.annotations;
  const result = reanchorAnnotations(before, read.value);
  const previous = new Map(before.map((annotation) => [annotation.id, annotation]));
  for (const [index, annotation] of result.annotations.entries()) {
    if (annotation === before[index]) continue;
    const { id, ...fields } = annotation;
    // An annotation found again loses its orphan flag; the patch must say so explicitly.
    store.update(id, { ...fields, orphaned: annotation.orphaned, updated: annotation.updated });
  }
  store.setSourceHash(hashText(read.value));
  io.stdout(`${file}: ${result.unchanged} unchanged, ${result.moved.length} moved, ${result.orphaned.length} orphaned${dryRun ? ' (dry run: nothing written)' : ''}\n`);
  const byId = new Map(result.annotations.map((annotation) => [annotation.id, annotation]));
  for (const id of result.moved) {
    const old = previous.get(id) as Annotation;
    const now = byId.get(id) as Annotation;
    const changedText = old.text === now.text ? '' : ` (text was "${clip(old.text, 40)}")`;
    io.stdout(`  moved ${id} ${old.line}:${old.column} -> ${now.line}:${now.column} "${clip(now.text, 60)}"${changedText}\n`);
  }
  for (const id of result.orphaned) {
    const orphan = byId.get(id) as Annotation;
    io.stdout(`${file}:${orphan.line}:${orphan.column}: orphaned ${id} ${orphan.kind} "${clip(orphan.text, 60)}"\n`);
  }
  if (!dryRun && store.dirty) {
    const saved = await store.save();
    if (!saved.ok) {
      io.stderr(`${formatProblem(saved.problem)}\n`);
      return EXIT_USAGE;
    }
  }
  return result.orphaned.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

