import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, runCli, tempDir, type CliResult } from './run-cli.js';

const SPEC_COLUMNS: Record<string, string> = {
  'forecast.csv': 'sku,warehouse,period,forecast,lo80,hi80,lo95,hi95,method',
  'reorder.csv': 'sku,warehouse,supplier,on_hand,on_order,allocated,available,lead_time_days,demand_over_lead_time,safety_stock,reorder_point,order_up_to,order_qty,days_of_cover,stockout_date,unit_cost,order_value',
  'alerts.csv': 'sku,warehouse,type,severity,on_hand,days_of_cover,excess_qty,excess_value,message',
  'transfers.csv': 'sku,from,to,qty,cost,reason',
};

const AS_OF = '2026-11-26';

describe('stockcast plan samples', () => {
  let out: string;
  let first: CliResult;

  beforeAll(async () => {
    out = path.join(tempDir(), 'out');
    first = await runCli(['plan', SAMPLES, '--out', out, '--as-of', AS_OF]);
  });

  it('exits 0 and writes every output file of the spec with its columns in order', () => {
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    for (const [file, columns] of Object.entries(SPEC_COLUMNS)) {
      const header = readFileSync(path.join(out, file), 'utf8').split('\n')[0];
      expect(header.startsWith(columns), `${file}: ${header}`).toBe(true);
    }
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.as_of).toBe(AS_OF);
    expect(Object.keys(summary.durations_ms)).toEqual(expect.arrayContaining(['read', 'series', 'forecast', 'plan', 'write', 'total']));
    expect(summary.inputs.sales.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('appends abc_class and xyz_class after the spec columns, and summary.json counts the classes of inventory.csv', () => {
    const [columns, ...rows] = Papa.parse<string[]>(readFileSync(path.join(out, 'reorder.csv'), 'utf8').trim()).data;
    expect(columns.slice(-2)).toEqual(['abc_class', 'xyz_class']);
    for (const cells of rows) expect(`${cells[columns.length - 2]}${cells[columns.length - 1]}`).toMatch(/^[ABC][XYZ]$/);
    const [header, ...lines] = Papa.parse<string[]>(readFileSync(path.join(out, 'inventory.csv'), 'utf8').trim()).data;
    const counts: Record<string, number> = {};
    for (const cells of lines) {
      const cell = cells[header.indexOf('abc_class')] + cells[header.indexOf('xyz_class')];
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    for (const [cell, { count }] of Object.entries<{ count: number }>(summary.abc_xyz.cells)) expect(count, cell).toBe(counts[cell] ?? 0);
    expect(summary.abc_xyz.abc_limits).toEqual([80, 95]);
    expect(Object.keys(summary.kpis)).toEqual(expect.arrayContaining(['inventory_turns', 'days_of_cover', 'stock_value', 'value_at_risk', 'excess_value', 'service_target']));
  });

  it('writes one supplier sheet as CSV and XLSX per supplier that orders, with the spec columns', () => {
    const reorder = readFileSync(path.join(out, 'reorder.csv'), 'utf8').trim().split('\n').slice(1);
    expect(reorder.length).toBeGreaterThan(0);
    const files = readdirSync(path.join(out, 'suppliers'));
    const csvs = files.filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.xlsx')).length).toBe(csvs.length);
    const sheet = readFileSync(path.join(out, 'suppliers', csvs[0]), 'utf8');
    expect(sheet).toContain('sku,description,warehouse,order_qty,pack_size,unit_cost,order_value');
  });

  it('orders whole packs of at least the MOQ', () => {
    const [columns, ...rows] = Papa.parse<string[]>(readFileSync(path.join(out, 'reorder.csv'), 'utf8').trim()).data;
    const at = (name: string) => columns.indexOf(name);
    expect(rows.length).toBeGreaterThan(0);
    for (const cells of rows) {
      const qty = Number(cells[at('order_qty')]);
      expect(Number.isInteger(qty)).toBe(true);
      expect(qty).toBeGreaterThanOrEqual(Number(cells[at('moq')]));
      expect(qty % Number(cells[at('pack_size')])).toBe(0);
    }
  });

  it('gives byte-identical forecast, reorder, alerts and transfers on a second run with the same --as-of', async () => {
    const second = path.join(tempDir(), 'out');
    const result = await runCli(['plan', SAMPLES, '--out', second, '--as-of', AS_OF, '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    for (const file of Object.keys(SPEC_COLUMNS)) {
      expect(readFileSync(path.join(second, file), 'utf8'), file).toBe(readFileSync(path.join(out, file), 'utf8'));
    }
  });

  it('prints the morning summary with orders by supplier on stdout', () => {
    expect(first.stdout).toMatch(/Orders by supplier/);
    expect(first.stdout).not.toContain('\u001b[');
  });
});

describe('bad input', () => {
  it('exits 3 naming file, line and column, and leaves the previous output set untouched', async () => {
    const dir = tempDir();
    for (const name of ['stock.csv', 'items.csv', 'lanes.csv']) copyFileSync(path.join(SAMPLES, name), path.join(dir, name));
    writeFileSync(path.join(dir, 'sales.csv'), 'date,sku,warehouse,quantity\n2026-01-05,A,BER,3\n2026-01-06,A,BER,x\n2026-02-30,A,BER,1\n');
    const out = path.join(dir, 'out');
    const result = await runCli(['plan', dir, '--out', out]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('sales.csv:3:4: quantity: expected a number, got "x"');
    expect(result.stderr).toContain('sales.csv:4:1: date:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});

describe('usage errors', () => {
  it('exits 2 on an unknown flag', async () => {
    const result = await runCli(['plan', SAMPLES, '--no-such-flag']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option/);
  });

  it('exits 2 when the sales file does not exist', async () => {
    const result = await runCli(['forecast', '--sales', 'does-not-exist.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('does-not-exist.csv: no such file');
  });

  it('exits 2 on an unknown method', async () => {
    const result = await runCli(['forecast', SAMPLES, '--method', 'magic', '-o', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--method');
  });
});

describe('stockcast backtest samples', () => {
  it('reports accuracy per method and demand class as JSON', async () => {
    const result = await runCli(['backtest', SAMPLES, '--freq', 'week', '--folds', '1', '--methods', 'auto,snaive', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.by_method.map((m: { method: string }) => m.method).sort()).toEqual(['auto', 'snaive']);
    for (const { summary } of report.by_method) {
      expect(summary.series).toBeGreaterThan(50);
      expect(summary.mase).toBeGreaterThan(0);
      expect(summary.coverage95).toBeGreaterThanOrEqual(summary.coverage80);
    }
  });
});

describe('the same sales exported three ways', () => {
  it('give byte-identical forecasts: clean UTF-8, Excel EU (; , BOM DD/MM/YYYY other headers) and GBK', async () => {
    const inputs = path.join(SAMPLES, '..', 'test', 'fixtures', 'inputs');
    const forecastOf = async (variant: string) => {
      const flagsFile = path.join(inputs, variant, 'flags.txt');
      const flags = existsSync(flagsFile) ? readFileSync(flagsFile, 'utf8').trim().split(/\s+/).filter(Boolean) : [];
      const result = await runCli(['forecast', '--sales', path.join(inputs, variant, 'sales.csv'), ...flags, '-o', '-', '--as-of', '2026-11-26']);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    const clean = await forecastOf('clean');
    expect(clean.split('\n').length).toBeGreaterThan(100);
    expect(await forecastOf('excel-eu')).toBe(clean);
    expect(await forecastOf('gbk')).toBe(clean);
  });
});
