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
  await runFromPalette(page, 'Welcome: Open Walkthrough...');
  await page.keyboard.type('Report Annotator');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get Started with Report Annotator' }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.gettingStartedContainer .getting-started-step').first().waitFor();
  await page.waitForTimeout(1000);
  console.log('MARKS', await page.locator('[data-done-step-id]').evaluateAll((rs) => rs.map((x) => x.outerHTML.slice(0, 300) + ' PARENT ' + x.parentElement.outerHTML.slice(0,200))));
  console.log('STEPS', await page.locator('.gettingStartedContainer .getting-started-step').evaluateAll((rs) => rs.map((x) => x.outerHTML.slice(0, 500))));
  await page.screenshot({ path: '/tmp/shipper/probe-walk.png' });
} catch (e) { console.error(e); await page.screenshot({ path: '/tmp/shipper/err.png' }); }
finally { await wb.close(); }
