// Renders media/icon.svg to the 128×128 PNG the marketplace and the
// extensions view show, in headless Chromium (Debian's, never a download).
//   node scripts/make-icon.mjs
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const svg = readFileSync(new URL('../media/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(new URL('../media/icon.png', import.meta.url), png);
  console.log(`media/icon.png: ${png.length} bytes`);
} finally {
  await browser.close();
}
