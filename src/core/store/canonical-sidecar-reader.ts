/**
 * A fast reader for sidecars in exactly the layout this tool writes (see
 * `sidecar-writer.ts`), so that opening and saving a sidecar of 10,000
 * annotations takes a fraction of a second instead of the seconds a general
 * YAML parser needs for 4 MB.
 *
 * It accepts only a strict subset of YAML whose meaning it knows exactly:
 * `key: value` lines, plain scalars that {@link isPlainSafe} vouches for,
 * JSON-style double-quoted strings, numbers written as JSON writes them,
 * `null`/`true`/`false`, flow lists of such strings, and `|` blocks. Anything
 * else (a comment between entries, an alias, an unknown key at the top, CRLF
 * line ends, a value that fails validation) makes it give up and return
 * undefined, and the caller parses the text with the `yaml` package, which
 * also gives the positioned messages for invalid files. A test checks that
 * both readers agree on every file the writer can produce.
 */
import type { Annotation } from '../model';
import { ANNOTATION_FIELDS, FIELD_DEFAULTS, isValidValue } from './annotation-fields';
import type { EntryRange, ParsedSidecar, ParseSidecarOptions } from './sidecar-format';
import { isPlainSafe } from './yaml-scalars';

const FIELDS = new Map(ANNOTATION_FIELDS.map((field) => [field.key as string, field]));
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;
const BLOCK_HEADER = /^\|([1-9]?)([-+]?)$/;

/** Thrown inside the reader to give up; never escapes it. */
class NotCanonical extends Error {}

/**
 * The parse of `text` when it is a valid sidecar of format `version` in the
 * canonical layout, else undefined (the caller then uses the general
 * parser). Never throws.
 */
export function readCanonicalSidecar(text: string, version: number, options: ParseSidecarOptions = {}): ParsedSidecar | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  try {
    return new CanonicalReader(text, version, options).read();
  } catch (error) {
    if (error instanceof NotCanonical) return undefined;
    throw error;
  }
}

class CanonicalReader {
  readonly #lines: string[];
  /** Index of the next line to read, and the text offset where it starts. */
  #index = 0;
  #offset = 0;

