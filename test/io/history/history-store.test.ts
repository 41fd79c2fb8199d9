import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { HISTORY_MIGRATIONS, HISTORY_SCHEMA_VERSION } from '../../../src/io/history/history-schema.js';
import { openHistoryStore, type HistoryStore } from '../../../src/io/history/history-store.js';
import { scoreHistory } from '../../../src/io/history/query-accuracy.js';
import { writeHistoryRun, type HistoryRun } from '../../../src/io/history/write-history-run.js';
import { parseIsoDay } from '../../../src/core/series/calendar.js';

let dir = '';
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'stockcast-history-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const rowsOf = async (store: HistoryStore, sql: string) => (await store.connection.runAndReadAll(sql)).getRowObjectsJS();

/** A run of two series (A@W1 seasonal scale 2 / 4, B@W1 without a scale) with 3 forecast periods from 2025-01-10. */
function sampleRun(asOf: string, overrides: Partial<HistoryRun> = {}): HistoryRun {
  const first = parseIsoDay(asOf);
  const day = (offset: number) => new Date((first + offset) * 86_400_000).toISOString().slice(0, 10);
  const forecast = join(dir, `forecast-${asOf}.csv`);
  writeFileSync(forecast, [
    'sku,warehouse,period,forecast,lo80,hi80,lo95,hi95,method',
    `A,W1,${day(0)},10,8,12,6,14,ets`, `A,W1,${day(1)},10,8,12,6,14,ets`, `A,W1,${day(2)},10,8,12,6,14,ets`,
    `"B,1",W1,${day(0)},1,0,2,0,3,croston`, `"B,1",W1,${day(1)},1,0,2,0,3,croston`, `"B,1",W1,${day(2)},1,0,2,0,3,croston`,
  ].join('\n') + '\n');
  const reorder = join(dir, 'reorder.csv');
  writeFileSync(reorder, 'sku,warehouse,supplier,on_hand,on_order,allocated,available,lead_time_days,demand_over_lead_time,safety_stock,reorder_point,order_up_to,order_qty,days_of_cover,stockout_date,unit_cost,order_value\n'
    + 'A,W1,Acme,3,0,0,3,7,70,10,80,90,87,0.3,2025-01-10,2.5,217.5\n');
  const alerts = join(dir, 'alerts.csv');
  writeFileSync(alerts, 'sku,warehouse,type,severity,on_hand,days_of_cover,excess_qty,excess_value,message\n');
  return {
    asOf, freq: 'day', seasonPeriod: 7, horizon: 3, startedAt: new Date('2025-01-10T02:00:00Z'), finishedAt: new Date('2025-01-10T02:00:05Z'),
    inputsSha256: 'ab', inputs: {}, settings: { method: 'auto' }, version: 'test',
    series: [
      { sku: 'A', warehouse: 'W1', supplier: 'Acme', method: 'ets', demandClass: 'smooth', firstPeriodDay: first, maseScale: 2, rmsseScale: 4 },
      { sku: 'B,1', warehouse: 'W1', supplier: null, method: 'croston', demandClass: 'lumpy', firstPeriodDay: first, maseScale: NaN, rmsseScale: NaN },
    ],
    files: { forecast, reorder, alerts },
    ...overrides,
  };
}

