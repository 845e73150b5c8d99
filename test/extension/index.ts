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
 * The whole suite's budget: when a broken build makes every test wait for its
 * timeout, the run stops here and still prints mocha's summary, well inside
 * the runner's own overall timeout (10 minutes).
 */
const suiteBudgetMs = Number(process.env.REPORT_ANNOTATOR_TEST_BUDGET_MS ?? 7 * 60_000);

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
  let stopped = false;
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    const budget = setTimeout(() => {
      stopped = true;
      console.log(`Stopping the suite: it has run for ${suiteBudgetMs / 1000} s, its budget. The remaining tests did not run.`);
      runner.abort();
    }, suiteBudgetMs);
    budget.unref();
    runner.on('end', () => clearTimeout(budget));
  });
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
  if (stopped) throw new Error('the suite ran out of time before every test ran');
}
