/**
 * Reading the sidecar, format version 1: YAML text in, validated annotations
 * and a {@link SidecarLayout} out. The layout records where each annotation's
 * entry sits in the text, so that the writer can splice changed entries into
 * the file and leave every other byte (comments, blank lines, unknown keys,
 * hand-made formatting) as the person who wrote it left it.
 *
 * Hostile or broken input is refused with a {@link Problem} that names the
 * file, line and column: text over the size limit before any parsing, YAML
 * errors, alias bombs (aliases expanding past `maxAliasCount`), schema
 * violations, and a `source` naming another report. A file of a newer format
 * version is read as far as it can be and marked read-only.
 *
 * A file in exactly the layout the writer produces is read by the fast
 * canonical reader (`canonical-sidecar-reader.ts`); anything else, and every
 * invalid file, goes through the `yaml` package's `parseDocument`.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { fail, ok, type ErrorCode, type Problem, type Result } from '../errors';
import type { Annotation } from '../model';
import { readCanonicalSidecar } from './canonical-sidecar-reader';
import { ANNOTATION_FIELDS, checkScalarValue, describeCheck, FIELD_DEFAULTS, type FieldSpec } from './annotation-fields';

/** The format version this code reads and writes. */
export const SIDECAR_VERSION = 1;

/** Sidecars larger than this are refused before parsing, unless the caller allows more. */
export const DEFAULT_MAX_SIDECAR_BYTES = 10 * 1024 * 1024;

/** How many alias expansions a sidecar may need; a real sidecar needs none, an alias bomb needs billions. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

export interface ParseSidecarOptions {
  /** Refuse text longer than this many UTF-16 units (the store checks bytes before decoding). Default 10 MB. */
  readonly maxBytes?: number;
  /** The report's file name; a sidecar whose `source` names another file is refused. Unchecked when omitted. */
  readonly expectedSource?: string;
  readonly maxAliasCount?: number;
  /** Try the fast reader for files in the canonical layout before the general YAML parser (default true). */
  readonly fastPath?: boolean;
}

/** One annotation's entry in the file, as text ranges (UTF-16 offsets into the sidecar text). */
export interface EntryRange {
  readonly id: string;
  /** Start of the entry including the comment lines directly above its `-`. */
  readonly from: number;
  /** Start of the line holding the entry's `-`. */
  readonly body: number;
  /** End of the entry (the next entry's `from`, or the end of the last entry's last line). */
  readonly to: number;
  /** The annotation as read from this entry. */
  readonly annotation: Annotation;
}

/**
 * Where things are in a parsed sidecar's text, for editing it in place.
 * `sequence` says how new entries are added: into the existing block
 * sequence at `indent`, or by replacing `from..to` (an empty or flow-style
 * `annotations`, or none at all) with a block sequence of every annotation.
 */
export interface SidecarLayout {
  readonly text: string;
  /** Entries in file order (only those that validated). */
  readonly entries: readonly EntryRange[];
  readonly sequence:
    | { readonly kind: 'block'; readonly indent: number; readonly appendAt: number }
    | { readonly kind: 'replace'; readonly from: number; readonly to: number };
  /** The `sourceHash` value's range, or where to insert a `sourceHash:` line when there is none. */
  readonly sourceHash: { readonly kind: 'value'; readonly from: number; readonly to: number } | { readonly kind: 'insert'; readonly at: number };
}

export interface ParsedSidecar {
  readonly version: number;
  readonly source: string;
  readonly sourceHash: string | null;
  /** In file order, normalised (see `normalizeAnnotation`): defaults filled in, null attributes and `orphaned: false` left out. */
  readonly annotations: readonly Annotation[];
  /** Why the file must not be written (a newer format version), or null. */
  readonly readOnlyReason: string | null;
  /** Entries a newer format version made unreadable to this version, skipped rather than refused. */
  readonly skipped: readonly Problem[];
  /** Null when the text cannot be edited in place (a flow-style top level); the writer then writes the file afresh. */
  readonly layout: SidecarLayout | null;
}

/**
 * Parses and validates sidecar text. Returns the first problem (with line
 * and column) when the text is not a valid version-1 sidecar; see
 * {@link validateSidecar} for all of them. Never throws on any string.
 */
export function parseSidecar(yamlText: string, path: string, options: ParseSidecarOptions = {}): Result<ParsedSidecar> {
  const fast = readFast(yamlText, options);
  if (fast) return ok(fast);
  const reader = new SidecarReader(yamlText, path, options);
  const parsed = reader.read();
  const first = reader.problems[0];
  if (first) return fail(first);
  if (!parsed) throw new Error('sidecar reader returned nothing without a problem');
  return ok(parsed);
}

