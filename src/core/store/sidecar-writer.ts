/**
 * Writing the sidecar. A new file gets the canonical layout; an existing one
 * is edited in place: entries that did not change keep their exact bytes,
 * removed entries are cut out with the comment lines above them, new entries
 * are spliced in at their place by `start`, and a changed entry is re-parsed
 * on its own and edited node by node with the `yaml` package, so its
 * comments, key order and unknown keys survive (an entry exactly as this
 * writer wrote it has none of those, and is simply written afresh). Saving
 * unchanged data therefore changes no byte, and the edit costs time in
 * proportion to what changed, not to the size of the file.
 *
 * The canonical entry layout: known keys in {@link ANNOTATION_FIELDS} order,
 * plain scalars where YAML reads them back unchanged and JSON-style double
 * quotes otherwise, flow `tags: [a, b]`, a multi-line note as a `|` block,
 * and absent, null and empty-note fields left out.
 */
import { isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLSeq, type YAMLMap } from 'yaml';
import type { Annotation } from '../model';
import { ANNOTATION_FIELDS, FIELD_RANK, isSameValue, keysOf, writtenValue } from './annotation-fields';
import { SIDECAR_VERSION, type EntryRange, type SidecarLayout } from './sidecar-format';
import { isPlainSafe } from './yaml-scalars';

/** What a sidecar says, independent of its layout. */
export interface SidecarState {
  readonly source: string;
  readonly sourceHash: string | null;
  /** Sorted by start. */
  readonly annotations: readonly Annotation[];
}

const HEADER_COMMENT = '# Annotations kept by Report Annotator (sidecar format version 1). Comments and extra keys are kept on save.\n';

/** Indentation of entries in a new file's `annotations:` list. */
const NEW_ENTRY_INDENT = 2;

const TO_STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** The text of a new sidecar holding `state`, in the canonical layout. */
export function renderNewSidecar(state: SidecarState): string {
  return `${HEADER_COMMENT}version: ${SIDECAR_VERSION}\nsource: ${renderScalar(state.source)}\nsourceHash: ${renderHash(state.sourceHash)}\n${renderAnnotationsKey(state.annotations)}`;
}

/**
 * The text of `layout` edited so that it says `state`, given that it said
 * `previous` (the sourceHash and the annotations its entries hold). Text that
 * did not change is copied byte for byte.
 */
export function renderSidecarEdit(layout: SidecarLayout, previousSourceHash: string | null, state: SidecarState): string {
  return editSidecar(layout, previousSourceHash, state).text;
}

/** An edited sidecar, with what a store needs to save it again without parsing it whole. */
export interface SidecarEdit {
  readonly text: string;
  /**
   * The layout of `text`, worked out from the edits; null when the edit
   * rebuilt the list (the caller then parses `text`).
   */
  readonly layout: SidecarLayout | null;
  /** The entries written anew (changed or added), as text, for checking that they read back as intended. */
  readonly written: readonly { readonly text: string; readonly annotation: Annotation }[];
}

