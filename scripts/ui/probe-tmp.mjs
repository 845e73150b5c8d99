import { launchWorkbench, explorerRow, runFromPalette, textRect, countHighlights, waitUntil } from './workbench.mjs';
const wb = await launchWorkbench({ vsixPath: '/work/main/dist/report-annotator-0.1.0.vsix', fixture: '/work/main/test/ui/fixtures/workspace', readyFile: 'school-attendance-letter.txt', settings: { 'editor.wordWrap': 'on' } });
const { page } = wb;
try {
  await explorerRow(page, 'school-attendance-letter.txt').click();
  await waitUntil(() => countHighlights(page), (c) => c.metric > 0);
  const r = await textRect(page, '92 per cent');
  await page.mouse.click(r.x + 5, r.y + 5); await page.keyboard.press('Escape');
  await runFromPalette(page, 'Report Annotator: Tag…');
  await page.keyboard.type('attendance');
  await page.locator('.quick-input-list .monaco-list-row[aria-label$=", new tag"]').first().waitFor({ state: 'detached' });
  await page.keyboard.press('ArrowDown'); await page.keyboard.press('Space'); await page.keyboard.press('Enter');
  const header = page.locator('.pane-header[aria-label="Annotations Section"]');
  await header.click();
  const view = page.locator('.pane', { has: header });
  const tagRow = view.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: 'attendance' }) }).first();
  await tagRow.waitFor();
  console.log('TAGROW', await tagRow.evaluate((e) => e.outerHTML.slice(0, 400)));
  await tagRow.click(); await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(1000);
  console.log('rows', await view.locator('.monaco-list-row').evaluateAll((rs) => rs.map((x) => x.getAttribute('aria-label') + ' | ' + x.getAttribute('aria-expanded'))));
  await page.locator('.editor-instance .view-lines').first().click();
  await runFromPalette(page, 'Welcome: Open Walkthrough...');
  await page.keyboard.type('Report Annotator');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get Started with Report Annotator' }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.gettingStartedContainer .getting-started-step').first().waitFor();
  await page.waitForTimeout(1000);
  console.log('STEPS', await page.locator('.gettingStartedContainer .getting-started-step').evaluateAll((rs) => rs.map((x) => x.outerHTML.slice(0, 500))));
  await page.screenshot({ path: '/tmp/shipper/probe-walk.png' });
} catch (e) { console.error(e); await page.screenshot({ path: '/tmp/shipper/err.png' }); }
finally { await wb.close(); }
