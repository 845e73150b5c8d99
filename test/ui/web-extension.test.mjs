// The web build (package.json `browser`, dist/web/extension.js) in a real
// workbench: the same packaged .vsix installed into code-server, but the user
// setting `remote.extensionKind` makes VS Code run it in the browser's web
// worker extension host instead of the remote Node one, as vscode.dev would.
// Short on purpose: it proves the web bundle activates there, highlights,
// hovers and writes the sidecar through vscode.workspace.fs; the analyst's
// whole flow is analyst-flow.test.mjs. Run with `npm run test:ui`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { countHighlights, decorationsAt, editorTab, explorerRow, launchWorkbench, runFromPalette, textRect, waitUntil } from '../../scripts/ui/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsixPath = process.env.REPORT_ANNOTATOR_VSIX ?? join(repoRoot, 'dist', `${manifest.name}-${manifest.version}.vsix`);
const extensionId = `${manifest.publisher}.${manifest.name}`;

const REPORT = 'school-attendance-letter.txt';
const SIDECAR = `${REPORT}.annotations.yaml`;
const METRIC = '92 per cent';

/** The sidecar's annotations as written on disk, or undefined while there is none (or it is mid-write). */
function readSidecar(workspace) {
  const path = join(workspace, SIDECAR);
  if (!existsSync(path)) return undefined;
  try {
    return parse(readFileSync(path, 'utf8'))?.annotations ?? [];
  } catch {
    return undefined;
  }
}

describe('web extension in the workbench (web worker extension host)', function () {
  this.timeout(90_000);
  let workbench;
  let page;
  /** What the page and its workers print, kept so a failure shows why the web bundle did not run. */
  const consoleLines = [];

  before(async function () {
    this.timeout(180_000);
    assert.ok(existsSync(vsixPath), `no packaged extension at ${vsixPath}: run \`npm run package\` (npm run test:ui does)`);
    workbench = await launchWorkbench({
      vsixPath,
      fixture: join(here, 'fixtures/workspace'),
      readyFile: REPORT,
      // "web" alone: the extension may run only in the web worker host, never in the remote Node one.
      settings: { 'remote.extensionKind': { [extensionId]: ['web'] } },
    });
    page = workbench.page;
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[page error] ${error.message}`));
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    const errors = consoleLines.filter((line) => /^\[(error|page error)\]/.test(line) || /annotator/i.test(line));
    if (errors.length > 0) console.log(`browser console (errors and the extension's lines):\n${errors.slice(-40).join('\n')}`);
    if (page && process.env.REPORT_ANNOTATOR_UI_FAILURES) {
      await mkdir(process.env.REPORT_ANNOTATOR_UI_FAILURES, { recursive: true });
      await page.screenshot({ path: join(process.env.REPORT_ANNOTATOR_UI_FAILURES, `web-${this.currentTest.title.replace(/\W+/g, '-')}.png`) });
    }
  });

  it('installs the web bundle (the manifest\'s browser entry) with the .vsix', function () {
    assert.ok(manifest.browser, 'package.json has a browser entry');
    const installed = join(dirname(workbench.server.userDataDir), 'extensions', `${extensionId}-${manifest.version}`);
    assert.ok(existsSync(join(installed, manifest.browser)), `${manifest.browser} is installed in ${installed}`);
  });

  it('highlights a report opened from the explorer, by kind', async function () {
    await explorerRow(page, REPORT).click();
    await editorTab(page, REPORT).waitFor({ state: 'visible' });
    await page.locator('.editor-instance .view-lines', { hasText: 'Harrowfield' }).first().waitFor();
    const counts = await waitUntil(() => countHighlights(page), (c) => c.metric > 0 && c.quote > 0 && c.recommendation > 0, { what: 'highlights of all three kinds' });
    assert.ok(counts.metric >= 3, `metrics highlighted: ${JSON.stringify(counts)}`);
    const boxes = await decorationsAt(page, await textRect(page, METRIC));
    assert.ok(boxes.some((box) => box.kind === 'metric' && !box.accepted), `"${METRIC}" is highlighted as a detected metric: ${JSON.stringify(boxes)}`);
  });

  it('runs in the web worker extension host, not the remote Node one', async function () {
    await runFromPalette(page, 'Developer: Show Running Extensions');
    const editor = page.locator('.runtime-extensions-editor');
    // Each row names the host its extension runs in: "web worker", or the remote's address for the Node host.
    const row = editor.locator('.monaco-list-row', { hasText: manifest.displayName });
    await row.first().waitFor({ state: 'visible' });
    try {
      assert.equal(await row.count(), 1, 'the extension runs in one host only');
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /web worker/i, `the running extension's row: ${text}`);
      assert.doesNotMatch(text, /127\.0\.0\.1:\d+/, 'not in the remote extension host');
    } finally {
      // Back to the report whatever the outcome, so the steps below test what they name.
      await page.keyboard.press('Control+W');
      await editor.waitFor({ state: 'detached' });
      await editorTab(page, REPORT).click();
    }
  });

  it(`shows the value and the comparison of "${METRIC}" in its hover`, async function () {
    const rect = await textRect(page, METRIC);
    assert.ok(rect, `"${METRIC}" is on screen`);
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.locator('.monaco-hover:visible .rendered-markdown', { hasText: 'Compared with' }).first().waitFor({ state: 'visible' });
    const text = (await page.locator('.monaco-hover:visible').first().innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Value: 92%/);
    assert.match(text, /Compared with: 81 per cent at the last inspection \(81%\)/);
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
  });

  it('accepts it from the command palette and writes the sidecar through the workspace file system', async function () {
    const rect = await textRect(page, METRIC);
    assert.ok(rect, `"${METRIC}" is on screen`);
    await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.keyboard.press('Escape');
    await runFromPalette(page, 'Report Annotator: Accept Detection');
    await waitUntil(
      async () => decorationsAt(page, await textRect(page, METRIC)),
      (boxes) => boxes.some((box) => box.kind === 'metric' && box.accepted),
      { what: 'the accepted border on the metric' },
    );
    // The web worker has no Node fs: the file on the server's disk can only come from vscode.workspace.fs.
    const annotations = await waitUntil(() => readSidecar(workbench.workspace), (list) => list?.some((a) => a.text === METRIC), { what: `${SIDECAR} with "${METRIC}"` });
    const saved = annotations.find((a) => a.text === METRIC);
    assert.equal(saved.kind, 'metric');
    assert.equal(saved.status, 'accepted');
  });
});
