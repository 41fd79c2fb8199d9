import type { MethodFit } from '../contract.js';

/**
 * A fit made on seasonally adjusted data (y_t / s_{t mod m}) turned back into a forecast of the
 * series: means and in-sample forecasts times the index of their period, per-period variances
 * times its square, and the cumulative variance over 1..h times the mean square of the indexes
 * over 1..h (exact for independent errors, a little high for errors shared across periods).
 * `n` is the length of the fitted series, so future period h has index s_{(n + h) mod m}.
 * Label `label(inner)`. O(n + h).
 *
 * @example reseasonalize(thetaFit, indexes, y.length, 'fourier').label // 'fourier(theta)'
 */
export function reseasonalize(fit: MethodFit, indexes: Float64Array, n: number, label: string): MethodFit {
  const m = indexes.length;
  const horizon = fit.mean.length;
  const mean = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  const cumulativeVariance = new Float64Array(horizon);
  let sumSquares = 0;
  for (let h = 0; h < horizon; h++) {
    const s = indexes[(n + h) % m];
    mean[h] = fit.mean[h] * s;
    variance[h] = fit.variance[h] * s * s;
    sumSquares += s * s;
    cumulativeVariance[h] = fit.cumulativeVariance[h] * (sumSquares / (h + 1));
  }
  const fitted = new Float64Array(fit.fitted.length);
  for (let t = 0; t < fitted.length; t++) fitted[t] = fit.fitted[t] * indexes[t % m];
  const inner = fit.originForecasts;
  if (inner === undefined) return { label: `${label}(${fit.label})`, mean, fitted, variance, cumulativeVariance, aicc: NaN };
  const originForecasts = (steps: number) => {
    const values = inner(steps);
    for (let t = 0; t < fitted.length; t++) {
      for (let j = 0; j < steps; j++) values[t * steps + j] *= indexes[(t + j) % m];
    }
    return values;
  };
  return { label: `${label}(${fit.label})`, mean, fitted, variance, cumulativeVariance, aicc: NaN, originForecasts };
}
