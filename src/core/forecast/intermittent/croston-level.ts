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
 * The rate's relative variance adds those of the two smoothed means: an exponentially weighted
 * mean of i.i.d. values with weight alpha has variance alpha / (2 - alpha) times theirs (Brown
 * 1963), so v = alpha / (2 - alpha) (CV²(sizes) + CV²(intervals)) to first order. O(n).
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
  // Count, sum and sum of squares of the sizes and of the intervals, for their CV².
  let demands = 1;
  let sizeSum = y[first];
  let sizeSquares = y[first] * y[first];
  let intervalSum = first + 1;
  let intervalSquares = (first + 1) * (first + 1);
  for (let t = first + 1; t < n; t++) {
    fitted[t] = (factor * size) / interval;
    if (y[t] > 0) {
      size += alpha * (y[t] - size);
      interval += alpha * (t - last - interval);
      demands++;
      sizeSum += y[t];
      sizeSquares += y[t] * y[t];
      intervalSum += t - last;
      intervalSquares += (t - last) * (t - last);
      last = t;
    }
  }
  const level = (factor * size) / interval;
  const levelVariance = smoothingVarianceFactor(alpha) * (squaredVariation(demands, sizeSum, sizeSquares)
    + squaredVariation(demands, intervalSum, intervalSquares));
  return { level, fitted, levelVariance };
}

/**
 * Variance of an exponentially weighted mean with weight alpha, relative to the variance of the
 * i.i.d. values it averages: alpha / (2 - alpha) (Brown 1963, Smoothing, Forecasting and Prediction).
 *
 * @example smoothingVarianceFactor(0.1) // 0.1 / 1.9
 */
export function smoothingVarianceFactor(alpha: number): number {
  return alpha / (2 - alpha);
}

/**
 * Squared coefficient of variation (population variance / mean^2) from a count, sum and sum of
 * squares; 0 for fewer than two values or a zero mean.
 *
 * @example squaredVariation(2, 4, 10) // values 1 and 3: variance 1, mean 2 -> 0.25
 */
export function squaredVariation(count: number, sum: number, sumSquares: number): number {
  if (count < 2 || sum === 0) return 0;
  const mean = sum / count;
  return Math.max(0, sumSquares / count - mean * mean) / (mean * mean);
}
