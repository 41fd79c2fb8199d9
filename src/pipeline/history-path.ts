import path from 'node:path';

/**
 * Where the run history store is, or undefined for none. The first of: `--no-history` (none) or
 * `--history FILE`; the environment variable STOCKCAST_HISTORY (`off` for none, or a path); the
 * config's `history` (a path, or false); by default `DIR/stockcast.db` when a data folder is
 * given, else `stockcast.db` beside the output folder (a plan run with `--sales` / `--stock`
 * keeps its history next to its outputs). No store when the outputs go to stdout.
 */
export function historyPath(
  dir: string | undefined, flag: string | boolean | undefined, config: string | boolean | undefined, out: string,
): string | undefined {
  if (flag === false) return undefined;
  if (typeof flag === 'string') return path.resolve(flag);
  const environment = process.env.STOCKCAST_HISTORY;
  if (environment !== undefined && environment !== '') {
    return /^(off|false|0|no)$/i.test(environment) ? undefined : path.resolve(environment);
  }
  if (config === false) return undefined;
  if (typeof config === 'string') return config;
  if (dir !== undefined) return path.join(path.resolve(dir), 'stockcast.db');
  return out === '-' ? undefined : path.join(path.dirname(out), 'stockcast.db');
}
