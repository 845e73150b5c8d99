// The shared launcher of the UI tests, the screenshots and `npm run try`: a
// real VS Code (code-server, installed by `npm run vscode:setup`) with the
// packaged .vsix installed as an analyst installs it, a throwaway copy of a
// workspace, and headless Debian Chromium driving the workbench through
// playwright-core. Also the few workbench gestures the tests repeat (palette,
// explorer, decorations found by theme colour), each waiting on a selector.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startVsCodeServer } from '../vscode/code-server.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** The size the screenshots are taken at (README images) and the tests run at. */
export const viewport = { width: 1280, height: 800 };

/** VS Code's built-in themes used for the dark (default) and light runs. */
export const themes = { dark: 'Default Dark Modern', light: 'Default Light Modern' };

/** Settings of an analyst's first day, minus the noise a person would dismiss once. */
export const analystSettings = {
  'reportAnnotator.tags': ['attendance', 'safeguarding', 'follow-up'],
  'reportAnnotator.author': 'A. Analyst',
  'workbench.editor.enablePreview': false,
  'workbench.tips.enabled': false,
  'editor.hover.delay': 300,
  'files.autoSave': 'off',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Starts code-server with `vsixPath` installed and a copy of `fixture` opened;
 * with `browser: true` (the default) also opens the workbench in headless
 * Chromium and waits until the explorer shows `readyFile`.
 * `close()` closes the browser, kills the server's process group and deletes
 * the copies, whatever state they are in.
 *
 * @param {object} options
 * @param {string} options.vsixPath the packaged extension
 * @param {string} options.fixture folder copied as the workspace
 * @param {string} [options.readyFile] a file at the workspace's top level to wait for in the explorer
 * @param {'dark' | 'light'} [options.theme]
 * @param {Record<string, unknown>} [options.settings] over {@link analystSettings}
 * @param {boolean} [options.browser]
 * @param {number} [options.port]
 */
export async function launchWorkbench(options) {
  if (options.browser !== false && !existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run \`npm run vscode:setup\` or set CHROMIUM_PATH`);
  const scratch = await mkdtemp(join(tmpdir(), 'report-annotator-ui-'));
  const workspace = join(scratch, 'workspace');
  let server;
  let browser;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await rm(scratch, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  };
  try {
    await cp(resolve(options.fixture), workspace, { recursive: true });
    const settings = { ...analystSettings, 'workbench.colorTheme': themes[options.theme ?? 'dark'], ...options.settings };
    server = await startVsCodeServer({ workspace, scratch: join(scratch, 'server'), vsixPaths: [options.vsixPath], settings, port: options.port });
    if (options.browser === false) return { workspace, server, url: server.url, page: undefined, close };
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(20_000);
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page, options.readyFile);
    return { workspace, server, url: server.url, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits until the workbench has loaded the workspace: the explorer lists `readyFile` (or any row). */
export async function waitForWorkbench(page, readyFile) {
  const row = readyFile ? explorerRow(page, readyFile) : page.locator('.explorer-folders-view .monaco-list-row').first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
}

/** The explorer's row of a file or folder name. */
export function explorerRow(page, name) {
  return page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
}

/** The editor tab of a file name. */
export function editorTab(page, name) {
  return page.locator(`.tabs-container .tab[data-resource-name="${name}"]`);
}

/**
 * Runs a command through the palette with the keyboard, as a person does:
 * F1, type the title, wait until the first row is that command, Enter.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} title the palette row, "Category: Title"
 */
export async function runFromPalette(page, title) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // A key pressed while focus moves between parts (a tab click, a tree) is now and then lost: press again.
  for (let attempt = 1; ; attempt += 1) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await input.fill(`>${title}`);
  try {
    // The widget keeps the lists of earlier picks in the DOM, hidden: only the visible one counts.
    const list = page.locator('.quick-input-widget .quick-input-list:visible');
    await list.locator('.monaco-list-row .label-name').filter({ hasText: exactly(title) }).first().waitFor({ state: 'visible' });
    // Fuzzy matching may rank a longer title first ("Accept All Detections" for "Accept Detection"): walk down to the exact one.
    const focusedLabel = list.locator('.monaco-list-row.focused .label-name').first();
    for (let step = 0; (await focusedLabel.textContent()) !== title; step += 1) {
      if (step >= 10) throw new Error(`the palette does not offer "${title}" among its first rows`);
      await page.keyboard.press('ArrowDown');
    }
  } catch (error) {
    await page.keyboard.press('Escape'); // leave the workbench usable for the next steps
    throw error;
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-box input').first().waitFor({ state: 'hidden' }).catch(() => undefined);
}

/** A regular expression matching the whole of `text`, for Playwright's `hasText`, which otherwise matches substrings. */
export function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/**
 * Where `text` is drawn in the active editor: the client rectangle of its
 * first rendered occurrence, or undefined when it is not on screen.
 */
export async function textRect(page, text) {
  return page.evaluate((needle) => {
    const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (!lines) return undefined;
    for (const line of lines.querySelectorAll('.view-line')) {
      const content = line.textContent ?? '';
      // Monaco renders spaces as U+00A0.
      const at = content.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!started && at < seen + length) {
          range.setStart(node, at - seen);
          started = true;
        }
        if (started && at + needle.length <= seen + length) {
          range.setEnd(node, at + needle.length - seen);
          const rect = range.getBoundingClientRect();
          return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        }
        seen += length;
      }
    }
    return undefined;
  }, text);
}

/**
 * The decoration boxes (`div.cdr` in the editor's `.view-overlays`) that
 * overlap `rect`, each with the theme colour its background matches
 * (`metric`, `quote`, `recommendation`, `custom`, or undefined for boxes drawn
 * by others) and whether it has the solid border of an accepted annotation.
 * Decoration class names depend on creation order, so the theme colour's CSS
 * variable on `.monaco-workbench` is the stable way to tell them apart.
 */
export async function decorationsAt(page, rect) {
  return page.evaluate((target) => {
    const workbench = document.querySelector('.monaco-workbench');
    if (!workbench) return [];
    // Resolve each theme colour to the rgba() string getComputedStyle reports for a background.
    const probe = document.createElement('div');
    workbench.appendChild(probe);
    const colours = {};
    for (const kind of ['metric', 'quote', 'recommendation', 'custom']) {
      probe.style.backgroundColor = `var(--vscode-reportAnnotator-${kind}Background)`;
      colours[getComputedStyle(probe).backgroundColor] = kind;
    }
    probe.remove();
    const boxes = [];
    for (const box of document.querySelectorAll('.editor-instance .monaco-editor .view-overlays div.cdr')) {
      const r = box.getBoundingClientRect();
      if (target && (r.right <= target.x + 1 || r.left >= target.x + target.width - 1 || r.bottom <= target.y + 1 || r.top >= target.y + target.height - 1)) continue;
      const style = getComputedStyle(box);
      boxes.push({ kind: colours[style.backgroundColor], accepted: style.borderTopStyle === 'solid', background: style.backgroundColor });
    }
    return boxes;
  }, rect ?? null);
}

/** Counts the rendered highlight boxes of each kind in the active editor. */
export async function countHighlights(page) {
  const counts = { metric: 0, quote: 0, recommendation: 0, custom: 0 };
  for (const box of await decorationsAt(page, undefined)) if (box.kind) counts[box.kind] += 1;
  return counts;
}

/**
 * Polls `read` in the page's rhythm (animation frames on Playwright's side)
 * until `accept` holds, for conditions no selector expresses (a decoration's
 * colour, a file on disk). Throws with the last value after `timeoutMs`.
 */
export async function waitUntil(read, accept, { timeoutMs = 30_000, what = 'condition' } = {}) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolveTick) => setTimeout(resolveTick, 100));
  }
}
