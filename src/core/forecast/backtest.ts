import { forecastAccuracy, summarizeAccuracy, type AccuracySummary, type SeriesAccuracy } from './accuracy.js';
import { classifyDemand, type DemandClass } from './demand-class.js';
import { forecastSeries } from './forecast-series.js';

export interface BacktestSeries {
  /** Identifier reported back, e.g. `SKU-1@MAIN`. */
  readonly id: string;
  /** Demand per period, oldest first. */
  readonly values: Float64Array;
}

export interface BacktestOptions {
  /** Method names (`auto` or registry names). */
  readonly methods: readonly string[];
  /** Number of rolling origins (>= 1). */
  readonly folds: number;
  /** Periods forecast from each origin (>= 1). */
  readonly horizon: number;
  /** Seasonal period, also the lag of the MASE/RMSSE scaling (12 monthly, 7 daily). */
  readonly seasonPeriod: number;
  /** Uniform [0, 1) source for simulated intervals (seeded by the caller). */
  readonly random: () => number;
  /** Fewest training periods an origin must leave (default 2 x seasonPeriod, at least 3). */
  readonly minTrainingLength?: number;
  /** Simulated paths for methods that simulate (default 1000). */
  readonly paths?: number;
}

export interface SeriesBacktest {
  readonly id: string;
  readonly method: string;
  readonly demandClass: DemandClass;
  /** Label of the model used at the last origin, e.g. `combo(ETS(ANN)+theta)`. */
  readonly label: string;
  /** Origins scored for this series (0 when the series is too short). */
  readonly folds: number;
  readonly summary: AccuracySummary;
}

export interface BacktestResult {
  /** One row per method: accuracy over all series and origins. */
  readonly byMethod: readonly { readonly method: string; readonly summary: AccuracySummary }[];
  /** One row per method and demand class present. */
  readonly byClass: readonly { readonly method: string; readonly demandClass: DemandClass; readonly summary: AccuracySummary }[];
  /** One row per series and method. */
  readonly bySeries: readonly SeriesBacktest[];
}

/** The backtest of one series: per method, the label at the last origin and the accuracy of each origin. */
export interface SeriesBacktestPart {
  readonly id: string;
  readonly demandClass: DemandClass;
  readonly methods: readonly { readonly method: string; readonly label: string; readonly results: readonly SeriesAccuracy[] }[];
}

/**
 * Rolling-origin evaluation of one series: for k = 1..folds, every method is fitted on the
 * periods before n - k h and scored on the next h (Tashman 2000, IJF 16(4)); origins that would
 * leave fewer than `minTrainingLength` training periods are skipped. `random` feeds the
 * simulated intervals of this series only. O(methods x folds x cost of a fit).
 *
 * @example backtestSeries({ id: 'A', values }, { methods: ['naive'], folds: 2, horizon: 2, seasonPeriod: 1, random }).methods[0].results.length // 2
 */
export function backtestSeries(series: BacktestSeries, options: BacktestOptions): SeriesBacktestPart {
  const { horizon, seasonPeriod, folds } = options;
  const minTraining = options.minTrainingLength ?? Math.max(3, 2 * seasonPeriod);
  const { id, values } = series;
  const methods = options.methods.map((method) => {
    const results: SeriesAccuracy[] = [];
    let label = '';
    for (let k = 1; k <= folds; k++) {
      const trainEnd = values.length - k * horizon;
      if (trainEnd < minTraining) break;
      const train = values.subarray(0, trainEnd);
      const actual = values.subarray(trainEnd, trainEnd + horizon);
      const forecast = forecastSeries(train, {
        method, horizon, seasonPeriod, levels: [80, 95], random: options.random, paths: options.paths,
      });
      if (k === 1) label = forecast.method;
      results.push(forecastAccuracy(train, actual, forecast.mean, seasonPeriod, {
        lo80: forecast.lower[0], hi80: forecast.upper[0], lo95: forecast.lower[1], hi95: forecast.upper[1],
      }));
    }
    return { method, label, results };
  });
  return { id, demandClass: classifyDemand(values).demandClass, methods };
}

/**
 * Accuracy per method, per method and demand class, and per series, pooled over the series'
 * backtests in their order (see {@link backtestSeries}). O(total origins).
 *
 * @example summarizeBacktest(series.map((s) => backtestSeries(s, options)), ['naive']).byMethod[0].method // 'naive'
 */
export function summarizeBacktest(parts: readonly SeriesBacktestPart[], methods: readonly string[]): BacktestResult {
  const perMethod = new Map<string, SeriesAccuracy[]>();
  const perClass = new Map<string, { method: string; demandClass: DemandClass; results: SeriesAccuracy[] }>();
  const bySeries: SeriesBacktest[] = [];
  for (const { id, demandClass, methods: methodParts } of parts) {
    for (const { method, label, results } of methodParts) {
      bySeries.push({ id, method, demandClass, label, folds: results.length, summary: summarizeAccuracy(results) });
      if (results.length === 0) continue;
      const methodResults = perMethod.get(method) ?? [];
      methodResults.push(...results);
      perMethod.set(method, methodResults);
      const classKey = `${method}\u0000${demandClass}`;
      const classEntry = perClass.get(classKey) ?? { method, demandClass, results: [] };
      classEntry.results.push(...results);
      perClass.set(classKey, classEntry);
    }
  }
  return {
    byMethod: methods.filter((method) => perMethod.has(method))
      .map((method) => ({ method, summary: summarizeAccuracy(perMethod.get(method) ?? []) })),
    byClass: [...perClass.values()].map(({ method, demandClass, results }) => ({ method, demandClass, summary: summarizeAccuracy(results) })),
    bySeries,
  };
}

/**
 * Rolling-origin evaluation (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF 16):
 * for origin k = 1..folds, the last k x horizon periods are withheld, the method is fitted on
 * what precedes them and forecasts the next `horizon` periods, which are scored with
 * `forecastAccuracy` (scaled on that origin's training part) and the 80 % / 95 % intervals of
 * `forecastSeries`. Origins that would leave fewer than `minTrainingLength` periods are skipped.
 * Results per method, per demand class (of the whole series, Syntetos–Boylan) and per series.
 * Pure: no clock, randomness from `random`. O(series x methods x folds x fit cost).
 *
 * @example backtest([{ id: 'A', values: y }], { methods: ['auto', 'snaive'], folds: 3, horizon: 6, seasonPeriod: 12, random }).byMethod
 */
export function backtest(series: readonly BacktestSeries[], options: BacktestOptions): BacktestResult {
  return summarizeBacktest(series.map((one) => backtestSeries(one, options)), options.methods);
}
