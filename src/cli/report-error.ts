import { CommanderError } from 'commander';
import {
  EXIT_OK, EXIT_RUNTIME, EXIT_USAGE, InputError, LockedError, UsageError, exitCodeOf,
} from '../errors.js';
import { renderInputError } from './render/problems.js';
import { makeChalk } from './render/style.js';

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