/** Every problem in sidecar text (empty when it is valid), for `validate`. Stops early only at YAML syntax errors and alias bombs. */
export function validateSidecar(yamlText: string, path: string, options: ParseSidecarOptions = {}): Problem[] {
  if (readFast(yamlText, options)) return [];
  const reader = new SidecarReader(yamlText, path, options);
  reader.read();
  return reader.problems;
}

/** The canonical reader's parse when it applies (within the size limit, fast path not turned off), else undefined. */
function readFast(yamlText: string, options: ParseSidecarOptions): ParsedSidecar | undefined {
  if (options.fastPath === false || yamlText.length > (options.maxBytes ?? DEFAULT_MAX_SIDECAR_BYTES)) return undefined;
  return readCanonicalSidecar(yamlText, SIDECAR_VERSION, options);
}

/** Walks the YAML document once, collecting problems and building the result. */
class SidecarReader {
  readonly problems: Problem[] = [];
  readonly #lines = new LineCounter();
  #document: Document | undefined;
  #lenient = false;
  readonly #skipped: Problem[] = [];

  constructor(
    readonly text: string,
    readonly path: string,
    readonly options: ParseSidecarOptions,
  ) {}

  read(): ParsedSidecar | undefined {
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_SIDECAR_BYTES;
    if (this.text.length > maxBytes) {
      this.#report('sidecar-too-large', `refused: the sidecar is larger than the ${Math.round(maxBytes / 1024)} KB limit`);
      return undefined;
    }
    const document = parseDocument(this.text, { lineCounter: this.#lines, keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
    this.#document = document;
    const syntax = document.errors[0];
    if (syntax) {
      this.#report('sidecar-malformed', `YAML syntax error: ${firstLine(syntax.message)}`, syntax.pos[0]);
      return undefined;
    }
    if (!this.#checkAliases(document)) return undefined;

    const top = document.contents;
    if (!isMap(top)) {
      this.#report('sidecar-invalid', 'expected a mapping with version, source, sourceHash and annotations', top?.range?.[0] ?? 0);
      return undefined;
    }
    const version = this.#readVersion(top);
    if (version === undefined) return undefined;
    const readOnlyReason =
      version > SIDECAR_VERSION
        ? `format version ${version} is newer than this version of Report Annotator understands (${SIDECAR_VERSION}): opened read-only; update the extension to edit it`
        : null;
    this.#lenient = readOnlyReason !== null;

    const source = this.#readSource(top);
    const sourceHash = this.#readSourceHash(top);
    const annotationsPair = findPair(top, 'annotations');
    const entries = this.#readEntries(annotationsPair);
    if (source === undefined || sourceHash === undefined || entries === undefined) return undefined;
    if (this.problems.length > 0) return undefined;

    return {
      version,
      source,
      sourceHash,
      annotations: entries.map((entry) => entry.annotation),
      readOnlyReason,
      skipped: this.#skipped,
      layout: top.flow ? null : this.#layoutOf(top, annotationsPair, entries),
    };
  }

  /** Refuses aliases that expand past the limit; a sidecar never needs them, but a hand-written one may use a few. */
  #checkAliases(document: Document): boolean {
    let firstAlias: Node | undefined;
    visit(document, {
      Alias(_, node) {
        firstAlias = node;
        return visit.BREAK;
      },
    });
    if (!firstAlias) return true;
    try {
      document.toJS({ maxAliasCount: this.options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT });
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#report('sidecar-alias-bomb', `refused: aliases expand too far (${message})`, firstAlias.range?.[0] ?? 0);
      return false;
    }
  }

  #readVersion(top: YAMLMap): number | undefined {
    const pair = findPair(top, 'version');
    if (!pair) {
      this.#report('sidecar-invalid', `missing 'version' (this format is version ${SIDECAR_VERSION})`, top.range?.[0] ?? 0);
      return undefined;
    }
    const node = this.#resolve(pair.value);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      this.#report('sidecar-invalid', `'version' must be a whole number (this format is version ${SIDECAR_VERSION})`, this.#startOf(pair));
      return undefined;
    }
    return value;
  }

