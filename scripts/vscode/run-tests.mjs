// The extension-host integration tests in a real VS Code (code-server 4.100.3
// = VS Code 1.100.3, installed by `npm run vscode:setup`):
//   node scripts/vscode/run-tests.mjs [--grep PATTERN] [--skip-build] [--timeout SECONDS]
//                                     [--extension DIR] [--fixture DIR]
// Builds the extension and the suite (test/extension → out/test/extension),
// opens a copy of the fixture workspace, prints mocha's report and exits with
// the suite's result. VSCODE_TEST_VERBOSE=1 also streams code-server's log.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, runInVsCode } from './code-server.mjs';
import { buildExtensionAndSuite, copyFixture, defaultFixture, suiteOutDir, testSettings } from './suite.mjs';

const { values: args } = parseArgs({
  options: {
    grep: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
    extension: { type: 'string', default: repoRoot },
    fixture: { type: 'string', default: defaultFixture },
  },
});

async function main() {
  const started = Date.now();
  if (!args['skip-build'] && !(await buildExtensionAndSuite())) {
    console.error('test:vscode: the build failed');
    return 1;
  }
  const fixture = await copyFixture(args.fixture);
  try {
    const code = await runInVsCode({
      extensionDevelopmentPath: resolve(args.extension),
      extensionTestsPath: join(suiteOutDir, 'index.js'),
      workspace: fixture.workspace,
      settings: testSettings,
      env: args.grep ? { REPORT_ANNOTATOR_TEST_GREP: args.grep } : {},
      timeoutMs: Number(args.timeout) * 1000,
    });
    console.log(`test:vscode: VS Code ${code === 0 ? 'passed' : `failed (exit code ${code})`} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await fixture.dispose();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
