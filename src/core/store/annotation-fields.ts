/**
 * The fields of a sidecar annotation in one table: their order in the file,
 * the type each must have, and which may be left out. The parser validates
 * against it, the writer orders new keys by it, and the merge walks it, so a
 * field added to the format is added here once.
 */
import type { Annotation } from '../model';

/** How a field's YAML value is checked. */
export type FieldType =
  | { readonly type: 'string'; readonly nonEmpty?: boolean }
  | { readonly type: 'integer'; readonly min: number }
  | { readonly type: 'number-or-null' }
  | { readonly type: 'string-or-null' }
  | { readonly type: 'boolean' }
  | { readonly type: 'string-list' }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly nullable?: boolean };

export interface FieldSpec {
  readonly key: keyof Annotation;
  readonly check: FieldType;
  /** Whether the key must be present. Optional keys read as their default (below) or as absent. */
  readonly required: boolean;
}

const METRIC_KINDS = ['percent', 'count', 'money', 'ratio', 'change'] as const;
const DIRECTIONS = ['up', 'down', 'higher', 'lower', 'same'] as const;
const ATTRIBUTIONS = ['before', 'after', 'inside', 'previous-paragraph', 'pronoun', 'title', 'none'] as const;

/** Every known field, in the order new entries are written. */
export const ANNOTATION_FIELDS: readonly FieldSpec[] = [
  { key: 'id', check: { type: 'string', nonEmpty: true }, required: true },
  { key: 'kind', check: { type: 'string', nonEmpty: true }, required: true },
  { key: 'status', check: { type: 'enum', values: ['accepted', 'rejected'] }, required: true },
  { key: 'text', check: { type: 'string' }, required: true },
  { key: 'start', check: { type: 'integer', min: 0 }, required: true },
  { key: 'end', check: { type: 'integer', min: 0 }, required: true },
  { key: 'line', check: { type: 'integer', min: 1 }, required: true },
  { key: 'column', check: { type: 'integer', min: 1 }, required: true },
  { key: 'prefix', check: { type: 'string' }, required: false },
  { key: 'suffix', check: { type: 'string' }, required: false },
  { key: 'tags', check: { type: 'string-list' }, required: false },
  { key: 'note', check: { type: 'string' }, required: false },
  { key: 'metricKind', check: { type: 'enum', values: METRIC_KINDS }, required: false },
  { key: 'value', check: { type: 'number-or-null' }, required: false },
  { key: 'unit', check: { type: 'string' }, required: false },
  { key: 'period', check: { type: 'string-or-null' }, required: false },
  { key: 'comparison', check: { type: 'string-or-null' }, required: false },
  { key: 'comparisonValue', check: { type: 'number-or-null' }, required: false },
  { key: 'direction', check: { type: 'enum', values: DIRECTIONS, nullable: true }, required: false },
  { key: 'speaker', check: { type: 'string-or-null' }, required: false },
  { key: 'attribution', check: { type: 'enum', values: ATTRIBUTIONS }, required: false },
  { key: 'cue', check: { type: 'string' }, required: false },
  { key: 'created', check: { type: 'string' }, required: false },
  { key: 'updated', check: { type: 'string' }, required: false },
  { key: 'author', check: { type: 'string' }, required: false },
  { key: 'orphaned', check: { type: 'boolean' }, required: false },
];

/** Position of each known key in the written order; unknown keys sort after all of them. */
export const FIELD_RANK: ReadonlyMap<string, number> = new Map(ANNOTATION_FIELDS.map((field, index) => [field.key, index]));

/**
 * Values an optional field reads as when its key is absent. The remaining
 * optional fields (the detection attributes, `author`, `orphaned`) are simply
 * absent from the annotation.
 */
export const FIELD_DEFAULTS: Readonly<Partial<Record<keyof Annotation, unknown>>> = {
  prefix: '',
  suffix: '',
  tags: [],
  note: '',
  created: '',
  updated: '',
};

