import type { SeriesForecast } from '../core/forecast/forecast-series.js';
import { hashString } from '../core/random.js';
import {
  SEASON_PERIOD, formatDay, periodIndexStart, type Frequency,
} from '../core/series/calendar.js';
import type { DemandSeries, SeriesStats } from '../core/series/build-series.js';
import type { SalesTable } from '../core/series/sales-table.js';
import type { SeriesRows } from '../core/series/series-rows.js';
import {
  forecastBatch, type BatchSettings, type ForecastBatch, type SeriesBatch,
} from './forecast-batch.js';
import { unpackForecasts } from './packed-series-forecast.js';
import { runOnWorkers } from './worker-pool.js';

export interface SeriesOutcome {
  readonly sku: string;
  readonly warehouse: string;
  /** The facts of the history (demand class, last sale); the history itself is not kept. */
  readonly series: { readonly stats: SeriesStats; readonly firstPeriod: number; readonly length: number };
  /** The last periods of history (up to RECENT_PERIODS), for sparklines. */
  readonly recent: Float64Array;
  /**
   * Forecast over the internal horizon (at least the output horizon, longer when lead times need
   * it). Its fit is slimmed to what planning needs: no in-sample arrays, no member models, so
   * 60k series do not keep gigabytes of fitted values alive.
   */
  readonly forecast: SeriesForecast;
  /** periodIndex of the first forecast period. */
  readonly firstForecastPeriod: number;
}

export interface ForecastStageOptions {
  readonly freq: Frequency;
  readonly method: string;
  readonly horizon: number;
  readonly seasonPeriod?: number;
  readonly levels: readonly number[];
  readonly seed: number;
  /** Worker threads to forecast on; 1 forecasts in this thread. The forecasts are the same for every value. */
  readonly jobs: number;
  /**
   * When true (jobs not asked for), workers start only when the first batches say the rest would
   * take WORKERS_PAY_FROM_MS or more of one core; an explicit `--jobs N` always uses its workers.
   */
  readonly isJobsDefault?: boolean;
  /** Called as series finish (after each batch), for progress bars. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Per-series horizon override (e.g. to cover a long lead time); default `horizon`. */
  readonly horizonFor?: (sku: string, warehouse: string) => number;
}

/** Periods of history kept per series for sparklines. */
const RECENT_PERIODS = 24;

/** Most series per batch sent to a worker: large enough that messages cost little. */
const BATCH_SERIES = 64;
/** Fewest series per batch sent to a worker. */
const MIN_BATCH_SERIES = 8;
/**
 * Batches per worker at least (while batches stay within MIN_BATCH_SERIES..BATCH_SERIES): the
 * last batch of a run keeps one worker busy alone, so it should be a small part of the work
 * (M3 monthly with auto: 1,428 series, 64 per batch left one worker idle for ~0.4 s at the end).
 */
const BATCHES_PER_WORKER = 16;
/** Series in the first batch forecast here to estimate the work; each next one doubles, up to BATCH_SERIES. */
const PROBE_SERIES = 8;
/**
 * Without `--jobs`: work (estimated from the first batches) below which the rest is forecast in this thread: starting
 * workers, which load their modules, and copying the series to them costs more than a fast
 * method (naive, snaive, mean) needs for tens of thousands of series.
 */
const WORKERS_PAY_FROM_MS = 1500;

/**
 * Forecasts every demand series, on `jobs` worker threads (series travel as transferred typed
 * arrays, in batches; see forecast-batch.ts) or in this thread. Each series gets its own random
 * stream seeded from its name, so simulated intervals are reproducible, independent of the other
 * series in the file, of the batches and of the number of workers.
 */
