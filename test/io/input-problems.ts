import { formatProblem, InputError } from '../../src/errors.js';
import type { ReadOptions } from '../../src/io/read/read-options.js';
import { readSales } from '../../src/io/read/read-sales.js';

/** The formatted problems of a read that must fail with an InputError (it fails the test otherwise). */
export async function problemsOf(read: () => Promise<unknown>): Promise<string[]> {
  try {
    await read();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected an InputError');
}

/** The formatted problems of reading a sales file that must fail. */
export function salesProblems(file: string, options: ReadOptions = {}): Promise<string[]> {
  return problemsOf(() => readSales(file, options));
}
