import type { ForecastMethod, MethodFit } from '../contract.js';

/**
 * Flat forecast at the mean of the last `window` observations (all of them when window is
 * Infinity: the historical mean). Forecast errors of all future periods share the estimation
 * error of the mean, so the cumulative variance is h*sigma2 + h^2*sigma2/k (k = points averaged).
 * O(n + h).
 *
 * @example movingAverage(4)(Float64Array.of(1, 2, 3, 4, 5), { horizon: 1, seasonPeriod: 1, random }).mean // [3.5]
 */
export function movingAverage(window: number, label = `ma${window}`): (y: Float64Array, options: { horizon: number }) => MethodFit {
  return (y, { horizon }) => {
    const n = y.length;
    const fitted = new Float64Array(n).fill(NaN);
    let sum = 0;
    let sumSqErr = 0;
    let errCount = 0;
    for (let t = 0; t < n; t++) {
      const k = Math.min(t, window);
      if (k > 0) {
        fitted[t] = sum / k;
        const e = y[t] - fitted[t];
        sumSqErr += e * e;
        errCount++;
      }
      sum += y[t];
      if (t >= window) sum -= y[t - window];
    }
    const k = Math.min(n, window);
    const level = k > 0 ? sum / k : 0;
    const sigma2 = errCount > 1 ? sumSqErr / (errCount - 1) : 0;
    const mean = new Float64Array(horizon).fill(level);
    const variance = new Float64Array(horizon).fill(sigma2 * (1 + 1 / Math.max(1, k)));
    const cumulativeVariance = new Float64Array(horizon);
    for (let h = 1; h <= horizon; h++) cumulativeVariance[h - 1] = sigma2 * (h + (h * h) / Math.max(1, k));
    return { label, mean, fitted, variance, cumulativeVariance, aicc: NaN };
  };
}

/** Historical mean of the whole series (FPP3 §5.2 "mean method"). */
export const historicalMean: ForecastMethod = movingAverage(Number.POSITIVE_INFINITY, 'mean');

/** Mean of the last 4 periods (or of the last season when one is longer). */
export const recentMean: ForecastMethod = (y, options) =>
  movingAverage(Math.max(4, options.seasonPeriod), 'ma')(y, options);
