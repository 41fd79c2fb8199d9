import type { ForecastMethod } from '../contract.js';
import { crostonLevel } from '../intermittent/croston-level.js';
import { fitIntermittent } from '../intermittent/fit-intermittent.js';
import { CROSTON_ALPHA } from './croston.js';

/**
 * The Syntetos–Boylan approximation (Syntetos & Boylan 2005, IJF 21): Croston's rate times
 * 1 - alpha/2, which removes most of Croston's positive bias. alpha 0.1, so the factor is 0.95.
 * Label `sba`.
 *
 * @example sba(Float64Array.of(0, 2, 0, 0, 3, 0, 1), { horizon: 1, seasonPeriod: 1, random }).mean // [0.95 * 0.9522]
 */
export const sba: ForecastMethod = (y, { horizon, seasonPeriod }) =>
  fitIntermittent(y, horizon, seasonPeriod, (x) => crostonLevel(x, CROSTON_ALPHA, 1 - CROSTON_ALPHA / 2), 'sba');
