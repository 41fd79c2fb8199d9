import path from 'node:path';
import { matchColumns, type FieldSpec } from './columns.js';
import { createDecimalMark, numberCell, trimCell, type CellContext } from './csv-cells.js';
import { createProblemLog, type ProblemLog } from './csv-problems.js';
import { warnStrayByteOrderMarks } from './csv-stream.js';
import { resolveEncoding } from './decode.js';
import { createWarningLog, type ReadOptions, type WarningLog } from '../read/read-options.js';
import { streamInputFile } from '../read/stream-input-file.js';

/** Typed access to the cells of one row of a small input file (stock, items, lanes). */
export interface RowCells {
  readonly line: number;
  /** True when the file has a column for the field. */
  has(field: string): boolean;
  /** Trimmed text, '' when the column is absent or the cell empty. */
  text(field: string): string;
  /** Trimmed text; a problem when it is empty. */
  requiredText(field: string, expected: string): string;
  /**
   * Number within [min, max]; NaN when the column is absent or (unless `required`) the cell is
   * empty. Anything else that is not such a number is a problem and gives NaN.
   */
  number(field: string, rule?: { min?: number; max?: number; required?: boolean; hint?: string }): number;
  /** Reports a problem about a field of this row. */
  problem(field: string, expected: string, actual: string, hint?: string): void;
}

export interface CsvTableResult {
  readonly displayName: string;
  readonly problems: ProblemLog;
  readonly warnings: WarningLog;
  readonly hasHeader: boolean;
}

/** Streams a small CSV file row by row through {@link RowCells}; collects problems, does not throw. */
export async function readCsvTable(
  file: string,
  options: ReadOptions,
  fields: readonly FieldSpec[],
  handle: (row: RowCells) => void,
): Promise<CsvTableResult> {
  const displayName = options.displayName ?? path.basename(file);
  const encoding = resolveEncoding(options.encoding);
  const problems = createProblemLog(displayName);
  const warnings = createWarningLog();
  let index: Readonly<Record<string, number>> = {};
  let context: CellContext = { problems, warnings, decimal: createDecimalMark(options.decimalComma, ',') };
  let fieldsOfRow: string[] = [];
  let line = 0;
  const column = (field: string): number => index[field] ?? -1;
  const cells: RowCells = {
    get line() {
      return line;
    },
    has: (field) => column(field) >= 0,
    text: (field) => (column(field) >= 0 ? trimCell(fieldsOfRow[column(field)]) : ''),
    requiredText(field, expected) {
      const value = cells.text(field);
      if (value === '') problems.add(line, column(field) + 1, field, expected, '', 'the cell is empty');
      return value;
    },
    number(field, rule = {}) {
      const c = column(field);
      if (c < 0) return NaN;
      const text = fieldsOfRow[c];
      if (trimCell(text) === '' && !rule.required) return NaN;
      const value = numberCell(context, text, line, c, field);
      if (value !== value) return NaN;
      const min = rule.min ?? -Infinity;
      const max = rule.max ?? Infinity;
      if (value < min || value > max) {
        const expected = max === Infinity ? `a number >= ${min}` : `a number from ${min} to ${max}`;
        problems.add(line, c + 1, field, expected, text, rule.hint ?? '');
        return NaN;
      }
      return value;
    },
    problem(field, expected, actual, hint = '') {
      problems.add(line, column(field) + 1, field, expected, actual, hint);
    },
  };
  const summary = await streamInputFile(file, encoding, problems, {
    header(headers, delimiter) {
      const match = matchColumns(headers, fields, options.map, problems);
      if (problems.count > 0) return false;
      index = match.index;
      context = { problems, warnings, decimal: createDecimalMark(options.decimalComma, delimiter) };
      if (match.unknown.length > 0) {
        warnings.add('unknown-column', `${displayName}: ignored columns ${match.unknown.join(', ')}`, match.unknown.length);
      }
      return true;
    },
    row(rowFields, rowLine) {
      fieldsOfRow = rowFields;
      line = rowLine;
      handle(cells);
    },
  }, fields, options);
  if (summary.blankLines > 0) warnings.add('blank-line', `${displayName}: skipped ${summary.blankLines} blank lines`, summary.blankLines);
  warnStrayByteOrderMarks(warnings, displayName, summary.strayByteOrderMarks);
  return { displayName, problems, warnings, hasHeader: summary.hasHeader };
}
