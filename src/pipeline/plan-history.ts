import { createHash } from 'node:crypto';
import path from 'node:path';
import { seasonalScales } from '../core/forecast/accuracy.js';
import { periodIndex, periodIndexStart, type Frequency } from '../core/series/calendar.js';
import type { DemandSeries } from '../core/series/demand-series.js';
import type { SalesTable } from '../core/series/sales-table.js';
import { openHistoryStore, type HistoryStore } from '../io/history/history-store.js';
import { earliestForecastDay, scoreHistory, type AccuracyGrouping, type ActualSeries } from '../io/history/query-accuracy.js';
import { writeHistoryRun, type HistoryRun, type HistorySeries, type HistoryWriteResult } from '../io/history/write-history-run.js';
import { VERSION } from '../version.js';
import type { SeriesOutcome } from './forecast-stage.js';
import type { PlanStageResult } from './plan-stage.js';
import type { PlanSummary } from './plan-summary.js';
import type { RunSettings } from './settings.js';
import type { AccuracyTrendPoint } from './report/report-charts.js';

/** What the plan reports about its history write (in `--json` output). */
export interface HistoryNote {
  readonly store: string;
  readonly run_id: number;
  readonly forecast_rows: number;
  readonly runs_deleted: number;
  /** Wall time of the write, transaction and checkpoint, in ms. */
  readonly write_ms: number;
}

/** The in-sample scales of every series, by `sku NUL warehouse`, taken before the forecast stage lets the history go. */
export type SeriesScales = ReadonlyMap<string, { readonly mae: number; readonly mse: number }>;

const key = (sku: string, warehouse: string) => `${sku}\u0000${warehouse}`;

/**
 * The run history of one `plan`: opened (created, migrated) under the output set's lock before
 * anything is read, so a foreign store stops the run with exit 3 before any output is touched;
 * written after the output set is committed, still under the lock. The file is open only while
 * it is read or written (at the start, before and after the forecast, at the write), so
 * `stockcast accuracy` or a plan into another folder with the same store does not wait for the
 * whole run (DuckDB locks the file while it is open). Sharded runs and runs to stdout keep no
 * history (`merge` does not write one either).
 */
export interface PlanHistory {
  /** Path of the store file. */
  readonly path: string;
  /**
   * The in-sample scales of each series (mean absolute and mean squared seasonal-naive error, as
   * `stockcast backtest` scales MASE and RMSSE), and the actual demand of the periods earlier runs
   * forecast, for scoring them. Call before the forecast stage (which lets the series go).
   */
  capture(table: SalesTable, series: readonly DemandSeries[], freq: Frequency, seasonPeriod: number): Promise<{ scales: SeriesScales; actuals: ActualSeries[] }>;
  /** Accuracy of the earlier runs' forecasts by run date (the report's trend); empty without runs to score. */
  trend(actuals: readonly ActualSeries[], freq: Frequency): Promise<AccuracyTrendPoint[]>;
  /** Remembers what to record once the outputs are committed. */
  prepare(facts: PlanFacts): void;
  /** Appends the prepared run, reading its rows from the committed output folder. */
  write(outDir: string): Promise<HistoryNote | undefined>;
}

interface PlanFacts {
  readonly outcomes: readonly SeriesOutcome[];
  readonly result: PlanStageResult;
  readonly scales: SeriesScales;
  readonly summary: PlanSummary;
  readonly freq: Frequency;
  readonly seasonPeriod: number;
  readonly horizon: number;
}

