import type { ProblemLog } from './csv-problems.js';
import { decimalMarkOf, MAX_ABS_NUMBER, parseDecimal } from './parse-number.js';
import type { WarningLog } from '../read/read-options.js';

/** The decimal mark of a file: fixed by `--decimal-comma`, or detected from the first number with one. */
export interface DecimalMark {
  mark: '.' | ',' | 'detect';
  /** True when the mark came from the option rather than from the data. */
  readonly fromOption: boolean;
}

/**
 * `--decimal-comma` given: as told. Not given: `,` files use a decimal point; `;` and tab files
 * take the mark of the first number that has one (`12,5` or `12.5`), and a later number with the
 * other mark is a problem, so a mixed file is never read half one way and half the other.
 */
export function createDecimalMark(decimalComma: boolean | undefined, delimiter: string): DecimalMark {
  if (decimalComma !== undefined) return { mark: decimalComma ? ',' : '.', fromOption: true };
  return { mark: delimiter === ',' ? '.' : 'detect', fromOption: false };
}

/** Everything a reader needs to turn cells into typed values and report what it cannot. */
export interface CellContext {
  readonly problems: ProblemLog;
  readonly warnings: WarningLog;
  readonly decimal: DecimalMark;
}

/** Numeric cell; NaN and a problem when it is not a number within ±1e12. */
export function numberCell(context: CellContext, text: string, line: number, column: number, field: string): number {
  const decimal = context.decimal;
  if (decimal.mark === 'detect') {
    const seen = decimalMarkOf(text);
    if (seen !== '') {
      decimal.mark = seen;
      if (seen === ',') {
        context.warnings.add('decimal-comma',
          `${context.problems.file}: numbers read with a decimal comma (first seen at line ${line}: "${text}")`);
      }
    }
  }
  const value = parseDecimal(text, decimal.mark === ',' ? ',' : '.');
  if (value === value) return value;
  context.problems.add(line, column + 1, field, ...explainNumber(text, decimal));
  return NaN;
}

function explainNumber(text: string, decimal: DecimalMark): [string, string, string] {
  const trimmed = text.trim();
  if (trimmed === '') return ['a number', '', 'the cell is empty'];
  const mark = decimal.mark === ',' ? ',' : '.';
  const other = mark === ',' ? '.' : ',';
  const asOther = parseDecimal(trimmed, other);
  if (Number.isFinite(asOther) && trimmed.includes(other)) {
    if (mark === '.') return ['a number', text, 'use --decimal-comma'];
    return ['a number with a decimal comma', text,
      decimal.fromOption ? 'drop --decimal-comma' : 'this file was read with a decimal comma; set --decimal-comma explicitly'];
  }
  const value = Number(trimmed.replace(',', '.'));
  if (Number.isFinite(value) && Math.abs(value) > MAX_ABS_NUMBER) return [`a number between -${MAX_ABS_NUMBER} and ${MAX_ABS_NUMBER}`, text, ''];
  return ['a number', text, ''];
}

/** Cell text without surrounding spaces (returns the same string when there is nothing to trim). */
export function trimCell(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  return text.charCodeAt(0) <= 32 || text.charCodeAt(n - 1) <= 32 ? text.trim() : text;
}
