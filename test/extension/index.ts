/**
 * Entry point of the extension-host integration suite: VS Code (through
 * code-server or @vscode/test-electron) loads this module as
 * `extensionTestsPath` and awaits {@link run}. It runs every `*.test.js`
 * compiled next to it with mocha's spec reporter, whose output the runner
 * streams to the terminal.
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Per-test limit: generous, because a test waits on real editor events, never on sleeps. */
const testTimeoutMs = 30_000;

/**
 * Runs the suite. `REPORT_ANNOTATOR_TEST_GREP` (set by the runner's `--grep`)
 * runs only the tests whose full title matches.
 *
 * @throws {Error} when any test fails, which VS Code turns into exit code 1.
 */
export async function run(): Promise<void> {
  // Failures then point at test/extension/*.ts lines rather than the bundle's (the suite is built with inline source maps).
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: testTimeoutMs });
  const grep = process.env.REPORT_ANNOTATOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
