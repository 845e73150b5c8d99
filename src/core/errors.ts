/**
 * Expected failures are values, not exceptions: a function that can fail for
 * a reason the user must hear about returns a {@link Result}. `throw` is
 * kept for bugs.
 */

/** Why an operation failed. Adapters branch on the code, never on the message. */
export type ErrorCode =
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-unwritable'
  | 'file-too-large'
  | 'file-binary'
  | 'sidecar-malformed'
  | 'sidecar-invalid'
  | 'sidecar-too-large'
  | 'sidecar-alias-bomb'
  | 'sidecar-newer-version'
  | 'sidecar-wrong-source'
  | 'import-malformed'
  | 'usage';

/** A failure the user can act on. `line` and `column` are 1-based when known. */
export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(problem: Problem): Result<T> => ({ ok: false, problem });

/** `path:line:column: message`, the form editors and terminals link. */
export function formatProblem(problem: Problem): string {
  const where = [problem.path, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return where ? `${where}: ${problem.message}` : problem.message;
}
