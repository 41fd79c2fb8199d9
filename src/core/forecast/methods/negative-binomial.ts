import type { ForecastMethod } from '../contract.js';
import { fitIntermittent } from '../intermittent/fit-intermittent.js';
import { windowLevel } from '../intermittent/window-level.js';

/** Periods averaged for the rate: a year of monthly data. */
export const RECENT_WINDOW = 12;

/**
 * Count forecast for slow movers: the rate is the mean of the last 12 periods (a seasonal profile
 * applies where significant) and demand is negative binomial around it, Poisson when the data show
 * no over-dispersion. "Poisson, mean of the last 12 months" is a strong benchmark on car parts
 * (Hyndman et al. 2008, ch. 16; reference table of the data sets). Label `negbin`.
 *
 * @example negativeBinomial(Float64Array.of(0, 1, 0, 2), { horizon: 1, seasonPeriod: 1, random }).mean // [0.75]
 */
export const negativeBinomial: ForecastMethod = (y, { horizon, seasonPeriod }) =>
  fitIntermittent(y, horizon, seasonPeriod, (x) => windowLevel(x, RECENT_WINDOW), 'negbin');
