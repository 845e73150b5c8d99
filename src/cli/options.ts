/** Option values shared by several verbs, parsed once. */
import type { DetectionKind } from '../core/model';
import { UsageError } from './io';

const KINDS: readonly DetectionKind[] = ['metric', 'quote', 'recommendation'];

/** `metric,quote` → the kinds; undefined when the option was not given. */
export function parseKinds(value: string | undefined): DetectionKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((kind) => kind.trim()).filter(Boolean);
  for (const kind of kinds) {
    if (!KINDS.includes(kind as DetectionKind)) throw new UsageError(`unknown kind '${kind}' (expected ${KINDS.join(', ')})`);
  }
  return kinds as DetectionKind[];
}

/** A positive whole number of bytes; undefined when not given. */
export function parseMaxBytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes <= 0) throw new UsageError(`--max-bytes takes a positive whole number, not '${value}'`);
  return bytes;
}