  constructor(
    readonly text: string,
    readonly version: number,
    readonly options: ParseSidecarOptions,
  ) {
    this.#lines = text.split('\n');
    // A final newline leaves an empty last element that is not a line.
    if (this.#lines[this.#lines.length - 1] === '') this.#lines.pop();
  }

  read(): ParsedSidecar {
    const text = this.text;
    const top = new Map<string, { value: unknown; from: number; to: number }>();
    let annotationsLine = -1;
    let emptyList = false;
    // The head: comments, blank lines and the three known keys, up to `annotations:`.
    while (this.#index < this.#lines.length) {
      const lineStart = this.#offset;
      const line = this.#nextLine();
      if (line === '' || line.startsWith('#')) continue;
      const colon = line.indexOf(':');
      const key = line.slice(0, colon);
      if (colon <= 0 || !/^[A-Za-z]+$/.test(key)) throw new NotCanonical();
      const raw = colon === line.length - 1 ? undefined : line[colon + 1] === ' ' ? line.slice(colon + 2) : null;
      if (raw === null) throw new NotCanonical();
      if (key === 'annotations') {
        if (raw === undefined) annotationsLine = lineStart;
        else if (raw === '[]') {
          annotationsLine = lineStart;
          emptyList = true;
        } else throw new NotCanonical();
        break;
      }
      if ((key !== 'version' && key !== 'source' && key !== 'sourceHash') || raw === undefined || top.has(key)) throw new NotCanonical();
      const valueFrom = lineStart + key.length + 2;
      top.set(key, { value: readInlineScalar(raw), from: valueFrom, to: valueFrom + raw.length });
    }
    if (annotationsLine === -1) throw new NotCanonical();

    const version = top.get('version')?.value;
    const source = top.get('source')?.value;
    const hash = top.get('sourceHash');
    if (version !== this.version) throw new NotCanonical();
    if (typeof source !== 'string' || source === '') throw new NotCanonical();
    if (this.options.expectedSource !== undefined && source !== this.options.expectedSource) throw new NotCanonical();
    if (hash && hash.value !== null && typeof hash.value !== 'string') throw new NotCanonical();
    const sourceHash = (hash?.value ?? null) as string | null;
    const sourceHashLayout = hash ? { kind: 'value' as const, from: hash.from, to: hash.to } : { kind: 'insert' as const, at: annotationsLine };

    if (emptyList) {
      if (this.text.slice(this.#offset).trim() !== '') throw new NotCanonical();
      const to = Math.min(this.#offset, text.length);
      return {
        version,
        source,
        sourceHash,
        annotations: [],
        readOnlyReason: null,
        skipped: [],
        layout: { text, entries: [], sequence: { kind: 'replace', from: annotationsLine, to }, sourceHash: sourceHashLayout },
      };
    }

    const { entries, indent } = this.#readEntries();
    if (entries.length === 0) throw new NotCanonical();
    const last = entries[entries.length - 1] as EntryRange;
    return {
      version,
      source,
      sourceHash,
      annotations: entries.map((entry) => entry.annotation),
      readOnlyReason: null,
      skipped: [],
      layout: { text, entries, sequence: { kind: 'block', indent, appendAt: last.to }, sourceHash: sourceHashLayout },
    };
  }

  #readEntries(): { entries: EntryRange[]; indent: number } {
    const lines = this.#lines;
    const entries: EntryRange[] = [];
    const ids = new Set<string>();
    const firstLine = lines[this.#index] ?? '';
    const indent = firstLine.length - firstLine.trimStart().length;
    const dashPrefix = `${' '.repeat(indent)}- `;
    const keyIndent = indent + 2;
    const keyPrefix = ' '.repeat(keyIndent);
    while (this.#index < lines.length) {
      const body = this.#offset;
      const first = this.#nextLine();
      if (!first.startsWith(dashPrefix)) throw new NotCanonical();
      const values: Record<string, unknown> = {};
      let line = first;
      for (;;) {
        // `key: value` after the indentation (or after `- ` on an entry's first line).
        const colon = line.indexOf(':', keyIndent);
        if (colon === -1 || line[colon + 1] !== ' ') throw new NotCanonical();
        const key = line.slice(keyIndent, colon);
        // Only known keys get here, so `values` never sees `__proto__` and friends.
        if (!FIELDS.has(key) || Object.prototype.hasOwnProperty.call(values, key)) throw new NotCanonical();
        const raw = line.slice(colon + 2);
        const block = raw.charCodeAt(0) === 124 /* | */ ? BLOCK_HEADER.exec(raw) : null;
        values[key] = block ? this.#readBlock(block, keyIndent) : key === 'tags' ? readFlowList(raw) : readInlineScalar(raw);
        if (this.#index >= lines.length) break;
        const next = lines[this.#index] as string;
        if (!next.startsWith(keyPrefix) || next.charCodeAt(keyIndent) === 32 || next.charCodeAt(keyIndent) === 45 /* - */) break;
        line = this.#nextLine();
      }
      const annotation = toAnnotation(values);
      if (ids.has(annotation.id)) throw new NotCanonical();
      ids.add(annotation.id);
      entries.push({ id: annotation.id, from: body, body, to: Math.min(this.#offset, this.text.length), annotation });
    }
    return { entries, indent };
  }

  /** A `|` block whose key sits at column `keyIndent`, read with YAML's rules for literal blocks. */
  #readBlock(header: RegExpExecArray, keyIndent: number): string {
    const explicit = header[1] ? keyIndent + Number(header[1]) : undefined;
    const chomp = header[2];
    const lines: string[] = [];
    let contentIndent = explicit;
    while (this.#index < this.#lines.length) {
      const line = this.#lines[this.#index] as string;
      if (line === '') {
        lines.push('');
        this.#nextLine();
        continue;
      }
      const leading = line.length - line.trimStart().length;
      if (leading === line.length) throw new NotCanonical(); // a line of spaces only: leave YAML's subtle rules to YAML
      if (contentIndent === undefined) {
        if (leading !== keyIndent + 2) throw new NotCanonical();
        contentIndent = leading;
      }
      if (leading < contentIndent) break;
      lines.push(line.slice(contentIndent));
      this.#nextLine();
    }
    // Empty lines at the end belong to the block in YAML; chomping decides whether they count.
    let trailing = 0;
    while (trailing < lines.length && lines[lines.length - 1 - trailing] === '') trailing++;
    const content = lines.slice(0, lines.length - trailing);
    if (content.length === 0) throw new NotCanonical();
    const core = content.join('\n');
    if (chomp === '-') return core;
    if (chomp === '+') return `${core}\n${'\n'.repeat(trailing)}`;
    return `${core}\n`;
  }

  #nextLine(): string {
    const line = this.#lines[this.#index++] as string;
    this.#offset += line.length + 1;
    return line;
  }
}

/** A one-line scalar in the canonical subset, or NotCanonical. */
function readInlineScalar(raw: string): unknown {
  if (raw.startsWith('"')) return readJsonString(raw);
  if (raw === 'null') return null;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (INTEGER.test(raw) || DECIMAL.test(raw)) {
    const value = Number(raw);
    if (!Number.isFinite(value) || (INTEGER.test(raw) && !Number.isSafeInteger(value))) throw new NotCanonical();
    return value;
  }
  if (isPlainSafe(raw, false)) return raw;
  throw new NotCanonical();
}

function readJsonString(raw: string): string {
  if (raw.length < 2 || !raw.endsWith('"')) throw new NotCanonical();
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'string') throw new NotCanonical();
    return value;
  } catch {
    throw new NotCanonical();
  }
}

/** `[a, "b, c"]`: a flow list of plain or JSON-quoted strings. */
function readFlowList(raw: string): string[] {
  if (!raw.startsWith('[') || !raw.endsWith(']')) throw new NotCanonical();
  const inner = raw.slice(1, -1);
  if (inner === '') return [];
  const items: string[] = [];
  let i = 0;
  while (i <= inner.length) {
    let item: string;
    if (inner[i] === '"') {
      let j = i + 1;
      while (j < inner.length && inner[j] !== '"') j += inner[j] === '\\' ? 2 : 1;
      if (j >= inner.length) throw new NotCanonical();
      item = readJsonString(inner.slice(i, j + 1));
      i = j + 1;
    } else {
      const comma = inner.indexOf(', ', i);
      const end = comma === -1 ? inner.length : comma;
      item = inner.slice(i, end);
      if (!isPlainSafe(item, true)) throw new NotCanonical();
      i = end;
    }
    items.push(item);
    if (i === inner.length) return items;
    if (inner.slice(i, i + 2) !== ', ') throw new NotCanonical();
    i += 2;
  }
  throw new NotCanonical();
}

/** Checks the values against the field table, as the general reader does, and fills in defaults; any problem gives up. */
function toAnnotation(values: Record<string, unknown>): Annotation {
  for (const field of ANNOTATION_FIELDS) {
    const key = field.key as string;
    if (!Object.prototype.hasOwnProperty.call(values, key)) {
      if (field.required) throw new NotCanonical();
      if (key in FIELD_DEFAULTS) values[key] = key === 'tags' ? [] : FIELD_DEFAULTS[field.key];
      continue;
    }
    let value = values[key];
    if (field.check.type === 'string-list' && value === null) value = values[key] = [];
    if (!isValidValue(field.check, value)) throw new NotCanonical();
    if (value === null || (key === 'orphaned' && value === false)) delete values[key];
  }
  if ((values.start as number) > (values.end as number)) throw new NotCanonical();
  return values as unknown as Annotation;
}
