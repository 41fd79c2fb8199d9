import { dateValue } from '@duckdb/node-api';
import type { HistoryStore } from './history-store.js';
import { sqlText } from './history-store.js';
import { RUN_TABLES } from './history-schema.js';

/** One SKU x warehouse of a run, as the `series` table holds it. */
export interface HistorySeries {
  readonly sku: string;
  readonly warehouse: string;
  readonly supplier: string | null;
  readonly method: string;
  readonly demandClass: string;
  /** Day number (days since 1970-01-01) of the first forecast period. */
  readonly firstPeriodDay: number;
  /** Mean absolute / mean squared in-sample seasonal-naive error; NaN when undefined. */
  readonly maseScale: number;
  readonly rmsseScale: number;
}

/** What one successful plan appends to the store. */
export interface HistoryRun {
  readonly asOf: string;
  readonly freq: 'day' | 'week' | 'month';
  readonly seasonPeriod: number;
  readonly horizon: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  /** sha256 over the inputs' own sha256 sums, in name order. */
  readonly inputsSha256: string;
  /** summary.json's `inputs` (file, sha256, bytes, rows per input). */
  readonly inputs: unknown;
  readonly settings: unknown;
  readonly version: string;
  readonly series: readonly HistorySeries[];
  /** The committed output files the rows are read from (what the planner saw, rounded as written). */
  readonly files: { readonly forecast: string; readonly reorder: string; readonly alerts: string };
  /** Delete runs whose as-of date is more than this many days before this run's (history.keep_days). */
  readonly keepDays?: number;
}

export interface HistoryWriteResult {
  readonly runId: number;
  readonly forecastRows: number;
  readonly deletedRuns: number;
}

/**
 * Appends a run in one transaction: the run row, its series (DuckDB appender), and its
 * forecasts, orders and alerts bulk-inserted by DuckDB from the output set's CSV files (one
 * scan each, no row-by-row INSERT). Runs past `keepDays` are deleted in the same transaction;
 * a CHECKPOINT after it folds the write-ahead log into the file and frees deleted blocks.
 * A process killed before COMMIT leaves the store as it was: DuckDB replays only committed
 * transactions from its log.
 *
 * Test hook: STOCKCAST_FAULT=history-write kills the process with SIGKILL inside the
 * transaction, after every row is inserted and before COMMIT.
 *
 * @example await writeHistoryRun(store, run);
 */
