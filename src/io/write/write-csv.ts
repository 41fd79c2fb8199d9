/**
 * CSV text for every output file: RFC 4180 fields, `\n` line ends, numbers written plainly
 * (`.` decimal point, no thousands separator, no exponent, no `-0`, never `NaN`: a value
 * that is not finite becomes an empty cell). Quoting only where a field needs it.
 *
 * Supplier sheets additionally neutralise text cells that a spreadsheet would run as a formula
 * (OWASP "CSV injection": a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'`
 * prefix). Numeric cells are never touched, so `-5` stays a number.
 */

/** One cell: text is written as text, a number as a plain number, null/undefined as empty. */
export type CsvCell = string | number | null | undefined;

/** A column of an output file: its header and, for numbers, how many decimals to write. */
export interface CsvColumn {
  readonly name: string;
  /**
   * Decimals always written for numbers in this column (`toFixed`). Absent: the shortest text
   * that reads back as the same number (`String(n)` without exponent).
   */
  readonly decimals?: number;
  /**
   * With `decimals`, up to this many decimals are kept where they are not zero
   * (`0.00##`-style: 2.5 -> `2.50`, 0.0125 -> `0.0125`). Defaults to `decimals`.
   */
  readonly maxDecimals?: number;
}

export interface CsvOptions {
  /** Prefix `'` to text cells that a spreadsheet would read as a formula. Default false. */
  readonly guardFormulas?: boolean;
  /** Write the header row. Default true. */
  readonly header?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * A number as plain text: no exponent, no `-0`, `''` for NaN and infinities.
 * `decimals` fixes the number of decimals (rounding the binary value, as `toFixed` does);
 * `maxDecimals` (>= decimals) keeps further non-zero decimals up to that many.
 */
export function formatCsvNumber(value: number, decimals?: number, maxDecimals?: number): string {
  if (!Number.isFinite(value)) return '';
  let text: string;
  if (decimals === undefined) {
    text = plainNumber(value);
  } else {
    const most = Math.max(decimals, maxDecimals ?? decimals);
    text = Math.abs(value) < 1e21 ? value.toFixed(most) : plainNumber(value);
    if (most > decimals && text.includes('.')) {
      const keep = text.indexOf('.') + 1 + decimals;
      let end = text.length;
      while (end > keep && text.charCodeAt(end - 1) === 48) end--;
      text = text.slice(0, end);
      if (text.endsWith('.')) text = text.slice(0, -1);
    }
  }
  return isNegativeZeroText(text) ? text.slice(1) : text;
}

function plainNumber(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  return e < 0 ? text : expandExponent(text.slice(0, e), Number(text.slice(e + 1)));
}

/** `2.5`, 22 -> `25000000000000000000000`; `1.25`, -7 -> `0.000000125` (the shortest digits, shifted). */
function expandExponent(mantissa: string, exponent: number): string {
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const digits = dot < 0 ? unsigned : unsigned.slice(0, dot) + unsigned.slice(dot + 1);
  const pointAt = (dot < 0 ? unsigned.length : dot) + exponent;
  let result: string;
  if (pointAt <= 0) result = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) result = digits + '0'.repeat(pointAt - digits.length);
  else result = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${result}` : result;
}

function isNegativeZeroText(text: string): boolean {
  if (text.charCodeAt(0) !== 45) return false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 48 && code !== 46) return false;
  }
  return true;
}

/** True when a spreadsheet would treat this text as the start of a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** `'=cmd'` for `=cmd`; other text unchanged. For text cells only, never numbers. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** One field, quoted (with `"` doubled) only when it holds `,`, `"`, a line break or edge spaces. */
export function quoteCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of one cell of the given column, quoted as needed. */
export function formatCsvCell(cell: CsvCell, column?: CsvColumn, guardFormulas = false): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatCsvNumber(cell, column?.decimals, column?.maxDecimals);
  return quoteCsvField(guardFormulas ? neutraliseFormula(cell) : cell);
}

/** One CSV line (with its trailing `\n`) for a row of cells in column order. */
export function formatCsvRow(cells: readonly CsvCell[], columns?: readonly CsvColumn[], guardFormulas = false): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += formatCsvCell(cells[i], columns?.[i], guardFormulas);
  }
  return `${line}\n`;
}

/**
 * Lines of a CSV file, header first, one string per line (each ending in `\n`); lets big
 * outputs be streamed to disk without one huge string.
 */
export function* csvLines(
  columns: readonly CsvColumn[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvOptions = {},
): Generator<string> {
  const guard = options.guardFormulas ?? false;
  if (options.header ?? true) yield formatCsvRow(columns.map((column) => column.name), undefined, guard);
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(`CSV row has ${row.length} cells for ${columns.length} columns`);
    }
    yield formatCsvRow(row, columns, guard);
  }
}

/**
 * A whole CSV file as text.
 *
 * @example writeCsv([{ name: 'sku' }, { name: 'qty', decimals: 0 }], [['A', 12.4], ['B', -0]])
 * // 'sku,qty\nA,12\nB,0\n'
 */
export function writeCsv(
  columns: readonly CsvColumn[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvOptions = {},
): string {
  let text = '';
  for (const line of csvLines(columns, rows, options)) text += line;
  return text;
}

/** Columns from bare header names, all numbers written in shortest form. */
export function csvColumns(...names: string[]): CsvColumn[] {
  return names.map((name) => ({ name }));
}

/**
 * A whole CSV file from bare header names and rows; numbers in shortest plain form, or with
 * fixed decimals per column through `decimals` (header name -> decimals).
 *
 * @example formatCsv(['sku', 'qty'], [['A', 1.5]]) // 'sku,qty\nA,1.5\n'
 */
export function formatCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvOptions & { readonly decimals?: Readonly<Record<string, number>> } = {},
): string {
  const columns = header.map((name): CsvColumn => (
    options.decimals?.[name] === undefined ? { name } : { name, decimals: options.decimals[name] }));
  return writeCsv(columns, rows, options);
}