/** Like {@link renderSidecarEdit}, and also says where everything is in the result. */
export function editSidecar(layout: SidecarLayout, previousSourceHash: string | null, state: SidecarState): SidecarEdit {
  const text = layout.text;
  // A file checked out with CRLF line ends (git on Windows) keeps them: new text follows the file's convention.
  const crlf = text.includes('\r\n');
  const eol = (value: string): string => (crlf ? value.replace(/\r?\n/g, '\r\n') : value);
  const edits: Edit[] = [];
  const written: { text: string; annotation: Annotation }[] = [];
  let sourceHashLayout: SidecarLayout['sourceHash'] = layout.sourceHash;

  if (state.sourceHash !== previousSourceHash) {
    const hash = renderHash(state.sourceHash);
    if (layout.sourceHash.kind === 'value') {
      const { from, to } = layout.sourceHash;
      const space = text[from - 1] === ':' ? ' ' : '';
      edits.push({ from, to, text: `${space}${hash}`, placed: (at) => (sourceHashLayout = { kind: 'value', from: at + space.length, to: at + space.length + hash.length }) });
    } else {
      const at = layout.sourceHash.at;
      const before = needsNewlineBefore(text, at) ? eol('\n') : '';
      const line = `sourceHash: ${hash}`;
      edits.push({ from: at, to: at, text: `${before}${line}${eol('\n')}`, placed: (out) => (sourceHashLayout = { kind: 'value', from: out + before.length + 12, to: out + before.length + line.length }) });
    }
  }

  const sequence = layout.sequence;
  if (sequence.kind === 'replace') {
    const prefix = needsNewlineBefore(text, sequence.from) ? '\n' : '';
    edits.push({ from: sequence.from, to: sequence.to, text: eol(prefix + renderAnnotationsKey(state.annotations)) });
    return { text: applyEdits(text, edits), layout: null, written };
  }

  const current = new Map(state.annotations.map((annotation) => [annotation.id, annotation]));
  const kept: { entry: EntryRange; now: Annotation }[] = [];
  const placed = new Map<string, { from: number; body: number }>();
  for (const entry of layout.entries) {
    const now = current.get(entry.id);
    if (!now) {
      edits.push({ from: entry.from, to: entry.to, text: '' });
      continue;
    }
    kept.push({ entry, now });
    if (!isSameEntry(now, entry.annotation)) {
      const bodyEnd = trimTrailingBlankLines(text, entry.body, entry.to);
      const entryText = text.slice(entry.body, bodyEnd);
      const indent = Math.max(0, entryText.search(/\S/));
      // An entry exactly as this writer wrote it holds nothing hand-made to keep: write it afresh, so it stays canonical (and fast to read).
      const fresh = entryText.replace(/\r\n/g, '\n') === renderEntry(entry.annotation, indent);
      const rendered = eol(withFinalNewline(fresh ? renderEntry(now, indent) : renderEditedEntry(entryText, entry.annotation, now)));
      written.push({ text: rendered, annotation: now });
      edits.push({ from: entry.body, to: bodyEnd, text: rendered, placed: (at) => placed.set(entry.id, { from: at - (entry.body - entry.from), body: at }) });
    }
  }

  // New entries go before the first kept entry (in file order) that sorts after them, else at the end.
  const existing = new Set(layout.entries.map((entry) => entry.id));
  const sortsAfter = (entry: { now: Annotation }, annotation: Annotation): boolean =>
    entry.now.start > annotation.start || (entry.now.start === annotation.start && entry.now.end > annotation.end);
  const keptInOrder = kept.every((entry, i) => i === 0 || !sortsAfter(kept[i - 1] as { now: Annotation }, entry.now));
  const insertions = new Map<number, { text: string; entries: { id: string; offset: number; annotation: Annotation }[] }>();
  let pointer = 0;
  for (const annotation of state.annotations) {
    if (existing.has(annotation.id)) continue;
    let next: { entry: EntryRange } | undefined;
    if (keptInOrder) {
      // state.annotations is sorted, so with the kept entries in order one pass finds every place.
      while (pointer < kept.length && !sortsAfter(kept[pointer] as { now: Annotation }, annotation)) pointer++;
      next = kept[pointer];
    } else {
      next = kept.find((entry) => sortsAfter(entry, annotation));
    }
    const at = next ? next.entry.from : sequence.appendAt;
    let group = insertions.get(at);
    if (!group) {
      group = { text: needsNewlineBefore(text, at) ? eol('\n') : '', entries: [] };
      insertions.set(at, group);
    }
    const rendered = eol(renderEntry(annotation, sequence.indent));
    group.entries.push({ id: annotation.id, offset: group.text.length, annotation });
    group.text += rendered;
    written.push({ text: rendered, annotation });
  }
  const added: EntryRange[] = [];
  for (const [at, group] of insertions) {
    edits.push({
      from: at,
      to: at,
      text: group.text,
      placed: (out) =>
        group.entries.forEach((entry, i) => {
          const from = out + entry.offset;
          const to = out + ((group.entries[i + 1]?.offset ?? group.text.length) as number);
          added.push({ id: entry.id, from, body: from, to, annotation: entry.annotation });
        }),
    });
  }
  // With every entry gone, say so: `annotations: []`, not a bare key that reads as null.
  const firstEntry = layout.entries[0];
  if (state.annotations.length === 0 && firstEntry) {
    const keyEnd = findAnnotationsKeyEnd(text, firstEntry.from);
    if (keyEnd !== undefined) edits.push({ from: keyEnd, to: keyEnd, text: ' []' });
  }
  const result = applyEdits(text, edits);

  // Where the kept entries moved to: every edit before a position shifts it by the edit's change in length.
  const shifts = edits.map((edit) => ({ from: edit.from, to: edit.to, delta: edit.text.length - (edit.to - edit.from) }));
  const moveStart = (p: number): number => p + shifts.reduce((sum, e) => (e.to <= p ? sum + e.delta : sum), 0);
  const moveEnd = (p: number): number => p + shifts.reduce((sum, e) => (e.to <= p && !(e.from === p && e.to === p) ? sum + e.delta : sum), 0);
  if (shifts.length > 64) return { text: result, layout: layoutByShifting(), written };
  return { text: result, layout: layoutWith(moveStart, moveEnd), written };

  function layoutWith(start: (p: number) => number, end: (p: number) => number): SidecarLayout | null {
    const entries: EntryRange[] = kept.map(({ entry, now }) => {
      const moved = placed.get(entry.id);
      const from = moved ? moved.from : start(entry.from);
      const body = moved ? moved.body : from + (entry.body - entry.from);
      return { id: entry.id, from, body, to: end(entry.to), annotation: now };
    });
    entries.push(...added);
    entries.sort((a, b) => a.from - b.from);
    let last = entries[entries.length - 1];
    if (!last || sequence.kind !== 'block') return null;
    // The last entry ends with its last line, as a parse finds it: blank lines after it are not its own.
    const lastEnd = trimTrailingBlankLines(result, last.body, last.to);
    if (lastEnd !== last.to) entries[entries.length - 1] = last = { ...last, to: lastEnd };
    return { text: result, entries, sequence: { kind: 'block', indent: sequence.indent, appendAt: last.to }, sourceHash: sourceHashLayout };
  }

  /** The same shifting with a running sum over edits sorted by position, for edits in the thousands. */
  function layoutByShifting(): SidecarLayout | null {
    const sorted = [...shifts].sort((a, b) => a.to - b.to);
    const prefix: number[] = [0];
    for (const shift of sorted) prefix.push((prefix[prefix.length - 1] as number) + shift.delta);
    const countUpTo = (p: number): number => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] as { to: number }).to <= p) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // Insertions exactly at p come after an entry that ends at p.
    const insertedAt = new Map<number, number>();
    for (const shift of sorted) if (shift.from === shift.to) insertedAt.set(shift.from, (insertedAt.get(shift.from) ?? 0) + shift.delta);
    const start = (p: number): number => p + (prefix[countUpTo(p)] as number);
    const end = (p: number): number => start(p) - (insertedAt.get(p) ?? 0);
    return layoutWith(start, end);
  }
}

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** Told where the edit's text starts in the result. */
  readonly placed?: (at: number) => void;
}

