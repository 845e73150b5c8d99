/**
 * brat standoff (`.ann`), the format of the brat annotation tool and of many
 * NLP corpora. Offsets are code points, as ours are.
 *
 * - `T1<TAB>Kind START END<TAB>text` for each annotation. brat text fields
 *   cannot hold a line break, so a span that crosses one is written as
 *   fragments `START END;START END` that skip the breaks, with the fragment
 *   texts joined by a space (brat's own rule).
 * - `A1<TAB>name T1 value` for our fields (id, status, detection
 *   attributes, timestamps, author). brat values cannot hold white space, so
 *   values are percent-encoded (space `%20`, `%` itself `%25`). A span that
 *   starts or ends with a line break, which fragments cannot show, also gets
 *   `span T1 START-END`.
 * - `#1<TAB>AnnotatorNotes T1<TAB>…` for tags and the note: `tags: a; b`
 *   on the first line of the note text, line breaks written as `\n`.
 * Kinds with spaces get `_` (brat types are single tokens).
 */
import { fail, ok, type Result } from '../errors';
import type { Annotation } from '../model';
import { OffsetMap } from '../text/code-points';
import { ATTRIBUTE_KEYS } from './export-item';
import { IdAllocator, placeImported, type ImportOptions } from './import-options';

/** The fields written as `A` lines, besides the detection attributes. */
const RECORD_KEYS = ['id', 'status', 'created', 'updated', 'author'] as const;
const NUMBER_KEYS = new Set<string>(['value', 'comparisonValue']);
const TAGS_LINE = /^tags: (.*)$/;

