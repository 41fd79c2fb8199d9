import { backtest, type BacktestResult } from '../core/forecast/backtest.js';
import { isForecastMethodName, forecastMethodNames } from '../core/forecast/registry.js';
import { seededRandom } from '../core/random.js';
import { formatDay } from '../core/series/calendar.js';
import { UsageError } from '../errors.js';
import { StageTimer, type PipelineHooks } from './hooks.js';
import { readSeries } from './prepare-series.js';
import type { RunSettings } from './settings.js';

export const DEFAULT_BACKTEST_METHODS = ['auto', 'ets', 'theta', 'tsb', 'snaive'] as const;

export interface BacktestRun {
  readonly result: BacktestResult;
  readonly asOf: string;
  readonly freq: string;
  readonly horizon: number;
  readonly folds: number;
  readonly series: number;
  readonly methods: readonly string[];
  readonly durationsMs: Record<string, number>;
}

/** sales.csv -> demand series -> rolling-origin accuracy of each method, for `stockcast backtest`. */
export async function runBacktest(
  settings: RunSettings, hooks: PipelineHooks, options: { folds?: number; methods?: string },
): Promise<BacktestRun> {
  const methods = options.methods
    ? options.methods.split(',').map((m) => m.trim()).filter(Boolean)
    : [...DEFAULT_BACKTEST_METHODS];
  for (const method of methods) {
    if (!isForecastMethodName(method)) {
      throw new UsageError(`--methods: unknown method "${method}" (one of ${forecastMethodNames().join(', ')})`);
    }
  }
  const folds = options.folds ?? 3;
  const timer = new StageTimer();
  const { table, prepared } = await readSeries(settings, hooks, timer, { stock: false });
  const series = prepared.series.map((s) => ({
    id: `${table.skus[s.skuId]}@${table.warehouses[s.warehouseId]}`,
    values: s.values,
  }));
  const result = backtest(series, {
    methods,
    folds,
    horizon: prepared.horizon,
    seasonPeriod: prepared.seasonPeriod,
    // Two seasons of training are ideal, but two years of weekly data would then leave no origin:
    // shorter training parts are scored too (auto falls back to non-seasonal models there).
    minTrainingLength: Math.max(3, Math.min(2 * prepared.seasonPeriod, 2 * prepared.horizon)),
    random: seededRandom(settings.seed),
  });
  timer.mark('backtest');
  return {
    result,
    asOf: formatDay(prepared.asOfDay),
    freq: prepared.freq,
    horizon: prepared.horizon,
    folds,
    series: series.length,
    methods,
    durationsMs: timer.finish(),
  };
}
