import { summarizeBacktest, type BacktestResult, type SeriesBacktestPart } from '../core/forecast/backtest.js';
import { isForecastMethodName, forecastMethodNames } from '../core/forecast/registry.js';
import { formatDay } from '../core/series/calendar.js';
import { UsageError } from '../errors.js';
import { StageTimer, type PipelineHooks } from './hooks.js';
import { backtestBatch, packBacktestBatch, type BacktestBatch, type BacktestBatchSettings } from './backtest-batch.js';
import { readSeries } from './prepare-series.js';
import type { RunSettings } from './settings.js';
import { runOnWorkers } from './worker-pool.js';

/** Series per batch sent to a worker (each costs methods x folds fits). */
const BATCH_SERIES = 16;

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
  const series = prepared.series;
  const ids = series.map((s) => `${table.skus[s.skuId]}@${table.warehouses[s.warehouseId]}`);
  const batchSettings: BacktestBatchSettings = {
    methods,
    folds,
    horizon: prepared.horizon,
    seasonPeriod: prepared.seasonPeriod,
    // Two seasons of training are ideal, but two years of weekly data would then leave no origin:
    // shorter training parts are scored too (auto falls back to non-seasonal models there).
    minTrainingLength: Math.max(3, Math.min(2 * prepared.seasonPeriod, 2 * prepared.horizon)),
    seed: settings.seed,
  };
  const batchCount = Math.ceil(series.length / BATCH_SERIES);
  const makeBatch = (b: number): BacktestBatch => {
    const first = b * BATCH_SERIES;
    const last = Math.min(series.length, first + BATCH_SERIES);
    return packBacktestBatch(first, ids.slice(first, last), series.slice(first, last).map((s) => s.values));
  };
  const parts: SeriesBacktestPart[] = new Array(series.length);
  let done = 0;
  const store = (first: number, result: readonly SeriesBacktestPart[]) => {
    for (let i = 0; i < result.length; i++) parts[first + i] = result[i];
    done += result.length;
    hooks.stageTick?.(done);
  };
  hooks.stageStart?.('backtest', series.length);
  if (Math.min(settings.jobs, batchCount) <= 1) {
    for (let b = 0; b < batchCount; b++) store(b * BATCH_SERIES, backtestBatch(makeBatch(b), batchSettings));
  } else {
    await runOnWorkers<BacktestBatch, SeriesBacktestPart[]>({
      script: new URL('./backtest-worker.js', import.meta.url),
      workerData: batchSettings,
      jobs: settings.jobs,
      tasks: Array.from({ length: batchCount }, (_, b) => () => {
        const batch = makeBatch(b);
        return { message: batch, transfer: [batch.values.buffer as ArrayBuffer, batch.offsets.buffer as ArrayBuffer] };
      }),
      onResult: (b, result) => store(b * BATCH_SERIES, result),
    }).catch((error: unknown) => {
      throw new Error(`backtest failed in a worker thread: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  }
  hooks.stageEnd?.('backtest');
  const result = summarizeBacktest(parts, methods);
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
