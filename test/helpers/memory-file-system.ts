/**
 * An in-memory {@link FileSystem} for tests of code that reads and writes
 * through the port. Paths are plain strings with `/` separators. Besides the
 * port it lets a test act as another writer (change a file behind the code's
 * back) and simulate a crash in the middle of an atomic write.
 */
import type { FileStat, FileSystem } from '../../src/core/ports';

export class MemoryFileSystem implements FileSystem {
  readonly #files = new Map<string, { data: Uint8Array; mtime: number }>();
  #clock = 1;
  #crashNextWrite: 'before-rename' | undefined;
  #writeGate: Promise<void> | undefined;
  /** Every completed write, in order, for assertions on what was written and how often. */
  readonly writes: { path: string; text: string }[] = [];
  /** Temporary files a crashed write left behind, as a real file system would. */
  readonly leftovers: string[] = [];

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.setFile(path, content);
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    const file = this.#files.get(path);
    return file ? file.data.slice() : undefined;
  }

  /** Atomic as the port requires: the new bytes replace the old in one step, or (after {@link crashNextWrite}) not at all. */
  async writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
    if (this.#writeGate) await this.#writeGate;
    if (this.#crashNextWrite) {
      this.#crashNextWrite = undefined;
      // The temporary file was written, the process died before the rename: the target is untouched.
      this.leftovers.push(`${path}.tmp`);
      throw new Error('simulated crash during write');
    }
    this.#files.set(path, { data: data.slice(), mtime: this.#clock++ });
    this.writes.push({ path, text: new TextDecoder().decode(data) });
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const file = this.#files.get(path);
    return file ? { mtime: file.mtime, size: file.data.length } : undefined;
  }

  async delete(path: string): Promise<void> {
    this.#files.delete(path);
  }

  sibling(path: string, name: string): string {
    const slash = path.lastIndexOf('/');
    return slash === -1 ? name : `${path.slice(0, slash + 1)}${name}`;
  }

  basename(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
  }

  /** Creates or replaces a file, as another writer would (not recorded in {@link writes}). */
  setFile(path: string, content: string | Uint8Array): void {
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content.slice();
    this.#files.set(path, { data, mtime: this.#clock++ });
  }

  /** A file's content as text, or undefined when it does not exist. */
  text(path: string): string | undefined {
    const file = this.#files.get(path);
    return file ? new TextDecoder().decode(file.data) : undefined;
  }

  /** The raw bytes of a file, for byte-identity checks. */
  bytes(path: string): Uint8Array | undefined {
    return this.#files.get(path)?.data.slice();
  }

  has(path: string): boolean {
    return this.#files.has(path);
  }

  /**
   * Holds every write until the returned function is called, so a test can
   * act while a save is in flight (edit the store, start another save).
   */
  pauseWrites(): () => void {
    let release!: () => void;
    this.#writeGate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.#writeGate = undefined;
      release();
    };
  }

  /** Makes the next {@link writeFileAtomic} fail as a crash between writing the temporary file and renaming it would. */
  crashNextWrite(): void {
    this.#crashNextWrite = 'before-rename';
  }
}
