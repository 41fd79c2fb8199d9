// Issue 11, run history acceptance: 30 nightly plans on shifting as-of dates, then `accuracy`
// equals an independent computation from each night's forecast.csv and the sales; kill -9 inside
// the history write; --no-history; a foreign store file.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.js';
import { runCli, tempDir } from './run-cli.js';

const ENV = { ...process.env, NO_COLOR: '1', TZ: 'UTC', STOCKCAST_HISTORY: '' };
const DAYS = 140;
const SKUS = ['A-1', 'A-2', 'B-1', 'C-1'];
const WAREHOUSES = ['NORTH', 'SOUTH'];
const SUPPLIER: Record<string, string> = { 'A-1': 'Acme', 'A-2': 'Acme', 'B-1': 'Bolt', 'C-1': 'Bolt' };
const HORIZON = 7;
const SEASON = 7;
const FIRST_DAY = Date.UTC(2025, 0, 1) / 86_400_000;
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Daily sales of 8 series over DAYS days (every series sells on day 0), weekly pattern, some zero days. */
function makeData(dir: string): Map<string, number[]> {
  const random = seededRandom(11);
  const demand = new Map<string, number[]>();
  const lines = ['date,sku,warehouse,quantity'];
  for (const sku of SKUS) {
    for (const warehouse of WAREHOUSES) {
      const values: number[] = [];
      for (let d = 0; d < DAYS; d++) {
        const base = (sku.startsWith('C') ? 0.6 : 4) * (1 + 0.5 * Math.sin((2 * Math.PI * d) / 7));
        const quantity = d === 0 ? 3 : Math.max(0, Math.round(base + (random() - 0.5) * 4));
        values.push(quantity);
        if (quantity > 0 || d === 0) lines.push(`${iso(FIRST_DAY + d)},${sku},${warehouse},${quantity}`);
      }
      demand.set(`${sku}|${warehouse}`, values);
    }
  }
  writeFileSync(path.join(dir, 'sales.csv'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'stock.csv'), `sku,warehouse,on_hand\n${SKUS.flatMap((s) => WAREHOUSES.map((w) => `${s},${w},10`)).join('\n')}\n`);
  writeFileSync(path.join(dir, 'items.csv'), `sku,supplier,lead_time_days\n${SKUS.map((s) => `${s},${SUPPLIER[s]},3`).join('\n')}\n`);
  return demand;
}

interface ForecastRow { sku: string; warehouse: string; period: number; step: number; forecast: number; lo80: number; hi80: number; lo95: number; hi95: number }

