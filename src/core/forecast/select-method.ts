import type { MethodFit, MethodOptions } from './contract.js';
import { classifyDemand } from './demand-class.js';
import { seasonProfile } from './intermittent/season-profile.js';
import { LONG_SEASONS } from './ets/auto-ets.js';
import { combineFits } from './methods/combination.js';
import { levelEts } from './methods/ets.js';
import { fourierSeasonalIndexes } from './methods/fourier-seasonal-indexes.js';
import { reseasonalize } from './methods/seasonally-adjusted.js';
import { historicalMean } from './methods/moving-average.js';
import { naive } from './methods/naive.js';
import { zero } from './methods/zero.js';
import { FORECAST_METHODS } from './registry.js';

/** Fewer observations than this get the simple mean (one observation: naive). */
export const VERY_SHORT_LENGTH = 4;
/** A season position counts as closed when it had no demand in at least this many seasons. */
export const CLOSED_MIN_SEASONS = 8;
/** Seasonal periods from this length on (weekly data: 52) take a Fourier seasonal profile. */
export const LONG_SEASON = 24;
/** A series whose last demand is at least this many periods back (and 2 seasons, and 4 ADIs) is dead. */
export const DEAD_MIN_PERIODS = 12;

/**
 * Whether a series is long: LONG_SEASONS (20) cycles of its season, and at least 140 periods
 * when the season is shorter than a week or absent (20 weeks of days). Two years of daily sales are long;
 * M3 and car parts monthly series are not.
 *
 * @example isLongSeries(730, 7) // true
 */
export function isLongSeries(length: number, seasonPeriod: number): boolean {
  return length >= LONG_SEASONS * Math.max(seasonPeriod, 7);
}

/**
 * Automatic choice of method for one series (method name `auto`), rules chosen by rolling-origin
 * backtests on the training parts of the benchmark data sets:
 * - no demand at all, or none for max(12, 2 seasons, 4 average intervals) periods: `zero`;
 * - fewer than 4 observations: the mean (one observation: naive);
 * - fewer than two full seasons: everything below runs with seasonPeriod 1 (non-seasonal);
 * - intermittent or lumpy demand (ADI >= 1.32, Syntetos–Boylan) whose seasonal profile has closed
 *   periods (a weekday without any sale over 8 or more weeks): TSB with its negative binomial law,
 *   which keeps closed periods at zero;
 * - other intermittent or lumpy demand: the equal-weight combination of TSB, ETS and Theta. In
 *   3-origin backtests on the car parts training data (h = 6) it had the lowest 90 % pinball loss
 *   of TSB, SBA, Croston, negbin, Theta, ETS, ETS+Theta and TSB+Theta, a 97.5 % loss within 0.0002
 *   of the lowest (ETS+Theta), and half TSB's bias (+0.06 against +0.13 of the training mean).
 *   On long series ({@link isLongSeries}) its ETS member has no trend (`levelEts`): on the online
 *   retail data (346 days) RMSSE 0.8409 -> 0.8403, SPL90 0.5784 -> 0.5781, scaled bias -0.282 ->
 *   -0.287, at a sixth of the likelihood evaluations (540 -> 89 per two-year daily series);
 * - smooth or erratic demand with a long seasonal period (52 weeks) whose Fourier seasonal
 *   profile beats a flat one on BIC (`fourierSeasonalIndexes`): the combination below, fitted
 *   non-seasonally to the series divided by that profile, then multiplied back; label
 *   `fourier(combo(...))`. Two years of weekly data cannot pin 52 free seasonal states (ETS's
 *   states, Theta's classical indexes); a handful of harmonics can;
 * - smooth or erratic demand: the equal-weight combination of automatic ETS and Theta (Theta
 *   alone until an `ets` method is registered).
 * The label of the chosen model goes to the `method` column, e.g. `combo(ETS(MAdM)+theta)`.
 *
 * @example selectMethod(Float64Array.of(0, 0, 0), options).label // 'zero'
 */
export function selectMethod(y: Float64Array, options: MethodOptions): MethodFit {
  const n = y.length;
  const pattern = classifyDemand(y);
  const seasonPeriod = n >= 2 * options.seasonPeriod ? options.seasonPeriod : 1;
  const deadAfter = Math.max(DEAD_MIN_PERIODS, 2 * seasonPeriod, 4 * pattern.adi);
  if (pattern.demandClass === 'none' || pattern.trailingZeros >= deadAfter) return zero(y, options);
  if (n < VERY_SHORT_LENGTH) return n === 1 ? naive(y, options) : historicalMean(y, options);
  const effective: MethodOptions = { ...options, seasonPeriod };
  if (pattern.demandClass === 'intermittent' || pattern.demandClass === 'lumpy') {
    const counts = FORECAST_METHODS.tsb(y, effective);
    if (seasonPeriod > 1 && n >= CLOSED_MIN_SEASONS * seasonPeriod && hasClosedPeriods(seasonProfile(y, seasonPeriod))) {
      return counts;
    }
    const members = isLongSeries(n, seasonPeriod) ? [levelEts(y, effective), FORECAST_METHODS.theta(y, effective)] : smoothMembers(y, effective);
    return combineFits([counts, ...members], y);
  }
  if (seasonPeriod >= LONG_SEASON) {
    const indexes = fourierSeasonalIndexes(y, seasonPeriod);
    if (indexes) {
      const adjusted = new Float64Array(n);
      for (let t = 0; t < n; t++) adjusted[t] = y[t] / indexes[t % seasonPeriod];
      const nonSeasonal: MethodOptions = { ...options, seasonPeriod: 1 };
      return reseasonalize(combineFits(smoothMembers(adjusted, nonSeasonal), adjusted), indexes, n, 'fourier');
    }
  }
  return combineFits(smoothMembers(y, effective), y);
}

/** True when a seasonal profile exists and some position of it never had demand. */
function hasClosedPeriods(weights: Float64Array | null): boolean {
  if (weights === null) return false;
  for (let j = 0; j < weights.length; j++) if (weights[j] === 0) return true;
  return false;
}

/** Automatic ETS (when registered) and Theta. */
function smoothMembers(y: Float64Array, options: MethodOptions): MethodFit[] {
  const members = [FORECAST_METHODS.ets, FORECAST_METHODS.theta].filter((method) => method !== undefined);
  return members.map((method) => method(y, options));
}
