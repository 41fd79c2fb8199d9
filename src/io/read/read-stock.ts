import { InputError } from '../../errors.js';
import { STOCK_FIELDS } from '../csv/columns.js';
import { readCsvTable } from '../csv/csv-table.js';
import { DEFAULT_WAREHOUSE } from './read-sales.js';
import type { ReadOptions, Warning } from './read-options.js';

/** One row of `stock.csv`: the stock position of a SKU in a warehouse on the planning date. */
export interface StockRow {
  readonly sku: string;
  readonly warehouse: string;
  /**
   * Units on hand as written. May be negative (a booking backlog in the source system): that is a
   * warning, not an error, and the value is kept; planners should treat available stock below 0
   * as 0 units to sell from and the deficit as demand already owed.
   */
  readonly onHand: number;
  /** Open purchase orders not yet received; 0 when the column is absent or the cell empty. */
  readonly onOrder: number;
  /** Reserved for open customer orders; 0 when the column is absent or the cell empty. */
  readonly allocated: number;
  /** NaN when absent (items.csv may have it). */
  readonly unitCost: number;
  /** 1-based line in the file, for later messages. */
  readonly line: number;
}

/**
 * Reads `stock.csv` (interface spec: `sku`, `warehouse`, `on_hand`; optional `on_order`,
 * `allocated`, `unit_cost`). Without a warehouse column every row is in `MAIN`, matching a sales
 * file without one. A second row for the same SKU and warehouse is a problem naming both lines.
 * Throws `InputError` with every problem found.
 */
export async function readStock(file: string, options: ReadOptions = {}): Promise<{ rows: StockRow[]; warnings: Warning[] }> {
  const rows: StockRow[] = [];
  const seen = new Map<string, number>();
  let negative = 0;
  let withoutWarehouse = 0;
  let firstNegative = '';
  const result = await readCsvTable(file, options, STOCK_FIELDS, (row) => {
    const sku = row.requiredText('sku', 'a SKU');
    if (!row.has('warehouse')) withoutWarehouse++;
    const warehouse = row.has('warehouse') ? row.requiredText('warehouse', 'a warehouse') : DEFAULT_WAREHOUSE;
    const onHand = row.number('on_hand', { required: true });
    const onOrder = row.number('on_order', { min: 0 });
    const allocated = row.number('allocated', { min: 0 });
    const unitCost = row.number('unit_cost', { min: 0 });
    if (sku === '' || warehouse === '') return;
    const key = `${sku}\u0000${warehouse}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      row.problem('sku', `one row per SKU and warehouse (first at line ${earlier})`, `${sku} / ${warehouse}`);
      return;
    }
    seen.set(key, row.line);
    if (onHand < 0) {
      if (negative++ === 0) firstNegative = `${sku} / ${warehouse} at line ${row.line}: ${onHand}`;
    }
    rows.push({
      sku, warehouse, onHand,
      onOrder: onOrder === onOrder ? onOrder : 0,
      allocated: allocated === allocated ? allocated : 0,
      unitCost, line: row.line,
    });
  });
  if (result.hasHeader && result.problems.count === 0 && rows.length === 0) {
    // A stock export that failed halfway leaves a header and nothing else; planning from it would
    // order every SKU as if the shelves were empty.
    result.problems.add(0, 0, '', 'stock rows', '', 'the file has a header but no stock rows; planning would treat every shelf as empty');
  }
  if (result.problems.count > 0) throw new InputError(result.problems.problems, result.problems.count);
  if (negative > 0) {
    result.warnings.add('negative-on-hand', `${result.displayName}: negative on_hand kept as written (first: ${firstNegative})`, negative);
  }
  if (withoutWarehouse > 0) {
    result.warnings.add('no-warehouse-column', `${result.displayName}: no warehouse column, all stock counted in ${DEFAULT_WAREHOUSE}`);
  }
  return { rows, warnings: result.warnings.list() };
}
