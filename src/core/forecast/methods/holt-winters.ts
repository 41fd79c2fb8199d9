import { variancesFromPsi, type ForecastMethod } from '../contract.js';
import { fitEts } from '../ets/fit-ets.js';
import { forecastHoltWinters, fitHoltWinters } from '../ets/holt-winters.js';
import { methodFitFromEts } from './ets.js';

/**
 * Classical additive Holt-Winters (`--method hw`), as R's `stats::HoltWinters`: decomposition
 * start values, smoothing parameters minimising the in-sample one-step squared error, normal
 * intervals from psi weights. With fewer than two seasons plus one observation (or m = 1) it
 * falls back to Holt's linear trend as ETS(AAN), and says so in the label.
 *
 * @example holtWinters(y, { horizon: 12, seasonPeriod: 12, random }).label // 'hw'
 */
export const holtWinters: ForecastMethod = (y, { horizon, seasonPeriod }) => {
  const fit = fitHoltWinters(y, seasonPeriod);
  if (fit === null) return methodFitFromEts(fitEts(y, { error: 'A', trend: 'A', season: 'N', m: 1 }), y, horizon);
  const { mean, psi } = forecastHoltWinters(fit, horizon);
  const sigma2 = Number.isFinite(fit.residualVariance) ? fit.residualVariance : 0;
  return { label: 'hw', mean, fitted: fit.fitted, ...variancesFromPsi(psi, sigma2, horizon), aicc: NaN };
};
