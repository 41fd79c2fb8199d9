/**
 * The forecast of one SKU x warehouse as the replenishment policy reads it, and demand over a
 * window of days measured from the planning date: the mean and the forecast-error variance of
 * the cumulative demand, with fractional periods (a 15-day window over weekly forecasts is
 * 2 1/7 periods). Beyond the forecast horizon the last period's mean and the last increment of
 * the cumulative variance are carried on, so a short horizon degrades gently instead of failing.
 */

/** Syntetos–Boylan demand classes (ADI / CV² cut-offs 1.32 / 0.49), plus 'none' for no demand. */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'none';

/** Forecast of one SKU x warehouse, in units per period. */
export interface DemandForecast {
  /** Expected demand of periods 1..horizon (>= 0). */
  readonly mean: Float64Array;
  /** Variance of the error of the cumulative forecast over periods 1..h, h = 1..horizon (units²). */
  readonly cumulativeVariance: Float64Array;
  /** Draws one demand path of length horizon into `out` (methods whose law is not normal). */
  readonly simulate?: ((random: () => number, out: Float64Array) => void) | undefined;
  readonly demandClass: DemandClass;
  /** Days in one period: 1 (day), 7 (week), 30.436875 (month). */
  readonly daysPerPeriod: number;
  /** Day number (days since 1970-01-01) on which period 1 starts; <= the as-of day. */
  readonly firstPeriodStartDay: number;
}

/**
 * Expected cumulative demand from the start of period 1 to `periods` periods later (fractional).
 * O(periods).
 *
 * @example cumulativeMean(Float64Array.of(10, 20), 1.5) // 10 + 0.5 * 20 = 20
 */
export function cumulativeMean(mean: Float64Array, periods: number): number {
  if (!(periods > 0) || mean.length === 0) return 0;
  const whole = Math.floor(periods);
  let sum = 0;
  const inside = Math.min(whole, mean.length);
  for (let j = 0; j < inside; j++) sum += mean[j];
  const last = mean[mean.length - 1];
  if (whole > mean.length) sum += (whole - mean.length) * last;
  const fraction = periods - whole;
  if (fraction > 0) sum += fraction * (whole < mean.length ? mean[whole] : last);
  return sum;
}

/**
 * Forecast-error variance of the cumulative demand over the first `periods` periods
 * (fractional), interpolated linearly in the cumulative variance with V(0) = 0. O(1).
 *
 * @example cumulativeVarianceAt(Float64Array.of(4, 10), 1.5) // 4 + 0.5 * (10 - 4) = 7
 */
export function cumulativeVarianceAt(cumulativeVariance: Float64Array, periods: number): number {
  const n = cumulativeVariance.length;
  if (!(periods > 0) || n === 0) return 0;
  const at = (h: number): number => {
    if (h <= 0) return 0;
    if (h <= n) return Math.max(0, cumulativeVariance[h - 1]);
    const step = n >= 2 ? Math.max(0, cumulativeVariance[n - 1] - cumulativeVariance[n - 2]) : Math.max(0, cumulativeVariance[0]);
    return Math.max(0, cumulativeVariance[n - 1]) + (h - n) * step;
  };
  const whole = Math.floor(periods);
  const fraction = periods - whole;
  return fraction > 0 ? at(whole) + fraction * (at(whole + 1) - at(whole)) : at(whole);
}

/** Mean and variance of demand over a window, in units and units². */
export interface WindowDemand {
  readonly mean: number;
  readonly variance: number;
}

/**
 * Demand over the `days` days that start on `startDay` (a day number, usually the as-of day):
 * the mean walks the per-period forecast; the variance is max(V(b) - V(a), V(b - a)) for the
 * window (a, b] in periods — exact for independent per-period errors when a = 0 and a safe
 * bound otherwise (errors of later periods are at least as uncertain). O(window in periods).
 *
 * @example windowDemand(forecast, asOf, 14) // { mean: 140, variance: 280 } for 10 a day, cumulative variance 20 per day
 */
export function windowDemand(forecast: DemandForecast, startDay: number, days: number): WindowDemand {
  const a = Math.max(0, (startDay - forecast.firstPeriodStartDay) / forecast.daysPerPeriod);
  const b = a + Math.max(0, days) / forecast.daysPerPeriod;
  const mean = cumulativeMean(forecast.mean, b) - cumulativeMean(forecast.mean, a);
  const cv = forecast.cumulativeVariance;
  const variance = a === 0
    ? cumulativeVarianceAt(cv, b)
    : Math.max(cumulativeVarianceAt(cv, b) - cumulativeVarianceAt(cv, a), cumulativeVarianceAt(cv, b - a));
  return { mean: Math.max(0, mean), variance: Math.max(0, variance) };
}

/**
 * Expected demand per day at `day` (the forecast of the period containing it divided by the
 * period's length in days); the last period's rate beyond the horizon.
 *
 * @example dailyRate(forecast, asOf) // 10 for a weekly forecast of 70
 */
export function dailyRate(forecast: DemandForecast, day: number): number {
  const n = forecast.mean.length;
  if (n === 0) return 0;
  const index = Math.floor(Math.max(0, (day - forecast.firstPeriodStartDay) / forecast.daysPerPeriod));
  return forecast.mean[Math.min(n - 1, index)] / forecast.daysPerPeriod;
}
