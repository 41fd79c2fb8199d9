import type { SalesTable } from '../../core/series/sales-table.js';
import { InputError } from '../../errors.js';
import { warnStrayByteOrderMarks } from '../csv/csv-stream.js';
import { createWarningLog, type ReadOptions, type Warning } from './read-options.js';
import { readSalesInParts } from './read-sales-parts.js';
import { readSalesRange, type SalesPart } from './read-sales-range.js';

export type { SalesTable } from '../../core/series/sales-table.js';
export { DEFAULT_WAREHOUSE } from './read-sales-range.js';

/**
 * Reads `sales.csv` into a columnar {@link SalesTable}: one streaming pass, typed arrays grown by
 * doubling (pre-sized from the file size) and no wider than the values need, SKU and warehouse
 * names interned to ids, no object per row. With `options.threads` above 1 a large UTF-8 CSV file
 * is read in parts on that many threads and joined (read-sales-parts.ts); the table is the same.
 * Every problem in the file is collected; if there is any, throws `InputError` with all of them
 * (exit 3). A file with a header but no rows is an error too ("no sales rows").
 */
export async function readSales(file: string, options: ReadOptions = {}): Promise<{ table: SalesTable; warnings: Warning[] }> {
  const part = (options.threads ?? 1) > 1 ? await readSalesInParts(file, options, options.threads ?? 1) : undefined;
  return finishSales(part ?? await readSalesRange(file, options));
}

/** The table of a whole file's rows, or `InputError` with its problems; the file-level warnings added. */
function finishSales(part: SalesPart): { table: SalesTable; warnings: Warning[] } {
  const { problems, summary } = part;
  if (summary.hasHeader && problems.count === 0 && part.rowCount === 0) {
    problems.add(0, 0, '', 'sales rows', '', 'the file has a header but no sales rows');
  }
  if (problems.count > 0) throw new InputError(problems.problems, problems.count);
  const warnings = createWarningLog();
  for (const warning of part.warnings) warnings.add(warning.code, warning.message, warning.count);
  if (summary.blankLines > 0) warnings.add('blank-line', `${problems.file}: skipped ${summary.blankLines} blank lines`, summary.blankLines);
  warnStrayByteOrderMarks(warnings, problems.file, summary.strayByteOrderMarks);
  const { summary: _summary, problems: _problems, warnings: _warnings, ...table } = part;
  return { table, warnings: warnings.list() };
}