export async function writeHistoryRun(store: HistoryStore, run: HistoryRun): Promise<HistoryWriteResult> {
  const { connection } = store;
  await connection.run('BEGIN TRANSACTION');
  try {
    const runId = Number((await connection.runAndReadAll('SELECT coalesce(max(run_id), 0) + 1 FROM runs')).getRowsJS()[0][0]);
    // A rerun of the same night replaces that night's run: the last plan is the one acted on.
    await deleteRuns(store, 'as_of = $1::DATE AND freq = $2', [run.asOf, run.freq]);
    await appendSeries(store, runId, run.series);
    const stepExpression = run.freq === 'month' ? "date_diff('month', s.first_period, f.period::DATE)"
      : run.freq === 'week' ? "date_diff('day', s.first_period, f.period::DATE) // 7"
        : "date_diff('day', s.first_period, f.period::DATE)";
    const number = (column: string) => `TRY_CAST(NULLIF(trim(f.${column}), '') AS DOUBLE)`;
    const inserted = await connection.run(`INSERT INTO forecasts
      SELECT ${runId}, s.series_no, ${stepExpression} + 1, f.period::DATE, ${number('forecast')},
             ${number('lo80')}, ${number('hi80')}, ${number('lo95')}, ${number('hi95')}
      FROM ${csv(run.files.forecast)} f
      JOIN series s ON s.run_id = ${runId} AND s.sku = f.sku AND s.warehouse = f.warehouse`);
    const forecastRows = Number(inserted.rowsChanged);
    const cell = (column: string) => `TRY_CAST(NULLIF(trim(r.${column}), '') AS DOUBLE)`;
    await connection.run(`INSERT INTO orders
      SELECT ${runId}, r.sku, r.warehouse, NULLIF(r.supplier, ''),
        ${['on_hand', 'on_order', 'allocated', 'available', 'lead_time_days', 'demand_over_lead_time', 'safety_stock',
    'reorder_point', 'order_up_to', 'order_qty', 'days_of_cover'].map(cell).join(', ')},
        TRY_CAST(NULLIF(r.stockout_date, '') AS DATE), ${cell('unit_cost')}, ${cell('order_value')}
      FROM ${csv(run.files.reorder)} r`);
    await connection.run(`INSERT INTO alerts
      SELECT ${runId}, r.sku, r.warehouse, r.type, r.severity,
        ${['on_hand', 'days_of_cover', 'excess_qty', 'excess_value'].map(cell).join(', ')}, r.message
      FROM ${csv(run.files.alerts)} r`);
    await connection.run(`INSERT INTO runs VALUES ($1, $2::DATE, $3, $4, $5, $6::TIMESTAMP, $7::TIMESTAMP, $8, $9, $10, $11, $12, $13)`, [
      runId, run.asOf, run.freq, run.seasonPeriod, run.horizon, run.startedAt.toISOString().replace('Z', ''),
      run.finishedAt.toISOString().replace('Z', ''), run.inputsSha256, JSON.stringify(run.inputs), JSON.stringify(run.settings),
      run.version, run.series.length, forecastRows,
    ]);
    const deletedRuns = run.keepDays === undefined ? 0 : await deleteRunsBefore(store, run.asOf, run.keepDays);
    if (process.env.STOCKCAST_FAULT === 'history-write') process.kill(process.pid, 'SIGKILL');
    await connection.run('COMMIT');
    await connection.run('CHECKPOINT');
    return { runId, forecastRows, deletedRuns };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Deletes, with their rows, the runs whose as-of date is more than `keepDays` days before
 * `asOf`; returns how many. Dates, not the clock: the same data keeps the same runs.
 */
export async function deleteRunsBefore(store: HistoryStore, asOf: string, keepDays: number): Promise<number> {
  return deleteRuns(store, `as_of < $1::DATE - ${Math.floor(keepDays)}::INTEGER`, [asOf]);
}

async function deleteRuns(store: HistoryStore, where: string, values: string[]): Promise<number> {
  const { connection } = store;
  const runs = `SELECT run_id FROM runs WHERE ${where}`;
  const count = Number((await connection.runAndReadAll(`SELECT count(*) FROM (${runs})`, values)).getRowsJS()[0][0]);
  if (count === 0) return 0;
  for (const table of RUN_TABLES) await connection.run(`DELETE FROM ${table} WHERE run_id IN (${runs})`, values);
  return count;
}

async function appendSeries(store: HistoryStore, runId: number, series: readonly HistorySeries[]): Promise<void> {
  const appender = await store.connection.createAppender('series');
  try {
    for (let i = 0; i < series.length; i++) {
      const row = series[i];
      appender.appendInteger(runId);
      appender.appendInteger(i);
      appender.appendVarchar(row.sku);
      appender.appendVarchar(row.warehouse);
      if (row.supplier === null) appender.appendNull();
      else appender.appendVarchar(row.supplier);
      appender.appendVarchar(row.method);
      appender.appendVarchar(row.demandClass);
      appender.appendDate(dateValue(row.firstPeriodDay));
      if (Number.isFinite(row.maseScale)) appender.appendDouble(row.maseScale);
      else appender.appendNull();
      if (Number.isFinite(row.rmsseScale)) appender.appendDouble(row.rmsseScale);
      else appender.appendNull();
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** An output CSV read as text (the columns are cast where inserted), quoted as stockcast writes it. */
function csv(file: string): string {
  return `read_csv(${sqlText(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
}
