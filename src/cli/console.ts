import type { ChalkInstance } from 'chalk';
import { makeChalk } from './render/style.js';

/**
 * Where a command writes: data and the human summary to stdout, everything else (warnings,
 * logs, progress) to stderr. Colours and progress bars only where a person is watching.
 */
export interface Console {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly warn: (text: string) => void;
  readonly info: (text: string) => void;
  readonly color: ChalkInstance;
  readonly errColor: ChalkInstance;
  readonly quiet: boolean;
  readonly isErrTty: boolean;
  readonly isOutTty: boolean;
}

export interface ConsoleOptions {
  readonly quiet?: boolean;
  readonly color?: boolean;
  /** Extra sink for warnings and info lines (the --log-file). */
  readonly log?: (level: 'warn' | 'info' | 'error', text: string) => void;
}

export function makeConsole(options: ConsoleOptions = {}): Console {
  const color = makeChalk(process.stdout, options.color !== false);
  const errColor = makeChalk(process.stderr, options.color !== false);
  const quiet = options.quiet === true;
  return {
    out: (text) => { process.stdout.write(text); },
    err: (text) => {
      process.stderr.write(text);
      options.log?.('error', text.trimEnd());
    },
    warn: (text) => {
      if (!quiet) process.stderr.write(`${errColor.yellow('warning:')} ${text}\n`);
      options.log?.('warn', text);
    },
    info: (text) => {
      if (!quiet) process.stderr.write(`${text}\n`);
      options.log?.('info', text);
    },
    color,
    errColor,
    quiet,
    isErrTty: process.stderr.isTTY === true,
    isOutTty: process.stdout.isTTY === true,
  };
}
