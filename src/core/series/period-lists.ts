/** Rows to collect: per row its series slot (-1: not history), its day number and its quantity. */
export interface SlotRows {
  readonly slot: Int32Array;
  readonly day: Int32Array;
  readonly quantity: Float64Array;
  /** Period index of each day from `minDay` on (a small table that stays in cache). */
  readonly periodOfDay: Int32Array;
  readonly minDay: number;
}

/**
 * Per series slot, the periods that have rows and their net quantity, sorted by period: slot k's
 * entries are pairs at `entries[2i]` (period index) and `entries[2i + 1]` (net units, may be
 * <= 0 after returns) for i in [start[k], start[k] + size[k]).
 */
export interface PeriodLists {
  readonly start: Int32Array;
  readonly size: Int32Array;
  readonly entries: Float64Array;
}

/**
 * Nets quantities per series and period into sorted sparse lists (only periods that have rows).
 * Sales data is sparse per day (the 5M-row benchmark fills ~11% of SKU x warehouse x days), so
 * this holds 16 bytes per row where a dense array holds 8 bytes per series and period (350 MB
 * for 60k daily series over two years), and is written append-only when rows come in date
 * order. A row for an earlier period than its slot's last entry (rows out of order) is netted
 * into place by binary search, so the result does not depend on row order. Each slot has room
 * for as many entries as it has rows (`rowsPerSlot`), which bounds its distinct periods.
 * O(rows) for rows in date order; O(rows x log periods) plus shifts otherwise.
 *
 * @example
 * // days 10..12 are periods 10..12 (daily)
 * collectPeriodLists({ slot: Int32Array.of(0, 1, 0, 0), day: Int32Array.of(10, 11, 12, 10), quantity: Float64Array.of(2, 5, 3, -1),
 *   periodOfDay: Int32Array.of(10, 11, 12), minDay: 10 }, Int32Array.of(3, 1))
 * // slot 0: [(10, 1), (12, 3)], slot 1: [(11, 5)]
 */
export function collectPeriodLists(rows: SlotRows, rowsPerSlot: Int32Array): PeriodLists {
  const slots = rowsPerSlot.length;
  const start = new Int32Array(slots);
  let total = 0;
  for (let s = 0; s < slots; s++) {
    start[s] = total;
    total += rowsPerSlot[s];
  }
  const size = new Int32Array(slots);
  // Each slot's last period, kept apart so the common case (a row for the same or a later
  // period) decides without reading the big entries array.
  const lastPeriod = new Int32Array(slots).fill(-0x7fffffff);
  const entries = new Float64Array(2 * total);
  const { slot: rowSlot, day, quantity, periodOfDay, minDay } = rows;
  for (let r = 0; r < rowSlot.length; r++) {
    const s = rowSlot[r];
    if (s < 0) continue;
    const p = periodOfDay[day[r] - minDay];
    const n = size[s];
    if (p > lastPeriod[s]) {
      const at = 2 * (start[s] + n);
      entries[at] = p;
      entries[at + 1] = quantity[r];
      size[s] = n + 1;
      lastPeriod[s] = p;
    } else if (p === lastPeriod[s]) {
      entries[2 * (start[s] + n - 1) + 1] += quantity[r];
    } else if (insertOrAdd(entries, start[s], n, p, quantity[r])) {
      size[s] = n + 1;
    }
  }
  return { start, size, entries };
}

/** Adds `q` to period `p` among the n sorted pairs from `from`; inserts a pair (returns true) when `p` is absent. */
function insertOrAdd(entries: Float64Array, from: number, n: number, p: number, q: number): boolean {
  let lo = from;
  let hi = from + n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[2 * mid] < p) lo = mid + 1;
    else hi = mid;
  }
  if (lo < from + n && entries[2 * lo] === p) {
    entries[2 * lo + 1] += q;
    return false;
  }
  entries.copyWithin(2 * lo + 2, 2 * lo, 2 * (from + n));
  entries[2 * lo] = p;
  entries[2 * lo + 1] = q;
  return true;
}
