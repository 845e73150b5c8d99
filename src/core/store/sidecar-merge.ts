/**
 * Three-way merge of sidecar contents by annotation id, for a save that finds
 * the file changed on disk since it was read (a git pull, a second window,
 * the CLI). `base` is what this store read, `ours` what it holds now,
 * `theirs` what is on disk now. Nobody's annotation is lost:
 *
 * - A field changed on one side only takes that side's value.
 * - The span (`text`, `start`, `end`, `line`, `column`, `prefix`, `suffix`,
 *   `orphaned`) merges as one unit, so a merged annotation never mixes the
 *   offsets of one side with the text of the other.
 * - `tags` merge as sets: a tag added on either side is kept, a tag removed on
 *   either side (and not added back by the other) is removed. Never a conflict.
 * - `updated` takes the later of the two timestamps. Never a conflict.
 * - A true conflict (both sides changed a field to different values):
 *   - `note` keeps both texts: ours, then `<<< theirs`, their text, `>>>`;
 *   - any other field (and the span) keeps ours, and their value is recorded
 *     visibly in the note as a line `<<< theirs FIELD: VALUE >>>`.
 * - An annotation added on either side is kept. One removed on one side is
 *   removed, unless the other side changed it: then the changed one is kept
 *   (recorded as a conflict on the field `removed`).
 * - `sourceHash`: one-sided changes win; a true conflict keeps ours (recorded
 *   with an empty id).
 *
 * Every conflict is returned so the caller can tell the user.
 */
import type { Annotation } from '../model';
import { isSameAnnotation, isSameValue, keysOf } from './annotation-fields';

export interface MergeConflict {
  /** The annotation's id; empty for a conflict on the file's `sourceHash`. */
  readonly id: string;
  /** The field both sides changed, `span` for the span, or `removed` when one side removed what the other changed. */
  readonly field: string;
}

export interface SidecarContents {
  readonly sourceHash: string | null;
  readonly annotations: readonly Annotation[];
}

export interface MergeResult extends SidecarContents {
  readonly conflicts: readonly MergeConflict[];
}

/** The fields that place an annotation; they merge together. */
export const SPAN_FIELDS: readonly (keyof Annotation)[] = ['text', 'start', 'end', 'line', 'column', 'prefix', 'suffix', 'orphaned'];
const SPAN = new Set<string>(SPAN_FIELDS);

/** Merges `ours` and `theirs`, both derived from `base`. The result is sorted by start (then end, then id). */
export function mergeSidecars(base: SidecarContents, ours: SidecarContents, theirs: SidecarContents): MergeResult {
  const conflicts: MergeConflict[] = [];
  const baseById = byId(base.annotations);
  const oursById = byId(ours.annotations);
  const theirsById = byId(theirs.annotations);
  const ids = new Set([...oursById.keys(), ...theirsById.keys(), ...baseById.keys()]);
  const merged: Annotation[] = [];
  for (const id of ids) {
    const result = mergeAnnotation(baseById.get(id), oursById.get(id), theirsById.get(id), conflicts);
    if (result) merged.push(result);
  }
  let sourceHash = ours.sourceHash;
  if (ours.sourceHash === base.sourceHash) sourceHash = theirs.sourceHash;
  else if (theirs.sourceHash !== base.sourceHash && theirs.sourceHash !== ours.sourceHash) conflicts.push({ id: '', field: 'sourceHash' });
  return { sourceHash, annotations: sortAnnotations(merged), conflicts };
}

function mergeAnnotation(base: Annotation | undefined, ours: Annotation | undefined, theirs: Annotation | undefined, conflicts: MergeConflict[]): Annotation | undefined {
  if (!ours && !theirs) return undefined;
  if (!ours || !theirs) {
    const present = (ours ?? theirs) as Annotation;
    if (!base) return present; // added on one side
    if (isSameAnnotation(base, present)) return undefined; // removed on one side, untouched on the other
    conflicts.push({ id: present.id, field: 'removed' });
    return present;
  }
  if (isSameAnnotation(ours, theirs)) return ours;

  const result: Record<string, unknown> = { ...ours };
  const notes: string[] = [];
  const oursSpan = pick(ours, SPAN_FIELDS);
  const theirsSpan = pick(theirs, SPAN_FIELDS);
  const baseSpan = base ? pick(base, SPAN_FIELDS) : undefined;
  if (!isSameRecord(oursSpan, theirsSpan)) {
    if (baseSpan && isSameRecord(oursSpan, baseSpan)) {
      for (const key of SPAN_FIELDS) assign(result, key, theirs[key]);
    } else if (!baseSpan || !isSameRecord(theirsSpan, baseSpan)) {
      conflicts.push({ id: ours.id, field: 'span' });
      notes.push(`<<< theirs span: ${JSON.stringify(theirs.text)} at ${theirs.start}-${theirs.end} >>>`);
    }
  }

  for (const key of keysOf(base, ours, theirs)) {
    if (SPAN.has(key) || key === 'id' || key === 'note') continue;
    const o = ours[key];
    const t = theirs[key];
    const b = base?.[key];
    if (isSameValue(o, t)) continue;
    if (key === 'updated') {
      assign(result, key, String(o ?? '') >= String(t ?? '') ? o : t);
    } else if (key === 'tags') {
      assign(result, key, mergeTags(base?.tags ?? [], ours.tags, theirs.tags));
    } else if (base && isSameValue(o, b)) {
      assign(result, key, t);
    } else if (base && isSameValue(t, b)) {
      // ours already holds the change
    } else {
      conflicts.push({ id: ours.id, field: key });
      notes.push(`<<< theirs ${key}: ${t === undefined ? '(none)' : JSON.stringify(t)} >>>`);
    }
  }

  let note = ours.note;
  const baseNote = base?.note ?? '';
  if (ours.note !== theirs.note) {
    if (ours.note === baseNote) note = theirs.note;
    else if (theirs.note !== baseNote) {
      conflicts.push({ id: ours.id, field: 'note' });
      note = joinNotes(ours.note, `<<< theirs\n${theirs.note}\n>>>`);
    }
  }
  for (const line of notes) note = joinNotes(note, line);
  result.note = note;
  return result as unknown as Annotation;
}

/** Three-way set merge that keeps our order, then their additions. */
function mergeTags(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const inBase = new Set(base);
  const inOurs = new Set(ours);
  const inTheirs = new Set(theirs);
  const keep = (tag: string): boolean => (inOurs.has(tag) && inTheirs.has(tag)) || (!inBase.has(tag) && (inOurs.has(tag) || inTheirs.has(tag)));
  return [...new Set([...ours, ...theirs])].filter(keep);
}

function joinNotes(note: string, addition: string): string {
  return note === '' ? addition : `${note}\n${addition}`;
}

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function pick(annotation: Annotation, keys: readonly (keyof Annotation)[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of keys) result[key] = annotation[key] ?? undefined;
  return result;
}

function isSameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys({ ...a, ...b }).every((key) => isSameValue(a[key], b[key]));
}

function byId(annotations: readonly Annotation[]): Map<string, Annotation> {
  return new Map(annotations.map((annotation) => [annotation.id, annotation]));
}

/** Sorts by start, then end, then id, in place, and returns the array. */
export function sortAnnotations<T extends Annotation>(annotations: T[]): T[] {
  return annotations.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
