// The UI tests (npm run test:ui): packages the extension, then runs the
// Playwright scenarios of test/ui against code-server with that .vsix
// installed. mocha prints "N passing" / "N failing", which CI sums up.
//   node scripts/ui/run-ui-tests.mjs [--vsix FILE] [--screenshots DIR] [--theme dark|light] [--grep PATTERN]
// --vsix skips packaging and tests the given file; --screenshots saves the
// README's pictures during the run (npm run screenshots).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageExtension } from '../package.mjs';
import { repoRoot } from '../vscode/code-server.mjs';

const { values: args } = parseArgs({
  options: {
    vsix: { type: 'string' },
    screenshots: { type: 'string' },
    theme: { type: 'string', default: 'dark' },
    grep: { type: 'string' },
  },
});

/**
 * Packages the extension into a scratch folder (unless `--vsix`), so the test
 * installs exactly what an analyst would, without touching dist/'s copy.
 */
async function main() {
  const started = Date.now();
  const scratch = await mkdtemp(join(tmpdir(), 'report-annotator-vsix-'));
  try {
    let vsixPath = args.vsix ? resolve(args.vsix) : undefined;
    if (!vsixPath) {
      const packaged = await packageExtension({ out: join(scratch, 'report-annotator.vsix'), quiet: true });
      vsixPath = packaged.vsixPath;
      console.log(`test:ui: packaged the extension (${(packaged.bytes / 1024).toFixed(1)} KB, ${packaged.files.length} zip entries) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const env = { ...process.env, REPORT_ANNOTATOR_VSIX: vsixPath, REPORT_ANNOTATOR_THEME: args.theme };
    if (args.screenshots) env.REPORT_ANNOTATOR_SCREENSHOTS = resolve(args.screenshots);
    if (!env.REPORT_ANNOTATOR_UI_FAILURES) env.REPORT_ANNOTATOR_UI_FAILURES = join(repoRoot, 'test-results/ui');
    const mochaArgs = ['--no-config', '--reporter', 'spec', '--timeout', '90000', 'test/ui/*.test.mjs'];
    if (args.grep) mochaArgs.push('--grep', args.grep);
    const code = await new Promise((resolveCode) => {
      const child = spawn(join(repoRoot, 'node_modules/.bin/mocha'), mochaArgs, { cwd: repoRoot, stdio: 'inherit', env });
      // Ctrl+C reaches mocha too; its `after` hook stops code-server.
      child.on('exit', (exitCode, signal) => resolveCode(exitCode ?? (signal ? 1 : 0)));
    });
    console.log(`test:ui: ${code === 0 ? 'passed' : `failed (exit code ${code})`} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`test:ui: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
