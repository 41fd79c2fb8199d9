import type { ForecastMethod, MethodFit } from '../contract.js';
import { multiplicativeSeasonalIndexes } from './classical-decomposition.js';
import { fitSimpleSmoothing } from './fit-simple-smoothing.js';
import { isSeasonal } from './seasonality-test.js';

/**
 * The Theta method of Assimakopoulos & Nikolopoulos (2000), in the form Hyndman & Billah (2003)
 * showed it to be: simple exponential smoothing with a drift equal to half the slope of a linear
 * trend fitted to the data. As R's `forecast::thetaf`: when the lag-m autocorrelation is
 * significant at 90 % (see `isSeasonal`), the series is divided by multiplicative classical
 * seasonal indexes first and the forecasts are multiplied back. Point forecast
 * l_n + (b/2) (h - 1 + (1 - (1 - alpha)^n) / alpha).
 *
 * Error variances come from the SES state space model, sigma2 (1 + (h-1) alpha^2) per period
 * (as `thetaf`), here also multiplied by the squared seasonal index of the period; the cumulative
 * variance adds the correlation through the shared level (coefficient of the error at step k in
 * the sum over 1..H: s_k + alpha (s_{k+1} + .. + s_H)). O(n m + H^2).
 *
 * @example theta(Float64Array.of(1, 2, 3, 4, 5, 6), { horizon: 2, seasonPeriod: 1, random }).mean // about [6.5, 7]
 */
export const theta: ForecastMethod = (y, { horizon, seasonPeriod }) => fitTheta(y, horizon, seasonPeriod);

/** Theta with the seasonal test and adjustment; see {@link theta}. */
export function fitTheta(y: Float64Array, horizon: number, seasonPeriod: number): MethodFit {
  const n = y.length;
  const m = Math.max(1, Math.floor(seasonPeriod));
  const indexes = m > 1 && isSeasonal(y, m) ? multiplicativeSeasonalIndexes(y, m) : null;
  const adjusted = new Float64Array(n);
  for (let t = 0; t < n; t++) adjusted[t] = indexes ? y[t] / indexes[t % m] : y[t];

  const ses = fitSimpleSmoothing(adjusted);
  const alpha = Math.max(1e-10, ses.alpha);
  const halfSlope = leastSquaresSlope(adjusted) / 2;
  const start = n > 0 ? (1 - Math.pow(1 - alpha, n)) / alpha : 0;

  const seasonal = new Float64Array(horizon);
  const mean = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    seasonal[h] = indexes ? indexes[(n + h) % m] : 1;
    mean[h] = (ses.finalLevel + halfSlope * (h + start)) * seasonal[h];
  }
  const fitted = new Float64Array(n);
  for (let t = 0; t < n; t++) fitted[t] = ses.fitted[t] * (indexes ? indexes[t % m] : 1);

  const sigma2 = ses.sigma2;
  const variance = new Float64Array(horizon);
  const cumulativeVariance = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    variance[h] = sigma2 * (1 + h * alpha * alpha) * seasonal[h] * seasonal[h];
    // Sum over 1..h+1 of the errors: coefficient of the innovation at step k is s_k + alpha * sum_{j>k} s_j.
    let laterSum = 0;
    let total = 0;
    for (let k = h; k >= 0; k--) {
      const coefficient = seasonal[k] + alpha * laterSum;
      total += coefficient * coefficient;
      laterSum += seasonal[k];
    }
    cumulativeVariance[h] = sigma2 * total;
  }
  const originForecasts = (steps: number) => thetaOriginForecasts(ses.fitted, alpha, halfSlope, indexes, steps);
  return { label: 'theta', mean, fitted, variance, cumulativeVariance, aicc: NaN, originForecasts };
}

/**
 * Theta's forecasts from every origin t (after y[0..t)) with alpha, the drift and the seasonal
 * indexes fixed: (l_t + (b/2) (j + (1 - (1 - alpha)^t) / alpha)) s_{t+j}, l_t the SES level
 * after t observations (`sesFitted[t]`). Layout of `MethodFit.originForecasts`. O(n steps).
 */
function thetaOriginForecasts(
  sesFitted: Float64Array, alpha: number, halfSlope: number, indexes: Float64Array | null, steps: number,
): Float64Array {
  const n = sesFitted.length;
  const m = indexes ? indexes.length : 1;
  const out = new Float64Array(n * steps).fill(NaN);
  let decay = 1;
  for (let t = 0; t < n; t++) {
    const start = (1 - decay) / alpha;
    decay *= 1 - alpha;
    const last = Math.min(steps, n - t);
    for (let j = 0; j < last; j++) {
      out[t * steps + j] = (sesFitted[t] + halfSlope * (j + start)) * (indexes ? indexes[(t + j) % m] : 1);
    }
  }
  return out;
}

/** Slope of the least-squares line through (t, y_t), t = 0..n-1; 0 for fewer than 2 points. */
function leastSquaresSlope(y: Float64Array): number {
  const n = y.length;
  if (n < 2) return 0;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (let t = 0; t < n; t++) meanY += y[t];
  meanY /= n;
  let covariance = 0;
  let varianceT = 0;
  for (let t = 0; t < n; t++) {
    covariance += (t - meanT) * (y[t] - meanY);
    varianceT += (t - meanT) * (t - meanT);
  }
  return covariance / varianceT;
}
