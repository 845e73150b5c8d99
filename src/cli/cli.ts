/**
 * The command-line interface: `report-annotator VERB [OPTIONS] ARGS`. Each
 * verb lives in `commands/`; this file only dispatches and turns errors into
 * exit codes, so the whole CLI can run in-process in tests.
 */
import { detectCommand } from './commands/detect';
import { summaryCommand } from './commands/summary';
import { reanchorCommand } from './commands/reanchor';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { acceptCommand } from './commands/accept';
import { validateCommand } from './commands/validate';
import { statsCommand } from './commands/stats';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from './io';

export const COMMANDS: readonly CliCommand[] = [
  detectCommand,
  summaryCommand,
  reanchorCommand,
  exportCommand,
  importCommand,
  acceptCommand,
  validateCommand,
  statsCommand,
];

const PROGRAM = 'report-annotator';

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const verbs = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Usage: ${PROGRAM} <verb> [options] [arguments]

Finds the metrics, quotes and recommendations in reports and manages the
analyst's annotations kept beside each report in NAME.annotations.yaml.

Verbs:
${verbs}

Run '${PROGRAM} <verb> --help' for a verb's options.
Offsets everywhere are Unicode code points.
Exit codes: 0 success, 1 problems found (validate, reanchor orphans), 2 usage or input errors.
`;
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    const topic = verb === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    io.stdout(topic ? topic.help : generalHelp());
    return verb === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (verb === '--version') {
    io.stdout(`${PROGRAM} ${VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === verb);
  if (!command) {
    io.stderr(`${PROGRAM}: unknown verb '${verb}'. Run '${PROGRAM} --help' for the list.\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${PROGRAM} ${verb}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

declare const __VERSION__: string | undefined;
/** Injected by the bundler from package.json; 'dev' when run from source. */
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
