import type { ForecastMethod, MethodFit, MethodOptions } from '../contract.js';

/**
 * Equal-weight combination of forecasts (Clemen 1989; Makridakis & Hibon 2000: simple averages of
 * methods beat their members on M3; the mean of ETS and Theta is one of the strongest monthly
 * benchmarks). Point forecasts and in-sample forecasts are the averages of the members'.
 * Variance: the members' errors are assumed perfectly correlated, so the standard deviation of the
 * combined error is the mean of the members' (per period and cumulative). This is an upper bound
 * (errors of ETS and Theta correlate about 0.9 in practice) and keeps intervals from being too
 * narrow. No simulator: intervals are normal around the mean. Label `combo(a,b,...)`. O(k (n + h)).
 *
 * @example combineFits([thetaFit, etsFit]).label // 'combo(theta,ETS(A,N,N))'
 */
export function combineFits(fits: readonly MethodFit[]): MethodFit {
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
  const label = `combo(${fits.map((fit) => fit.label).join(',')})`;
  return { label, mean, fitted, variance, cumulativeVariance, aicc: NaN };
}

/**
 * A method that fits every member and combines them with {@link combineFits}. Members are
 * resolved when the method runs, so a registry can name members that are added later; missing
 * (undefined) members are skipped.
 *
 * @example combination(() => [FORECAST_METHODS.ets, FORECAST_METHODS.theta])(y, options).label // 'combo(ETS(M,Ad,M),theta)'
 */
export function combination(members: () => readonly (ForecastMethod | undefined)[]): ForecastMethod {
  return (y: Float64Array, options: MethodOptions) => {
    const fits: MethodFit[] = [];
    for (const member of members()) if (member) fits.push(member(y, options));
    return combineFits(fits);
  };
}
