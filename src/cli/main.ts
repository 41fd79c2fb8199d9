import { CommanderError } from 'commander';
import {
  EXIT_OK, EXIT_RUNTIME, EXIT_USAGE, InputError, LockedError, UsageError, exitCodeOf,
} from '../errors.js';
import { openLogFile } from '../io/log.js';
import { buildProgram } from './program.js';
import { renderInputError } from './render/problems.js';
import { makeChalk } from './render/style.js';

/**
 * Entry point of bin/stockcast.js: runs the program and maps every error to an exit code and
 * one clear message on stderr. A stack trace is printed only for internal errors with --debug.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram((code) => { exitCode = code; });
  const debug = argv.includes('--debug');
  const color = !argv.includes('--no-color');
  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    const logFile = logFileArgument(argv);
    if (!logFile) return reportError(error, { debug, color });
    // A cron job's failure belongs in its log too, not only in the mail cron sends.
    const log = await openLogFile(logFile).catch(() => undefined);
    const code = reportError(error, {
      debug, color, write: (text) => { process.stderr.write(text); log?.write('error', text); },
    });
    await log?.close();
    return code;
  }
}

/** The value of --log-file (or --log-file=PATH), read before commander has parsed anything. */
function logFileArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--log-file') return argv[i + 1];
    if (argv[i].startsWith('--log-file=')) return argv[i].slice('--log-file='.length);
  }
  return undefined;
}

/** Prints one message for an error thrown by a command and returns its exit code. */
export function reportError(
  error: unknown, options: { debug: boolean; color: boolean; maxProblems?: number; write?: (text: string) => void },
): number {
  const chalk = makeChalk(process.stderr, options.color);
  const stderr = { write: options.write ?? ((text: string) => { process.stderr.write(text); }) };
  if (error instanceof CommanderError) {
    // commander already printed its message; help and version are successes.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
      || error.code === 'commander.help' || error.exitCode === 0) return EXIT_OK;
    return EXIT_USAGE;
  }
  if (error instanceof InputError) {
    stderr.write(renderInputError(error, chalk, options.maxProblems ?? 50));
    return exitCodeOf(error);
  }
  if (error instanceof UsageError || error instanceof LockedError) {
    stderr.write(`${chalk.red('stockcast:')} ${error.message}\n`);
    return exitCodeOf(error);
  }
  const nodeError = error as NodeJS.ErrnoException;
  if (nodeError && typeof nodeError.code === 'string' && typeof nodeError.syscall === 'string') {
    // I/O failures (disk full, permission denied) are runtime failures, reported without a stack.
    stderr.write(`${chalk.red('stockcast:')} ${nodeError.message}\n`);
    if (options.debug && nodeError.stack) stderr.write(`${nodeError.stack}\n`);
    return EXIT_RUNTIME;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`${chalk.red('stockcast: internal error:')} ${message}\n`);
  if (options.debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else stderr.write('(run again with --debug for details, and please report it)\n');
  return EXIT_RUNTIME;
}
