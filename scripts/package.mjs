// Builds the production bundles and packages the extension as a .vsix with
// @vscode/vsce, the file an analyst installs:
//   node scripts/package.mjs [--skip-build] [--out FILE]      (npm run package)
// esbuild bundles every dependency, so vsce runs with --no-dependencies and
// .vscodeignore keeps only what the installed extension reads. Prints the
// package's size and file count and fails when it is over the size budget.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The repository root (this file is scripts/package.mjs). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Marketplace shows large packages as slow to install; ours is two bundles and a few icons. */
export const maxVsixBytes = 1024 * 1024;

/** Where `npm run package` writes the .vsix (dist/ is gitignored, and .vscodeignore keeps it out of the next package). */
export function defaultVsixPath() {
  const { name, version } = readManifest();
  return join(repoRoot, 'dist', `${name}-${version}.vsix`);
}

/**
 * Builds the production bundles (unless `skipBuild`) and packages them into
 * `out`. Resolves to the .vsix's path, size and the files it holds (paths
 * inside the package, such as `extension/dist/extension.js`); rejects when the
 * build or vsce fails.
 *
 * @param {{ out?: string, skipBuild?: boolean, quiet?: boolean }} [options]
 * @returns {Promise<{ vsixPath: string, bytes: number, files: string[] }>}
 */
export async function packageExtension(options = {}) {
  const out = resolve(options.out ?? defaultVsixPath());
  const stdio = options.quiet ? 'pipe' : 'inherit';
  if (!options.skipBuild) run('node', ['scripts/build.mjs', '--production'], stdio, 'the production build');
  await mkdir(dirname(out), { recursive: true });
  const manifest = readManifest();
  const flags = ['--no-dependencies', '--out', out];
  // There is no public repository yet: vsce refuses to package without one unless told,
  // and cannot turn the README's relative image links into absolute ones.
  if (!manifest.repository) flags.push('--allow-missing-repository', '--no-rewrite-relative-links');
  run(join(repoRoot, 'node_modules/.bin/vsce'), ['package', ...flags], stdio, 'vsce package');
  const bytes = statSync(out).size;
  return { vsixPath: out, bytes, files: listZipEntries(readFileSync(out)) };
}

/**
 * The names of the entries of a zip archive, read from its central directory
 * (a .vsix is a zip; this avoids shelling out to `unzip`, which may be absent).
 *
 * @param {Buffer} zip
 * @returns {string[]}
 */
export function listZipEntries(zip) {
  const endSignature = 0x06054b50;
  let end = zip.length - 22;
  // The end record sits at the very end unless the archive carries a comment (up to 64 KB).
  while (end >= Math.max(0, zip.length - 22 - 0xffff) && zip.readUInt32LE(end) !== endSignature) end -= 1;
  if (end < 0 || zip.readUInt32LE(end) !== endSignature) throw new Error('not a zip archive: no end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names = [];
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`corrupt zip central directory at entry ${index}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function readManifest() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

function run(command, args, stdio, what) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = stdio === 'pipe' ? `\n${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd() : '';
    throw new Error(`${what} failed (exit code ${result.status ?? result.signal})${output}`);
  }
}

async function main() {
  const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false }, out: { type: 'string' } } });
  const { vsixPath, bytes, files } = await packageExtension({ out: values.out, skipBuild: values['skip-build'] });
  const extensionFiles = files.filter((name) => name.startsWith('extension/'));
  console.log(`package: ${relative(process.cwd(), vsixPath)}: ${(bytes / 1024).toFixed(1)} KB, ${extensionFiles.length} files of the extension (${files.length} zip entries)`);
  for (const name of extensionFiles) console.log(`  ${name.slice('extension/'.length)}`);
  if (bytes > maxVsixBytes) {
    console.error(`package: ${(bytes / 1024).toFixed(1)} KB is over the ${maxVsixBytes / 1024} KB budget: check .vscodeignore with \`npx vsce ls\``);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
