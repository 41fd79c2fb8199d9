import { correctCensoredDemand, type StockoutDays } from '../core/series/correct-censored-demand.js';
import type { SalesTable } from '../core/series/sales-table.js';
import type { StockHistoryRow } from '../io/read/read-stock-history.js';

/**
 * The sales table with the demand of out-of-stock days (end-of-day on hand <= 0 in
 * stock_history.csv) estimated instead of taken as recorded (see `correctCensoredDemand`), and a
 * one-line note of what was corrected (undefined when nothing was). Rows for SKU x warehouses
 * without sales are ignored.
 */
export function applyStockHistory(table: SalesTable, history: readonly StockHistoryRow[]): { table: SalesTable; note?: string } {
  const skuIds = new Map(table.skus.map((sku, i) => [sku, i]));
  const warehouseIds = new Map(table.warehouses.map((warehouse, i) => [warehouse, i]));
  const daysByKey = new Map<string, { skuId: number; warehouseId: number; days: number[] }>();
  for (const row of history) {
    if (row.onHand > 0) continue;
    const skuId = skuIds.get(row.sku);
    const warehouseId = warehouseIds.get(row.warehouse);
    if (skuId === undefined || warehouseId === undefined) continue;
    const key = `${skuId}:${warehouseId}`;
    const entry = daysByKey.get(key) ?? { skuId, warehouseId, days: [] };
    entry.days.push(row.day);
    daysByKey.set(key, entry);
  }
  const stockouts: StockoutDays[] = [...daysByKey.values()].map((e) => ({ skuId: e.skuId, warehouseId: e.warehouseId, days: Int32Array.from(e.days) }));
  const correction = correctCensoredDemand(table, stockouts);
  if (correction.correctedDays === 0) return { table };
  const weeks = new Set(correction.corrections.map((c) => `${c.skuId}:${c.warehouseId}:${Math.floor((c.day + 3) / 7)}`)).size;
  return {
    table: correction.table,
    note: `stock_history.csv: demand of ${correction.correctedDays} out-of-stock days (${weeks} SKU x warehouse x week periods, `
      + `${correction.correctedSeries} SKU x warehouse) estimated from in-stock days instead of taken as zero sales `
      + `(+${Math.round(correction.unitsAdded)} units)`,
  };
}
