import { exitCodeOf } from '../errors.js';

/** Entry point used by bin/stockcast.js; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    process.stdout.write(`stockcast ${argv.slice(2).join(' ')}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`stockcast: ${(error as Error).message}\n`);
    return exitCodeOf(error);
  }
}
