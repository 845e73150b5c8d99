// Bundles one TypeScript entry of the core into bench/.build/ with esbuild, so the
// benchmark measures the source as it is now, independent of whatever dist/ holds.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT_DIR = path.dirname(BENCH_DIR);
const BUILD_DIR = path.join(BENCH_DIR, '.build');

/**
 * Bundles `entry` (a path relative to the repository root, e.g.
 * `src/core/detect/detect.ts`) to `bench/.build/NAME.mjs` and returns the
 * file's path. Unminified, so profiles stay readable; no source maps, so
 * nothing slows the run down.
 */
export async function bundleEntry(entry, name) {
  mkdirSync(BUILD_DIR, { recursive: true });
  const outfile = path.join(BUILD_DIR, `${name}.mjs`);
  await build({
    entryPoints: [path.join(ROOT_DIR, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

/** Bundles `entry` as {@link bundleEntry} does and imports the bundle. */
export async function importBundledEntry(entry, name) {
  const outfile = await bundleEntry(entry, name);
  // A query string defeats the module cache when the same name is rebuilt in one process.
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
