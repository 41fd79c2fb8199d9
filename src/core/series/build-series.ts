import { periodIndex, type Frequency } from './calendar.js';
import { demandStatsSparse, type SeriesStats } from './demand-stats.js';
import { lastCompletePeriod } from './last-complete-period.js';
import { collectPeriodLists, type PeriodLists } from './period-lists.js';
import type { SalesTable } from './sales-table.js';

/** Marks "no positive sale yet" in the Int32 first/last-sale arrays (far outside valid day numbers). */
const NO_SALE = -0x7fffffff;

/** How to cut sales into series: period length, planning date, and where each series ends (`--series-end`). */
export interface SeriesOptions {
  readonly freq: Frequency;
  /** Planning date as a day number; rows dated on or after it are ignored. */
  readonly asOfDay: number;
  /** `as-of`: every series ends at the last complete period before `asOfDay`; `own`: at its own last dated row. */
  readonly seriesEnd: 'as-of' | 'own';
}

/** Demand of one SKU in one warehouse per period (units), with the facts used to pick a method. */
export interface DemandSeries {
  /** Indexes into `SalesTable.skus` / `SalesTable.warehouses`. */
  readonly skuId: number;
  readonly warehouseId: number;
  /** Period index (`calendar.ts`) of `values[0]`; the first forecast period is `firstPeriod + length`. */
  readonly firstPeriod: number;
  /** Number of periods, equal to `values.length` (read it without building `values`). */
  readonly length: number;
  /**
   * Demand in units per period, zero-filled, returns netted within the period, never below 0.
   * Built on first read and then kept (the series are held sparse until a caller needs them).
   */
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
 * depend on row order. Two sequential passes over the rows and no row sort: the first finds each
 * series' slot and period span (slot arrays are small and stay in cache), the second nets rows
 * into sparse per-series period lists (see `collectPeriodLists`). Statistics come from the lists;
 * each dense `values` array is built when first read, so 60k daily series do not cost 350 MB up
 * front. O(rows + series log series) here, O(periods) per series read; no object per row.
 *
 * @example
 * // rows: A/MAIN 2024-01-01 qty 5, A/MAIN 2024-01-03 qty 2, A/MAIN 2024-01-03 qty -4
 * buildDemandSeries(table, { freq: 'day', asOfDay: dayNumber(2024, 1, 4), seriesEnd: 'as-of' })
 * // [{ skuId: 0, warehouseId: 0, firstPeriod: 19723, values: [5, 0, 0], ... }]
 */
export function buildDemandSeries(table: SalesTable, options: SeriesOptions): DemandSeries[] {
  const rowCount = table.rowCount;
  const { freq, asOfDay } = options;
  if (!Number.isInteger(asOfDay)) throw new RangeError(`asOfDay must be a day number, got ${asOfDay}`);
  if (rowCount === 0) return [];
  const endPeriod = options.seriesEnd === 'as-of' ? lastCompletePeriod(table, freq, asOfDay) : Infinity;
  const minDay = table.minDay;
  const dayToPeriod = periodLookup(minDay, table.maxDay, freq);
  const { skuId, warehouseId, day, quantity } = table;
  const slotOf = createSlotIndex(table.skus.length, table.warehouses.length);

  // Pass 1: slot and period per row (slot -1: not history), each slot's period span and first and
  // last positive sale, and its number of rows.
  const rowSlot = new Int32Array(rowCount);
  let slots = 0;
  let slotSku = new Int32Array(1024);
  let slotWarehouse = new Int32Array(1024);
  let slotFirst = new Int32Array(1024);
  let slotLast = new Int32Array(1024);
  let firstSale = new Int32Array(1024);
  let lastSale = new Int32Array(1024);
  let rowsPerSlot = new Int32Array(1024);
  for (let r = 0; r < rowCount; r++) {
    const d = day[r];
    const period = dayToPeriod[d - minDay];
    if (d >= asOfDay || period > endPeriod) {
      rowSlot[r] = -1;
      continue;
    }
    let slot = slotOf.get(skuId[r], warehouseId[r]);
    if (slot < 0) {
      slot = slots++;
      if (slot === slotSku.length) {
        slotSku = grow(slotSku);
        slotWarehouse = grow(slotWarehouse);
        slotFirst = grow(slotFirst);
        slotLast = grow(slotLast);
        firstSale = grow(firstSale);
        lastSale = grow(lastSale);
        rowsPerSlot = grow(rowsPerSlot);
      }
      slotOf.set(skuId[r], warehouseId[r], slot);
      slotSku[slot] = skuId[r];
      slotWarehouse[slot] = warehouseId[r];
      slotFirst[slot] = period;
      slotLast[slot] = period;
      firstSale[slot] = NO_SALE;
      lastSale[slot] = NO_SALE;
    } else if (period < slotFirst[slot]) {
      slotFirst[slot] = period;
    } else if (period > slotLast[slot]) {
      slotLast[slot] = period;
    }
    if (quantity[r] > 0) {
      if (firstSale[slot] === NO_SALE || d < firstSale[slot]) firstSale[slot] = d;
      if (lastSale[slot] === NO_SALE || d > lastSale[slot]) lastSale[slot] = d;
    }
    rowSlot[r] = slot;
    rowsPerSlot[slot]++;
  }

  // Series order by (SKU name, warehouse name) and each slot's place in the shared buffer.
  const skuRank = nameRanks(table.skus);
  const warehouseRank = nameRanks(table.warehouses);
  const sorted = Array.from({ length: slots }, (_, k) => k).sort((a, b) =>
    skuRank[slotSku[a]] - skuRank[slotSku[b]] || warehouseRank[slotWarehouse[a]] - warehouseRank[slotWarehouse[b]]);
  const seriesLast = options.seriesEnd === 'as-of' ? new Int32Array(slots).fill(endPeriod) : slotLast.subarray(0, slots);

  // Pass 2: net rows per series and period.
  const lists = collectPeriodLists({ slot: rowSlot, day, quantity, periodOfDay: dayToPeriod, minDay }, rowsPerSlot.subarray(0, slots));

  const result: DemandSeries[] = [];
  for (const slot of sorted) {
    const first = slotFirst[slot];
    const length = seriesLast[slot] - first + 1;
    const stats = demandStatsSparse(lists.entries, lists.start[slot], lists.size[slot], first, length,
      firstSale[slot] === NO_SALE ? NaN : firstSale[slot], lastSale[slot] === NO_SALE ? NaN : lastSale[slot]);
    result.push(lazySeries(slotSku[slot], slotWarehouse[slot], first, length, stats, lists, slot));
  }
  return result;
}

/** A series whose dense values are built from its period list on first read, then kept. */
function lazySeries(
  skuId: number, warehouseId: number, firstPeriod: number, length: number, stats: SeriesStats, lists: PeriodLists, slot: number,
): DemandSeries {
  let values: Float64Array | undefined;
  return {
    skuId,
    warehouseId,
    firstPeriod,
    length,
    stats,
    get values(): Float64Array {
      if (values === undefined) {
        values = new Float64Array(length);
        const { entries } = lists;
        const end = lists.start[slot] + lists.size[slot];
        for (let i = lists.start[slot]; i < end; i++) {
          const net = entries[2 * i + 1];
          if (net > 0) values[entries[2 * i] - firstPeriod] = net; // returns never make demand negative
        }
      }
      return values;
    },
  };
}

/** Slot of each (SKU, warehouse) pair: a dense table when it is small enough, else a Map. */
function createSlotIndex(skuCount: number, warehouseCount: number): {
  get(sku: number, warehouse: number): number; set(sku: number, warehouse: number, slot: number): void;
} {
  if (skuCount * warehouseCount <= 1 << 24) {
    const dense = new Int32Array(skuCount * warehouseCount).fill(-1);
    return {
      get: (sku, warehouse) => dense[sku * warehouseCount + warehouse],
      set: (sku, warehouse, slot) => { dense[sku * warehouseCount + warehouse] = slot; },
    };
  }
  const sparse = new Map<number, number>();
  return {
    get: (sku, warehouse) => sparse.get(sku * warehouseCount + warehouse) ?? -1,
    set: (sku, warehouse, slot) => { sparse.set(sku * warehouseCount + warehouse, slot); },
  };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
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
