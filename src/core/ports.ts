/**
 * What the core needs from its host, as interfaces. The extension fills them
 * with `vscode.workspace.fs` and a LogOutputChannel, the CLI with `node:fs`
 * and stderr, the tests with in-memory fakes. Nothing in the core touches a
 * file system or a console directly, so it runs in Node and in a browser.
 *
 * Paths are opaque strings to the core (a file path in the CLI, a URI string
 * in the extension); it only derives sibling paths from them with
 * {@link FileSystem.sibling}.
 */

/** File metadata the store needs to notice changes made by others. */
export interface FileStat {
  /** Modification time in milliseconds. */
  readonly mtime: number;
  readonly size: number;
}

export interface FileSystem {
  /** The file's bytes, or undefined when it does not exist. Other failures throw. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Writes the file whole. Must be atomic: a reader sees the old bytes or the new, never a part (write a temporary file, then rename). */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /** Metadata, or undefined when the file does not exist. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Deletes the file; no error when it does not exist. */
  delete(path: string): Promise<void>;
  /** The path of `name` in the same folder as `path`. */
  sibling(path: string, name: string): string;
  /** The last segment of `path` (the file's name). */
  basename(path: string): string;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that drops everything, for tests and callers that do not log. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
