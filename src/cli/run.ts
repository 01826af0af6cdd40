import { InputError } from '../input';
import { CliIo } from './cli-io';
import { CommandResult } from './command-result';
import type * as DiffCommand from './diff-command';
import { ExitCode } from './exit-codes';
import type * as PlaceCommand from './place-command';
import { COMMAND_USAGE, MAIN_USAGE } from './usage';
import { UsageError } from './usage-error';
import type * as ValidateCommand from './validate-command';
import { packageVersion } from './version';
import { lazyModule } from '../lazy-module';

export { CliIo } from './cli-io';
export { ExitCode } from './exit-codes';

type Command = (args: readonly string[], io: CliIo) => Promise<CommandResult>;

// Each command's modules are loaded when it runs: a process runs one, and loading is part of
// every run's time.
/* eslint-disable @typescript-eslint/no-require-imports */
const place = lazyModule<typeof PlaceCommand>(() => require('./place-command'));
const validate = lazyModule<typeof ValidateCommand>(() => require('./validate-command'));
const diff = lazyModule<typeof DiffCommand>(() => require('./diff-command'));
/* eslint-enable @typescript-eslint/no-require-imports */

const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['place', (args, io) => place.placeCommand(args, io)],
  ['validate', (args, io) => validate.validateCommand(args, io)],
  ['diff', (args, io) => diff.diffCommand(args, io)],
]);

const HELP_WORDS = new Set(['help', '--help', '-h']);

function printed(stdout: string): CommandResult {
  return { exitCode: ExitCode.ok, stdout, stderrLines: [] };
}

function helpFor(topic: string | undefined): CommandResult {
  if (topic === undefined) return printed(MAIN_USAGE);
  const usage = COMMAND_USAGE.get(topic);
  if (usage === undefined) throw new UsageError(`no help for '${topic}': it is not a command`);
  return printed(usage);
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<CommandResult> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (HELP_WORDS.has(first)) return helpFor(rest[0]);
  if (first === '--version') return printed(`${packageVersion()}\n`);
  const command = COMMANDS.get(first);
  if (command) return command(rest, io);
  throw new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`);
}

/** Error messages are one line: a file name or a parser's message must not break it. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Runs the `everynode` command line in-process: parses `argv` (without `node` and the script),
 * reads the inputs through `io`, and writes the result only once everything is read and
 * evaluated, so bad input never leaves a partial report on stdout.
 *
 * Never throws. Bad usage or input prints one line `everynode: ...` on stderr and returns 2; an
 * unexpected error (a bug) prints `everynode: internal error: ...` and returns 70; stdout that
 * cannot be written prints `everynode: cannot write standard output (...)` and returns 74.
 *
 * @param argv the arguments, e.g. `['place', '--inventory', 'nodes.yaml', 'dist/']`
 * @returns the exit status: 0 ok, 1 a check failed, 2 bad usage or input, 70 internal error,
 *   74 stdout not written
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let result: CommandResult;
  try {
    result = await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, ExitCode.usage, error.line);
    if (error instanceof InputError) return fail(io, ExitCode.usage, error.message);
    return fail(io, ExitCode.internal, `internal error: ${describeInternalError(error)}`);
  }
  try {
    // A JSON report is produced while it is written: a failure in between is a bug (70), one of
    // the write itself is the system's (74).
    for (const piece of typeof result.stdout === 'string' ? [result.stdout] : result.stdout) {
      if (piece.length === 0) continue;
      let readerLeft: boolean | void;
      try {
        readerLeft = io.stdout(piece);
      } catch (error) {
        return fail(io, ExitCode.output, `cannot write standard output (${describeWriteError(error)})`);
      }
      if (readerLeft === false) break;
    }
    for (const line of result.stderrLines) io.stderr(`everynode: ${oneLine(line)}\n`);
  } catch (error) {
    return fail(io, ExitCode.internal, `internal error: ${describeInternalError(error)}`);
  }
  return result.exitCode;
}

function describeWriteError(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? describeInternalError(error);
}

function describeInternalError(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

function fail(io: CliIo, exitCode: number, message: string): number {
  try {
    io.stderr(`everynode: ${oneLine(message)}\n`);
  } catch {
    // stderr is gone too: the exit status is all that is left to say it.
  }
  return exitCode;
}