export async function forecastStage(table: SalesTable, seriesList: readonly DemandSeries[], options: ForecastStageOptions): Promise<SeriesOutcome[]> {
  const seasonPeriod = options.seasonPeriod ?? SEASON_PERIOD[options.freq];
  const settings: BatchSettings = {
    method: options.method, seasonPeriod, levels: [...options.levels], boundsHorizon: options.horizon, recentPeriods: RECENT_PERIODS,
  };
  const count = seriesList.length;
  const names = seriesList.map((series) => ({ sku: table.skus[series.skuId], warehouse: table.warehouses[series.warehouseId] }));
  const forecasts: SeriesForecast[] = new Array(count);
  const recents: Float64Array[] = new Array(count);
  const makeBatch = (first: number, last: number): SeriesBatch => {
    const values: (Float64Array | SeriesRows)[] = [];
    const horizons: number[] = [];
    const seeds: number[] = [];
    for (let i = first; i < last; i++) {
      const { sku, warehouse } = names[i];
      values.push(seriesList[i].rows ?? seriesList[i].values);
      horizons.push(Math.max(options.horizon, options.horizonFor?.(sku, warehouse) ?? 0));
      seeds.push(hashString(`${sku}\u0000${warehouse}`, options.seed));
    }
    return { first, series: values, horizons: Int32Array.from(horizons), seeds: Uint32Array.from(seeds) };
  };
  let done = 0;
  const store = (result: ForecastBatch) => {
    const unpacked = unpackForecasts(result, settings.levels.length);
    for (let i = 0; i < unpacked.length; i++) {
      forecasts[result.first + i] = unpacked[i];
      recents[result.first + i] = result.recent.subarray(result.recentOffsets[i], result.recentOffsets[i + 1]);
    }
    done += unpacked.length;
    options.onProgress?.(done, count);
  };
  if (count === 0) return [];
  // A few small batches here first, growing from PROBE_SERIES, until 20 ms have passed (at least
  // two, at most eight): the fastest per series of them, past the first one's compilation,
  // estimates the rest. Small first batches let slow methods (auto on monthly series: ~4 ms a
  // series) hand the rest to the workers after ~0.1 s instead of two full batches on one core.
  // (The first read of any series' rows groups all of them: that stays out of the estimate.)
  void (seriesList[0].rows ?? seriesList[0].values);
  let here = 0;
  let probes = 0;
  let spentMs = 0;
  let fastestMsPerSeries = Infinity;
  while (here < count && (probes < 2 || (spentMs < 20 && probes < 8))) {
    const last = Math.min(count, here + Math.min(BATCH_SERIES, PROBE_SERIES * 2 ** probes));
    const started = performance.now();
    store(forecastBatch(makeBatch(here, last), settings));
    const batchMs = performance.now() - started;
    spentMs += batchMs;
    fastestMsPerSeries = Math.min(fastestMsPerSeries, batchMs / (last - here));
    here = last;
    probes++;
  }
  const rest = count - here;
  const workers = Math.min(options.jobs, Math.ceil(rest / MIN_BATCH_SERIES));
  if (workers <= 1 || (options.isJobsDefault === true && fastestMsPerSeries * rest < WORKERS_PAY_FROM_MS)) {
    for (let first = here; first < count; first += BATCH_SERIES) store(forecastBatch(makeBatch(first, Math.min(count, first + BATCH_SERIES)), settings));
  } else {
    const batchSeries = Math.min(BATCH_SERIES, Math.max(MIN_BATCH_SERIES, Math.ceil(rest / (workers * BATCHES_PER_WORKER))));
    const tasks: (() => { message: SeriesBatch; transfer: [] })[] = [];
    for (let first = here; first < count; first += batchSeries) {
      const last = Math.min(count, first + batchSeries);
      tasks.push(() => ({ message: makeBatch(first, last), transfer: [] }));
    }
    await runOnWorkers<SeriesBatch, ForecastBatch>({
      script: new URL('./forecast-worker.js', import.meta.url),
      workerData: settings,
      jobs: workers,
      tasks,
      onResult: (_, result) => store(result),
    }).catch((error: unknown) => {
      throw new Error(`forecasting failed in a worker thread: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  }
  return seriesList.map((series, i) => {
    return {
      sku: names[i].sku,
      warehouse: names[i].warehouse,
      series: new SeriesFacts(series),
      recent: recents[i],
      forecast: forecasts[i],
      firstForecastPeriod: series.firstPeriod + series.length,
    };
  });
}

type Facts = SeriesOutcome['series'];

/**
 * The facts of a series without its history: stats are computed when first read (planning reads
 * them, `forecast` never does), and then the series, with its share of the history, is let go.
 * A class: one object per series where a literal with a getter closure was three.
 */
class SeriesFacts implements Facts {
  readonly firstPeriod: number;
  readonly length: number;
  #source: DemandSeries | undefined;
  #stats: SeriesStats | undefined;

  constructor(series: DemandSeries) {
    this.firstPeriod = series.firstPeriod;
    this.length = series.length;
    this.#source = series;
  }

  get stats(): SeriesStats {
    if (!this.#stats) {
      this.#stats = (this.#source as DemandSeries).stats;
      this.#source = undefined;
    }
    return this.#stats;
  }
}

export const FORECAST_COLUMNS = ['sku', 'warehouse', 'period', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95', 'method'] as const;

/**
 * Rows of forecast.csv: one per series and future period up to the output horizon, generated
 * lazily (a plan on 60k daily series has millions of rows). The spec fixes lo80/hi80/lo95/hi95;
 * other levels given with --level are added as loNN/hiNN columns after `method`.
 */
export function forecastRows(outcomes: readonly SeriesOutcome[], freq: Frequency, horizon: number, levels: readonly number[]): {
  header: string[]; rows: Iterable<(string | number)[]>;
} {
  const extra = levels.filter((l) => l !== 80 && l !== 95);
  const header: string[] = [...FORECAST_COLUMNS, ...extra.flatMap((l) => [`lo${l}`, `hi${l}`])];
  return { header, rows: generateForecastRows(outcomes, freq, horizon, levels, extra) };
}

function* generateForecastRows(
  outcomes: readonly SeriesOutcome[], freq: Frequency, horizon: number, levels: readonly number[], extra: readonly number[],
): Generator<(string | number)[]> {
  const index80 = levels.indexOf(80);
  const index95 = levels.indexOf(95);
  for (const outcome of outcomes) {
    const { forecast } = outcome;
    for (let h = 0; h < horizon; h++) {
      const bound = (i: number, side: 'lower' | 'upper') => (i < 0 ? '' : round(forecast[side][i][h]));
      const row: (string | number)[] = [
        outcome.sku, outcome.warehouse, formatDay(periodIndexStart(outcome.firstForecastPeriod + h, freq)),
        round(forecast.mean[h]), bound(index80, 'lower'), bound(index80, 'upper'), bound(index95, 'lower'), bound(index95, 'upper'),
        forecast.method,
      ];
      for (const level of extra) {
        const i = levels.indexOf(level);
        row.push(round(forecast.lower[i][h]), round(forecast.upper[i][h]));
      }
      yield row;
    }
  }
}

/** Four decimals: enough for unit demand, stable across platforms. */
function round(value: number): number {
  const r = Math.round(value * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}