/**
 * The value a field is written with, or undefined when the key is left out:
 * null attributes, an empty note, `orphaned: false` and absent fields are not
 * written, which keeps entries short.
 */
export function writtenValue(annotation: Annotation, key: keyof Annotation): unknown {
  const value = annotation[key];
  if (value === null || value === undefined) return undefined;
  if (key === 'note' && value === '') return undefined;
  if (key === 'orphaned' && value === false) return undefined;
  return value;
}

/**
 * The annotation with null and undefined attributes dropped and list fields
 * copied, so that two annotations with the same meaning compare equal
 * whether they came from a detection or from the file.
 */
export function normalizeAnnotation(annotation: Annotation): Annotation {
  const result: Record<string, unknown> = {};
  const source = annotation as unknown as Record<string, unknown>;
  for (const key in source) {
    const value = source[key];
    if (value === null || value === undefined) continue;
    if (key === 'orphaned' && value === false) continue;
    // -0 is written as 0; normalise it here so a round trip compares equal.
    result[key] = Array.isArray(value) ? [...(value as unknown[])] : Object.is(value, -0) ? 0 : value;
  }
  for (const key of DEFAULT_KEYS) {
    if (!(key in result)) {
      const value = FIELD_DEFAULTS[key];
      result[key] = Array.isArray(value) ? [] : value;
    }
  }
  return result as unknown as Annotation;
}

const DEFAULT_KEYS = Object.keys(FIELD_DEFAULTS) as (keyof Annotation)[];

/** Whether two field values are equal (lists element by element). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b || (a == null && b == null);
}

/** Every key either annotation has, known keys first in written order. */
export function keysOf(...annotations: readonly (Annotation | undefined)[]): (keyof Annotation)[] {
  const keys = new Set<string>();
  for (const annotation of annotations) if (annotation) for (const key of Object.keys(annotation)) keys.add(key);
  return [...keys].sort((a, b) => (FIELD_RANK.get(a) ?? Infinity) - (FIELD_RANK.get(b) ?? Infinity)) as (keyof Annotation)[];
}

/** Whether two annotations are equal field by field (after normalisation). */
export function isSameAnnotation(a: Annotation, b: Annotation): boolean {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  for (const key in left) if (!isSameValue(left[key], right[key])) return false;
  for (const key in right) if (!(key in left) && !isSameValue(undefined, right[key])) return false;
  return true;
}

/**
 * Checks a scalar field value against its type: the value (null for an
 * explicit null the field allows), or what was expected instead. Lists are
 * checked by the callers, which know how they were written.
 */
export function checkScalarValue(check: FieldType, value: unknown): { ok: true; value: unknown } | { ok: false; expected: string } {
  if (isValidValue(check, value)) return { ok: true, value };
  if (check.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return { ok: false, expected: `a string (put it in quotes: "${String(value)}")` };
  if (check.type === 'string' && check.nonEmpty && typeof value === 'string') return { ok: false, expected: 'a non-empty string' };
  return { ok: false, expected: describeCheck(check) };
}

/** Whether a value fits its field's type (the hot path of reading: no allocation). */
export function isValidValue(check: FieldType, value: unknown): boolean {
  switch (check.type) {
    case 'string':
      return typeof value === 'string' && (!check.nonEmpty || value.trim() !== '');
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= check.min;
    case 'number-or-null':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'string-or-null':
      return value === null || typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return (value === null && check.nullable === true) || (typeof value === 'string' && check.values.includes(value));
    case 'string-list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

/** What a field of this type must be, for messages. */
export function describeCheck(check: FieldType): string {
  switch (check.type) {
    case 'string':
      return 'a string';
    case 'integer':
      return check.min === 0 ? 'a whole number of code points, 0 or more' : `a whole number, ${check.min} or more`;
    case 'number-or-null':
      return 'a number or null';
    case 'string-or-null':
      return 'a string or null';
    case 'boolean':
      return 'true or false';
    case 'string-list':
      return 'a list of strings';
    case 'enum':
      return `one of ${check.values.join(', ')}${check.nullable ? ' (or null)' : ''}`;
  }
}
