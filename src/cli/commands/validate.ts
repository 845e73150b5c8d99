/**
 * `validate`: check sidecars the way the store reads them, and print every
 * problem as `file:line:column: message` so editors and terminals link to
 * it. When the report is beside the sidecar and has not changed since, it
 * also checks that each annotation's text is what the report holds there.
 */
import * as path from 'node:path';
import { formatProblem, type Problem } from '../../core/errors';
import { DEFAULT_MAX_SIDECAR_BYTES, parseSidecar, validateSidecar } from '../../core/store/sidecar-format';
import { isSidecarPath, reportPathOf, sidecarPathOf } from '../../core/store/sidecar-path';
import { decodeSidecar } from '../../core/store/decode-sidecar';
import { OffsetMap } from '../../core/text/code-points';
import { hashText } from '../../core/text/hash';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../io';
import { parseMaxBytes, parseVerbArgs } from '../options';
import { readReport } from '../read-report';

const HELP = `Usage: report-annotator validate [--max-bytes N] PATH...

Checks annotation sidecars. PATH is a sidecar (NAME.annotations.yaml), a
report whose sidecar to check, or a folder searched recursively for sidecars.

Each problem is printed as 'file:line:column: message': YAML syntax errors,
fields missing or of the wrong type, duplicate ids, a 'source' naming
another report, alias bombs, files over the size limit. When the report is
beside its sidecar and unchanged since (its hash equals 'sourceHash'), each
annotation's text is also checked against the report. A report that changed
since is noted (run 'reanchor'), not counted as a problem.

Options:
  --max-bytes N   Refuse sidecars larger than N bytes (default 10 MB).
  -h, --help      This help.

Exit codes: 0 all valid, 1 problems found, 2 usage errors or a PATH that
names no sidecar.
`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check sidecars; print file:line:column problems',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseVerbArgs(args, { 'max-bytes': { type: 'string' } });
    if (parsed.positionals.length === 0) throw new UsageError('no PATH given');
    const maxBytes = parseMaxBytes(parsed.values['max-bytes']) ?? DEFAULT_MAX_SIDECAR_BYTES;
    const { targets, missing } = await findSidecars(io, parsed.positionals);
    for (const message of missing) io.stderr(`${message}\n`);

    let problemCount = 0;
    for (const target of targets) {
      const problems = await checkSidecar(io, target, maxBytes);
      problemCount += problems.length;
      for (const problem of problems) io.stdout(`${formatProblem(problem)}\n`);
    }
    const files = `${targets.length} sidecar${targets.length === 1 ? '' : 's'}`;
    io.stdout(problemCount === 0 ? `${files} checked, all valid.\n` : `${files} checked, ${problemCount} problem${problemCount === 1 ? '' : 's'}.\n`);
    if (missing.length > 0) return EXIT_USAGE;
    return problemCount > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

/** A sidecar to read, with the report it belongs to and the paths to print. */
export interface SidecarTarget {
  /** Absolute paths. */
  readonly sidecar: string;
  readonly report: string;
  /** As the user named them (relative to the working directory when under it). */
  readonly displaySidecar: string;
  readonly displayReport: string;
}

/**
 * The sidecars that PATHs name: a sidecar itself, the sidecar of a report,
 * or every sidecar under a folder. `missing` has a message for each PATH
 * that names none.
 */
export async function findSidecars(io: CliIo, paths: readonly string[]): Promise<{ targets: SidecarTarget[]; missing: string[] }> {
  const targets: SidecarTarget[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const addTarget = (sidecar: string): void => {
    if (seen.has(sidecar)) return;
    seen.add(sidecar);
    const report = reportPathOf(io.fs, sidecar) ?? sidecar;
    targets.push({ sidecar, report, displaySidecar: displayPath(io.cwd, sidecar), displayReport: displayPath(io.cwd, report) });
  };
  for (const given of paths) {
    const absolute = io.fs.resolve(io.cwd, given);
    if (await io.fs.isDirectory(absolute)) {
      const found = (await io.fs.listFiles(absolute)).filter((file) => isSidecarPath(io.fs.basename(file)));
      if (found.length === 0) missing.push(`${given}: no sidecars (*.annotations.yaml) in this folder`);
      found.forEach(addTarget);
    } else if (isSidecarPath(io.fs.basename(absolute))) {
      if (await io.fs.stat(absolute)) addTarget(absolute);
      else missing.push(`${given}: no such file`);
    } else {
      const sidecar = sidecarPathOf(io.fs, absolute);
      if (await io.fs.stat(sidecar)) addTarget(sidecar);
      else missing.push(`${given}: no sidecar (${io.fs.basename(sidecar)}) beside this report`);
    }
  }
  return { targets, missing };
}

/** Every problem of one sidecar, with paths as the user named them. */
async function checkSidecar(io: CliIo, target: SidecarTarget, maxBytes: number): Promise<Problem[]> {
  const where = target.displaySidecar;
  let bytes: Uint8Array | undefined;
  try {
    bytes = await io.fs.readFile(target.sidecar);
  } catch (error) {
    return [{ code: 'file-unreadable', path: where, message: `cannot read: ${(error as Error).message}` }];
  }
  if (bytes === undefined) return [{ code: 'file-not-found', path: where, message: 'no such file' }];
  const decoded = decodeSidecar(bytes, where, maxBytes);
  if (!decoded.ok) return [decoded.problem];
  const text = decoded.value;
  const options = { expectedSource: io.fs.basename(target.report), maxBytes: Infinity };
  const problems = validateSidecar(text, where, options);
  if (problems.length > 0) return problems;
  return checkAgainstReport(io, target, text, options);
}

/** When the report is there and unchanged, each annotation's text must be the report's text at its offsets. */
async function checkAgainstReport(io: CliIo, target: SidecarTarget, text: string, options: { expectedSource: string; maxBytes: number }): Promise<Problem[]> {
  const parsed = parseSidecar(text, target.displaySidecar, options);
  if (!parsed.ok) return [parsed.problem];
  const sidecar = parsed.value;
  if (!(await io.fs.stat(target.report))) return [];
  const report = await readReport(io, target.report);
  if (!report.ok) return [];
  if (sidecar.sourceHash !== hashText(report.value)) {
    if (sidecar.annotations.length > 0) io.stderr(`${target.displaySidecar}: note: ${target.displayReport} changed since these annotations were placed; run 'report-annotator reanchor ${target.displayReport}'\n`);
    return [];
  }
  const problems: Problem[] = [];
  const entries = sidecar.layout?.entries ?? [];
  const offsets = new OffsetMap(report.value);
  for (const annotation of sidecar.annotations) {
    if (annotation.orphaned) continue;
    const actual = report.value.slice(offsets.toUtf16(annotation.start), offsets.toUtf16(annotation.end));
    if (actual === annotation.text) continue;
    const entry = entries.find((candidate) => candidate.id === annotation.id);
    const line = entry ? text.slice(0, entry.body).split('\n').length : undefined;
    problems.push({
      code: 'sidecar-invalid',
      path: target.displaySidecar,
      ...(line !== undefined ? { line, column: text.slice(entry?.body ?? 0).search(/\S/) + 1 } : {}),
      message: `annotation '${annotation.id}': its text ${JSON.stringify(clipText(annotation.text))} is not what the report holds at ${annotation.start}-${annotation.end} (${JSON.stringify(clipText(actual))})`,
    });
  }
  return problems;
}

function clipText(text: string): string {
  const points = Array.from(text);
  return points.length <= 40 ? text : `${points.slice(0, 39).join('')}…`;
}

/** A path relative to the working directory when it is under it, else as it is. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
