/** Smoothed demand rate of an intermittent series and its in-sample one-step forecasts. */
export interface DemandLevel {
  /** Expected demand per period after the last observation (units per period). */
  readonly level: number;
  /** One-step forecasts for t = 0..n-1; NaN before the method has a forecast. */
  readonly fitted: Float64Array;
  /** Relative variance of `level` as an estimate of the mean rate, (sd / level)^2; 0 when level is 0. */
  readonly levelVariance: number;
}

/**
 * Croston's method (Croston 1972): exponential smoothing, with the same alpha, of the non-zero
 * demand sizes z and of the intervals p between them, updated only in periods with demand; the
 * rate forecast is factor * z / p. Initialised as R's `forecast::croston` (first size, first
 * interval counted from the start), so factor 1 and alpha 0.1 reproduce its forecasts; factor
 * 1 - alpha/2 is the Syntetos–Boylan approximation (SBA, Syntetos & Boylan 2005).
 * The level's relative variance is approximated by that of SES on i.i.d. demand,
 * alpha / (2 - alpha) * var(y) / level^2. O(n).
 *
 * @example crostonLevel(Float64Array.of(0, 2, 0, 0, 3, 0, 1), 0.1, 1).level // 1.99 / 2.09 = 0.9522
 */
export function crostonLevel(y: Float64Array, alpha: number, factor: number): DemandLevel {
  const n = y.length;
  const fitted = new Float64Array(n).fill(NaN);
  let first = -1;
  for (let t = 0; t < n; t++) {
    if (y[t] > 0) {
      first = t;
      break;
    }
  }
  if (first < 0) return { level: 0, fitted, levelVariance: 0 };
  let size = y[first];
  let interval = first + 1;
  let last = first;
  for (let t = first + 1; t < n; t++) {
    fitted[t] = (factor * size) / interval;
    if (y[t] > 0) {
      size += alpha * (y[t] - size);
      interval += alpha * (t - last - interval);
      last = t;
    }
  }
  const level = (factor * size) / interval;
  return { level, fitted, levelVariance: smoothedLevelVariance(y, level, alpha) };
}

/**
 * Relative variance of an exponentially weighted mean with weight alpha of i.i.d. data:
 * alpha / (2 - alpha) * var(y) / level^2 (Brown 1963, Smoothing, Forecasting and Prediction).
 *
 * @example smoothedLevelVariance(Float64Array.of(0, 2, 0, 2), 1, 0.1) // 0.1 / 1.9 * (4/3) / 1
 */
export function smoothedLevelVariance(y: Float64Array, level: number, alpha: number): number {
  const n = y.length;
  if (n < 2 || !(level > 0)) return 0;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t];
  mean /= n;
  let sumSquares = 0;
  for (let t = 0; t < n; t++) sumSquares += (y[t] - mean) * (y[t] - mean);
  return ((alpha / (2 - alpha)) * (sumSquares / (n - 1))) / (level * level);
}
