import type { ForecastMethod } from '../contract.js';
import { crostonLevel } from '../intermittent/croston-level.js';
import { fitIntermittent } from '../intermittent/fit-intermittent.js';

/** Smoothing weight of sizes and intervals; R's `croston()` default. */
export const CROSTON_ALPHA = 0.1;

/**
 * Croston's method (Croston 1972) with alpha 0.1 as R's `forecast::croston`, whose point forecasts
 * it reproduces on non-seasonal series; intervals are simulated from a negative binomial law around
 * the rate (see `fitIntermittent`). Label `croston`.
 *
 * @example croston(Float64Array.of(0, 2, 0, 0, 3, 0, 1), { horizon: 1, seasonPeriod: 1, random }).mean // [0.9522]
 */
export const croston: ForecastMethod = (y, { horizon, seasonPeriod }) =>
  fitIntermittent(y, horizon, seasonPeriod, (x) => crostonLevel(x, CROSTON_ALPHA, 1), 'croston');
