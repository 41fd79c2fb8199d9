import { InputError } from '../../errors.js';
import { STOCK_HISTORY_FIELDS } from '../csv/columns.js';
import { readCsvTable } from '../csv/csv-table.js';
import { explainDate, parseDay, resolveDateFormat } from '../csv/parse-date.js';
import { DEFAULT_WAREHOUSE } from './read-sales.js';
import type { ReadOptions, Warning } from './read-options.js';

/** One row of `stock_history.csv`: units on hand at the end of a day. */
export interface StockHistoryRow {
  readonly day: number;
  readonly sku: string;
  readonly warehouse: string;
  readonly onHand: number;
}

/**
 * Reads the optional `stock_history.csv` (`date`, `sku`, optional `warehouse`, `on_hand` at the
 * end of the day). Dates take the run's date format; without a warehouse column every row is in
 * `MAIN`, as in the sales file. Throws `InputError` with every problem found.
 */
export async function readStockHistory(file: string, options: ReadOptions = {}): Promise<{ rows: StockHistoryRow[]; warnings: Warning[] }> {
  const rows: StockHistoryRow[] = [];
  const dateFormat = resolveDateFormat(options.dateFormat);
  const result = await readCsvTable(file, options, STOCK_HISTORY_FIELDS, (row) => {
    const dateText = row.text('date');
    const day = parseDay(dateText, dateFormat);
    if (Number.isNaN(day)) {
      const { expected, hint } = explainDate(dateText, dateFormat);
      row.problem('date', expected, dateText, hint);
    }
    const sku = row.requiredText('sku', 'a SKU');
    const warehouse = row.has('warehouse') ? row.requiredText('warehouse', 'a warehouse') : DEFAULT_WAREHOUSE;
    const onHand = row.number('on_hand', { required: true });
    if (sku === '' || warehouse === '' || Number.isNaN(day) || Number.isNaN(onHand)) return;
    rows.push({ day, sku, warehouse, onHand });
  });
  if (result.problems.count > 0) throw new InputError(result.problems.problems, result.problems.count);
  return { rows, warnings: result.warnings.list() };
}
