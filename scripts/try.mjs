// Try the extension in a real VS Code in your browser (npm run try):
// installs code-server if needed (npm run vscode:setup), builds and packages
// the .vsix, installs it into a fresh code-server, opens a copy of samples/
// and prints the address. Runs until Ctrl+C, then stops the server.
//   node scripts/try.mjs [--port N] [--skip-package] [--theme dark|light]
// The copy is thrown away on exit, with any annotations made in it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultVsixPath, packageExtension } from './package.mjs';
import { launchWorkbench } from './ui/workbench.mjs';
import { repoRoot } from './vscode/code-server.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'skip-package': { type: 'boolean', default: false },
    theme: { type: 'string', default: 'dark' },
  },
});

async function main() {
  const setup = spawnSync('bash', [join(repoRoot, 'scripts/vscode/setup.sh')], { cwd: repoRoot, stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('npm run vscode:setup failed (see above)');

  let vsixPath = defaultVsixPath();
  if (!args['skip-package'] || !existsSync(vsixPath)) {
    const packaged = await packageExtension({ quiet: true });
    vsixPath = packaged.vsixPath;
    console.log(`try: packaged ${vsixPath} (${(packaged.bytes / 1024).toFixed(1)} KB)`);
  }

  const workbench = await launchWorkbench({
    vsixPath,
    fixture: join(repoRoot, 'samples'),
    browser: false,
    port: args.port === undefined ? undefined : Number(args.port),
    theme: args.theme === 'light' ? 'light' : 'dark',
    // The samples' README says what each report exercises; an analyst's own name goes in the settings.
    settings: { 'workbench.startupEditor': 'readme', 'reportAnnotator.author': '' },
  });

  let stopping;
  const stop = (reason) => {
    stopping ??= (async () => {
      console.log(`\ntry: ${reason}, stopping code-server…`);
      await workbench.close();
      process.exit(0);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void stop('interrupted'));
  process.on('SIGTERM', () => void stop('terminated'));
  process.on('SIGHUP', () => void stop('terminal closed'));
  void workbench.server.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`try: code-server exited on its own (code ${code}, signal ${signal}); its last lines:\n${workbench.server.output.slice(-20).join('\n')}`);
    void workbench.close().then(() => process.exit(1));
  });

  console.log(`
Report Annotator is running in VS Code (code-server) with a copy of samples/:

    ${workbench.url}

Open a report from the Explorer (ofsted-monitoring-letter.txt, council-press-release.txt, …),
hover a highlighted figure, and try F1 → "Report Annotator". The guided tour:
F1 → "Welcome: Open Walkthrough..." → "Get Started with Report Annotator".
The workspace copy is ${workbench.workspace} (deleted on exit).
Press Ctrl+C to stop.`);
}

try {
  await main();
} catch (error) {
  console.error(`try: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
