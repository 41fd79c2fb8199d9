import { forecastSeries } from '../core/forecast/forecast-series.js';
import type { SimulatorState } from '../core/forecast/simulator-state.js';
import { seededRandom } from '../core/random.js';
import { densifyDemand, type SeriesRows } from '../core/series/series-rows.js';

/** What every series of a run is forecast with; sent once to each worker. */
export interface BatchSettings {
  readonly method: string;
  readonly seasonPeriod: number;
  readonly levels: readonly number[];
  /** Periods whose interval bounds are kept (the output horizon; planning reads means and variances only). */
  readonly boundsHorizon: number;
  /** Last periods of each series' history returned with its forecast (for sparklines); default 0. */
  readonly recentPeriods?: number;
}

/**
 * Series to forecast: their dense values, or the history rows they are summed from (built here
 * into one buffer per batch, so no dense history of all series is ever kept). Both are views
 * into SharedArrayBuffers, so a worker thread reads them in place: posting a batch copies no
 * demand history.
 */
export interface SeriesBatch {
  /** Index of the batch's first series among all series of the run. */
  readonly first: number;
  readonly series: readonly (Float64Array | SeriesRows)[];
  readonly horizons: Int32Array;
  /** Seed of each series' random stream (from its SKU and warehouse, so independent of the batch). */
  readonly seeds: Uint32Array;
}

/**
 * Forecasts of a batch, packed the same way: series i owns periods [offsets[i] .. offsets[i + 1])
 * of `mean` and `cumulativeVariance` (what planning reads), and [boundOffsets[i] ..
 * boundOffsets[i + 1]) of the interval bounds (the output horizon only). `bounds` holds, per
 * level, the lower then the upper bounds: level j's lower bounds start at (2 j) * boundTotal, its
 * upper bounds at (2 j + 1) * boundTotal, where boundTotal is the last bound offset.
 */
export interface ForecastBatch {
  readonly first: number;
  readonly labels: readonly string[];
  readonly fitLabels: readonly string[];
  readonly offsets: Int32Array;
  readonly boundOffsets: Int32Array;
  readonly mean: Float64Array;
  readonly bounds: Float64Array;
  readonly cumulativeVariance: Float64Array;
  readonly aicc: Float64Array;
  readonly isCount: Uint8Array;
  /** Per series, the data its simulator is rebuilt from in the main thread, or null. */
  readonly simulators: readonly (SimulatorState | null)[];
  /**
   * Series i's last periods of history (up to `recentPeriods`) are [recentOffsets[i] ..
   * recentOffsets[i + 1]) of `recent`: taken from the values built for its forecast, so the
   * history is not summed a second time.
   */
  readonly recentOffsets: Int32Array;
  readonly recent: Float64Array;
}

/**
 * Forecasts every series of a batch. The same function runs in a worker and in the main thread
 * (one job), so the forecasts do not depend on how many workers there are.
 */
export function forecastBatch(batch: SeriesBatch, settings: BatchSettings): ForecastBatch {
  const count = batch.horizons.length;
  const offsets = new Int32Array(count + 1);
  const boundOffsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    offsets[i + 1] = offsets[i] + batch.horizons[i];
    boundOffsets[i + 1] = boundOffsets[i] + Math.min(batch.horizons[i], settings.boundsHorizon);
  }
  const total = offsets[count];
  const boundTotal = boundOffsets[count];
  const levelCount = settings.levels.length;
  const values = valuesOf(batch.series);
  const recentPeriods = settings.recentPeriods ?? 0;
  const recentOffsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) recentOffsets[i + 1] = recentOffsets[i] + Math.min(recentPeriods, values[i].length);
  const recent = new Float64Array(recentOffsets[count]);
  for (let i = 0; i < count; i++) {
    const y = values[i];
    const length = recentOffsets[i + 1] - recentOffsets[i];
    for (let k = 0; k < length; k++) recent[recentOffsets[i] + k] = y[y.length - length + k];
  }
  const result = {
    first: batch.first,
    labels: [] as string[],
    fitLabels: [] as string[],
    offsets,
    boundOffsets,
    mean: new Float64Array(total),
    bounds: new Float64Array(2 * levelCount * boundTotal),
    cumulativeVariance: new Float64Array(total),
    aicc: new Float64Array(count),
    isCount: new Uint8Array(count),
    simulators: [] as (SimulatorState | null)[],
    recentOffsets,
    recent,
  };
  for (let i = 0; i < count; i++) {
    const y = values[i];
    const forecast = forecastSeries(y, {
      method: settings.method, horizon: batch.horizons[i], seasonPeriod: settings.seasonPeriod, levels: settings.levels,
      random: seededRandom(batch.seeds[i]),
    });
    const at = offsets[i];
    const boundAt = boundOffsets[i];
    const boundLength = boundOffsets[i + 1] - boundAt;
    const { fit } = forecast;
    result.labels.push(forecast.method);
    result.fitLabels.push(fit.label);
    // Copied by plain loops: a subarray view per copy cost more than copying a few numbers.
    copyInto(result.mean, at, forecast.mean, batch.horizons[i]);
    for (let j = 0; j < levelCount; j++) {
      copyInto(result.bounds, 2 * j * boundTotal + boundAt, forecast.lower[j], boundLength);
      copyInto(result.bounds, (2 * j + 1) * boundTotal + boundAt, forecast.upper[j], boundLength);
    }
    copyInto(result.cumulativeVariance, at, fit.cumulativeVariance, batch.horizons[i]);
    result.aicc[i] = fit.aicc;
    const isCount = fit.distribution === 'count';
    result.isCount[i] = isCount ? 1 : 0;
    if (fit.simulate && !isCount && !fit.simulatorState) {
      throw new Error(`method ${fit.label} simulates without a simulator state, so its fit cannot leave the worker`);
    }
    result.simulators.push(fit.simulate && !isCount ? fit.simulatorState ?? null : null);
  }
  return result;
}

/** target[at .. at + count) = source[0 .. count). */
function copyInto(target: Float64Array, at: number, source: Float64Array, count: number): void {
  for (let k = 0; k < count; k++) target[at + k] = source[k];
}

/** Memory the rows of a batch's series are summed into, reused by the next batch of this thread. */
let scratch = new Float64Array(0);

/**
 * Dense values of a batch's series: given ones as they are, rows summed into this thread's
 * scratch memory, reused batch after batch: a fresh buffer per batch came back from the
 * allocator as fresh pages, a page fault per 4 KiB. Reuse is safe because a batch keeps of a
 * fit only numbers it copies and its simulator state, which holds no view of the history
 * (test/pipeline/forecast-batch.test.ts checks every method).
 */
function valuesOf(series: readonly (Float64Array | SeriesRows)[]): Float64Array[] {
  let total = 0;
  for (const item of series) if (!(item instanceof Float64Array)) total += item.length;
  if (scratch.length < total) scratch = new Float64Array(Math.max(total, 2 * scratch.length));
  let used = 0;
  return series.map((item) => {
    if (item instanceof Float64Array) return item;
    used += item.length;
    return densifyDemand(item, scratch.subarray(used - item.length, used));
  });
}

/** The buffers of a batch's forecasts, to transfer instead of copy. */
export function transferList(batch: ForecastBatch): ArrayBuffer[] {
  return [batch.offsets, batch.boundOffsets, batch.mean, batch.bounds, batch.cumulativeVariance, batch.aicc, batch.isCount, batch.recentOffsets, batch.recent]
    .map((array) => array.buffer as ArrayBuffer);
}
