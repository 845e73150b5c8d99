/** Option values shared by several verbs, parsed once. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
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

/**
 * Parses a verb's arguments (options anywhere, the rest positional), turning
 * node's parse errors (an unknown option, a missing value) into usage errors.
 */
export function parseVerbArgs<Options extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: Options) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
