import { residualVariance, variancesFromPsi, type ForecastMethod } from '../contract.js';

/**
 * Naive forecast: every future period equals the last observation (random walk).
 * Error variance grows linearly with the horizon (Hyndman & Athanasopoulos, FPP3 §5.5).
 * O(n + h).
 *
 * @example naive(Float64Array.of(3, 5, 4), { horizon: 2, seasonPeriod: 1, random }).mean // [4, 4]
 */
export const naive: ForecastMethod = (y, { horizon }) => {
  const n = y.length;
  const last = n > 0 ? y[n - 1] : 0;
  const mean = new Float64Array(horizon).fill(last);
  const fitted = new Float64Array(n).fill(NaN);
  for (let t = 1; t < n; t++) fitted[t] = y[t - 1];
  const sigma2 = n > 1 ? residualVariance(y, fitted) : 0;
  const psi = new Float64Array(horizon).fill(1);
  return { label: 'naive', mean, fitted, ...variancesFromPsi(psi, sigma2, horizon), aicc: NaN };
};