/** Applies non-overlapping edits; at one position an insertion goes before a replacement. */
function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.from - b.from || a.to - b.to);
  const parts: string[] = [];
  let cursor = 0;
  let length = 0;
  for (const edit of edits) {
    if (edit.from < cursor) throw new Error(`overlapping sidecar edits at ${edit.from}`);
    const kept = text.slice(cursor, edit.from);
    parts.push(kept, edit.text);
    length += kept.length;
    edit.placed?.(length);
    length += edit.text.length;
    cursor = edit.to;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function withFinalNewline(value: string): string {
  return value.endsWith('\n') ? value : `${value}\n`;
}

function needsNewlineBefore(text: string, at: number): boolean {
  return at > 0 && text[at - 1] !== '\n';
}

/** Whether an entry's written fields are unchanged (timestamps included). */
function isSameEntry(a: Annotation, b: Annotation): boolean {
  for (const field of ANNOTATION_FIELDS) if (!isSameValue(writtenValue(a, field.key), writtenValue(b, field.key))) return false;
  return true;
}

/** The end of `from..to` without the blank lines at its end (they stay as the separator they were). */
function trimTrailingBlankLines(text: string, from: number, to: number): number {
  let end = to;
  while (end > from) {
    const previousBreak = text.lastIndexOf('\n', end - 2);
    const lineFrom = Math.max(from, previousBreak + 1);
    if (text.slice(lineFrom, end).trim() !== '' || lineFrom === from) break;
    end = lineFrom;
  }
  return end;
}

/** Where the top-level `annotations:` key before `before` ends (just after its colon), or undefined. */
function findAnnotationsKeyEnd(text: string, before: number): number | undefined {
  const key = 'annotations:';
  let at = text.lastIndexOf(key, before);
  while (at > 0 && text[at - 1] !== '\n') at = text.lastIndexOf(key, at - 1);
  return at >= 0 ? at + key.length : undefined;
}

function renderAnnotationsKey(annotations: readonly Annotation[]): string {
  if (annotations.length === 0) return 'annotations: []\n';
  return `annotations:\n${annotations.map((annotation) => renderEntry(annotation, NEW_ENTRY_INDENT)).join('')}`;
}

function renderHash(hash: string | null): string {
  return hash === null ? 'null' : renderScalar(hash);
}

/** One entry in the canonical layout, its `-` at column `indent`. */
export function renderEntry(annotation: Annotation, indent: number): string {
  const dash = ' '.repeat(indent);
  const keyIndent = ' '.repeat(indent + 2);
  let out = '';
  for (const field of ANNOTATION_FIELDS) {
    const value = writtenValue(annotation, field.key);
    if (value === undefined) continue;
    out += `${out === '' ? `${dash}- ` : keyIndent}${field.key}: ${renderValue(value, field.key === 'note', indent + 2)}\n`;
  }
  return out;
}

/** A value as YAML text; only a note, written for people to read and edit, becomes a `|` block when it has several lines. */
function renderValue(value: unknown, asBlock: boolean, keyIndent: number): string {
  if (Array.isArray(value)) return `[${value.map((item) => renderScalar(String(item), true)).join(', ')}]`;
  if (typeof value === 'string') return asBlock && value.includes('\n') ? (renderBlockLiteral(value, keyIndent) ?? renderScalar(value)) : renderScalar(value);
  return String(value);
}

/**
 * A single-line YAML scalar for `value`: plain when YAML's core schema reads
 * it back as the same string, JSON-style double quotes otherwise (every JSON
 * string is a valid YAML double-quoted scalar).
 */
export function renderScalar(value: string, inFlow = false): string {
  return isPlainSafe(value, inFlow) ? value : JSON.stringify(value);
}

/**
 * Whether a multi-line string reads back unchanged from a `|` block: not when
 * it is blank (clip chomping would read it as empty) or holds characters a
 * block cannot carry (carriage returns, other control characters).
 */
function canWriteAsBlock(value: string): boolean {
  // A line of nothing but spaces reads back as an empty line (or is chomped at the end): quote those.
  return value.includes('\n') && value.trim() !== '' && !/(^|\n)[ \t]+(\n|$)/.test(value) && /^[^\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]*$/.test(value);
}

/**
 * A `|` block for a multi-line string whose key sits at column `keyIndent`,
 * or undefined when the string holds characters a block cannot carry
 * (carriage returns, other control characters), which then go in quotes.
 */
function renderBlockLiteral(value: string, keyIndent: number): string | undefined {
  if (!canWriteAsBlock(value)) return undefined;
  const lines = value.split('\n');
  const trailingBreaks = value.length - value.replace(/\n+$/, '').length;
  const chomp = trailingBreaks === 0 ? '-' : trailingBreaks === 1 ? '' : '+';
  // With an explicit indentation indicator, YAML need not guess the indentation from a first line that starts with a space or is empty.
  const first = lines[0] ?? '';
  const indicator = first === '' || first.startsWith(' ') ? '2' : '';
  const content = trailingBreaks === 0 ? lines : lines.slice(0, lines.length - 1);
  const pad = ' '.repeat(keyIndent + 2);
  return `|${indicator}${chomp}\n${content.map((line) => (line === '' ? '' : pad + line)).join('\n')}`;
}

/**
 * Re-renders one existing entry after a change: the entry's text is parsed
 * on its own, only the fields that differ are set, added (at their place in
 * the canonical order) or deleted, and the result is indented back.
 */
function renderEditedEntry(entryText: string, before: Annotation, after: Annotation): string {
  const dashColumn = entryText.search(/\S/);
  const indent = Math.max(0, dashColumn);
  const dedented = entryText
    .split('\n')
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .join('\n');
  const document = parseDocument(dedented, { keepSourceTokens: false });
  const sequence = document.contents;
  const map = isSeq(sequence) ? sequence.items[0] : undefined;
  if (document.errors.length > 0 || !isMap(map)) return renderEntry(after, indent);

  for (const key of keysOf(before, after)) {
    if (isSameValue(writtenValue(before, key), writtenValue(after, key))) continue;
    const value = writtenValue(after, key);
    const index = map.items.findIndex((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === key);
    if (value === undefined) {
      if (index !== -1) map.items.splice(index, 1);
      continue;
    }
    const node = createValueNode(value, key);
    if (index !== -1) {
      const pair = map.items[index] as Pair;
      const old = pair.value;
      if (isScalar(old) || isSeq(old)) node.comment = old.comment;
      pair.value = node;
    } else {
      (map.items as Pair[]).splice(insertionIndex(map, key), 0, new Pair(new Scalar(key), node));
    }
  }
  const rendered = document.toString(TO_STRING_OPTIONS);
  return rendered
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(indent) + line))
    .join('\n');
}

/** Where a new key goes among a map's keys: before the first known key that comes after it in the canonical order. */
function insertionIndex(map: YAMLMap, key: string): number {
  const rank = FIELD_RANK.get(key) ?? Infinity;
  const index = map.items.findIndex((pair) => {
    const other = isScalar(pair.key) ? pair.key.value : undefined;
    return typeof other === 'string' && (FIELD_RANK.get(other) ?? Infinity) > rank && FIELD_RANK.has(other);
  });
  return index === -1 ? map.items.length : index;
}

function createValueNode(value: unknown, key: string): Scalar | YAMLSeq {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.flow = true;
    for (const item of value) seq.items.push(createScalar(String(item), true));
    return seq;
  }
  if (typeof value === 'string') {
    const scalar = createScalar(value, false);
    if (key === 'note' && canWriteAsBlock(value)) scalar.type = Scalar.BLOCK_LITERAL;
    return scalar;
  }
  return new Scalar(value);
}

function createScalar(value: string, inFlow: boolean): Scalar {
  const scalar = new Scalar(value);
  scalar.type = isPlainSafe(value, inFlow) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  return scalar;
}
