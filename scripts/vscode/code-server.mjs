// Runs an extension-host test module (the kind @vscode/test-electron runs) in a
// real VS Code without downloading one: code-server (installed by setup.sh)
// serves the workbench, headless Debian Chromium opens it through
// playwright-core, and the workbench reports the module's result through
// window.codeAutomationExit. Shared by run-tests.mjs and bench/vscode/run.mjs;
// startVsCodeServer serves the UI tests (scripts/ui/).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

/** The repository root (this file is scripts/vscode/code-server.mjs). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const codeServerBin = join(repoRoot, '.vscode-test/code-server/node_modules/.bin/code-server');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Settings every run needs: no trust dialog (Restricted Mode keeps extensions off), no welcome tab. */
const baseSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
};

/** How long code-server may take to answer HTTP before the run is abandoned. */
const serverStartTimeoutMs = 60_000;
/** Grace period between SIGTERM and SIGKILL for the server's process group. */
const killGraceMs = 3_000;

/**
 * Runs `extensionTestsPath` (a CommonJS module exporting `run(): Promise<void>`)
 * in the remote Node extension host of a fresh code-server, with the extension
 * at `extensionDevelopmentPath` loaded and `workspace` opened.
 *
 * Resolves to the exit code the workbench reports (0: the module's promise
 * resolved, 1: it rejected). Rejects when code-server is not installed, does not
 * start, or the tests do not finish within `timeoutMs`; the server's process
 * group is killed in every case.
 *
 * @param {object} options
 * @param {string} options.extensionDevelopmentPath absolute folder with the extension's package.json
 * @param {string} options.extensionTestsPath absolute path of the compiled test module
 * @param {string} options.workspace absolute folder to open
 * @param {Record<string, unknown>} [options.settings] user settings over the defaults above
 * @param {Record<string, string>} [options.env] extra environment for code-server and so the extension host
 * @param {number} [options.timeoutMs] overall limit, default 10 minutes
 * @param {(line: string) => void} [options.onLog] receives each line the extension host logs (default: stdout)
 * @returns {Promise<number>}
 */
