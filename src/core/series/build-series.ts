import { periodIndex, type Frequency } from './calendar.js';
import type { DemandSeries } from './demand-series.js';
import { lastCompletePeriod } from './last-complete-period.js';
import { LazyDemandSeries, type SeriesSource } from './lazy-demand-series.js';
import type { SalesTable } from './sales-table.js';
import { densifyDemand, groupSeriesRows, seriesRowsOf, type SeriesRowGroups } from './series-rows.js';

/** Marks "not seen yet" in the Int32 per-slot arrays (far outside valid day numbers and periods). */
const NONE = -0x7fffffff;

/** How to cut sales into series: period length, planning date, and where each series ends (`--series-end`). */
export interface SeriesOptions {
  readonly freq: Frequency;
  /** Planning date as a day number; rows dated on or after it are ignored. */
  readonly asOfDay: number;
  /** `as-of`: every series ends at the last complete period before `asOfDay`; `own`: at its own last dated row. */
  readonly seriesEnd: 'as-of' | 'own';
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
 * depend on row order. Here one sequential pass over the rows finds each series' period span and
 * first and last sale (slot = SKU id x warehouses + warehouse id while that key space is small,
 * else numbered through a Map); nothing per row is stored. When any series' rows, values or
 * stats are first read, the history rows of all series are grouped by series in two more
 * passes (`groupSeriesRows`; the table must not change until then): a few bytes per row, from
 * which each series' dense `values` are summed when read, and its `stats` computed without
 * keeping them. Every array written once is fresh memory, and on virtual machines a first touch
 * of a page costs more than the arithmetic: dense values of every series at once (175 MB for
 * 30k two-year daily series) took most of a naive forecast's time.
 * O(rows + series log series) here; O(rows + slots) on first read, O(periods + rows) per series' values.
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
  const periodOfDay = periodLookup(minDay, table.maxDay, freq);
  const { skuId, warehouseId, day, quantity } = table;
  const warehouseCount = table.warehouses.length;
  const keyCount = table.skus.length * warehouseCount;
  // A dense key space costs 16 bytes per possible SKU x warehouse pair; past a few per row,
  // number the pairs that occur instead.
  const slotOfKey = keyCount <= 2 * rowCount + (1 << 16) ? undefined : new Map<number, number>();
  const slotKeys: number[] = [];

  // Per slot, 4 Int32 side by side (one cache line per row): first and last period, first and
  // last day with a positive quantity.
  let span = new Int32Array(4 * (slotOfKey === undefined ? keyCount : 1024)).fill(NONE);
  for (let r = 0; r < rowCount; r++) {
    const d = day[r];
    if (d >= asOfDay) continue;
    const period = periodOfDay[d - minDay];
    if (period > endPeriod) continue;
    const key = skuId[r] * warehouseCount + warehouseId[r];
    let slot = key;
    if (slotOfKey !== undefined) {
      slot = slotOfKey.get(key) ?? slotKeys.length;
      if (slot === slotKeys.length) {
        slotOfKey.set(key, slot);
        slotKeys.push(key);
        if (4 * slot === span.length) span = grow(span);
      }
    }
    const at = 4 * slot;
    if (span[at] === NONE) {
      span[at] = period;
      span[at + 1] = period;
    } else if (period < span[at]) {
      span[at] = period;
    } else if (period > span[at + 1]) {
      span[at + 1] = period;
    }
    if (quantity[r] > 0) {
      if (span[at + 2] === NONE || d < span[at + 2]) span[at + 2] = d;
      if (span[at + 3] === NONE || d > span[at + 3]) span[at + 3] = d;
    }
  }

  const slots = slotOfKey === undefined ? keyCount : slotKeys.length;
  const firstPeriod = new Int32Array(slots);
  const length = new Int32Array(slots);
  for (let slot = 0; slot < slots; slot++) {
    const first = span[4 * slot];
    if (first === NONE) continue;
    firstPeriod[slot] = first;
    length[slot] = (options.seriesEnd === 'as-of' ? endPeriod : span[4 * slot + 1]) - first + 1;
  }
  const source = seriesSource(() => groupSeriesRows(table, { asOfDay, endPeriod, periodOfDay, minDay, firstPeriod, length, slotOfKey }));

  // Series in (SKU name, warehouse name) order.
  const skuRank = nameRanks(table.skus);
  const warehouseRank = nameRanks(table.warehouses);
  const rankOfKey = (key: number) => skuRank[Math.floor(key / warehouseCount)] * warehouseCount + warehouseRank[key % warehouseCount];
  const keyOfSlot = (slot: number) => (slotOfKey === undefined ? slot : slotKeys[slot]);
  const order = Array.from({ length: slots }, (_, slot) => slot);
  const rank = Float64Array.from(order, (slot) => rankOfKey(keyOfSlot(slot)));
  order.sort((a, b) => rank[a] - rank[b]);

  const result: DemandSeries[] = [];
  for (const slot of order) {
    if (length[slot] === 0) continue;
    const key = keyOfSlot(slot);
    const firstSale = span[4 * slot + 2];
    const lastSale = span[4 * slot + 3];
    result.push(new LazyDemandSeries(Math.floor(key / warehouseCount), key % warehouseCount, firstPeriod[slot], length[slot],
      firstSale === NONE ? NaN : firstSale, lastSale === NONE ? NaN : lastSale, slot, source));
  }
  return result;
}

/** Elements per shared buffer (32 MB of Float64) that kept dense values are cut from. */
const SLAB_LENGTH = 1 << 22;

/**
 * Rows and values by slot for LazyDemandSeries: the rows grouped on first use; kept values cut
 * from shared 32 MB buffers (SharedArrayBuffer, so worker threads read them in place) rather
 * than one allocation each: 60k separate `Float64Array(731)` were accounted by V8 as external
 * memory and triggered repeated full garbage collections.
 */
function seriesSource(group: () => SeriesRowGroups): SeriesSource {
  let groups: SeriesRowGroups | undefined;
  const rows = (slot: number) => {
    groups ??= group();
    return seriesRowsOf(groups, slot);
  };
  let slab: Float64Array = new Float64Array(0);
  let used = 0;
  let scratch: Float64Array = new Float64Array(0);
  return {
    rows,
    values(slot) {
      const series = rows(slot);
      if (used + series.length > slab.length) {
        slab = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * Math.max(SLAB_LENGTH, series.length)));
        used = 0;
      }
      used += series.length;
      return densifyDemand(series, slab.subarray(used - series.length, used));
    },
    scratchValues(slot) {
      const series = rows(slot);
      if (scratch.length < series.length) scratch = new Float64Array(series.length);
      return densifyDemand(series, scratch);
    },
  };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2).fill(NONE);
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
export type { DemandSeries } from './demand-series.js';
export type { SalesTable } from './sales-table.js';
