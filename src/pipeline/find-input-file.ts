import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * The file of one input role in the data folder: `name` (`sales.csv`) or, when that is absent,
 * the same name ending in `.parquet`; undefined when neither exists. Both present is a usage
 * error (exit 2): which one the planner meant is a question about the command, not about the data,
 * and reading either silently would be a guess.
 */
export function findInputFile(dataDir: string, name: string, flag: string): string | undefined {
  const csv = path.join(dataDir, name);
  const parquet = path.join(dataDir, name.replace(/\.csv$/, '.parquet'));
  const hasCsv = existsSync(csv);
  const hasParquet = existsSync(parquet);
  if (hasCsv && hasParquet) {
    const shown = path.relative(process.cwd(), dataDir) || '.';
    throw new UsageError(`${shown}: both ${path.basename(csv)} and ${path.basename(parquet)} are there; remove one, or name the file to read with --${flag} FILE`);
  }
  if (hasCsv) return csv;
  return hasParquet ? parquet : undefined;
}
