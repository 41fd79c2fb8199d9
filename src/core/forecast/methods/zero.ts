import type { ForecastMethod } from '../contract.js';

/**
 * Zero forecast for series without demand (or dead ones): mean, variances and in-sample forecasts
 * all 0. Label `zero`. O(n + h).
 *
 * @example zero(Float64Array.of(0, 0), { horizon: 2, seasonPeriod: 1, random }).mean // [0, 0]
 */
export const zero: ForecastMethod = (y, { horizon }) => ({
  label: 'zero',
  mean: new Float64Array(horizon),
  fitted: new Float64Array(y.length),
  variance: new Float64Array(horizon),
  cumulativeVariance: new Float64Array(horizon),
  aicc: NaN,
});
