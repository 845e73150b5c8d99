/** The `report-annotator` binary: wires the real process into the CLI. */
import { runCli } from './cli';
import { nodeFileSystem } from './node-file-system';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  fs: nodeFileSystem,
  cwd: process.cwd(),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`report-annotator: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
