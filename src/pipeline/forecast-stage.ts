import { forecastSeries, type SeriesForecast } from '../core/forecast/forecast-series.js';
import { hashString, seededRandom } from '../core/random.js';
import {
  SEASON_PERIOD, formatDay, periodIndexStart, type Frequency,
} from '../core/series/calendar.js';
import type { DemandSeries, SeriesStats } from '../core/series/build-series.js';
import type { MethodFit } from '../core/forecast/contract.js';
import type { SalesTable } from '../core/series/sales-table.js';

export interface SeriesOutcome {
  readonly sku: string;
  readonly warehouse: string;
  /** The facts of the history (demand class, last sale); the history itself is not kept. */
  readonly series: { readonly stats: SeriesStats; readonly firstPeriod: number; readonly length: number };
  /** The last periods of history (up to 24), for sparklines. */
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

const NO_FITTED = new Float64Array(0);

/** What planning reads of a fit; the rest (fitted values, member fits) can be collected. */
function slimFit(fit: MethodFit): MethodFit {
  const count = fit.distribution === 'count';
  return {
    label: fit.label,
    mean: fit.mean,
    fitted: NO_FITTED,
    variance: fit.variance,
    cumulativeVariance: fit.cumulativeVariance,
    ...(count ? { distribution: 'count' as const } : fit.simulate ? { simulate: fit.simulate } : {}),
    aicc: fit.aicc,
  };
}

export interface ForecastStageOptions {
  readonly freq: Frequency;
  readonly method: string;
  readonly horizon: number;
  readonly seasonPeriod?: number;
  readonly levels: readonly number[];
  readonly seed: number;
  /** Called after each series, for progress bars. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Per-series horizon override (e.g. to cover a long lead time); default `horizon`. */
  readonly horizonFor?: (sku: string, warehouse: string) => number;
}

/**
 * Forecasts every demand series. Each series gets its own random stream seeded from its name,
 * so simulated intervals are reproducible and independent of the other series in the file.
 */
export function forecastStage(table: SalesTable, seriesList: readonly DemandSeries[], options: ForecastStageOptions): SeriesOutcome[] {
  const seasonPeriod = options.seasonPeriod ?? SEASON_PERIOD[options.freq];
  const outcomes: SeriesOutcome[] = [];
  for (let i = 0; i < seriesList.length; i++) {
    const series = seriesList[i];
    const sku = table.skus[series.skuId];
    const warehouse = table.warehouses[series.warehouseId];
    const horizon = Math.max(options.horizon, options.horizonFor?.(sku, warehouse) ?? 0);
    const random = seededRandom(hashString(`${sku}\u0000${warehouse}`, options.seed));
    const values = series.values;
    const forecast = forecastSeries(values, {
      method: options.method, horizon, seasonPeriod, levels: options.levels, random,
    });
    outcomes.push({
      sku,
      warehouse,
      series: { stats: series.stats, firstPeriod: series.firstPeriod, length: values.length },
      recent: values.slice(Math.max(0, values.length - 24)),
      forecast: { ...forecast, fit: slimFit(forecast.fit) },
      firstForecastPeriod: series.firstPeriod + values.length,
    });
    options.onProgress?.(i + 1, seriesList.length);
  }
  return outcomes;
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
