import { EXIT_OK } from '../errors.js';
import { openLogFile } from '../io/log.js';
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';

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