export async function runInVsCode(options) {
  const { extensionDevelopmentPath, extensionTestsPath, workspace } = options;
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const onLog = options.onLog ?? ((line) => process.stdout.write(`${line}\n`));
  if (!existsSync(codeServerBin)) throw new Error(`code-server is not installed: run \`npm run vscode:setup\` first (looked for ${codeServerBin})`);
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run \`npm run vscode:setup\` or set CHROMIUM_PATH`);

  const scratch = await mkdtemp(join(tmpdir(), 'report-annotator-vscode-'));
  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...baseSettings, ...options.settings }, null, 2));

  const deadline = Date.now() + timeoutMs;
  let server;
  let browser;
  try {
    const port = await findFreePort();
    server = startCodeServer({ port, userDataDir, extensionsDir, workspace, env: options.env });
    await waitForServer(server, port, Math.min(serverStartTimeoutMs, deadline - Date.now()));

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    const page = await browser.newPage();
    // Both must exist before the workbench loads: it looks for them once, at start-up.
    let reportExit;
    const exit = new Promise((resolveExit, rejectExit) => {
      reportExit = resolveExit;
      page.on('crash', () => rejectExit(new Error('the workbench page crashed')));
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      for (const line of formatLog(type, args)) onLog(line);
    });
    page.on('pageerror', (error) => server.output.push(`[page error] ${error.message}`));

    const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['extensionTestsPath', remote(extensionTestsPath)],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1, deadline - Date.now()) });

    const code = await raceDeadline(exit, server, deadline, timeoutMs);
    return code;
  } catch (error) {
    if (server && process.env.VSCODE_TEST_VERBOSE !== '1') {
      // The server's log says why it would not start or what the extension host did before it died.
      process.stderr.write(`--- code-server output (last 80 lines) ---\n${server.output.slice(-80).join('\n')}\n---\n`);
    }
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await killGroup(server.child);
    await rm(scratch, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

/**
 * Starts a code-server that keeps running (for Playwright UI tests, screenshots
 * and `npm run try`): a fresh user-data and extensions folder under `scratch`,
 * each `.vsix` of `vsixPaths` installed with `--install-extension` (what an
 * analyst does), the settings above plus `settings`, and `workspace` opened.
 * Resolves once the server answers HTTP; `stop()` kills its process group.
 *
 * @param {{ workspace: string, scratch: string, vsixPaths?: string[], settings?: Record<string, unknown>, port?: number, env?: Record<string, string> }} options
 * @returns {Promise<{ port: number, url: string, userDataDir: string, extensionsDir: string, output: string[], exited: Promise<unknown>, stop: () => Promise<void> }>}
 */
export async function startVsCodeServer(options) {
  if (!existsSync(codeServerBin)) throw new Error(`code-server is not installed: run \`npm run vscode:setup\` first (looked for ${codeServerBin})`);
  const userDataDir = join(options.scratch, 'user-data');
  const extensionsDir = join(options.scratch, 'extensions');
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...baseSettings, ...options.settings }, null, 2));
  for (const vsix of options.vsixPaths ?? []) {
    const args = ['--config', join(userDataDir, 'code-server.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix];
    const install = spawnSync(codeServerBin, args, { encoding: 'utf8', env: { ...process.env, ...options.env } });
    if (install.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed:\n${install.stdout}${install.stderr}`);
  }
  const port = options.port ?? (await findFreePort());
  const server = startCodeServer({ port, userDataDir, extensionsDir, workspace: options.workspace, env: options.env });
  try {
    await waitForServer(server, port, serverStartTimeoutMs);
  } catch (error) {
    await killGroup(server.child);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${server.output.slice(-40).join('\n')}`);
  }
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`;
  return { port, url, userDataDir, extensionsDir, output: server.output, exited: server.exited, stop: () => killGroup(server.child) };
}

/**
 * The workbench's own chatter, forwarded with the extension host's console:
 * connection set-up, and the extension gallery it cannot reach offline.
 */
const workbenchNoise = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution/,
  /open-vsx\.org|ENOTFOUND|marketplace/i,
];

/**
 * Turns one codeAutomationLog call (console arguments, format string first) into
 * printable lines, or none for the workbench's noise unless VSCODE_TEST_VERBOSE=1.
 */
function formatLog(type, args) {
  const values = Array.isArray(args) ? args : [args];
  const text = format(...values).replace(/\n$/, '');
  if (process.env.VSCODE_TEST_VERBOSE !== '1' && workbenchNoise.some((pattern) => pattern.test(text))) return [];
  // Errors are worth spotting in a long log; everything else (mocha's reporter) is printed as is.
  return text.split('\n').map((line) => (type === 'error' && line !== '' ? `[error] ${line}` : line));
}

/** Asks the OS for a free loopback port. */
function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Starts code-server in its own process group, keeping its output for diagnostics. */
function startCodeServer({ port, userDataDir, extensionsDir, workspace, env }) {
  const args = [
    // Its own config file, or it would write one into ~/.config/code-server.
    '--config', join(userDataDir, 'code-server.yaml'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    workspace,
  ];
  const child = spawn(codeServerBin, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const output = [];
  const verbose = process.env.VSCODE_TEST_VERBOSE === '1';
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() === '') continue;
      output.push(line);
      if (output.length > 400) output.shift();
      if (verbose) process.stderr.write(`[code-server] ${line}\n`);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  return { child, output, exited };
}

/** Polls `/` until code-server answers (a 302 to the workbench) or gives up. */
async function waitForServer(server, port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let gone = false;
  void server.exited.then(() => (gone = true));
  while (Date.now() < until) {
    if (gone) throw new Error('code-server exited before it answered HTTP');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      if (response.status > 0) return;
    } catch {
      // Not listening yet.
    }
    await delay(150);
  }
  throw new Error(`code-server did not answer on port ${port} within ${Math.round(timeoutMs / 1000)} s`);
}

/** Waits for the workbench's exit code, failing clearly on the overall timeout or a dead server. */
function raceDeadline(exit, server, deadline, timeoutMs) {
  return new Promise((resolveCode, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the tests did not finish within ${Math.round(timeoutMs / 1000)} s (overall timeout); see the log above for the last test that ran`)),
      Math.max(0, deadline - Date.now()),
    );
    timer.unref();
    exit.then(
      (code) => {
        clearTimeout(timer);
        resolveCode(code);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
    server.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (code ${code}, signal ${signal}) before the tests finished`));
    });
  });
}

/** SIGTERM to the whole group (server, watcher, extension hosts), SIGKILL whatever outlives the grace period. */
async function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child.pid, 'SIGKILL'); // a child of the group may still live
    return;
  }
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  signalGroup(child.pid, 'SIGTERM');
  const timer = delay(killGraceMs).then(() => 'late');
  const result = await Promise.race([exited.then(() => 'done'), timer]);
  signalGroup(child.pid, 'SIGKILL');
  if (result === 'late') await Promise.race([exited, delay(1_000)]);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function delay(ms) {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms).unref());
}