/** The `.ann` text for one report's annotations (`reportText` finds the line breaks inside spans). */
export function toBrat(annotations: readonly Annotation[], reportText: string): string {
  const offsets = new OffsetMap(reportText);
  const lines: string[] = [];
  let attribute = 0;
  let note = 0;
  for (const [index, annotation] of annotations.entries()) {
    const t = `T${index + 1}`;
    const fragments = splitAtLineBreaks(reportText, offsets, annotation.start, annotation.end);
    const spans = fragments.map((fragment) => `${fragment.start} ${fragment.end}`).join(';');
    lines.push(`${t}\t${annotation.kind.replace(/\s+/g, '_')} ${spans}\t${fragments.map((fragment) => fragment.text).join(' ')}`);
    for (const key of [...RECORD_KEYS, ...ATTRIBUTE_KEYS]) {
      const value = annotation[key];
      if (value === undefined || value === null || value === '') continue;
      lines.push(`A${++attribute}\t${key} ${t} ${encodeValue(String(value))}`);
    }
    if (annotation.orphaned) lines.push(`A${++attribute}\torphaned ${t}`);
    // Fragments skip line breaks, so a span that starts or ends on one is recorded whole as well.
    const first = fragments[0] as Fragment;
    const last = fragments[fragments.length - 1] as Fragment;
    if (first.start !== annotation.start || last.end !== annotation.end) lines.push(`A${++attribute}\tspan ${t} ${annotation.start}-${annotation.end}`);
    const noteText = [annotation.tags.length > 0 ? `tags: ${annotation.tags.join('; ')}` : '', annotation.note].filter(Boolean).join('\n');
    if (noteText) lines.push(`#${++note}\tAnnotatorNotes ${t}\t${noteText.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

interface Fragment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The span's pieces between line breaks (code points), empty pieces dropped; the whole span when it has no break. */
function splitAtLineBreaks(text: string, offsets: OffsetMap, start: number, end: number): Fragment[] {
  const from = offsets.toUtf16(start);
  const covered = text.slice(from, offsets.toUtf16(end));
  if (!/[\r\n]/.test(covered)) return [{ start, end, text: covered }];
  const fragments: Fragment[] = [];
  for (const match of covered.matchAll(/[^\r\n]+/g)) {
    const pieceStart = offsets.toCodePoint(from + match.index);
    fragments.push({ start: pieceStart, end: offsets.toCodePoint(from + match.index + match[0].length), text: match[0] });
  }
  return fragments.length > 0 ? fragments : [{ start, end: start, text: '' }];
}

function encodeValue(value: string): string {
  return value.replace(/[%\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function decodeValue(value: string): string {
  return value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Annotations from a `.ann` file. Relations, events and normalisations (R,
 * E, N, M lines) have no counterpart here and are skipped; attributes and
 * notes of unknown shape are kept in the note rather than lost.
 *
 * @returns `import-malformed` with the line number of the first line that is
 *   not brat standoff, or of a T line whose text differs from the report's.
 */
export function fromBrat(ann: string, options: ImportOptions): Result<Annotation[]> {
  const ids = new IdAllocator(options);
  const offsets = new OffsetMap(options.reportText);
  const drafts = new Map<string, Record<string, unknown> & { tags: string[]; notes: string[]; line: number }>();
  const problem = (line: number, message: string) => fail<Annotation[]>({ code: 'import-malformed', path: options.path, line, column: 1, message });
  const spanOf = (start: number, end: number) => ({ start, end, text: options.reportText.slice(offsets.toUtf16(start), offsets.toUtf16(end)) });
  const lines = ann.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    if (raw.trim() === '') continue;
    const [key = '', ...fields] = raw.split('\t');
    if (/^T\d+$/.test(key)) {
      const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[0] ?? '');
      if (!match || fields.length < 2) return problem(lineNumber, `${key}: expected 'TYPE START END<TAB>text'`);
      const spans = (match[2] as string).split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
      const start = spans[0]?.[0] as number;
      const end = spans[spans.length - 1]?.[1] as number;
      if (spans.some(([from, to]) => to < from) || end > offsets.codePointLength) return problem(lineNumber, `${key}: span ${match[2]} is outside the report`);
      const expected = spans.map(([from, to]) => options.reportText.slice(offsets.toUtf16(from), offsets.toUtf16(to))).join(' ');
      if (fields.slice(1).join('\t') !== expected) return problem(lineNumber, `${key}: the text does not match the report at ${match[2]}`);
      drafts.set(key, {
        kind: (match[1] as string).replace(/_/g, ' '),
        ...spanOf(start, end),
        tags: [],
        notes: [],
        line: lineNumber,
      });
    } else if (/^A\d+$/.test(key) || /^M\d+$/.test(key)) {
      const [name, target, ...words] = (fields[0] ?? '').split(' ');
      // Our values never hold spaces (they are percent-encoded); other tools' may.
      const value = words.length > 0 ? words.join(' ') : undefined;
      const draft = target === undefined ? undefined : drafts.get(target);
      if (!name || !draft) return problem(lineNumber, `${key}: expected 'NAME T<n> [VALUE]' after the T line it names`);
      const span = name === 'span' ? /^(\d+)-(\d+)$/.exec(value ?? '') : null;
      if (name === 'orphaned') draft.orphaned = true;
      else if (span) Object.assign(draft, spanOf(Number(span[1]), Number(span[2])));
      else if (value === undefined) draft.notes.push(name);
      else draft[name] = NUMBER_KEYS.has(name) ? Number(decodeValue(value)) : decodeValue(value);
    } else if (/^#\d+$/.test(key)) {
      const [, target] = (fields[0] ?? '').split(' ');
      const draft = target === undefined ? undefined : drafts.get(target);
      if (!draft) return problem(lineNumber, `${key}: expected 'AnnotatorNotes T<n><TAB>text' after the T line it names`);
      const text = (fields.slice(1).join('\t') ?? '').replace(/\\(\\|n|r)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
      const [first = '', ...rest] = text.split('\n');
      const tags = TAGS_LINE.exec(first);
      if (tags) {
        draft.tags.push(...(tags[1] as string).split('; ').filter(Boolean));
        if (rest.length > 0) draft.notes.push(rest.join('\n'));
      } else {
        draft.notes.push(text);
      }
    } else if (!/^[RENM*]\d*$/.test(key)) {
      return problem(lineNumber, `not a brat standoff line (expected T, A, # and the like, found '${key.slice(0, 20)}')`);
    }
  }
  const annotations: Annotation[] = [];
  for (const draft of drafts.values()) {
    const { tags, notes, line: _line, ...fields } = draft;
    const created = typeof fields.created === 'string' ? fields.created : options.now;
    const annotation: Record<string, unknown> = {
      ...fields,
      id: ids.allocate(typeof fields.id === 'string' ? fields.id : undefined),
      status: fields.status === 'rejected' ? 'rejected' : 'accepted',
      line: 1,
      column: 1,
      prefix: '',
      suffix: '',
      tags,
      note: notes.join('\n\n'),
      created,
      updated: typeof fields.updated === 'string' ? fields.updated : created,
    };
    if (annotation.author === undefined && options.author) annotation.author = options.author;
    annotations.push(annotation as unknown as Annotation);
  }
  return ok(placeImported(annotations, options.reportText));
}
