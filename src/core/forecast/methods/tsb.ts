import type { ForecastMethod } from '../contract.js';
import { fitIntermittent } from '../intermittent/fit-intermittent.js';
import { tsbLevel } from '../intermittent/tsb-level.js';

/** Smoothing weights of the TSB size (alpha) and probability (beta). */
export const TSB_ALPHA = 0.1;
export const TSB_BETA = 0.1;

/**
 * The Teunter–Syntetos–Babai method (2011): smoothed demand probability times smoothed size,
 * the probability updated every period so the forecast decays when demand stops. Negative
 * binomial intervals (see `fitIntermittent`). Label `tsb`.
 *
 * @example tsb(Float64Array.of(3, 0, 3, 0, 3, 0), { horizon: 2, seasonPeriod: 1, random }).mean // about [1.4, 1.4]
 */
export const tsb: ForecastMethod = (y, { horizon, seasonPeriod }) =>
  fitIntermittent(y, horizon, seasonPeriod, (x) => tsbLevel(x, TSB_ALPHA, TSB_BETA), 'tsb');