/** The history of a plan run, or undefined when it keeps none (history off, a shard, outputs to stdout). */
export async function openPlanHistory(settings: RunSettings): Promise<PlanHistory | undefined> {
  const storePath = settings.historyPath;
  if (storePath === undefined || settings.shard !== undefined || settings.out === '-') return undefined;
  const withStore = async <T>(use: (store: HistoryStore) => Promise<T>): Promise<T> => {
    const store = await openHistoryStore(storePath);
    try {
      return await use(store);
    } finally {
      store.close();
    }
  };
  // Created, migrated or refused now, before any input is read.
  await withStore(async () => undefined);
  let run: Omit<HistoryRun, 'files'> | undefined;
  return {
    path: storePath,
    async capture(table, series, freq, seasonPeriod) {
      const scales = new Map<string, { mae: number; mse: number }>();
      for (const one of series) {
        const { mae, mse } = seasonalScales(one.values, seasonPeriod);
        scales.set(key(table.skus[one.skuId], table.warehouses[one.warehouseId]), { mae, mse });
      }
      const earliest = await withStore((store) => earliestForecastDay(store, freq));
      return { scales, actuals: earliest === undefined ? [] : actualSeries(table, series, freq, earliest) };
    },
    async trend(actuals, freq) {
      if (actuals.length === 0) return [];
      return (await withStore((store) => scoreHistory(store, actuals, freq, 'run'))).byRun
        .map((group) => ({ asOf: String(group.key.as_of), mase: group.mase, rmsse: group.rmsse }));
    },
    prepare(facts) {
      run = historyRun(facts, settings);
    },
    async write(outDir) {
      if (!run) return undefined;
      const prepared = run;
      const started = performance.now();
      const written: HistoryWriteResult = await withStore((store) => writeHistoryRun(store, {
        ...prepared,
        files: { forecast: path.join(outDir, 'forecast.csv'), reorder: path.join(outDir, 'reorder.csv'), alerts: path.join(outDir, 'alerts.csv') },
      }));
      return { store: storePath, run_id: written.runId, forecast_rows: written.forecastRows, runs_deleted: written.deletedRuns, write_ms: Math.round(performance.now() - started) };
    },
  };
}

function historyRun(facts: PlanFacts, settings: RunSettings): Omit<HistoryRun, 'files'> {
  const supplierOf = new Map(facts.result.lines.map((line) => [key(line.sku, line.warehouse), line.supplier]));
  const series: HistorySeries[] = facts.outcomes.map((outcome) => {
    const k = key(outcome.sku, outcome.warehouse);
    const scale = facts.scales.get(k);
    return {
      sku: outcome.sku,
      warehouse: outcome.warehouse,
      supplier: supplierOf.get(k) ?? null,
      method: outcome.forecast.method,
      demandClass: outcome.series.stats.demandClass,
      firstPeriodDay: periodIndexStart(outcome.firstForecastPeriod, facts.freq),
      maseScale: scale && scale.mae > 0 ? scale.mae : NaN,
      rmsseScale: scale && scale.mse > 0 ? scale.mse : NaN,
    };
  });
  const { summary } = facts;
  const hashes = Object.keys(summary.inputs).sort().map((name) => `${name}:${summary.inputs[name].sha256}`).join('\n');
  return {
    asOf: summary.as_of,
    freq: facts.freq,
    seasonPeriod: facts.seasonPeriod,
    horizon: facts.horizon,
    startedAt: new Date(summary.started_at),
    finishedAt: new Date(summary.finished_at),
    inputsSha256: createHash('sha256').update(hashes).digest('hex'),
    inputs: summary.inputs,
    settings: {
      method: summary.method, levels: summary.levels, series_end: summary.series_end, seed: settings.seed,
      item_defaults: settings.itemDefaults, dead_stock_days: settings.deadStockDays, overstock_days: settings.overstockDays,
    },
    version: VERSION,
    series,
    keepDays: settings.historyKeepDays,
  };
}

/**
 * Each series' demand from the period that holds `fromDay` on (complete periods only, as the
 * series builder made them), for scoring stored forecasts.
 */
export function actualSeries(table: SalesTable, series: readonly DemandSeries[], freq: Frequency, fromDay: number): ActualSeries[] {
  const fromPeriod = periodIndex(fromDay, freq);
  const actuals: ActualSeries[] = [];
  for (const one of series) {
    const skip = Math.max(0, fromPeriod - one.firstPeriod);
    if (skip >= one.length) continue;
    actuals.push({
      sku: table.skus[one.skuId],
      warehouse: table.warehouses[one.warehouseId],
      firstPeriodDay: periodIndexStart(one.firstPeriod + skip, freq),
      quantities: one.values.slice(skip),
    });
  }
  return actuals;
}

/** Re-exported for the accuracy command. */
export type { AccuracyGrouping };
