/**
 * Errors that map to the exit codes of the interface spec. Everything else is internal (exit 1).
 * Shared by every layer; core code returns results and never throws these for data problems.
 */

export const EXIT_OK = 0;
export const EXIT_RUNTIME = 1;
export const EXIT_USAGE = 2;
export const EXIT_INPUT = 3;
/** `--fail-on` matched an alert type: the plan was written, but someone should look. */
export const EXIT_ALERTS = 4;

/** One problem found in an input file, with its position (1-based line and column). */
export interface InputProblem {
  readonly file: string;
  /** 1-based physical line in the file; 0 when the problem is about the whole file. */
  readonly line: number;
  /** 1-based column (field index) or 0 when not about one field. */
  readonly column: number;
  /** The field the column maps to, e.g. `quantity`, or '' when none. */
  readonly field: string;
  /** What was expected, e.g. `a number`. */
  readonly expected: string;
  /** The offending text as read, or '' when nothing was there. */
  readonly actual: string;
  /** A hint such as `use --decimal-comma`, or ''. */
  readonly hint: string;
  /** `row`: `line` counts data rows of a Parquet file, not lines of text. */
  readonly unit?: 'row';
}

/** `sales.csv:14:3: quantity: expected a number, got "12,5" (use --decimal-comma)` */
export function formatProblem(problem: InputProblem): string {
  const where = problem.line <= 0 ? problem.file
    : problem.unit === 'row' ? `${problem.file}: row ${problem.line}${problem.column > 0 ? `, column ${problem.column}` : ''}`
      : `${problem.file}:${problem.line}${problem.column > 0 ? `:${problem.column}` : ''}`;
  const field = problem.field ? `${problem.field}: ` : '';
  const got = problem.actual === '' ? '' : `, got ${JSON.stringify(truncate(problem.actual, 60))}`;
  const hint = problem.hint ? ` (${problem.hint})` : '';
  return `${where}: ${field}expected ${problem.expected}${got}${hint}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Input data is invalid: exit 3, nothing written. Carries every problem found. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  /** Total number of problems, which may exceed `problems.length` when the list was capped. */
  readonly total: number;

  constructor(problems: readonly InputProblem[], total = problems.length) {
    super(problems.length > 0 ? formatProblem(problems[0]) : 'input data invalid');
    this.name = 'InputError';
    this.problems = problems;
    this.total = total;
  }
}

/** Wrong command line or configuration: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Another run holds the lock on the output folder: exit 1 with a clear message. */
export class LockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockedError';
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof InputError) return EXIT_INPUT;
  if (error instanceof UsageError) return EXIT_USAGE;
  return EXIT_RUNTIME;
}
