// What both test runners share: the build of the extension and the suite, the
// settings the suite expects, and a throwaway copy of the fixture workspace.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './code-server.mjs';

/** Where the compiled suite goes; its index.js is the `extensionTestsPath`. */
export const suiteOutDir = join(repoRoot, 'out/test/extension');

/** The fixture workspace the tests open (copied first: the tests write sidecars into it). */
export const defaultFixture = join(repoRoot, 'test/fixtures/workspace');

/** Settings the suite relies on: the tag vocabulary its QuickPick tests offer and the author stamped on annotations. */
export const testSettings = {
  'reportAnnotator.tags': ['priority', 'follow-up', 'safeguarding'],
  'reportAnnotator.author': 'Test Analyst',
  // The tests open and close many editors; preview tabs would replace each other under them.
  'workbench.editor.enablePreview': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 300,
};

/**
 * Builds the extension (`npm run build`) and bundles each `*.test.ts` of
 * `sourceDir` plus its `index.ts` into `targetDir`: CommonJS for Node, with
 * `vscode` left to the extension host and mocha to node_modules.
 *
 * @returns {Promise<boolean>} false when `npm run build` failed (its output is on the terminal)
 */
export async function buildExtensionAndSuite(sourceDir = join(repoRoot, 'test/extension'), targetDir = suiteOutDir) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) return false;
  const sources = (await readdir(sourceDir)).filter((name) => name.endsWith('.test.ts') || name === 'index.ts');
  await rm(targetDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: sources.map((name) => join(sourceDir, name)),
    outdir: targetDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return true;
}

/**
 * Copies `fixture` into a new temporary folder.
 *
 * @returns {Promise<{ workspace: string, dispose: () => Promise<void> }>}
 */
export async function copyFixture(fixture = defaultFixture) {
  const scratch = await mkdtemp(join(tmpdir(), 'report-annotator-workspace-'));
  const workspace = join(scratch, 'workspace');
  await cp(resolve(fixture), workspace, { recursive: true });
  return { workspace, dispose: () => rm(scratch, { recursive: true, force: true, maxRetries: 3 }) };
}
