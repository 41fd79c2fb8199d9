import { periodIndex, type Frequency } from './calendar.js';
import { isPreAggregated } from './detect-frequency.js';
import type { SalesTable } from './sales-table.js';

/**
 * Index (see `periodIndex` in `calendar.ts`) of the last complete period before the as-of date,
 * where `--series-end as-of` series stop (interface spec, "Periods"). A period of raw daily
 * sales is complete only once the as-of date has passed its end, so it is the period before the
 * one containing the as-of day. Sales already summed per period (every date the first day of its
 * period) also count the last dated period before the as-of day as complete.
 *
 * @param asOfDay planning date as a day number; rows on or after it are not history
 * @example lastCompletePeriod(table, 'month', asOf) // 2024-12 when asOf = 2025-01-01
 * @example // monthly totals dated 2024-12-01 with asOf = 2024-12-02: December counts as complete
 */
export function lastCompletePeriod(table: SalesTable, freq: Frequency, asOfDay: number): number {
  const beforeAsOf = periodIndex(asOfDay, freq) - 1;
  if (freq === 'day' || table.rowCount === 0 || !isPreAggregated(table, freq)) return beforeAsOf;
  let lastDated = -Infinity;
  const day = table.day;
  for (let r = 0; r < table.rowCount; r++) {
    if (day[r] < asOfDay && day[r] > lastDated) lastDated = day[r];
  }
  return lastDated === -Infinity ? beforeAsOf : Math.max(beforeAsOf, periodIndex(lastDated, freq));
}
