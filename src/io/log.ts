/**
 * Logging for unattended runs: warnings and info go to stderr (only errors with `--quiet`) and,
 * with `--log-file PATH`, are also appended to that file, one line each, prefixed with an ISO
 * timestamp and the level. Colour is the caller's business: `format` decorates stderr lines
 * only; the file always gets plain text (ANSI escapes are stripped).
 *
 * File lines are written synchronously, so that a run killed a moment later still leaves its
 * last words in the log.
 */

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type LogLevel = 'error' | 'warn' | 'info';

/** An open `--log-file`. */
export interface LogFile {
  readonly path: string;
  /** Appends `2026-11-26T02:00:01.123Z warn  text` (each line of a multi-line text gets the prefix). */
  write(level: LogLevel, text: string): void;
  close(): Promise<void>;
}

export interface Logger {
  error(text: string): void;
  warn(text: string): void;
  info(text: string): void;
  /** Warns once per key (e.g. once per default value used), however often it is called. */
  warnOnce(key: string, text: string): void;
  close(): Promise<void>;
}

export interface LoggerOptions {
  readonly quiet?: boolean;
  /** An open log file (see {@link openLogFile}). */
  readonly logFile?: LogFile;
  /** Where stderr lines go; default `process.stderr`. */
  readonly stderr?: { write(text: string): unknown };
  /** Decorates a stderr line, e.g. colours `warning:`; default `warning: text` / `error: text` / `text`. */
  readonly format?: (level: LogLevel, text: string) => string;
}

// CSI and OSC escape sequences (colours, hyperlinks) that a formatter may have added.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/**
 * Opens (creating folders as needed) a log file for appending.
 *
 * @example const log = await openLogFile('/var/log/stockcast.log'); log.write('info', 'planned 120 SKUs'); await log.close();
 */
export async function openLogFile(path: string, now: () => Date = () => new Date()): Promise<LogFile> {
  const absolute = resolve(path);
  mkdirSync(dirname(absolute), { recursive: true });
  let fd: number | undefined = openSync(absolute, 'a');
  return {
    path: absolute,
    write(level, text) {
      if (fd === undefined) return;
      const stamp = `${now().toISOString()} ${level.padEnd(5)} `;
      const lines = text.replace(ANSI, '').replace(/\r?\n$/, '').split(/\r?\n/);
      writeSync(fd, lines.map((line) => `${stamp}${line}\n`).join(''));
    },
    async close() {
      if (fd === undefined) return;
      const open = fd;
      fd = undefined;
      closeSync(open);
    },
  };
}

function defaultFormat(level: LogLevel, text: string): string {
  return level === 'info' ? text : `${level === 'warn' ? 'warning' : 'error'}: ${text}`;
}

/**
 * A logger over stderr and an optional log file.
 *
 * @example const logger = createLogger({ quiet: flags.quiet, logFile }); logger.warn('items.csv missing: defaults used');
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const stderr = options.stderr ?? process.stderr;
  const format = options.format ?? defaultFormat;
  const seen = new Set<string>();
  const emit = (level: LogLevel, text: string): void => {
    if (level === 'error' || !options.quiet) stderr.write(`${format(level, text)}\n`);
    options.logFile?.write(level, text);
  };
  return {
    error: (text) => emit('error', text),
    warn: (text) => emit('warn', text),
    info: (text) => emit('info', text),
    warnOnce(key, text) {
      if (seen.has(key)) return;
      seen.add(key);
      emit('warn', text);
    },
    close: async () => { await options.logFile?.close(); },
  };
}
