import type { SalesTable } from './sales-table.js';

/**
 * The default planning date (interface spec, `--as-of`): the day after the last sales date in
 * the data, as a day number. NaN for a table without rows.
 *
 * @example defaultAsOf(table) // 19724 (2024-01-02) when the last sale is on 2024-01-01
 */
export function defaultAsOf(table: SalesTable): number {
  return table.rowCount === 0 ? NaN : table.maxDay + 1;
}
