/**
 * What a CLI command may touch: its output streams and the file system. The
 * binary passes the real ones; tests pass buffers, so every verb runs
 * in-process.
 */
import type { FileSystem } from '../core/ports';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly fs: NodeCliFileSystem;
  /** The working directory, for resolving relative paths. */
  readonly cwd: string;
}

/** The core's FileSystem plus the folder walking only the CLI needs. */
export interface NodeCliFileSystem extends FileSystem {
  /** Whether the path is a directory. */
  isDirectory(path: string): Promise<boolean>;
  /** Every file under a directory, recursively, sorted. */
  listFiles(directory: string): Promise<string[]>;
  /** Resolves a path against the working directory. */
  resolve(cwd: string, path: string): string;
}

/** Exit codes: success, a finding the user must act on (validation problems), and usage or input errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A user error with the exit code it should end the process with. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One verb of the CLI. */
export interface CliCommand {
  readonly name: string;
  /** One line for the verb list. */
  readonly summary: string;
  /** The full help: synopsis, options, exit codes. */
  readonly help: string;
  /** Runs the verb; returns the exit code. Throws UsageError for bad arguments. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
