import type { ForecastMethod, MethodFit } from '../contract.js';
import { autoEts } from '../ets/auto-ets.js';
import { fitEts } from '../ets/fit-ets.js';
import type { EtsFit } from '../ets/ets-model.js';
import { forecastEts } from '../ets/forecast-ets.js';
import { etsOriginForecasts } from '../ets/ets-origin-forecasts.js';

/**
 * Automatic ETS (`--method ets`): the exponential smoothing state space model with the smallest
 * AICc among error A/M, trend N/A/Ad, season N/A/M (Hyndman et al. 2008; R's `forecast::ets`),
 * labelled like `ETS(MAdM)`. Additive-error models get exact normal variances, multiplicative
 * ones a simulator. See `ets/auto-ets.ts`.
 *
 * @example ets(y, { horizon: 18, seasonPeriod: 12, random }).label // e.g. 'ETS(MAM)'
 */
export const ets: ForecastMethod = (y, { horizon, seasonPeriod }) =>
  methodFitFromEts(autoEts(y, seasonPeriod), y, horizon);

/**
 * Automatic ETS without trend: error A/M, season N/A/M, level only. For long intermittent
 * series inside `auto`'s combination (see select-method.ts), where a slope fitted to sporadic
 * demand extrapolates noise; Croston-type methods have no trend either (Syntetos & Boylan 2021,
 * Intermittent Demand Forecasting, ch. 6).
 *
 * @example levelEts(y, { horizon: 28, seasonPeriod: 7, random }).label // 'ETS(ANA)' or 'ETS(ANN)'
 */
export const levelEts: ForecastMethod = (y, { horizon, seasonPeriod }) =>
  methodFitFromEts(autoEts(y, seasonPeriod, { trends: ['N'] }), y, horizon);

/**
 * Wraps a fitted ETS model in the method contract: forecasts, per-step and cumulative
 * variances, the simulator for multiplicative errors, the AICc. If the forecasts are not all
 * finite (a breakdown far out), falls back to ETS(ANN), then to a flat last value.
 *
 * @example methodFitFromEts(autoEts(y, 12), y, 18).mean.length // 18
 */
export function methodFitFromEts(fit: EtsFit, y: Float64Array, horizon: number): MethodFit {
  const result = toMethodFit(fit, y, horizon);
  if (isFinite(result)) return result;
  const simple = toMethodFit(fitEts(y, { error: 'A', trend: 'N', season: 'N', m: 1 }), y, horizon);
  if (isFinite(simple)) return simple;
  const last = y.length > 0 && Number.isFinite(y[y.length - 1]) ? y[y.length - 1] : 0;
  const zero = new Float64Array(horizon);
  return {
    label: 'naive',
    mean: new Float64Array(horizon).fill(last),
    fitted: new Float64Array(y.length).fill(NaN),
    variance: zero,
    cumulativeVariance: zero.slice(),
    aicc: NaN,
  };
}

function toMethodFit(fit: EtsFit, y: Float64Array, horizon: number): MethodFit {
  const forecast = forecastEts(fit, horizon);
  return {
    label: fit.label,
    mean: forecast.mean,
    fitted: fit.fitted,
    variance: forecast.variance,
    cumulativeVariance: forecast.cumulativeVariance,
    ...(forecast.simulate ? { simulate: forecast.simulate, simulatorState: forecast.simulatorState } : {}),
    aicc: fit.aicc,
    originForecasts: (steps) => etsOriginForecasts(fit, y, steps),
  };
}

function isFinite(fit: MethodFit): boolean {
  for (const values of [fit.mean, fit.variance, fit.cumulativeVariance]) {
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  }
  return true;
}
