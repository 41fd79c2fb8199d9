import type { InputProblem } from '../../errors.js';

/** Stored problems per run; the rest are only counted (they are all reported as a total). */
export const PROBLEM_CAP = 1000;

/** Collects every problem of one file: the first `cap` in full, all of them in `count`. */
export interface ProblemLog {
  readonly file: string;
  readonly problems: InputProblem[];
  /** All problems seen, including those past the cap. */
  count: number;
  add(line: number, column: number, field: string, expected: string, actual: string, hint?: string): void;
}

export function createProblemLog(file: string, cap = PROBLEM_CAP): ProblemLog {
  const log: ProblemLog = {
    file,
    problems: [],
    count: 0,
    add(line, column, field, expected, actual, hint = '') {
      log.count++;
      if (log.problems.length < cap) log.problems.push({ file, line, column, field, expected, actual, hint });
    },
  };
  return log;
}
