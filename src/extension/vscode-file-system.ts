/**
 * The core's {@link FileSystem} port over `vscode.workspace.fs`, so the store
 * works on local, remote and virtual workspaces alike. Paths are URI strings.
 */
import * as vscode from 'vscode';
import type { FileStat, FileSystem } from '../core/ports';

/** Creates the FileSystem port used by every store the extension opens. */
export function createVscodeFileSystem(fs: vscode.FileSystem = vscode.workspace.fs): FileSystem {
  return {
    async readFile(path) {
      try {
        return await fs.readFile(vscode.Uri.parse(path));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async writeFileAtomic(path, data) {
      // A reader must see the old bytes or the new ones: write a sibling, then rename over the target.
      const target = vscode.Uri.parse(path);
      const temp = siblingUri(target, `.${basenameOf(target)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
      await fs.writeFile(temp, data);
      try {
        await fs.rename(temp, target, { overwrite: true });
      } catch (error) {
        await fs.delete(temp).then(undefined, () => undefined);
        throw error;
      }
    },
    async stat(path): Promise<FileStat | undefined> {
      try {
        const stat = await fs.stat(vscode.Uri.parse(path));
        return { mtime: stat.mtime, size: stat.size };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async delete(path) {
      try {
        await fs.delete(vscode.Uri.parse(path));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    sibling: (path, name) => siblingUri(vscode.Uri.parse(path), name).toString(),
    basename: (path) => basenameOf(vscode.Uri.parse(path)),
  };
}

/** The URI of `name` in the same folder as `uri`. */
export function siblingUri(uri: vscode.Uri, name: string): vscode.Uri {
  const slash = uri.path.lastIndexOf('/');
  return uri.with({ path: `${uri.path.slice(0, slash + 1)}${name}` });
}

/** The last path segment of `uri`. */
export function basenameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function isNotFound(error: unknown): boolean {
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return true;
  // Errors crossing from a remote or virtual file system provider keep only their code or name.
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return [code, name].some((value) => typeof value === 'string' && /FileNotFound|EntryNotFound|ENOENT/.test(value));
}
