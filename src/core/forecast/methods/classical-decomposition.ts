import { centredMovingAverage } from '../ets/seasonal-figure.js';

/**
 * Multiplicative seasonal indexes by classical decomposition, as R's
 * `decompose(x, type = "multiplicative")`: a centred moving average of order m (2 x m for even m)
 * estimates the trend, the ratios x / trend are averaged per position in the season, and the
 * averages are normalised to mean 1. Index t of the result belongs to observation t (position t
 * mod m counted from the first observation). Returns null when the trend is not strictly positive
 * anywhere it is defined or an index is below 1e-4 (then a multiplicative adjustment is
 * meaningless, and R's `thetaf` falls back to the non-seasonal method too).
 * Makridakis, Wheelwright & Hyndman (1998), Forecasting: Methods and Applications, §4/3. O(n m).
 *
 * @example multiplicativeSeasonalIndexes(Float64Array.of(1, 3, 1, 3, 1, 3, 1, 3), 2) // [0.5, 1.5]
 */
export function multiplicativeSeasonalIndexes(y: Float64Array, seasonPeriod: number): Float64Array | null {
  const n = y.length;
  const m = seasonPeriod;
  if (m < 2 || n < 2 * m) return null;
  const half = Math.floor(m / 2);
  const trends = centredMovingAverage(y, m);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    const trend = trends[t];
    if (!(trend > 0)) return null;
    sums[t % m] += y[t] / trend;
    counts[t % m] += 1;
  }
  const indexes = new Float64Array(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    if (counts[j] === 0) return null;
    indexes[j] = sums[j] / counts[j];
    total += indexes[j];
  }
  const average = total / m;
  for (let j = 0; j < m; j++) {
    indexes[j] /= average;
    if (Math.abs(indexes[j]) < 1e-4) return null;
  }
  return indexes;
}
