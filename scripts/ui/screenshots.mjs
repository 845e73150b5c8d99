// Regenerates the README's screenshots (npm run screenshots): the UI tests'
// run of the analyst's flow, saving PNGs of the real workbench (1280×800) into
// docs/screenshots/ as it goes, in the dark theme and then the light one.
//   node scripts/ui/screenshots.mjs [--out DIR] [--theme dark|light|both]
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageExtension } from '../package.mjs';
import { repoRoot } from '../vscode/code-server.mjs';

/** A README image above this is worth a look (an unexpected dialog, a full-page capture). */
const maxPngBytes = 300 * 1024;

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: join(repoRoot, 'docs/screenshots') },
    theme: { type: 'string', default: 'both' },
  },
});

async function main() {
  const out = resolve(args.out);
  const scratch = await mkdtemp(join(tmpdir(), 'report-annotator-shots-'));
  try {
    const { vsixPath } = await packageExtension({ out: join(scratch, 'report-annotator.vsix'), quiet: true });
    const themes = args.theme === 'both' ? ['dark', 'light'] : [args.theme];
    for (const theme of themes) {
      const run = spawnSync('node', [join(repoRoot, 'scripts/ui/run-ui-tests.mjs'), '--vsix', vsixPath, '--screenshots', out, '--theme', theme], { cwd: repoRoot, stdio: 'inherit' });
      if (run.status !== 0) {
        console.error(`screenshots: the ${theme} run failed; the pictures it took before failing are in ${out}`);
        return 1;
      }
    }
    let oversized = 0;
    for (const name of (await readdir(out)).filter((file) => file.endsWith('.png')).sort()) {
      const { size } = await stat(join(out, name));
      if (size > maxPngBytes) oversized += 1;
      console.log(`screenshots: ${name} ${(size / 1024).toFixed(0)} KB${size > maxPngBytes ? ' (over 300 KB)' : ''}`);
    }
    return oversized > 0 ? 1 : 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
