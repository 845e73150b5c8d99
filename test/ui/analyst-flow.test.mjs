// The analyst's flow, end to end, in a real VS Code (code-server) with the
// extension installed from its packaged .vsix, driven as a person drives it:
// the explorer, the mouse for hovers, F1 and the keyboard for commands.
// Run with `npm run test:ui` (which packages the .vsix first); the steps run in
// order and share one workbench, as one person's session would.
// With REPORT_ANNOTATOR_SCREENSHOTS=DIR the same run saves the README's
// screenshots into DIR (`npm run screenshots`).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  countHighlights,
  decorationsAt,
  editorTab,
  exactly,
  explorerRow,
  launchWorkbench,
  runFromPalette,
  textRect,
  waitForWorkbench,
  waitUntil,
} from '../../scripts/ui/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsixPath = process.env.REPORT_ANNOTATOR_VSIX ?? join(repoRoot, 'dist', `${manifest.name}-${manifest.version}.vsix`);
const screenshotsDir = process.env.REPORT_ANNOTATOR_SCREENSHOTS;
const theme = process.env.REPORT_ANNOTATOR_THEME === 'light' ? 'light' : 'dark';

const REPORT = 'school-attendance-letter.txt';
const SIDECAR = `${REPORT}.annotations.yaml`;
const METRIC = '92 per cent';
const REJECTED = '81 per cent';
const TAG = 'attendance';
/** Typed at the top of the report: a line with nothing to detect, so only positions change. */
const INSERTED = 'Draft for the governing body\n\n';

/** Saves a README screenshot when asked to; the light theme's copies get a suffix. */
async function capture(page, name, clip) {
  if (!screenshotsDir) return;
  await mkdir(screenshotsDir, { recursive: true });
  const file = join(screenshotsDir, `${name}${theme === 'light' ? '-light' : ''}.png`);
  await page.screenshot({ path: file, clip });
}

/** The sidecar's annotations as written on disk, or undefined while there is no sidecar. */
function readSidecar(workspace) {
  const path = join(workspace, SIDECAR);
  if (!existsSync(path)) return undefined;
  try {
    return parse(readFileSync(path, 'utf8'))?.annotations ?? [];
  } catch {
    return undefined; // caught mid-write: the next poll reads the whole file
  }
}

/** Moves the caret into `text` with a click, and closes the hover the click may open. */
async function placeCaretIn(page, text) {
  const rect = await textRect(page, text);
  assert.ok(rect, `"${text}" is not on screen`);
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await page.keyboard.press('Escape');
  return rect;
}

/** Opens the extension's walkthrough as a person does: F1, "Welcome: Open Walkthrough...", pick it. */
async function openWalkthrough(page) {
  await runFromPalette(page, 'Welcome: Open Walkthrough...');
  const picker = page.locator('.quick-input-widget');
  await picker.locator('.quick-input-box input').waitFor({ state: 'visible' });
  await page.keyboard.type('Report Annotator');
  await picker.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get Started with Report Annotator' }).waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.locator('.getting-started-step', { hasText: 'Export to CSV' }).first().waitFor({ state: 'visible' });
  return walkthrough;
}

/** The ids of the walkthrough's ticked steps (each check mark carries its step's qualified id and aria-checked). */
function tickedSteps(walkthrough) {
  return walkthrough
    .locator('.getting-started-step [data-done-step-id][aria-checked="true"]')
    .evaluateAll((marks) => [...new Set(marks.map((mark) => mark.getAttribute('data-done-step-id')?.split('#').pop()))]);
}

/** Waits until the highlight at `text` satisfies `accept` (the boxes are redrawn asynchronously). */
async function waitForBoxesAt(page, text, accept, what) {
  return waitUntil(
    async () => {
      const rect = await textRect(page, text);
      return rect ? await decorationsAt(page, rect) : undefined;
    },
    (boxes) => boxes !== undefined && accept(boxes),
    { what },
  );
}

