import type { ForecastMethod, MethodFit, MethodOptions } from '../contract.js';

/**
 * Equal-weight combination of forecasts (Clemen 1989; Makridakis & Hibon 2000: simple averages of
 * methods beat their members on M3; the mean of ETS and Theta is one of the strongest monthly
 * benchmarks). Point forecasts and in-sample forecasts are the averages of the members'.
 * Variance: with perfectly correlated member errors the standard deviation of the combined error
 * would be the mean of the members' (per period and cumulative); that upper bound is scaled by the
 * in-sample ratio MSE(combined one-step errors) / (mean of the members' RMSEs)^2, which is <= 1 and
 * measures how much the members' errors cancel (when `y` is given and the fitted values allow it).
 * No simulator: intervals are normal around the mean. Label `combo(a+b+...)`. O(k (n + h)).
 *
 * @example combineFits([thetaFit, etsFit], y).label // 'combo(theta+ETS(ANN))'
 */
export function combineFits(fits: readonly MethodFit[], y?: Float64Array): MethodFit {
  if (fits.length === 1) return fits[0];
  const k = fits.length;
  const horizon = fits[0].mean.length;
  const n = fits[0].fitted.length;
  const mean = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  const cumulativeVariance = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let sumMean = 0;
    let sumSd = 0;
    let sumCumulativeSd = 0;
    for (const fit of fits) {
      sumMean += fit.mean[h];
      sumSd += Math.sqrt(Math.max(0, fit.variance[h]));
      sumCumulativeSd += Math.sqrt(Math.max(0, fit.cumulativeVariance[h]));
    }
    mean[h] = sumMean / k;
    variance[h] = (sumSd / k) ** 2;
    cumulativeVariance[h] = (sumCumulativeSd / k) ** 2;
  }
  const fitted = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let sum = 0;
    for (const fit of fits) sum += fit.fitted[t];
    fitted[t] = sum / k;
  }
  const ratio = y ? cancellationRatio(fits, fitted, y) : 1;
  for (let h = 0; h < horizon; h++) {
    variance[h] *= ratio;
    cumulativeVariance[h] *= ratio;
  }
  const label = `combo(${fits.map((fit) => fit.label).join('+')})`;
  // Calibrated only when every member is (a count-law member keeps the combination's own law).
  const memberOrigins = fits.flatMap((fit) => (fit.originForecasts ? [fit.originForecasts] : []));
  if (memberOrigins.length < k) {
    return { label, mean, fitted, variance, cumulativeVariance, aicc: NaN };
  }
  const originForecasts = (steps: number) => {
    const sum = new Float64Array(n * steps);
    for (const origins of memberOrigins) {
      const values = origins(steps);
      for (let i = 0; i < sum.length; i++) sum[i] += values[i];
    }
    for (let i = 0; i < sum.length; i++) sum[i] /= k;
    return sum;
  };
  return { label, mean, fitted, variance, cumulativeVariance, aicc: NaN, originForecasts };
}

/**
 * In-sample MSE of the combined one-step forecasts over the squared mean of the members' RMSEs, over
 * periods where every member has a forecast; 1 when there are fewer than 3 such periods.
 */
function cancellationRatio(fits: readonly MethodFit[], fitted: Float64Array, y: Float64Array): number {
  const k = fits.length;
  const memberSquares = new Float64Array(k);
  let combinedSquares = 0;
  let count = 0;
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(fitted[t])) continue;
    for (let i = 0; i < k; i++) {
      const e = y[t] - fits[i].fitted[t];
      memberSquares[i] += e * e;
    }
    const e = y[t] - fitted[t];
    combinedSquares += e * e;
    count++;
  }
  if (count < 3) return 1;
  let meanRmse = 0;
  for (let i = 0; i < k; i++) meanRmse += Math.sqrt(memberSquares[i] / count) / k;
  if (!(meanRmse > 0)) return 1;
  return Math.min(1, combinedSquares / count / (meanRmse * meanRmse));
}

/**
 * A method that fits every member and combines them with {@link combineFits}.
 *
 * @example combination([ets, theta])(y, options).label // 'combo(ETS(MAdM)+theta)'
 */
export function combination(members: readonly ForecastMethod[]): ForecastMethod {
  return (y: Float64Array, options: MethodOptions) => combineFits(members.map((member) => member(y, options)), y);
}
