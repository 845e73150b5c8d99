// The same extension-host suite under @vscode/test-electron, for contributors
// whose machines can download VS Code (CI cannot: it uses run-tests.mjs).
//   node scripts/vscode/run-test-electron.mjs [--grep PATTERN] [--version 1.100.3]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './code-server.mjs';
import { buildExtensionAndSuite, copyFixture, defaultFixture, suiteOutDir, testSettings } from './suite.mjs';

const { values: args } = parseArgs({
  options: {
    grep: { type: 'string' },
    // The oldest VS Code package.json's engines allow, and the one code-server carries.
    version: { type: 'string', default: '1.100.3' },
    fixture: { type: 'string', default: defaultFixture },
  },
});

async function main() {
  if (!(await buildExtensionAndSuite())) return 1;
  const fixture = await copyFixture(args.fixture);
  const userDataDir = await mkdtemp(join(tmpdir(), 'report-annotator-user-'));
  try {
    await mkdir(join(userDataDir, 'User'), { recursive: true });
    const settings = { 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', ...testSettings };
    await writeFile(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    return await runTests({
      version: args.version,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(suiteOutDir, 'index.js'),
      extensionTestsEnv: args.grep ? { REPORT_ANNOTATOR_TEST_GREP: args.grep } : {},
      launchArgs: [fixture.workspace, '--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    await fixture.dispose();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // runTests rejects with the exit code or the download error: both mean the run failed.
  console.error(`test-electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
