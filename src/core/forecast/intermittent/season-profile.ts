import { isSeasonal } from '../methods/seasonality-test.js';

/**
 * Multiplicative seasonal profile of a demand series for intermittent methods: the mean demand at
 * each position of the season divided by the overall mean, over the whole history. A position
 * with no demand at all (a closed weekday) gets weight 0, so the forecast and its bounds are 0
 * there. Used only when the lag-m autocorrelation is significant (`isSeasonal`), which keeps
 * sparse monthly counts from getting a noisy profile. Returns null when not seasonal.
 * O(n m).
 *
 * @example seasonProfile(Float64Array.from({ length: 28 }, (_, t) => (t % 7 === 5 ? 0 : 6)), 7) // [1.17, .., 0, 1.17]
 */
export function seasonProfile(y: Float64Array, seasonPeriod: number): Float64Array | null {
  const m = seasonPeriod;
  const n = y.length;
  if (m < 2 || n < 2 * m + 1 || !isSeasonal(y, m)) return null;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  let total = 0;
  for (let t = 0; t < n; t++) {
    sums[t % m] += y[t];
    counts[t % m] += 1;
    total += y[t];
  }
  if (!(total > 0)) return null;
  const overall = total / n;
  const weights = new Float64Array(m);
  for (let j = 0; j < m; j++) weights[j] = sums[j] / counts[j] / overall;
  return weights;
}
