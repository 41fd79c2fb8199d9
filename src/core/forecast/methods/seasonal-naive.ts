import { residualVariance, variancesFromPsi, type ForecastMethod } from '../contract.js';

/**
 * Seasonal naive forecast: each future period equals the same period one season earlier.
 * psi_j = 1 when j is a positive multiple of the season, else 0 (FPP3 §5.5). With fewer than
 * one full season of data it repeats what there is, which is the naive forecast at worst.
 *
 * @example seasonalNaive(Float64Array.of(1, 2, 3, 4), { horizon: 3, seasonPeriod: 2, random }).mean // [3, 4, 3]
 */
export const seasonalNaive: ForecastMethod = (y, { horizon, seasonPeriod }) => {
  const n = y.length;
  const m = Math.max(1, Math.min(seasonPeriod, n));
  const mean = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) mean[h] = n > 0 ? y[n - m + (h % m)] : 0;
  const fitted = new Float64Array(n).fill(NaN);
  for (let t = m; t < n; t++) fitted[t] = y[t - m];
  const sigma2 = n > m ? residualVariance(y, fitted) : 0;
  const psi = new Float64Array(horizon);
  for (let j = 0; j < horizon; j++) psi[j] = j % m === 0 ? 1 : 0;
  return { label: 'snaive', mean, fitted, ...variancesFromPsi(psi, sigma2, horizon), aicc: NaN };
};
