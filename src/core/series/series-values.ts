import type { SalesTable } from './sales-table.js';

/** Which rows are history and which series each belongs to, as decided by `buildDemandSeries`. */
export interface SeriesLayout {
  /** Rows dated on or after this day are not history. */
  readonly asOfDay: number;
  /** Rows in a later period are not history (Infinity: no limit). */
  readonly endPeriod: number;
  /** Period index of each day from `minDay` on. */
  readonly periodOfDay: Int32Array;
  readonly minDay: number;
  /** Per slot: period index of the series' first value, and its number of periods (0: no series). */
  readonly firstPeriod: Int32Array;
  readonly length: Int32Array;
  /**
   * Slot of each key `skuId * warehouses + warehouseId`: the key itself when undefined (a dense
   * key space), else looked up here.
   */
  readonly slotOfKey: ReadonlyMap<number, number> | undefined;
}

/** Elements per shared buffer (32 MB of Float64) that the series' arrays are cut from. */
const SLAB_LENGTH = 1 << 22;

/**
 * Dense demand per period of every series at once, indexed by slot: one pass over the rows sums
 * each history row into its series and period (returns net out), then every value below 0 is set
 * to 0. The arrays are views into shared 32 MB buffers (SharedArrayBuffer, so that worker threads
 * read them in place) rather than one allocation each: 60k
 * separate `Float64Array(731)` were accounted by V8 as external memory and triggered repeated full
 * garbage collections. Per-period sums follow row order. O(rows + total periods + slots x rows /
 * chunkRows).
 *
 * @param chunkRows rows grouped per step (tests set it small to cross chunk boundaries)
 *
 * @example
 * // one series, slot 0, days 19723..19725, rows (19723, 5), (19725, 2), (19725, -4)
 * fillSeriesValues(table, layout)[0] // Float64Array [5, 0, 0]
 */
export function fillSeriesValues(table: SalesTable, layout: SeriesLayout, chunkRows = 1 << 18): Float64Array[] {
  const { firstPeriod, length, slotOfKey, asOfDay, endPeriod, periodOfDay, minDay } = layout;
  const slots = length.length;
  let longest = 0;
  for (let s = 0; s < slots; s++) longest = Math.max(longest, length[s]);
  const slabLength = Math.max(SLAB_LENGTH, longest);

  // Per slot: its slab and the index in that slab of period 0 (so a row's index is that plus its period).
  const slabOf = new Int32Array(slots);
  const zeroAt = new Float64Array(slots);
  const slabs: Float64Array[] = [];
  let slab: Float64Array = new Float64Array(0);
  let used = 0;
  const views = new Array<Float64Array>(slots);
  for (let s = 0; s < slots; s++) {
    const n = length[s];
    if (used + n > slab.length) {
      // Shared memory: worker threads that forecast the series read these views without a copy.
      slab = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * Math.min(slabLength, remainingLength(length, s))));
      slabs.push(slab);
      used = 0;
    }
    slabOf[s] = slabs.length - 1;
    zeroAt[s] = used - firstPeriod[s];
    views[s] = slab.subarray(used, used + n);
    used += n;
  }

  // Rows are summed in chunks: each chunk is grouped by slot with a counting sort in small
  // buffers that stay in cache, then added series by series, so the writes sweep the big arrays
  // in order instead of jumping between 60k series on every row (a TLB and cache miss each).
  const { skuId, warehouseId, day, quantity } = table;
  const warehouses = table.warehouses.length;
  const chunkSlot = new Int32Array(chunkRows);
  const chunkPeriod = new Int32Array(chunkRows);
  const sortedPeriod = new Int32Array(chunkRows);
  const sortedQuantity = new Float64Array(chunkRows);
  const chunkRow = new Int32Array(chunkRows);
  const next = new Int32Array(slots + 1);
  for (let chunkStart = 0; chunkStart < table.rowCount; chunkStart += chunkRows) {
    const chunkEnd = Math.min(table.rowCount, chunkStart + chunkRows);
    next.fill(0);
    let n = 0;
    for (let r = chunkStart; r < chunkEnd; r++) {
      const d = day[r];
      if (d >= asOfDay) continue;
      const period = periodOfDay[d - minDay];
      if (period > endPeriod) continue;
      const key = skuId[r] * warehouses + warehouseId[r];
      const slot = slotOfKey === undefined ? key : slotOfKey.get(key) ?? -1;
      if (slot < 0) continue; // every history row's key has a slot; kept for the type checker
      chunkSlot[n] = slot;
      chunkPeriod[n] = period;
      chunkRow[n] = r;
      n++;
      next[slot + 1]++;
    }
    for (let s = 0; s < slots; s++) next[s + 1] += next[s];
    for (let i = 0; i < n; i++) {
      const at = next[chunkSlot[i]]++;
      sortedPeriod[at] = chunkPeriod[i];
      sortedQuantity[at] = quantity[chunkRow[i]];
    }
    // next[s] now ends slot s's run (and starts slot s + 1's).
    for (let s = 0, from = 0; s < slots; s++) {
      const to = next[s];
      if (to === from) continue;
      const values = slabs[slabOf[s]];
      const zero = zeroAt[s];
      for (let i = from; i < to; i++) values[zero + sortedPeriod[i]] += sortedQuantity[i];
      from = to;
    }
  }
  for (const buffer of slabs) {
    for (let i = 0; i < buffer.length; i++) if (buffer[i] < 0) buffer[i] = 0; // returns never make demand negative
  }
  return views;
}

/** Periods of the series from slot `from` on: a last slab needs no more room than that. */
function remainingLength(length: Int32Array, from: number): number {
  let total = 0;
  for (let s = from; s < length.length && total < SLAB_LENGTH; s++) total += length[s];
  return total;
}
