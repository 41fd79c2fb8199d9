import type { ChalkInstance } from 'chalk';
import { formatProblem, type InputError } from '../../errors.js';

/** Every problem on its own line, capped at `max`, with the count of the rest. */
export function renderInputError(error: InputError, chalk: ChalkInstance, max: number): string {
  const lines: string[] = [];
  const shown = error.problems.slice(0, max);
  for (const problem of shown) lines.push(`${chalk.red('error:')} ${formatProblem(problem)}`);
  const rest = error.total - shown.length;
  if (rest > 0) lines.push(`… and ${rest} more problem${rest === 1 ? '' : 's'} (use stockcast validate --max-problems N to see more)`);
  lines.push(`${chalk.red('stockcast:')} ${error.total} problem${error.total === 1 ? '' : 's'} in the input; nothing was planned and no output file was touched`);
  return `${lines.join('\n')}\n`;
}
