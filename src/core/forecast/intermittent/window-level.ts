import type { DemandLevel } from './croston-level.js';

/**
 * Demand rate as the plain mean of the last `window` periods (all of them when the series is
 * shorter); in-sample forecasts are the trailing means of up to `window` earlier periods. The
 * level's relative variance is var(y) / (k level^2) for k averaged periods. With a Poisson or
 * negative binomial law around it this is the "mean of the last 12 months" count forecast that does
 * well on slow movers (Hyndman et al. 2008, ch. 16, car parts). O(n).
 *
 * @example windowLevel(Float64Array.of(0, 3, 0, 1), 2).level // 0.5
 */
export function windowLevel(y: Float64Array, window: number): DemandLevel {
  const n = y.length;
  const fitted = new Float64Array(n).fill(NaN);
  let sum = 0;
  for (let t = 0; t < n; t++) {
    const k = Math.min(t, window);
    if (k > 0) fitted[t] = sum / k;
    sum += y[t];
    if (t >= window) sum -= y[t - window];
  }
  const k = Math.min(n, window);
  const level = k > 0 ? sum / k : 0;
  if (!(level > 0) || n < 2) return { level, fitted, levelVariance: 0 };
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t];
  mean /= n;
  let sumSquares = 0;
  for (let t = 0; t < n; t++) sumSquares += (y[t] - mean) * (y[t] - mean);
  return { level, fitted, levelVariance: sumSquares / (n - 1) / k / (level * level) };
}
