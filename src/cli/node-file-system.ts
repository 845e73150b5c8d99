/**
 * The core's FileSystem over `node:fs`, with atomic writes: the data goes to
 * a temporary file in the same folder, is flushed, and is renamed over the
 * target, so a crash mid-save leaves the old file or the new one, whole.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileStat } from '../core/ports';
import type { NodeCliFileSystem } from './io';

const isNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'ENOENT';

let temporaryCounter = 0;

export const nodeFileSystem: NodeCliFileSystem = {
  async readFile(file: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.readFile(file);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },

  async writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++temporaryCounter}.tmp`);
    const handle = await fs.open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  },

  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const stats = await fs.stat(file);
      return { mtime: stats.mtimeMs, size: stats.size };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },

  async delete(file: string): Promise<void> {
    await fs.rm(file, { force: true });
  },

  sibling: (file: string, name: string): string => path.join(path.dirname(file), name),
  basename: (file: string): string => path.basename(file),
  resolve: (cwd: string, file: string): string => path.resolve(cwd, file),

  async isDirectory(file: string): Promise<boolean> {
    try {
      return (await fs.stat(file)).isDirectory();
    } catch {
      return false;
    }
  },

  async listFiles(directory: string): Promise<string[]> {
    const entries = await fs.readdir(directory, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  },
};
