/**
 * Writing the sidecar. A new file gets the canonical layout; an existing one
 * is edited in place: entries that did not change keep their exact bytes,
 * removed entries are cut out with the comment lines above them, new entries
 * are spliced in at their place by `start`, and a changed entry is re-parsed
 * on its own and edited node by node with the `yaml` package, so its
 * comments, key order and unknown keys survive. Saving unchanged data
 * therefore changes no byte, and a save costs time in proportion to what
 * changed, not to the size of the file.
 *
 * The canonical entry layout: known keys in {@link ANNOTATION_FIELDS} order,
 * plain scalars where YAML reads them back unchanged and JSON-style double
 * quotes otherwise, flow `tags: [a, b]`, a multi-line note as a `|` block,
 * and absent, null and empty-note fields left out.
 */
import { isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLSeq, type YAMLMap } from 'yaml';
import type { Annotation } from '../model';
import { ANNOTATION_FIELDS, FIELD_RANK, isSameValue, keysOf, writtenValue } from './annotation-fields';
import { SIDECAR_VERSION, type SidecarLayout } from './sidecar-format';
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
  const text = layout.text;
  const edits: Edit[] = [];

  if (state.sourceHash !== previousSourceHash) {
    const hash = renderHash(state.sourceHash);
    if (layout.sourceHash.kind === 'value') {
      const { from, to } = layout.sourceHash;
      edits.push({ from, to, text: `${text[from - 1] === ':' ? ' ' : ''}${hash}` });
    } else {
      const at = layout.sourceHash.at;
      edits.push({ from: at, to: at, text: `${needsNewlineBefore(text, at) ? '\n' : ''}sourceHash: ${hash}\n` });
    }
  }

  const sequence = layout.sequence;
  if (sequence.kind === 'replace') {
    const prefix = needsNewlineBefore(text, sequence.from) ? '\n' : '';
    edits.push({ from: sequence.from, to: sequence.to, text: prefix + renderAnnotationsKey(state.annotations) });
    return applyEdits(text, edits);
  }

  const current = new Map(state.annotations.map((annotation) => [annotation.id, annotation]));
  const kept: { from: number; start: number; end: number }[] = [];
  for (const entry of layout.entries) {
    const now = current.get(entry.id);
    if (!now) {
      edits.push({ from: entry.from, to: entry.to, text: '' });
      continue;
    }
    kept.push({ from: entry.from, start: now.start, end: now.end });
    if (!isSameEntry(now, entry.annotation)) {
      const bodyEnd = trimTrailingBlankLines(text, entry.body, entry.to);
      const entryText = text.slice(entry.body, bodyEnd);
      const indent = Math.max(0, entryText.search(/\S/));
      // An entry exactly as this writer wrote it holds nothing hand-made to keep: write it afresh, so it stays canonical (and fast to read).
      const rendered = entryText === renderEntry(entry.annotation, indent) ? renderEntry(now, indent) : renderEditedEntry(entryText, entry.annotation, now);
      edits.push({ from: entry.body, to: bodyEnd, text: rendered });
    }
  }

  const existing = new Set(layout.entries.map((entry) => entry.id));
  const insertions = new Map<number, string>();
  for (const annotation of state.annotations) {
    if (existing.has(annotation.id)) continue;
    // Before the first kept entry (in file order) that sorts after it, else at the end.
    const next = kept.find((entry) => entry.start > annotation.start || (entry.start === annotation.start && entry.end > annotation.end));
    const at = next ? next.from : sequence.appendAt;
    const rendered = renderEntry(annotation, sequence.indent);
    insertions.set(at, (insertions.get(at) ?? (needsNewlineBefore(text, at) ? '\n' : '')) + rendered);
  }
  for (const [at, inserted] of insertions) edits.push({ from: at, to: at, text: inserted });
  return applyEdits(text, edits);
}

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Applies non-overlapping edits; at one position an insertion goes before a replacement. */
function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.from - b.from || a.to - b.to);
  // A file checked out with CRLF line ends (git on Windows) keeps them: new text follows the file's convention.
  const crlf = text.includes('\r\n');
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of edits) {
    if (edit.from < cursor) throw new Error(`overlapping sidecar edits at ${edit.from}`);
    parts.push(text.slice(cursor, edit.from), crlf ? edit.text.replace(/\r?\n/g, '\r\n') : edit.text);
    cursor = edit.to;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
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
  return value.includes('\n') && value.trim() !== '' && /^[^\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]*$/.test(value);
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
