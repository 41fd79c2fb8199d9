import type { SalesTable } from './sales-table.js';

/** Days without stock per SKU x warehouse (ids of the sales table). */
export interface StockoutDays {
  readonly skuId: number;
  readonly warehouseId: number;
  /** Day numbers on which the SKU x warehouse ended the day with no stock, any order. */
  readonly days: Int32Array;
}

/** The sales table with censored days corrected, and what was corrected. */
export interface CensoringCorrection {
  readonly table: SalesTable;
  /** Stockout days whose demand was raised above the recorded sales. */
  readonly correctedDays: number;
  /** SKU x warehouse with at least one corrected day. */
  readonly correctedSeries: number;
  /** Units added over all corrected days. */
  readonly unitsAdded: number;
  /** The corrected (skuId, warehouseId, day) triples, for counting corrected periods. */
  readonly corrections: readonly { readonly skuId: number; readonly warehouseId: number; readonly day: number }[];
}

/** Same-weekday in-stock days looked at on each side of a stockout day (8 weeks). */
export const NEIGHBOUR_WEEKS = 8;

/**
 * Demand on days without stock is censored: the recorded sales are what the shelf allowed, a
 * lower bound of the demand, not the demand. Each such day's demand is estimated as the mean
 * recorded sales of the same weekday on in-stock days within {@link NEIGHBOUR_WEEKS} weeks on
 * either side (all in-stock same-weekday days of the series when that window has none; left as
 * recorded when there are none at all), and a correction row adds the difference when the
 * estimate exceeds the sales. This is the "replace stockout periods by the in-stock mean"
 * estimator for lost-sales data (Nahmias 1994, "Demand estimation in lost sales inventory
 * systems", Naval Research Logistics 41; Conrad 1976 for the Poisson case); the same weekday keeps
 * closed days and weekly patterns. The table's columns are widened (Int32 ids and days, Float64
 * quantities) and the correction rows appended after the recorded ones. O(rows + stockout days x
 * weeks).
 *
 * @example correctCensoredDemand(table, [{ skuId: 0, warehouseId: 0, days: Int32Array.of(19730) }]).correctedDays // 1
 */
export function correctCensoredDemand(table: SalesTable, stockouts: readonly StockoutDays[]): CensoringCorrection {
  const empty = { table, correctedDays: 0, correctedSeries: 0, unitsAdded: 0, corrections: [] };
  if (stockouts.length === 0 || table.rowCount === 0) return empty;
  const warehouses = table.warehouses.length;
  const keyOf = (skuId: number, warehouseId: number) => skuId * warehouses + warehouseId;
  const wanted = new Map<number, StockoutDays>();
  for (const entry of stockouts) if (entry.days.length > 0) wanted.set(keyOf(entry.skuId, entry.warehouseId), entry);
  // Recorded sales per day of the SKU x warehouse that have stockouts (returns netted, never below 0).
  const salesByKey = new Map<number, Map<number, number>>();
  for (const key of wanted.keys()) salesByKey.set(key, new Map());
  for (let row = 0; row < table.rowCount; row++) {
    const daily = salesByKey.get(keyOf(table.skuId[row], table.warehouseId[row]));
    if (!daily) continue;
    const day = table.day[row];
    daily.set(day, (daily.get(day) ?? 0) + table.quantity[row]);
  }
  const minDay = table.minDay;
  const maxDay = table.maxDay;
  const added: { skuId: number; warehouseId: number; day: number; units: number }[] = [];
  let correctedSeries = 0;
  for (const [key, entry] of wanted) {
    const daily = salesByKey.get(key) ?? new Map<number, number>();
    const isOut = new Set<number>(entry.days);
    const sold = (day: number) => Math.max(0, daily.get(day) ?? 0);
    const inStockMean = (day: number, weeks: number): number => {
      let sum = 0;
      let count = 0;
      for (let k = -weeks; k <= weeks; k++) {
        const other = day + 7 * k;
        if (k === 0 || other < minDay || other > maxDay || isOut.has(other)) continue;
        sum += sold(other);
        count++;
      }
      return count > 0 ? sum / count : NaN;
    };
    const allWeeks = Math.ceil((maxDay - minDay) / 7) + 1;
    let hasCorrection = false;
    for (const day of new Set(entry.days)) {
      if (day < minDay || day > maxDay) continue;
      let estimate = inStockMean(day, NEIGHBOUR_WEEKS);
      if (Number.isNaN(estimate)) estimate = inStockMean(day, allWeeks);
      const units = estimate - sold(day);
      if (!(units > 1e-9)) continue;
      added.push({ skuId: entry.skuId, warehouseId: entry.warehouseId, day, units });
      hasCorrection = true;
    }
    if (hasCorrection) correctedSeries++;
  }
  if (added.length === 0) return empty;
  added.sort((a, b) => a.skuId - b.skuId || a.warehouseId - b.warehouseId || a.day - b.day);
  const rowCount = table.rowCount + added.length;
  const skuId = new Int32Array(rowCount);
  const warehouseId = new Int32Array(rowCount);
  const day = new Int32Array(rowCount);
  const quantity = new Float64Array(rowCount);
  for (let row = 0; row < table.rowCount; row++) {
    skuId[row] = table.skuId[row];
    warehouseId[row] = table.warehouseId[row];
    day[row] = table.day[row];
    quantity[row] = table.quantity[row];
  }
  let unitsAdded = 0;
  added.forEach((entry, i) => {
    const row = table.rowCount + i;
    skuId[row] = entry.skuId;
    warehouseId[row] = entry.warehouseId;
    day[row] = entry.day;
    quantity[row] = entry.units;
    unitsAdded += entry.units;
  });
  return {
    table: { ...table, skuId, warehouseId, day, quantity, rowCount },
    correctedDays: added.length,
    correctedSeries,
    unitsAdded,
    corrections: added.map(({ skuId: s, warehouseId: w, day: d }) => ({ skuId: s, warehouseId: w, day: d })),
  };
}