describe('analyst flow in the workbench (extension installed from the .vsix)', function () {
  this.timeout(90_000);
  let workbench;
  let page;

  before(async function () {
    this.timeout(180_000);
    assert.ok(existsSync(vsixPath), `no packaged extension at ${vsixPath}: run \`npm run package\` (npm run test:ui does)`);
    workbench = await launchWorkbench({ vsixPath, fixture: join(here, 'fixtures/workspace'), readyFile: REPORT, theme, settings: { 'editor.wordWrap': 'on' } });
    page = workbench.page;
  });

  after(async function () {
    this.timeout(30_000);
    // Whatever happened above, the server's process group goes.
    await workbench?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page && process.env.REPORT_ANNOTATOR_UI_FAILURES) {
      await mkdir(process.env.REPORT_ANNOTATOR_UI_FAILURES, { recursive: true });
      await page.screenshot({ path: join(process.env.REPORT_ANNOTATOR_UI_FAILURES, `${this.currentTest.title.replace(/\W+/g, '-')}.png`) });
    }
  });

  it('runs the packaged extension, not the source tree', function () {
    const installed = readdirSync(join(dirname(workbench.server.userDataDir), 'extensions')).filter((name) => name.startsWith(`${manifest.publisher}.${manifest.name}-`));
    assert.deepEqual(installed, [`${manifest.publisher}.${manifest.name}-${manifest.version}`]);
    const root = join(dirname(workbench.server.userDataDir), 'extensions', installed[0]);
    assert.ok(existsSync(join(root, 'dist/extension.js')), 'the bundle is installed');
    assert.ok(!existsSync(join(root, 'src')) && !existsSync(join(root, 'node_modules')), 'sources and node_modules stay out of the package');
  });

  it('offers a Getting Started walkthrough of five steps, none done yet', async function () {
    const walkthrough = await openWalkthrough(page);
    const titles = await walkthrough.locator('.getting-started-step .step-title').allInnerTexts();
    assert.deepEqual(titles.map((title) => title.trim()), ['Open a report', 'Accept a metric', 'Tag a quote', 'Open the sidecar', 'Export to CSV']);
    assert.deepEqual(await tickedSteps(walkthrough), []);
    await page.keyboard.press('Control+W');
    await walkthrough.waitFor({ state: 'detached' });
  });

  it('opens a report from the explorer and highlights its metrics, quotes and recommendations', async function () {
    await explorerRow(page, REPORT).click();
    await editorTab(page, REPORT).waitFor({ state: 'visible' });
    await page.locator('.editor-instance .view-lines', { hasText: 'Harrowfield' }).first().waitFor();
    const counts = await waitUntil(() => countHighlights(page), (c) => c.metric > 0 && c.quote > 0 && c.recommendation > 0, { what: 'highlights of all three kinds', timeoutMs: 30_000 });
    assert.ok(counts.metric >= 3, `metrics highlighted: ${JSON.stringify(counts)}`);
    const expected = [
      [METRIC, 'metric'],
      ['We can see the difference', 'quote'],
      ['Leaders should ensure', 'recommendation'],
    ];
    for (const [text, kind] of expected) {
      const boxes = await decorationsAt(page, await textRect(page, text));
      assert.ok(boxes.some((box) => box.kind === kind && !box.accepted), `"${text}" is highlighted as a detected ${kind}: ${JSON.stringify(boxes)}`);
    }
    await page.mouse.move(5, 400); // off the text, so no hover covers the screenshot
    await capture(page, 'highlighted-report');
  });

  it(`shows the value and the comparison of "${METRIC}" in its hover`, async function () {
    const rect = await textRect(page, METRIC);
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    const hover = page.locator('.monaco-hover:visible .rendered-markdown', { hasText: 'Compared with' }).first();
    await hover.waitFor({ state: 'visible' });
    const text = (await page.locator('.monaco-hover:visible').first().innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Metric — detected/);
    assert.match(text, /Value: 92%/);
    assert.match(text, /Compared with: 81 per cent at the last inspection \(81%\)/);
    assert.match(text, /Change: 92% vs 81% → \+11 percentage points/);
    assert.ok(await page.locator('.monaco-hover:visible a[data-href^="command:reportAnnotator.accept"]').count(), 'the hover offers Accept');
    if (screenshotsDir) {
      await page.waitForTimeout(400); // the hover's documented fade-in, so the picture is not half transparent
      await capture(page, 'metric-hover');
    }
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
  });

  it('accepts it from the command palette with the keyboard and saves it to the sidecar', async function () {
    await placeCaretIn(page, METRIC);
    await runFromPalette(page, 'Report Annotator: Accept Detection');
    await waitForBoxesAt(page, METRIC, (boxes) => boxes.some((box) => box.kind === 'metric' && box.accepted), 'the accepted border on the metric');
    const annotations = await waitUntil(() => readSidecar(workbench.workspace), (list) => list?.some((a) => a.text === METRIC), { what: `${SIDECAR} with "${METRIC}"` });
    const saved = annotations.find((a) => a.text === METRIC);
    assert.equal(saved.kind, 'metric');
    assert.equal(saved.status, 'accepted');
  });

  it('tags it through the tag picker with the keyboard', async function () {
    await placeCaretIn(page, METRIC);
    await runFromPalette(page, 'Report Annotator: Tag…');
    const picker = page.locator('.quick-input-widget');
    await picker.locator('.quick-input-title', { hasText: 'Report Annotator: tags' }).waitFor({ state: 'visible' });
    const row = picker.locator('.quick-input-list .monaco-list-row', { hasText: TAG });
    await row.waitFor({ state: 'visible' });
    // Filter to the tag, step into the list, and Space checks the row (the pick is multi-select).
    await page.keyboard.type(TAG);
    // While typing, each prefix ("atten") is offered as a new tag; the whole word matches the vocabulary's row.
    await picker.locator('.quick-input-list .monaco-list-row[aria-label$=", new tag"]').first().waitFor({ state: 'detached' });
    const focused = picker.locator('.quick-input-list .monaco-list-row.focused');
    const filter = picker.locator('.quick-input-box input');
    const selected = picker.locator('.quick-input-count', { hasText: '1 Selected' });
    // The list re-renders as the filter settles, so a Space can land before the row is really focused
    // (it then types into the filter): check the outcome, undo a stray space, and try again.
    for (let attempt = 1; ; attempt += 1) {
      for (let step = 0; !((await focused.count()) === 1 && (await focused.getAttribute('aria-label'))?.startsWith(TAG)); step += 1) {
        assert.ok(step < 5, 'the keyboard reaches the tag row');
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Space');
      const ticked = await selected.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
      if (ticked) break;
      assert.ok(attempt < 3, 'Space ticks the focused tag row');
      if ((await filter.inputValue()).endsWith(' ')) await page.keyboard.press('Backspace');
    }
    await capture(page, 'tag-picker');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'hidden' });
    await waitUntil(() => readSidecar(workbench.workspace), (list) => list?.some((a) => a.text === METRIC && a.tags?.includes(TAG)), { what: `the tag "${TAG}" in ${SIDECAR}` });
  });

  it('lists it in the Annotations view under its file, kind and tag', async function () {
    const header = page.locator('.pane-header[aria-label="Annotations Section"]');
    await header.waitFor({ state: 'visible' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const view = page.locator('.pane', { has: header });
    // Labels match whole: "attendance" is also part of the file name "school-attendance-letter.txt".
    const rowNamed = (label) => view.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: exactly(label) }) });
    await rowNamed(REPORT).first().waitFor({ state: 'visible' });
    await rowNamed('metric').first().waitFor({ state: 'visible' });
    const tagRow = rowNamed(TAG).first();
    await tagRow.waitFor({ state: 'visible' });
    // Tag groups start collapsed, and a refresh of the view (the sidecar was just written) may redraw them so.
    await waitUntil(
      async () => {
        if ((await tagRow.getAttribute('aria-expanded')) === 'false') await tagRow.click();
        return rowNamed(METRIC).count();
      },
      (count) => count > 0,
      { what: `"${METRIC}" under the tag in the view` },
    );
    await rowNamed(METRIC).first().waitFor({ state: 'visible' });
    await page.mouse.move(5, 400);
    await capture(page, 'annotations-view');
  });

  it('opens the sidecar beside the report, with the tag on disk', async function () {
    await editorTab(page, REPORT).click();
    await runFromPalette(page, 'Report Annotator: Open Annotations File (Sidecar)');
    await editorTab(page, SIDECAR).waitFor({ state: 'visible' });
    await page.locator('.editor-instance .view-lines', { hasText: TAG }).first().waitFor();
    const saved = readSidecar(workbench.workspace).find((a) => a.text === METRIC);
    assert.deepEqual(saved.tags, [TAG]);
    await page.mouse.move(5, 400);
    await capture(page, 'sidecar-beside-report');
    // Back to one editor group: the report.
    await page.keyboard.press('Control+W');
    await editorTab(page, SIDECAR).waitFor({ state: 'detached' });
  });

  it('keeps the highlight on the accepted metric when the report is edited above it', async function () {
    await editorTab(page, REPORT).click();
    const before = await textRect(page, METRIC);
    await page.locator('.editor-instance .view-lines').first().click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(INSERTED);
    const moved = await waitUntil(() => textRect(page, METRIC), (rect) => rect !== undefined && rect.y >= before.y + 2 * before.height - 1, { what: 'the metric to move down two lines' });
    await waitForBoxesAt(page, METRIC, (boxes) => boxes.some((box) => box.kind === 'metric' && box.accepted), 'the accepted highlight at the new place');
    // Nothing highlighted is left behind where the metric was.
    assert.ok(moved.y > before.y);
    const left = await decorationsAt(page, before);
    assert.ok(!left.some((box) => box.accepted), `no accepted box left at the old place: ${JSON.stringify(left)}`);
    await page.keyboard.press('Control+S');
    await page.locator(`.tabs-container .tab[data-resource-name="${REPORT}"]:not(.dirty)`).waitFor({ state: 'visible' });
    assert.ok(readFileSync(join(workbench.workspace, REPORT), 'utf8').startsWith(INSERTED), 'the edit is saved');
  });

  it('rejects a detection, which stays gone after a reload', async function () {
    await placeCaretIn(page, REJECTED);
    await runFromPalette(page, 'Report Annotator: Reject Detection');
    await waitForBoxesAt(page, REJECTED, (boxes) => !boxes.some((box) => box.kind === 'metric'), `"${REJECTED}" to lose its highlight`);
    await waitUntil(() => readSidecar(workbench.workspace), (list) => list?.some((a) => a.text === REJECTED && a.status === 'rejected'), { what: 'the rejection in the sidecar' });

    await runFromPalette(page, 'Developer: Reload Window');
    await waitForWorkbench(page, REPORT);
    await page.locator('.editor-instance .view-lines', { hasText: 'Harrowfield' }).first().waitFor({ timeout: 60_000 });
    // Highlights are back (the accepted metric proves detection ran), but not on the rejected one.
    await waitForBoxesAt(page, METRIC, (boxes) => boxes.some((box) => box.kind === 'metric' && box.accepted), 'highlights after the reload');
    const boxes = await decorationsAt(page, await textRect(page, REJECTED));
    assert.ok(!boxes.some((box) => box.kind === 'metric'), `"${REJECTED}" stays unhighlighted: ${JSON.stringify(boxes)}`);
    assert.ok((await countHighlights(page)).quote > 0, 'the other detections are still shown');
  });

  it('ticks off the walkthrough steps done above, and exports to CSV from its last step', async function () {
    const walkthrough = await openWalkthrough(page);
    const done = () => tickedSteps(walkthrough);
    await waitUntil(done, (ids) => ['openReport', 'acceptMetric', 'tagQuote', 'openSidecar'].every((id) => ids.includes(id)), {
      what: 'the steps done above (before the reload) to be ticked',
    });
    assert.ok(!(await done()).includes('exportCsv'), 'nothing was exported yet');

    await walkthrough.locator('.getting-started-step', { hasText: 'Export to CSV' }).first().click();
    await walkthrough.getByRole('button', { name: 'Export as CSV' }).click();
    // The save dialog suggests annotations.csv in the workspace; once it has listed the folder, OK takes it.
    const dialog = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: 'export annotations' }) });
    await dialog.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
    assert.match(await dialog.locator('.quick-input-box input').inputValue(), /\/annotations\.csv$/);
    await dialog.getByRole('button', { name: 'OK' }).click();
    const csvPath = join(workbench.workspace, 'annotations.csv');
    const csv = await waitUntil(() => (existsSync(csvPath) ? readFileSync(csvPath, 'utf8') : ''), (text) => text.includes(METRIC), { what: 'annotations.csv' });
    assert.match(csv, /^\uFEFFfile,id,kind,status/);
    assert.ok(csv.split('\n').some((row) => row.includes(METRIC) && row.includes(TAG)), 'the tagged metric is a row');
    await waitUntil(done, (ids) => ids.includes('exportCsv'), { what: 'the export step to be ticked' });
    await capture(page, 'walkthrough');
  });
});