function readForecastCsv(file: string): ForecastRow[] {
  const [, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const firstOf = new Map<string, number>();
  return lines.map((line) => {
    const [sku, warehouse, period, forecast, lo80, hi80, lo95, hi95] = line.split(',');
    const day = Date.parse(`${period}T00:00:00Z`) / 86_400_000;
    const key = `${sku}|${warehouse}`;
    if (!firstOf.has(key)) firstOf.set(key, day);
    return { sku, warehouse, period: day, step: day - (firstOf.get(key) as number) + 1, forecast: Number(forecast), lo80: Number(lo80), hi80: Number(hi80), lo95: Number(lo95), hi95: Number(hi95) };
  });
}

/** mean |y_t - y_{t-m}| and mean (y_t - y_{t-m})^2 over t = m..n-1, as the plan's history stores them. */
function scales(history: readonly number[]): { mae: number; mse: number } {
  let abs = 0;
  let square = 0;
  for (let t = SEASON; t < history.length; t++) {
    abs += Math.abs(history[t] - history[t - SEASON]);
    square += (history[t] - history[t - SEASON]) ** 2;
  }
  const n = Math.max(1, history.length - SEASON);
  return { mae: abs / n, mse: square / n };
}

interface Scored { group: Record<string, string | number>; error: number; mae: number; mse: number; in80: boolean; in95: boolean }

function measures(rows: readonly Scored[]) {
  const withMae = rows.filter((r) => r.mae > 0);
  const withMse = rows.filter((r) => r.mse > 0);
  return {
    n: rows.length,
    mase: withMae.reduce((sum, r) => sum + Math.abs(r.error) / r.mae, 0) / withMae.length,
    rmsse: Math.sqrt(withMse.reduce((sum, r) => sum + r.error ** 2 / r.mse, 0) / withMse.length),
    bias: rows.reduce((sum, r) => sum - r.error, 0) / rows.length,
    coverage80: rows.filter((r) => r.in80).length / rows.length,
    coverage95: rows.filter((r) => r.in95).length / rows.length,
  };
}

function expectMeasures(actual: Record<string, unknown>, expected: ReturnType<typeof measures>): void {
  expect(actual.n).toBe(expected.n);
  for (const name of ['mase', 'rmsse', 'bias', 'coverage80', 'coverage95'] as const) {
    expect(actual[name] as number, name).toBeCloseTo(expected[name], 10);
  }
}

describe('run history (issue 11)', () => {
  let dir = '';
  let demand = new Map<string, number[]>();
  const scored: Scored[] = [];
  const lastDay = FIRST_DAY + DAYS - 1;

  beforeAll(async () => {
    dir = tempDir('stockcast-history-');
    demand = makeData(dir);
    // 30 nights: as-of dates from lastDay - 28 to lastDay + 1 (the last one has nothing to score yet).
    for (let night = 0; night < 30; night++) {
      const asOfDay = lastDay - 28 + night;
      const run = await runCli(['plan', dir, '--as-of', iso(asOfDay), '--horizon', String(HORIZON), '--jobs', '1', '--quiet'], { env: ENV });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      for (const row of readForecastCsv(path.join(dir, 'out', 'forecast.csv'))) {
        if (row.period > lastDay) continue;
        const values = demand.get(`${row.sku}|${row.warehouse}`) as number[];
        const { mae, mse } = scales(values.slice(0, asOfDay - FIRST_DAY));
        const actual = values[row.period - FIRST_DAY];
        scored.push({
          group: { sku: row.sku, warehouse: row.warehouse, supplier: SUPPLIER[row.sku], step: row.step, as_of: iso(asOfDay) },
          error: actual - row.forecast, mae, mse,
          in80: row.lo80 <= actual && actual <= row.hi80, in95: row.lo95 <= actual && actual <= row.hi95,
        });
      }
    }
  }, 600_000);
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('accuracy --json equals an independent computation from the 30 forecast.csv files and the sales', async () => {
    const run = await runCli(['accuracy', dir, '--json', '--by', 'supplier'], { env: ENV });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.actuals_through).toBe(iso(lastDay));
    // Night n (0..29) has min(7, 29 - n) complete periods: 8 series x (23 x 7 + 6 + 5 + 4 + 3 + 2 + 1).
    expect(scored.length).toBe(8 * (23 * 7 + 6 + 5 + 4 + 3 + 2 + 1));
    expectMeasures(answer.overall, measures(scored));
    expect(answer.overall.runs).toBe(29);
    for (const supplier of ['Acme', 'Bolt']) {
      const group = answer.groups.find((g: { key: { supplier: string } }) => g.key.supplier === supplier);
      expectMeasures(group, measures(scored.filter((r) => r.group.supplier === supplier)));
    }
    for (let step = 1; step <= HORIZON; step++) {
      expectMeasures(answer.by_step[step - 1], measures(scored.filter((r) => r.group.step === step)));
    }
    expect(answer.by_run).toHaveLength(29);
    expectMeasures(answer.by_run[5], measures(scored.filter((r) => r.group.as_of === answer.by_run[5].key.as_of)));
  });

  it('--by sku and --since: every SKU x warehouse of the runs since that date', async () => {
    const since = iso(lastDay - 10);
    const run = await runCli(['accuracy', dir, '--json', '--by', 'sku', '--since', since], { env: ENV });
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    const recent = scored.filter((r) => String(r.group.as_of) >= since);
    expectMeasures(answer.overall, measures(recent));
    expect(answer.groups).toHaveLength(8);
    const group = answer.groups.find((g: { key: Record<string, string> }) => g.key.sku === 'C-1' && g.key.warehouse === 'SOUTH');
    expectMeasures(group, measures(recent.filter((r) => r.group.sku === 'C-1' && r.group.warehouse === 'SOUTH')));
  });

  it('prints a table, and writes the groups as CSV with -o FILE', async () => {
    const table = await runCli(['accuracy', dir, '--by', 'supplier'], { env: ENV });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Realised accuracy');
    expect(table.stdout).toMatch(/│ Acme +│/);
    const file = path.join(dir, 'accuracy.csv');
    const csv = await runCli(['accuracy', dir, '--by', 'supplier', '-o', file], { env: ENV });
    expect(csv.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('supplier,n,runs,mase,rmsse,bias,coverage80,coverage95');
    expect(lines.map((line) => line.split(',')[0])).toEqual(['supplier', 'Acme', 'Bolt']);
  });

  it('report.html of a plan with history charts the accuracy trend', () => {
    expect(readFileSync(path.join(dir, 'out', 'report.html'), 'utf8')).toContain('data-chart="accuracy-trend"');
  });

  it('kill -9 inside the history write: the store opens and holds exactly the runs that finished', async () => {
    const killDir = tempDir('stockcast-history-kill-');
    try {
      makeData(killDir);
      const first = await runCli(['plan', killDir, '--as-of', iso(lastDay - 5), '--horizon', String(HORIZON), '--jobs', '1', '--quiet'], { env: ENV });
      expect(first.code).toBe(0);
      const killed = await runCli(['plan', killDir, '--as-of', iso(lastDay - 4), '--horizon', String(HORIZON), '--jobs', '1', '--quiet'],
        { env: { ...ENV, STOCKCAST_FAULT: 'history-write' } });
      expect(killed.code).toBeNull();
      const runs = async () => {
        const instance = await DuckDBInstance.create(path.join(killDir, 'stockcast.db'));
        const connection = await instance.connect();
        const rows = (await connection.runAndReadAll('SELECT strftime(as_of, \'%Y-%m-%d\') AS d, (SELECT count(*) FROM forecasts f WHERE f.run_id = r.run_id) AS n FROM runs r ORDER BY 1')).getRowsJS();
        connection.closeSync();
        instance.closeSync();
        return rows.map(([d, n]) => [d, Number(n)]);
      };
      expect(await runs()).toEqual([[iso(lastDay - 5), 8 * HORIZON]]);
      const after = await runCli(['plan', killDir, '--as-of', iso(lastDay - 4), '--horizon', String(HORIZON), '--jobs', '1', '--quiet'], { env: ENV });
      expect(after.code).toBe(0);
      expect(await runs()).toEqual([[iso(lastDay - 5), 8 * HORIZON], [iso(lastDay - 4), 8 * HORIZON]]);
    } finally {
      rmSync(killDir, { recursive: true, force: true });
    }
  });

  it('--no-history writes no store; a foreign store file stops the plan with exit 3 before any output', async () => {
    const other = tempDir('stockcast-history-off-');
    try {
      makeData(other);
      const off = await runCli(['plan', other, '--no-history', '--quiet'], { env: ENV });
      expect(off.code).toBe(0);
      expect(existsSync(path.join(other, 'stockcast.db'))).toBe(false);
      rmSync(path.join(other, 'out'), { recursive: true, force: true });
      rmSync(path.join(other, '.out.sets'), { recursive: true, force: true });
      const store = path.join(other, 'stockcast.db');
      writeFileSync(store, 'this is a spreadsheet, not a database\n'.repeat(200));
      const refused = await runCli(['plan', other, '--quiet'], { env: ENV });
      expect(refused.code).toBe(3);
      expect(refused.stderr).toBe(`error: ${store}: expected a stockcast run history store (DuckDB), got a file that is not a DuckDB database `
        + '(move it away and the next plan starts a new store, or run with --no-history)\n'
        + 'stockcast: 1 problem in the input; nothing was planned and no output file was touched\n');
      expect(existsSync(path.join(other, 'out'))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
