import { variancesFromPsi, type ForecastMethod } from '../contract.js';

/**
 * Naive forecast: every future period equals the last observation (random walk).
 * Error variance grows linearly with the horizon (Hyndman & Athanasopoulos, FPP3 §5.5).
 * The in-sample one-step forecasts (the previous values) are built only when read: a nightly
 * run of 60k daily series reads none of them. O(n + h).
 *
 * @example naive(Float64Array.of(3, 5, 4), { horizon: 2, seasonPeriod: 1, random }).mean // [4, 4]
 */
export const naive: ForecastMethod = (y, { horizon }) => {
  const n = y.length;
  const last = n > 0 ? y[n - 1] : 0;
  const mean = new Float64Array(horizon).fill(last);
  // residualVariance of the one-step forecasts y[t - 1], without building them.
  let sumSquares = 0;
  let count = 0;
  for (let t = 1; t < n; t++) {
    if (Number.isNaN(y[t - 1])) continue;
    const e = y[t] - y[t - 1];
    sumSquares += e * e;
    count++;
  }
  const sigma2 = n > 1 ? (count === 0 ? NaN : sumSquares / count) : 0;
  const psi = new Float64Array(horizon).fill(1);
  let fitted: Float64Array | undefined;
  return {
    label: 'naive',
    mean,
    get fitted() {
      if (!fitted) {
        fitted = new Float64Array(n).fill(NaN);
        for (let t = 1; t < n; t++) fitted[t] = y[t - 1];
      }
      return fitted;
    },
    ...variancesFromPsi(psi, sigma2, horizon),
    aicc: NaN,
  };
};
