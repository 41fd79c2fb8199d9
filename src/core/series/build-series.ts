import { periodIndex, type Frequency } from './calendar.js';
import { demandStats, type SeriesStats } from './demand-stats.js';
import { lastCompletePeriod } from './last-complete-period.js';
import type { SalesTable } from './sales-table.js';

export interface SeriesOptions {
  readonly freq: Frequency;
  /** Planning date as a day number; rows dated on or after it are ignored. */
  readonly asOfDay: number;
  /** `as-of`: every series ends at the last complete period before `asOfDay`; `own`: at its own last dated row. */
  readonly seriesEnd: 'as-of' | 'own';
}

export interface DemandSeries {
  /** Indexes into `SalesTable.skus` / `SalesTable.warehouses`. */
  readonly skuId: number;
  readonly warehouseId: number;
  /** Period index (`calendar.ts`) of `values[0]`; the first forecast period is `firstPeriod + values.length`. */
  readonly firstPeriod: number;
  /** Demand in units per period, zero-filled, returns netted within the period, never below 0. */
  readonly values: Float64Array;
  readonly stats: SeriesStats;
}

/**
 * Demand series per SKU x warehouse from a columnar sales table (issue 2 item 5, interface spec
 * "Periods"). A series starts at the period of its first dated row and ends at the last complete
 * period before the as-of date (`as-of`) or at the period of its own last dated row (`own`); rows
 * dated on or after the as-of day, and rows after the end, are not history. Quantities are summed
 * per period (returns are negative rows and net out), then each period is clipped at 0. Series
 * with no period up to the end (first sale in the current, incomplete period) are left out.
 *
 * Output is sorted by SKU name, then warehouse name (plain code-unit order), so results do not
 * depend on row order. Rows are grouped with two stable counting-sort passes (LSD radix on the
 * warehouse rank, then the SKU rank): O(rows + SKUs + days), no object per row. All `values`
 * arrays are views of one shared buffer.
 *
 * @example
 * // rows: A/MAIN 2024-01-01 qty 5, A/MAIN 2024-01-03 qty 2, A/MAIN 2024-01-03 qty -4
 * buildDemandSeries(table, { freq: 'day', asOfDay: dayNumber(2024, 1, 4), seriesEnd: 'as-of' })
 * // [{ skuId: 0, warehouseId: 0, firstPeriod: 19723, values: [5, 0, 0], ... }]
 */
export function buildDemandSeries(table: SalesTable, options: SeriesOptions): DemandSeries[] {
  const rowCount = table.rowCount;
  if (rowCount === 0) return [];
  const { freq, asOfDay } = options;
  const endPeriod = options.seriesEnd === 'as-of' ? lastCompletePeriod(table, freq, asOfDay) : Infinity;
  const dayToPeriod = periodLookup(table.minDay, table.maxDay, freq);
  const skuRank = nameRanks(table.skus);
  const warehouseRank = nameRanks(table.warehouses);
  const day = table.day;

  // Pass 1: keep rows that are history, counted per warehouse rank.
  const warehouseCount = new Int32Array(table.warehouses.length + 1);
  let kept = 0;
  for (let r = 0; r < rowCount; r++) {
    if (day[r] < asOfDay && dayToPeriod[day[r] - table.minDay] <= endPeriod) {
      warehouseCount[warehouseRank[table.warehouseId[r]] + 1]++;
      kept++;
    }
  }
  for (let w = 1; w < warehouseCount.length; w++) warehouseCount[w] += warehouseCount[w - 1];
  const byWarehouse = new Int32Array(kept);
  for (let r = 0; r < rowCount; r++) {
    if (day[r] < asOfDay && dayToPeriod[day[r] - table.minDay] <= endPeriod) {
      byWarehouse[warehouseCount[warehouseRank[table.warehouseId[r]]]++] = r;
    }
  }
  // Pass 2: stable by SKU rank, so rows end up grouped by (SKU name, warehouse name).
  const skuCount = new Int32Array(table.skus.length + 1);
  for (let i = 0; i < kept; i++) skuCount[skuRank[table.skuId[byWarehouse[i]]] + 1]++;
  for (let s = 1; s < skuCount.length; s++) skuCount[s] += skuCount[s - 1];
  const order = new Int32Array(kept);
  for (let i = 0; i < kept; i++) {
    const r = byWarehouse[i];
    order[skuCount[skuRank[table.skuId[r]]]++] = r;
  }

  // Pass 3: find the groups and their period spans, then fill one shared buffer.
  const groupStart: number[] = [];
  const groupFirst: number[] = [];
  const groupLength: number[] = [];
  let total = 0;
  for (let i = 0; i < kept;) {
    const sku = table.skuId[order[i]];
    const warehouse = table.warehouseId[order[i]];
    let first = Infinity;
    let last = -Infinity;
    let j = i;
    for (; j < kept; j++) {
      const r = order[j];
      if (table.skuId[r] !== sku || table.warehouseId[r] !== warehouse) break;
      const period = dayToPeriod[day[r] - table.minDay];
      if (period < first) first = period;
      if (period > last) last = period;
    }
    const end = options.seriesEnd === 'as-of' ? endPeriod : last;
    groupStart.push(i);
    groupFirst.push(first);
    groupLength.push(end - first + 1);
    total += end - first + 1;
    i = j;
  }
  groupStart.push(kept);

  const buffer = new Float64Array(total);
  const result: DemandSeries[] = [];
  let offset = 0;
  for (let g = 0; g < groupFirst.length; g++) {
    const first = groupFirst[g];
    const values = buffer.subarray(offset, offset + groupLength[g]);
    offset += groupLength[g];
    let firstSaleDay = NaN;
    let lastSaleDay = NaN;
    for (let i = groupStart[g]; i < groupStart[g + 1]; i++) {
      const r = order[i];
      const d = day[r];
      const quantity = table.quantity[r];
      values[dayToPeriod[d - table.minDay] - first] += quantity;
      if (quantity > 0) {
        if (!(d >= firstSaleDay)) firstSaleDay = d;
        if (!(d <= lastSaleDay)) lastSaleDay = d;
      }
    }
    for (let t = 0; t < values.length; t++) if (values[t] < 0) values[t] = 0;
    const r0 = order[groupStart[g]];
    result.push({
      skuId: table.skuId[r0],
      warehouseId: table.warehouseId[r0],
      firstPeriod: first,
      values,
      stats: demandStats(values, firstSaleDay, lastSaleDay),
    });
  }
  return result;
}

/** Period index of every day in [minDay, maxDay], so the row loops never call the calendar. */
function periodLookup(minDay: number, maxDay: number, freq: Frequency): Int32Array {
  const lookup = new Int32Array(maxDay - minDay + 1);
  for (let d = minDay; d <= maxDay; d++) lookup[d - minDay] = periodIndex(d, freq);
  return lookup;
}

/** rank[id] = position of names[id] in code-unit order. */
function nameRanks(names: readonly string[]): Int32Array {
  const ids = Array.from(names.keys()).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const rank = new Int32Array(names.length);
  for (let i = 0; i < ids.length; i++) rank[ids[i]] = i;
  return rank;
}

// The rest of the series API, so callers import one module.
export { defaultAsOf } from './default-as-of.js';
export { detectFrequency, isPreAggregated } from './detect-frequency.js';
export { lastCompletePeriod } from './last-complete-period.js';
export type { DemandClass, SeriesStats } from './demand-stats.js';
export type { SalesTable } from './sales-table.js';