  #readSource(top: YAMLMap): string | undefined {
    const pair = findPair(top, 'source');
    const node = this.#resolve(pair?.value);
    if (!pair || !isScalar(node) || typeof node.value !== 'string' || node.value === '') {
      this.#report('sidecar-invalid', "'source' must name the report file", pair ? this.#startOf(pair) : (top.range?.[0] ?? 0));
      return undefined;
    }
    const expected = this.options.expectedSource;
    if (expected !== undefined && node.value !== expected) {
      this.#report('sidecar-wrong-source', `refused: this sidecar belongs to '${node.value}', not to '${expected}'`, this.#startOf(pair));
      return undefined;
    }
    return node.value;
  }

  #readSourceHash(top: YAMLMap): string | null | undefined {
    const pair = findPair(top, 'sourceHash');
    const node = this.#resolve(pair?.value);
    if (!pair || (isScalar(node) && node.value === null)) return null;
    if (!isScalar(node) || typeof node.value !== 'string') {
      this.#report('sidecar-invalid', "'sourceHash' must be a string such as fnv1a64:0123456789abcdef", this.#startOf(pair));
      return undefined;
    }
    return node.value;
  }

  #readEntries(pair: Pair | undefined): EntryRange[] | undefined {
    const node = this.#resolve(pair?.value);
    if (!pair || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.#report('sidecar-invalid', "'annotations' must be a list", this.#startOf(pair));
      return undefined;
    }
    const entries: EntryRange[] = [];
    const seen = new Map<string, number>();
    node.items.forEach((item, index) => {
      const annotation = this.#readAnnotation(item, index);
      if (!annotation) return;
      const earlier = seen.get(annotation.id);
      if (earlier !== undefined) {
        this.#report('sidecar-invalid', `duplicate id '${annotation.id}' (also annotation ${earlier + 1})`, nodeStart(item));
        return;
      }
      seen.set(annotation.id, index);
      entries.push({ ...this.#rangeOfItem(node, index), id: annotation.id, annotation });
    });
    return entries;
  }

  #readAnnotation(item: unknown, index: number): Annotation | undefined {
    const node = this.#resolve(item);
    const label = `annotation ${index + 1}`;
    if (!isMap(node)) {
      this.#problem('sidecar-invalid', `${label} must be a mapping of fields (id, kind, status, text, start, end, …)`, nodeStart(item));
      return undefined;
    }
    const result: Record<string, unknown> = {};
    const problemsBefore = this.problems.length + this.#skipped.length;
    for (const field of ANNOTATION_FIELDS) {
      const pair = findPair(node, field.key);
      if (!pair) {
        if (field.required) this.#problem('sidecar-invalid', `${label} has no '${field.key}'`, nodeStart(node));
        else if (field.key in FIELD_DEFAULTS) result[field.key] = FIELD_DEFAULTS[field.key];
        continue;
      }
      const value = this.#readField(field, pair, label);
      // Stored as the store keeps annotations (see normalizeAnnotation): no nulls, no -0.
      if (value !== undefined && value !== null) result[field.key] = Object.is(value, -0) ? 0 : value;
    }
    if (this.problems.length + this.#skipped.length > problemsBefore) return undefined;
    if ((result.start as number) > (result.end as number)) {
      this.#problem('sidecar-invalid', `${label}: 'start' (${String(result.start)}) is after 'end' (${String(result.end)})`, nodeStart(findPair(node, 'start')?.value));
      return undefined;
    }
    if (result.orphaned === false) delete result.orphaned;
    return result as unknown as Annotation;
  }

  /** The field's value, null for an explicit null the field allows, or undefined after reporting a problem. */
  #readField(field: FieldSpec, pair: Pair, label: string): unknown {
    const node = this.#resolve(pair.value);
    const where = nodeStart(pair.value) ?? this.#startOf(pair);
    const bad = (expected: string): undefined => {
      this.#problem('sidecar-invalid', `${label}: '${field.key}' must be ${expected}`, where);
      return undefined;
    };
    const check = field.check;
    if (check.type === 'string-list') {
      if (isScalar(node) && node.value === null) return [];
      if (!isSeq(node)) return bad('a list of strings, e.g. [housing, leavers]');
      const values: string[] = [];
      for (const element of (node as YAMLSeq).items) {
        const resolved = this.#resolve(element);
        if (!isScalar(resolved) || (typeof resolved.value !== 'string' && typeof resolved.value !== 'number')) return bad('a list of strings');
        values.push(String(resolved.value));
      }
      return values;
    }
    if (!isScalar(node)) return bad(describeCheck(check));
    const checked = checkScalarValue(check, node.value);
    return checked.ok ? checked.value : bad(checked.expected);
  }

  /**
   * The text range of item `index` of a block sequence: from the comment
   * lines directly above its `-` to the start of the next item's range (so
   * blank lines after an entry belong to it), or to the end of the last
   * item's last line.
   */
  #rangeOfItem(seq: YAMLSeq, index: number): { from: number; body: number; to: number } {
    const text = this.text;
    const body = lineStart(text, this.#dashOffset(seq, index));
    // A `#` line inside the previous entry's block scalar is text, not a comment: never go back into it.
    const from = skipCommentLinesBackward(text, body, index > 0 ? this.#contentEnd(seq, index - 1) : 0);
    let to: number;
    if (index + 1 < seq.items.length) {
      to = skipCommentLinesBackward(text, lineStart(text, this.#dashOffset(seq, index + 1)), this.#contentEnd(seq, index));
    } else {
      const item = seq.items[index] as Node;
      to = lineEnd(text, Math.max(body, (item.range?.[1] ?? body) - 1));
    }
    return { from, body, to: Math.max(to, body) };
  }

  /** End of the line where item `index`'s own content ends. */
  #contentEnd(seq: YAMLSeq, index: number): number {
    const end = (seq.items[index] as Node | undefined)?.range?.[1];
    return end === undefined ? 0 : lineEnd(this.text, Math.max(0, end - 1));
  }

  /** Offset of the `-` that opens item `index` of a block sequence (from the kept source tokens). */
  #dashOffset(seq: YAMLSeq, index: number): number {
    const token = seq.srcToken;
    if (token?.type === 'block-seq') {
      const indicator = token.items[index]?.start.find((part) => part.type === 'seq-item-ind');
      if (indicator) return indicator.offset;
    }
    return nodeStart(seq.items[index]) ?? 0;
  }

  #layoutOf(top: YAMLMap, annotationsPair: Pair | undefined, entries: readonly EntryRange[]): SidecarLayout {
    const text = this.text;
    const hashPair = findPair(top, 'sourceHash');
    const hashNode = hashPair?.value as Node | undefined;
    let sourceHash: SidecarLayout['sourceHash'];
    if (hashPair && isScalar(hashNode) && hashNode.range) {
      sourceHash = { kind: 'value', from: hashNode.range[0], to: hashNode.range[1] };
    } else {
      const annotationsKey = annotationsPair?.key as Node | undefined;
      sourceHash = { kind: 'insert', at: annotationsKey?.range ? lineStart(text, annotationsKey.range[0]) : endWithNewline(text) };
    }

    const value = annotationsPair?.value as Node | undefined;
    let sequence: SidecarLayout['sequence'];
    if (isSeq(value) && !value.flow && value.items.length > 0 && entries.length === value.items.length) {
      const dash = this.#dashOffset(value, 0);
      sequence = { kind: 'block', indent: dash - lineStart(text, dash), appendAt: (entries[entries.length - 1] as EntryRange).to };
    } else if (annotationsPair) {
      // Empty, null or flow-style: rewrite the whole `annotations:` entry as a block sequence.
      const keyStart = lineStart(text, (annotationsPair.key as Node).range?.[0] ?? 0);
      const valueEnd = value?.range ? value.range[1] : ((annotationsPair.key as Node).range?.[1] ?? keyStart);
      return { text, entries: [], sequence: { kind: 'replace', from: keyStart, to: lineEnd(text, Math.max(keyStart, valueEnd - 1)) }, sourceHash };
    } else {
      const at = endWithNewline(text);
      sequence = { kind: 'replace', from: at, to: at };
    }
    return { text, entries, sequence, sourceHash };
  }

  #resolve(node: unknown): unknown {
    return isAlias(node) && this.#document ? node.resolve(this.#document) : node;
  }

  #startOf(pair: Pair): number | undefined {
    return nodeStart(pair.key) ?? nodeStart(pair.value);
  }

  /** A problem in one entry: refused in this version, skipped with a note in a newer one. */
  #problem(code: ErrorCode, message: string, offset: number | undefined): void {
    if (this.#lenient) this.#skipped.push(this.#at(code, message, offset));
    else this.problems.push(this.#at(code, message, offset));
  }

  #report(code: ErrorCode, message: string, offset?: number): void {
    this.problems.push(this.#at(code, message, offset));
  }

  #at(code: ErrorCode, message: string, offset: number | undefined): Problem {
    if (offset === undefined) return { code, message, path: this.path };
    const { line, col } = this.#lines.linePos(offset);
    return { code, message, path: this.path, line, column: col };
  }
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === key) as Pair | undefined;
}

function nodeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

/** Start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Just past the newline ending the line holding `offset` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function endWithNewline(text: string): number {
  return text.length;
}

/** Moves a line start back over the comment-only lines directly above it (not over blank lines), never before `floor`. */
function skipCommentLinesBackward(text: string, start: number, floor: number): number {
  let from = start;
  while (from > floor) {
    const previous = lineStart(text, from - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, from))) break;
    from = previous;
  }
  return from;
}
