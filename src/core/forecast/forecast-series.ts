import { INTERVAL_CALIBRATION, intervalCalibration, type IntervalCalibrationOptions } from './calibrate-intervals.js';
import type { MethodFit } from './contract.js';
import { countQuantile } from './count-quantile.js';
import { normalQuantile } from './normal.js';
import { FORECAST_METHODS } from './registry.js';
import { selectMethod } from './select-method.js';

export interface SeriesForecastOptions {
  /** A name from the registry, or `auto`. */
  readonly method: string;
  readonly horizon: number;
  /** Seasonal period (7 daily, 52 weekly, 12 monthly); 1 for none. */
  readonly seasonPeriod: number;
  /** Central interval levels in percent, e.g. [80, 95]. */
  readonly levels: readonly number[];
  /** Uniform [0, 1) random source (seeded by the caller for reproducible output). */
  readonly random: () => number;
  /** Sample paths used when the method simulates (default 1000). */
  readonly paths?: number;
  /**
   * Calibration of the smooth methods' intervals on their in-sample multi-step errors
   * (`calibrate-intervals.ts`); default INTERVAL_CALIBRATION, null keeps the model's own intervals.
   */
  readonly calibration?: IntervalCalibrationOptions | null;
}

export interface SeriesForecast {
  /** The label of the method that produced the forecast (after automatic choice and fallbacks). */
  readonly method: string;
  /** Non-negative point forecasts, one per future period. */
  readonly mean: Float64Array;
  /** lower[i] / upper[i]: bounds of the central levels[i] % interval per period, never negative. */
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
  /** The underlying fit, for safety stock (cumulative variance, simulator). */
  readonly fit: MethodFit;
}

/**
 * Forecasts one demand series: picks the method (or `auto`), then applies what is common to all
 * methods: intervals (count quantiles for count laws, simulated quantiles for methods with a
 * simulator, else normal from the error variance), the calibration of the smooth methods'
 * intervals on their in-sample multi-step errors (`calibrate-intervals.ts`; count laws keep theirs),
 * nested levels, and non-negativity of means and bounds (demand is never negative).
 *
 * @example forecastSeries(y, { method: 'snaive', horizon: 14, seasonPeriod: 7, levels: [80, 95], random })
 */
export function forecastSeries(y: Float64Array, options: SeriesForecastOptions): SeriesForecast {
  const methodOptions = { horizon: options.horizon, seasonPeriod: options.seasonPeriod, random: options.random };
  const fit = options.method === 'auto'
    ? selectMethod(y, methodOptions)
    : FORECAST_METHODS[options.method](y, methodOptions);
  const mean = new Float64Array(options.horizon);
  for (let h = 0; h < options.horizon; h++) mean[h] = Math.max(0, fit.mean[h]);
  if (fit.distribution === 'count') return { method: fit.label, mean, ...countBounds(fit, options.levels), fit };
  const factors = widthFactors(y, fit, options);
  const { lower, upper } = fit.simulate
    ? simulatedBounds(fit, options, factors)
    : normalBounds(fit, options.levels, factors);
  nestBounds(options.levels, lower, upper);
  return { method: fit.label, mean, lower, upper, fit };
}

/**
 * Per level and step, the factor on the model's half-widths: from `intervalCalibration` when the
 * fit gives origin forecasts and calibration is on, else 1.
 */
function widthFactors(y: Float64Array, fit: MethodFit, options: SeriesForecastOptions): Float64Array[] | null {
  const calibration = options.calibration === undefined ? INTERVAL_CALIBRATION : options.calibration;
  if (calibration === null || fit.originForecasts === undefined || options.levels.length === 0) return null;
  const horizon = fit.mean.length;
  const scale = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) scale[h] = Math.sqrt(Math.max(0, fit.variance[h]));
  return intervalCalibration(y, fit.originForecasts(horizon), fit.mean, scale, options.levels, calibration);
}

/** Makes the intervals nested: a wider level's bounds never fall inside a narrower level's. */
function nestBounds(levels: readonly number[], lower: Float64Array[], upper: Float64Array[]): void {
  // Level indexes from narrowest to widest, equal levels in given order (an insertion sort: no
  // arrays built per series for the usual two levels).
  const order: number[] = [];
  for (let i = 0; i < levels.length; i++) {
    let at = order.length;
    for (; at > 0 && levels[order[at - 1]] > levels[i]; at--) order[at] = order[at - 1];
    order[at] = i;
  }
  for (let r = 1; r < order.length; r++) {
    const narrow = order[r - 1];
    const wide = order[r];
    for (let h = 0; h < lower[wide].length; h++) {
      lower[wide][h] = Math.min(lower[wide][h], lower[narrow][h]);
      upper[wide][h] = Math.max(upper[wide][h], upper[narrow][h]);
    }
  }
}

function countBounds(fit: MethodFit, levels: readonly number[]) {
  const horizon = fit.mean.length;
  const lower = levels.map(() => new Float64Array(horizon));
  const upper = levels.map(() => new Float64Array(horizon));
  for (let h = 0; h < horizon; h++) {
    levels.forEach((level, i) => {
      lower[i][h] = countQuantile(fit.mean[h], fit.variance[h], 0.5 - level / 200);
      upper[i][h] = countQuantile(fit.mean[h], fit.variance[h], 0.5 + level / 200);
    });
  }
  return { lower, upper };
}

function normalBounds(fit: MethodFit, levels: readonly number[], factors: Float64Array[] | null) {
  const horizon = fit.mean.length;
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (let i = 0; i < levels.length; i++) {
    const z = normalQuantile(0.5 + levels[i] / 200);
    const lo = new Float64Array(horizon);
    const hi = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      const halfWidth = z * Math.sqrt(Math.max(0, fit.variance[h])) * (factors ? factors[i][h] : 1);
      lo[h] = Math.max(0, fit.mean[h] - halfWidth);
      hi[h] = Math.max(0, fit.mean[h] + halfWidth);
    }
    lower.push(lo);
    upper.push(hi);
  }
  return { lower, upper };
}

function simulatedBounds(fit: MethodFit, options: SeriesForecastOptions, factors: Float64Array[] | null) {
  const horizon = fit.mean.length;
  const paths = options.paths ?? 1000;
  const draws = new Float64Array(paths * horizon); // column h holds draws for period h
  const path = new Float64Array(horizon);
  const simulate = fit.simulate as NonNullable<MethodFit['simulate']>;
  for (let p = 0; p < paths; p++) {
    simulate(options.random, path);
    for (let h = 0; h < horizon; h++) draws[h * paths + p] = path[h];
  }
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (let i = 0; i < options.levels.length; i++) {
    lower.push(new Float64Array(horizon));
    upper.push(new Float64Array(horizon));
  }
  for (let h = 0; h < horizon; h++) {
    const column = draws.subarray(h * paths, (h + 1) * paths).sort();
    const center = fit.mean[h];
    options.levels.forEach((level, i) => {
      // The calibration scales the simulated quantiles' distances from the mean (keeps their skew).
      const low = quantileSorted(column, 0.5 - level / 200);
      const high = quantileSorted(column, 0.5 + level / 200);
      lower[i][h] = Math.max(0, factors ? center + factors[i][h] * (low - center) : low);
      upper[i][h] = Math.max(0, factors ? center + factors[i][h] * (high - center) : high);
    });
  }
  return { lower, upper };
}

/** Quantile of sorted values, linear interpolation between order statistics (R type 7). */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
