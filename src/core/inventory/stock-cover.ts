import type { DemandForecast } from './demand-window.js';

/** How long a stock lasts under the forecast. */
export interface StockCover {
  /** Days until the forecast demand uses the stock up; Infinity when it never does (no demand). */
  readonly days: number;
  /** Day number on which the stock runs out (the day the cumulative demand exceeds it), or null. */
  readonly stockoutDay: number | null;
}

/**
 * Days of cover of `units` from `startDay` on, walking the per-period forecast (demand spread
 * evenly over each period's days, the last period's rate carried on past the horizon), and the
 * projected stockout day (start day + floor(days)). A stock of 0 or less has 0 days of cover and
 * runs out on the start day. O(periods walked).
 *
 * @example stockCover(25, weeklyForecastOf70, asOf) // { days: 2.5, stockoutDay: asOf + 2 }
 */
export function stockCover(units: number, forecast: DemandForecast, startDay: number): StockCover {
  if (!(units > 0)) return { days: 0, stockoutDay: startDay };
  const mean = forecast.mean;
  const n = mean.length;
  const daysPerPeriod = forecast.daysPerPeriod;
  if (n === 0) return { days: Infinity, stockoutDay: null };
  let position = Math.max(0, (startDay - forecast.firstPeriodStartDay) / daysPerPeriod); // in periods
  let left = units;
  for (let index = Math.floor(position); index < n; index++) {
    const share = index + 1 - position; // fraction of this period still ahead
    const demand = mean[index] * share;
    if (demand >= left && mean[index] > 0) {
      position += left / mean[index];
      return finish(position);
    }
    left -= demand;
    position = index + 1;
  }
  const lastRate = mean[n - 1];
  if (!(lastRate > 0)) return { days: Infinity, stockoutDay: null };
  return finish(position + left / lastRate);

  function finish(periodsAt: number): StockCover {
    const days = (periodsAt - Math.max(0, (startDay - forecast.firstPeriodStartDay) / daysPerPeriod)) * daysPerPeriod;
    return { days, stockoutDay: startDay + Math.floor(days) };
  }
}