describe('history store', () => {
  it('a new store is created at the current schema version with its tables', async () => {
    const store = await openHistoryStore(join(dir, 'stockcast.db'));
    try {
      expect(store.versionFound).toBe(0);
      expect(await rowsOf(store, 'SELECT max(version) AS v FROM schema_version')).toEqual([{ v: HISTORY_SCHEMA_VERSION }]);
      const tables = (await rowsOf(store, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1")).map((r) => r.table_name);
      expect(tables).toEqual(['alerts', 'forecast_rows', 'forecasts', 'orders', 'runs', 'schema_version', 'series']);
    } finally {
      store.close();
    }
  });

  it('a version-1 store is migrated to the current version and keeps its runs', async () => {
    const path = join(dir, 'v1.db');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE schema_version (version INTEGER NOT NULL, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)');
    for (const statement of HISTORY_MIGRATIONS[0].statements) await connection.run(statement);
    await connection.run("INSERT INTO schema_version VALUES (1, 'v1', now()::TIMESTAMP)");
    connection.closeSync();
    instance.closeSync();
    const v1 = await openHistoryStore(path);
    await writeHistoryRun(v1, sampleRun('2025-01-10'));
    v1.close();
    // Rebuild the file as version 1 holding that run: drop what version 2 added.
    const back = await DuckDBInstance.create(path);
    const c2 = await back.connect();
    await c2.run('DROP VIEW forecast_rows');
    await c2.run('DELETE FROM schema_version WHERE version > 1');
    c2.closeSync();
    back.closeSync();

    const store = await openHistoryStore(path);
    try {
      expect(store.versionFound).toBe(1);
      expect((await rowsOf(store, 'SELECT version FROM schema_version ORDER BY 1')).map((r) => r.version)).toEqual([1, 2]);
      const rows = await rowsOf(store, "SELECT sku, step, forecast, supplier FROM forecast_rows WHERE sku = 'A' ORDER BY step");
      expect(rows).toEqual([1, 2, 3].map((step) => ({ sku: 'A', step, forecast: 10, supplier: 'Acme' })));
    } finally {
      store.close();
    }
  });

  it('a file that is not a DuckDB database is an input error naming the file and the way out', async () => {
    const path = join(dir, 'stockcast.db');
    writeFileSync(path, 'sku,quantity\n'.repeat(500));
    const error = await openHistoryStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${path}: expected a stockcast run history store (DuckDB), got a file that is not a DuckDB database `
      + '(move it away and the next plan starts a new store, or run with --no-history)');
  });

  it('a DuckDB database of something else is refused, and left unchanged', async () => {
    const path = join(dir, 'other.db');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE invoices (id INTEGER)');
    connection.closeSync();
    instance.closeSync();
    const error = await openHistoryStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('got a DuckDB database with other tables (invoices)');
  });

  it('a run is written with its series, forecasts, orders and alerts; a rerun of the same as-of replaces it', async () => {
    const store = await openHistoryStore(join(dir, 'stockcast.db'));
    try {
      const first = await writeHistoryRun(store, sampleRun('2025-01-10'));
      expect(first).toEqual({ runId: 1, forecastRows: 6, deletedRuns: 0 });
      expect(await rowsOf(store, 'SELECT sku, supplier, order_qty, stockout_date::VARCHAR AS d FROM orders')).toEqual([{ sku: 'A', supplier: 'Acme', order_qty: 87, d: '2025-01-10' }]);
      expect(await rowsOf(store, "SELECT step, period::VARCHAR AS p, lo95 FROM forecast_rows WHERE sku = 'B,1' ORDER BY step")).toEqual([
        { step: 1, p: '2025-01-10', lo95: 0 }, { step: 2, p: '2025-01-11', lo95: 0 }, { step: 3, p: '2025-01-12', lo95: 0 }]);
      const again = await writeHistoryRun(store, sampleRun('2025-01-10'));
      expect(again.runId).toBe(2);
      expect(await rowsOf(store, 'SELECT run_id, count(*) AS n FROM forecasts GROUP BY ALL')).toEqual([{ run_id: 2, n: 6n }]);
    } finally {
      store.close();
    }
  });

  it('a failed write leaves the store as it was (one transaction)', async () => {
    const store = await openHistoryStore(join(dir, 'stockcast.db'));
    try {
      await writeHistoryRun(store, sampleRun('2025-01-10'));
      const broken = sampleRun('2025-01-11');
      await expect(writeHistoryRun(store, { ...broken, files: { ...broken.files, alerts: join(dir, 'missing.csv') } })).rejects.toThrow();
      expect(await rowsOf(store, 'SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM series) AS series, (SELECT count(*) FROM forecasts) AS f'))
        .toEqual([{ runs: 1n, series: 2n, f: 6n }]);
    } finally {
      store.close();
    }
  });

  it('keep_days deletes runs whose as-of is more than that many days before the new one, with their rows', async () => {
    const store = await openHistoryStore(join(dir, 'stockcast.db'));
    try {
      for (const asOf of ['2025-01-01', '2025-01-05', '2025-01-08']) await writeHistoryRun(store, sampleRun(asOf));
      const result = await writeHistoryRun(store, sampleRun('2025-01-10', { keepDays: 5 }));
      expect(result.deletedRuns).toBe(1);
      expect((await rowsOf(store, 'SELECT as_of::VARCHAR AS d FROM runs ORDER BY 1')).map((r) => r.d)).toEqual(['2025-01-05', '2025-01-08', '2025-01-10']);
      expect(await rowsOf(store, 'SELECT count(DISTINCT run_id) AS n FROM forecasts')).toEqual([{ n: 3n }]);
    } finally {
      store.close();
    }
  });

  it('scores stored forecasts against actuals: MASE, RMSSE, bias and coverage by hand', async () => {
    const store = await openHistoryStore(join(dir, 'stockcast.db'));
    try {
      await writeHistoryRun(store, sampleRun('2025-01-10'));
      // A: actuals 12, 7 for the first two periods (third not complete yet); B,1: 0, 4.
      const answer = await scoreHistory(store, [
        { sku: 'A', warehouse: 'W1', firstPeriodDay: parseIsoDay('2025-01-09'), quantities: Float64Array.of(99, 12, 7) },
        { sku: 'B,1', warehouse: 'W1', firstPeriodDay: parseIsoDay('2025-01-10'), quantities: Float64Array.of(0, 4) },
      ], 'day', 'sku');
      // A: errors 2, -3 -> MASE (2 + 3) / 2 / 2 = 1.25, RMSSE sqrt((4 + 9) / 2 / 4); B has no scale.
      // bias: (10-12 + 10-7 + 1-0 + 1-4) / 4 = -0.25; in 80 %: 12 yes, 7 no, 0 yes, 4 no -> 0.5; in 95 %: 12, 7, 0 yes, 4 no.
      expect(answer.overall.n).toBe(4);
      expect(answer.overall.mase).toBeCloseTo(1.25, 12);
      expect(answer.overall.rmsse).toBeCloseTo(Math.sqrt(13 / 8), 12);
      expect(answer.overall.bias).toBeCloseTo(-0.25, 12);
      expect(answer.overall.coverage80).toBe(0.5);
      expect(answer.overall.coverage95).toBe(0.75);
      expect(answer.groups.map((g) => g.key)).toEqual([{ sku: 'A', warehouse: 'W1' }, { sku: 'B,1', warehouse: 'W1' }]);
      expect(answer.groups[1].mase).toBeNaN();
      expect(answer.byStep.map((g) => [g.key.step, g.n])).toEqual([[1, 2], [2, 2]]);
      expect(answer.byRun.map((g) => g.key.as_of)).toEqual(['2025-01-10']);
    } finally {
      store.close();
    }
  });

  it('a reader attaches the store read-only and sees the same runs', async () => {
    const path = join(dir, 'stockcast.db');
    const writer = await openHistoryStore(path);
    await writeHistoryRun(writer, sampleRun('2025-01-10'));
    writer.close();
    const reader = await openHistoryStore(path, { readOnly: true });
    try {
      expect(reader.catalog).toBe('"history"');
      expect(await rowsOf(reader, 'SELECT count(*) AS n FROM history.forecasts')).toEqual([{ n: 6n }]);
    } finally {
      reader.close();
    }
  });
});
