import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { buildReport } from '../../src/pipeline/report/build-report.js';
import { INVENTORY_COLUMNS } from '../../src/pipeline/plan-insights.js';
import { chartedKeys, reportModel } from '../../src/pipeline/report/report-model.js';
import { readForecastRows, readOutputSet } from '../../src/io/read/read-output-set.js';
import { formatCsv } from '../../src/io/write/write-csv.js';

const NASTY = '<b>"Tee", 1L</b>';

/** A hand-made output set: three lines, one with nothing at stake, one with a SKU that needs escaping everywhere. */
function makeSet(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stockcast-report-'));
  const row = (values: Record<string, string | number>) => INVENTORY_COLUMNS.map((name) => values[name] ?? '');
  const rows = [
    // available 10 + on order 5, forecast 2 a day, order 20 with lead time 2 days: arrives in the third period.
    row({ sku: 'A-1', warehouse: 'MAIN', supplier: 'Acme', on_hand: 10, on_order: 5, available: 10, lead_time_days: 2, reorder_point: 14,
      order_up_to: 30, order_qty: 20, order_value: 40, unit_cost: 2, yearly_value: 1461, abc_class: 'A', xyz_class: 'X',
      money_at_stake: 40, history_start: '2026-11-22', history: '1 2 3 4' }),
    row({ sku: NASTY, warehouse: 'MAIN', supplier: 'Acme', on_hand: 3, available: 3, lead_time_days: 9, reorder_point: 5, order_qty: 0,
      unit_cost: 1, yearly_value: 100, abc_class: 'B', xyz_class: 'Z', money_at_stake: 120, alerts: 'stockout_risk',
      history_start: '2026-11-24', history: '0 5' }),
    row({ sku: 'C-3', warehouse: 'MAIN', supplier: 'Other', on_hand: 1, available: 1, unit_cost: 1, yearly_value: 0, abc_class: 'C',
      xyz_class: 'Z', money_at_stake: 0 }),
  ];
  writeFileSync(path.join(dir, 'inventory.csv'), formatCsv([...INVENTORY_COLUMNS], rows));
  const forecast: (string | number)[][] = [];
  for (const sku of ['A-1', NASTY, 'C-3']) {
    ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].forEach((period) => forecast.push([sku, 'MAIN', period, 2, 1, 3, 0, 4, 'naive']));
  }
  writeFileSync(path.join(dir, 'forecast.csv'), formatCsv(['sku', 'warehouse', 'period', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95', 'method'], forecast));
  writeFileSync(path.join(dir, 'summary.json'), JSON.stringify({
    version: '9.9.9', as_of: '2026-11-26', freq: 'day', horizon: 4, counts: { sku_warehouses: 3, reorder_lines: 1, suppliers: 1, alerts: 1 },
    totals: { order_value: 40 }, kpis: { stock_value: 26, value_at_risk: 80, excess_value: 0, inventory_turns: 1.5, days_of_cover: 3, service_target: 0.95, forecast_accuracy: null },
    abc_xyz: { abc_limits: [80, 95], xyz_limits: [0.5, 1], cells: { AX: { count: 1, value: 1461 }, BZ: { count: 1, value: 100 }, CZ: { count: 1, value: 0 } } },
    orders_by_supplier: [{ supplier: 'Acme', lines: 1, units: 20, value: 40 }],
  }));
  return dir;
}

describe('report model', () => {
  it('charts the lines with money at stake, largest first, and never a line with nothing at stake', async () => {
    const { inventory } = await readOutputSet(makeSet());
    expect(chartedKeys(inventory, 10)).toEqual([`${NASTY}\u0000MAIN`, 'A-1\u0000MAIN']);
    expect(chartedKeys(inventory, 1)).toEqual([`${NASTY}\u0000MAIN`]);
    expect(chartedKeys(inventory, 0)).toEqual([]);
  });

  it('projects on hand from available + on order minus the forecast, plus the order from its arrival period', async () => {
    const dir = makeSet();
    const { summary, inventory } = await readOutputSet(dir);
    const keys = ['A-1\u0000MAIN'];
    const model = reportModel(summary, inventory, await readForecastRows(dir, new Set(keys)), keys);
    const item = model.charted[0];
    // 15 - 2 = 13, 11, then the order of 20 arrives 2 days after the as-of date: 9 + 20 = 29, 27.
    expect(item.projected.map((p) => p.stock)).toEqual([13, 11, 29, 27]);
    expect(item.arrivalIndex).toBe(2);
    expect(item.history).toEqual([
      { period: '2026-11-22', quantity: 1 }, { period: '2026-11-23', quantity: 2 },
      { period: '2026-11-24', quantity: 3 }, { period: '2026-11-25', quantity: 4 },
    ]);
    expect(model.table).toHaveLength(3);
  });

  it('finds the forecast rows of a quoted SKU in forecast.csv', async () => {
    const rows = await readForecastRows(makeSet(), new Set([`${NASTY}\u0000MAIN`]));
    expect(rows.rows).toHaveLength(4);
    expect(rows.rows[0][0]).toBe(NASTY);
  });
});

describe('buildReport', () => {
  it('draws two overview charts and two per charted line, escapes names, forbids the network, and is deterministic', async () => {
    const dir = makeSet();
    const report = await buildReport(dir, { top: 40 });
    expect(report.charts).toBe(2 + 2 * 2);
    expect(report.html.match(/<div class="chart" data-chart="/g)).toHaveLength(report.charts);
    expect(report.html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(report.charts);
    expect(report.html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(report.html).not.toMatch(/<(script|img|link|iframe)[^>]+src=|url\(|@import/i);
    expect(report.html).not.toContain(NASTY);
    expect(report.html).toContain('&#60;b&#62;&#34;Tee&#34;, 1L&#60;/b&#62;');
    expect(report.html).toContain('\\u003cb>\\"Tee\\", 1L\\u003c/b>'); // in the table's JSON
    expect(report.html).toContain('data-cell="AX" data-count="1"');
    expect((await buildReport(dir, { top: 40 })).html).toBe(report.html);
  });

  it('a folder without the set files is a usage error naming them', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'stockcast-report-'));
    await expect(buildReport(empty, { top: 5 })).rejects.toThrow(UsageError);
    await expect(buildReport(empty, { top: 5 })).rejects.toThrow(/no summary.json, inventory.csv, forecast.csv; run stockcast plan first/);
  });
});
