/**
 * `accept`: keep what the detectors find as accepted annotations in each
 * report's sidecar, in one go. Detections the analyst rejected stay
 * dismissed, and ones already in the sidecar are not added twice.
 */
import { detect } from '../../core/detect/detect';
import { formatProblem } from '../../core/errors';
import type { Annotation, Detection } from '../../core/model';
import { AnnotationStore } from '../../core/store/annotation-store';
import { createAnnotationFactory } from '../../core/store/new-annotation';
import { hashText } from '../../core/text/hash';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../io';
import { parseKinds, parseMaxBytes, parseVerbArgs } from '../options';
import { readReport } from '../read-report';

const HELP = `Usage: report-annotator accept [--kind K,K] [--author NAME] [--dry-run] [--max-bytes N] FILE...

Runs the detectors on each report and stores what they find as accepted
annotations in its sidecar (FILE.annotations.yaml beside it), creating the
sidecar if needed. A detection already in the sidecar is not added again,
and one the analyst rejected stays dismissed: a detection matches an
annotation of the same kind with the same span, or else with the same text.

Options:
  --kind K,K      Only these kinds: metric, quote, recommendation.
  --author NAME   Recorded as the author of the new annotations.
  --dry-run       Print the counts without writing the sidecar.
  --max-bytes N   Skip reports larger than N bytes (default 20 MB).
  -h, --help      This help.

Prints one line per report: how many were added, already present, and kept
dismissed. If a report changed since its annotations were saved, it is
skipped: run 'report-annotator reanchor FILE' first.

Exit codes: 0 success, 2 usage or input errors (a missing report, an invalid
sidecar, a changed report); the other reports are still processed.
`;

export const acceptCommand: CliCommand = {
  name: 'accept',
  summary: 'store detections as accepted annotations in the sidecars',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseVerbArgs(args, { kind: { type: 'string' }, author: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'max-bytes': { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('no FILE given');
    const kinds = parseKinds(values.kind);
    const maxBytes = parseMaxBytes(values['max-bytes']);
    let exitCode = EXIT_OK;
    for (const file of positionals) {
      const done = await acceptFile(io, file, { kinds, maxBytes, author: values.author, dryRun: values['dry-run'] === true });
      if (!done) exitCode = EXIT_USAGE;
    }
    return exitCode;
  },
};

interface AcceptOptions {
  readonly kinds: Detection['kind'][] | undefined;
  readonly maxBytes: number | undefined;
  readonly author: string | undefined;
  readonly dryRun: boolean;
}

/** Accepts one report's detections; false after printing why it could not. */
async function acceptFile(io: CliIo, file: string, options: AcceptOptions): Promise<boolean> {
  const read = await readReport(io, file, options.maxBytes);
  if (!read.ok) return report(io, formatProblem(read.problem));
  const text = read.value;
  const opened = await AnnotationStore.open(io.fs, io.fs.resolve(io.cwd, file));
  if (!opened.ok) return report(io, formatProblem(opened.problem));
  const store = opened.value;
  if (store.readOnly) return report(io, `${file}: ${store.readOnlyReason ?? 'the sidecar is read-only'}`);
  const hash = hashText(text);
  if (store.sourceHash !== null && store.sourceHash !== hash && store.annotations.length > 0) {
    return report(io, `${file}: the report changed since its annotations were saved; run 'report-annotator reanchor ${file}' first`);
  }

  const detections = detect(text, options.kinds ? { kinds: options.kinds } : {});
  const matched = matchDetections(detections, store.annotations);
  const factory = createAnnotationFactory(text, { takenIds: new Set(store.annotations.map((a) => a.id)), ...(options.author !== undefined ? { author: options.author } : {}) });
  let added = 0;
  let present = 0;
  let dismissed = 0;
  detections.forEach((detection, index) => {
    const existing = matched[index];
    if (existing?.status === 'rejected') dismissed++;
    else if (existing) present++;
    else {
      store.add(factory.fromDetection(detection));
      added++;
    }
  });
  store.setSourceHash(hash);
  const counts = `${added} added, ${present} already present, ${dismissed} dismissed kept out`;
  if (options.dryRun) {
    io.stdout(`${file}: ${counts} (dry run, nothing written)\n`);
    return true;
  }
  const saved = await store.save();
  if (!saved.ok) return report(io, formatProblem(saved.problem));
  const merged = saved.value.merged ? `; merged with changes made on disk${saved.value.conflicts.length ? ` (${saved.value.conflicts.length} conflicts kept in notes)` : ''}` : '';
  io.stdout(`${file}: ${counts}${merged}\n`);
  return true;
}

/**
 * For each detection, the annotation it matches (one annotation matches at
 * most one detection): same kind and span first, then same kind and text,
 * so a detection whose offsets moved still finds its dismissal.
 */
export function matchDetections(detections: readonly Detection[], annotations: readonly Annotation[]): (Annotation | undefined)[] {
  const result: (Annotation | undefined)[] = detections.map(() => undefined);
  const used = new Set<string>();
  const bySpan = new Map<string, Annotation[]>();
  const byText = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    push(bySpan, `${annotation.kind}\u0000${annotation.start}\u0000${annotation.end}`, annotation);
    push(byText, `${annotation.kind}\u0000${annotation.text}`, annotation);
  }
  const take = (candidates: Annotation[] | undefined): Annotation | undefined => {
    const found = candidates?.find((candidate) => !used.has(candidate.id));
    if (found) used.add(found.id);
    return found;
  };
  detections.forEach((detection, index) => {
    result[index] = take(bySpan.get(`${detection.kind}\u0000${detection.start}\u0000${detection.end}`));
  });
  detections.forEach((detection, index) => {
    if (!result[index]) result[index] = take(byText.get(`${detection.kind}\u0000${detection.text}`));
  });
  return result;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function report(io: CliIo, message: string): false {
  io.stderr(`${message}\n`);
  return false;
}

