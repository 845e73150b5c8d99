/** Runs the CLI in-process with captured output, as the binary would run it. */
import { runCli } from '../../src/cli/cli';
import { nodeFileSystem } from '../../src/cli/node-file-system';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCliCaptured(argv: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    fs: nodeFileSystem,
    cwd,
  });
  return { code, stdout, stderr };
}
