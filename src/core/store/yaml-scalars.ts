/**
 * Which strings YAML reads back unchanged without quotes. The writer uses it
 * to choose plain scalars, and the fast reader to trust them: both must agree
 * with the `yaml` package's core schema, which the tests check.
 */

const PLAIN_CHARS = /^[\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+$/;
const PLAIN_FIRST = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
const CORE_SCHEMA_NON_STRING =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|null|Null|NULL|~|true|True|TRUE|false|False|FALSE)$/;

/**
 * Whether `value` can be written as a plain (unquoted) scalar that YAML's
 * core schema reads back as the same string. Deliberately conservative: no
 * leading indicator, no `: ` or ` #`, no edge whitespace, nothing that reads
 * as a number, boolean or null, printable characters only, and in a flow
 * list (`inFlow`) none of `,[]{}`.
 */
export function isPlainSafe(value: string, inFlow: boolean): boolean {
  return (
    PLAIN_CHARS.test(value) &&
    PLAIN_FIRST.test(value) &&
    !/\s$/.test(value) &&
    !value.endsWith(':') &&
    !value.includes(': ') &&
    !value.includes(' #') &&
    !(inFlow && /[,[\]{}]/.test(value)) &&
    !CORE_SCHEMA_NON_STRING.test(value)
  );
}
