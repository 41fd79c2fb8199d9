import { civilFromDay, isoWeekday, periodStart, type Frequency } from './calendar.js';
import { distinctDays } from './distinct-days.js';
import type { SalesTable } from './sales-table.js';

/**
 * The frequency for `--freq auto`: `month` when every date is the 1st of a month (sales already
 * summed per month), `week` when every date is a Monday (summed per ISO week), else `day`.
 * Needs at least two distinct dates to call data weekly or monthly. O(rows + days).
 *
 * @example detectFrequency(table) // 'month' for dates 2024-01-01, 2024-02-01, 2024-03-01
 */
export function detectFrequency(table: SalesTable): Frequency {
  const days = distinctDays(table);
  if (days.length < 2) return 'day';
  let allFirstOfMonth = true;
  let allMondays = true;
  for (let i = 0; i < days.length; i++) {
    if (allFirstOfMonth && civilFromDay(days[i])[2] !== 1) allFirstOfMonth = false;
    if (allMondays && isoWeekday(days[i]) !== 1) allMondays = false;
    if (!allFirstOfMonth && !allMondays) return 'day';
  }
  // Dates that are both firsts of months and Mondays (2024-01-01, 2024-04-01) read as months:
  // weekly data would have dates 7 days apart, which cannot all fall on the 1st.
  return allFirstOfMonth ? 'month' : 'week';
}

/**
 * True when every date in the table is the first day of its period at `freq`, i.e. the rows are
 * already sums per period (always true for `day`). Such data counts its last dated period as
 * complete (interface spec, "Periods"). O(rows + days).
 *
 * @example isPreAggregated(table, 'week') // true when every date is a Monday
 */
export function isPreAggregated(table: SalesTable, freq: Frequency): boolean {
  if (freq === 'day') return true;
  const days = distinctDays(table);
  for (let i = 0; i < days.length; i++) {
    if (periodStart(days[i], freq) !== days[i]) return false;
  }
  return true;
}
