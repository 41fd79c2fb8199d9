import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, UsageError } from '../../../src/errors.js';
import { readItems } from '../../../src/io/read/read-items.js';
import { readLanes } from '../../../src/io/read/read-lanes.js';
import { readStock } from '../../../src/io/read/read-stock.js';
import { readStockHistory } from '../../../src/io/read/read-stock-history.js';
import { readSales } from '../../../src/io/read/read-sales.js';
import { validateInputs } from '../../../src/io/read/read-inputs.js';
import { problemsOf } from '../input-problems.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockcast-read-small-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('readStock', () => {
  it('reads positions, fills absent on_order/allocated with 0 and unit_cost with NaN', async () => {
    const file = write('stock.csv', ['SKU,Warehouse,On Hand,on-order', 'A,North,10,5', 'B,North,3,']);
    const { rows, warnings } = await readStock(file);
    expect(rows.map((r) => [r.sku, r.warehouse, r.onHand, r.onOrder, r.allocated, r.line])).toEqual([
      ['A', 'North', 10, 5, 0, 2], ['B', 'North', 3, 0, 0, 3],
    ]);
    expect(rows[0].unitCost).toBeNaN();
    expect(warnings).toEqual([]);
  });

  it('keeps a negative on_hand and warns once with the count', async () => {
    const file = write('stock-negative.csv', ['sku,warehouse,on_hand', 'A,N,-2', 'B,N,-1', 'C,N,4']);
    const { rows, warnings } = await readStock(file);
    expect(rows.map((r) => r.onHand)).toEqual([-2, -1, 4]);
    expect(warnings).toEqual([{ code: 'negative-on-hand', message: 'stock-negative.csv: negative on_hand kept as written (first: A / N at line 2: -2)', count: 2 }]);
  });

  it('names both lines of a duplicate SKU x warehouse', async () => {
    const file = write('stock-dup.csv', ['sku,warehouse,on_hand', 'A,N,1', 'B,N,1', 'A,N,2']);
    expect(await problemsOf(() => readStock(file))).toEqual([
      'stock-dup.csv:4:1: sku: expected one row per SKU and warehouse (first at line 2), got "A / N"',
    ]);
  });

  it('reports a missing required column on line 1 with the headers found and a --map hint', async () => {
    const file = write('stock-nocol.csv', ['article,site,units', 'A,N,1']);
    expect(await problemsOf(() => readStock(file))).toEqual([
      'stock-nocol.csv:1: on_hand: expected a column named on_hand, got "headers: article, site, units" (use --map on_hand=<Header>)',
    ]);
    const mapped = await readStock(file, { map: { on_hand: 'Units' } });
    expect(mapped.rows.map((r) => [r.sku, r.warehouse, r.onHand])).toEqual([['A', 'N', 1]]);
  });
});

describe('readItems', () => {
  it('reads optional columns as NaN / undefined when absent or empty', async () => {
    const file = write('items.csv', ['sku,supplier,lead_time_days,service_level,description', 'A,Acme,7,0.95,Widget 小部件', 'B,,,,']);
    const { rows } = await readItems(file);
    expect(rows[0]).toMatchObject({ sku: 'A', supplier: 'Acme', leadTimeDays: 7, serviceLevel: 0.95, description: 'Widget 小部件' });
    expect(rows[0].moq).toBeNaN();
    expect(rows[1].supplier).toBeUndefined();
    expect(rows[1].leadTimeDays).toBeNaN();
  });

  it('rejects a service level written as a percentage, negative lead times and duplicate SKUs', async () => {
    const file = write('items-bad.csv', ['sku,lead_time_days,service_level', 'A,7,95', 'B,-1,0.9', 'A,3,0.9', 'C,2,0.3']);
    expect(await problemsOf(() => readItems(file))).toEqual([
      'items-bad.csv:2:3: service_level: expected a number from 0.5 to 0.9999, got "95" (service_level is a fraction: write 95 % as 0.95)',
      'items-bad.csv:3:2: lead_time_days: expected a number >= 0, got "-1"',
      'items-bad.csv:4:1: sku: expected one row per SKU (first at line 2), got "A"',
      'items-bad.csv:5:3: service_level: expected a number from 0.5 to 0.9999, got "0.3"',
    ]);
  });
});

describe('readItems, fill_rate', () => {
  it('reads fill_rate as a fraction and refuses a row that gives both targets', async () => {
    const file = write('items-fill.csv', ['sku,service_level,fill_rate', 'A,,0.98', 'B,0.9,', 'C,0.9,0.98', 'D,,98']);
    expect(await problemsOf(() => readItems(file))).toEqual([
      'items-fill.csv:4:3: fill_rate: expected either service_level (cycle service) or fill_rate, not both, got "0.98"',
      'items-fill.csv:5:3: fill_rate: expected a number from 0.5 to 0.9999, got "98" (fill_rate is a fraction: write 95 % as 0.95)',
    ]);
    const good = write('items-fill-good.csv', ['sku,service_level,fill_rate', 'A,,0.98', 'B,0.9,']);
    const { rows } = await readItems(good);
    expect(rows[0]).toMatchObject({ sku: 'A', fillRate: 0.98 });
    expect(rows[0].serviceLevel).toBeNaN();
    expect(rows[1]).toMatchObject({ sku: 'B', serviceLevel: 0.9 });
    expect(rows[1].fillRate).toBeNaN();
  });
});

describe('readStockHistory', () => {
  it('reads end-of-day stock with dates and reports bad dates and missing numbers', async () => {
    const good = write('stock_history.csv', ['date,sku,warehouse,on_hand', '2026-11-02,A,BER,0', '2026-11-03,A,BER,12']);
    expect((await readStockHistory(good)).rows).toEqual([
      { day: 20759, sku: 'A', warehouse: 'BER', onHand: 0 }, { day: 20760, sku: 'A', warehouse: 'BER', onHand: 12 }, // 2026-11-02 = day 20759
    ]);
    const bad = write('stock_history-bad.csv', ['date,sku,on_hand', '2026-13-02,A,0', '2026-11-03,A,']);
    const problems = await problemsOf(() => readStockHistory(bad));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^stock_history-bad\.csv:2:1: date: /);
    expect(problems[1]).toMatch(/^stock_history-bad\.csv:3:3: on_hand: /);
  });
});

describe('readLanes', () => {
  it('reads lanes and rejects self-lanes and duplicates', async () => {
    const good = write('lanes.csv', ['from,to,cost_per_unit', 'N,S,0.5', 'S,N,']);
    const { rows } = await readLanes(good);
    expect(rows.map((r) => [r.from, r.to, r.costPerUnit])).toEqual([['N', 'S', 0.5], ['S', 'N', NaN]]);
    const priced = write('lanes-fixed.csv', ['from,to,fixed_cost,min_qty', 'N,S,25,12', 'S,N,,']);
    expect((await readLanes(priced)).rows.map((r) => [r.fixedCost, r.minQty])).toEqual([[25, 12], [NaN, NaN]]);
    const bad = write('lanes-bad.csv', ['from,to', 'N,N', 'N,S', 'N,S']);
    expect(await problemsOf(() => readLanes(bad))).toEqual([
      'lanes-bad.csv:2:2: to: expected a warehouse other than from, got "N"',
      'lanes-bad.csv:4:1: from: expected one row per lane (first at line 3), got "N -> S"',
    ]);
  });
});

describe('file-level problems', () => {
  it('reports an empty file', async () => {
    const file = path.join(dir, 'empty.csv');
    fs.writeFileSync(file, '');
    expect(await problemsOf(() => readStock(file))).toEqual(['empty.csv: expected a header row (the file is empty)']);
  });

  it('rejects header-only stock and sales files (a failed export would order everything)', async () => {
    const stock = write('stock-header.csv', ['sku,warehouse,on_hand']);
    expect(await problemsOf(() => readStock(stock))).toEqual([
      'stock-header.csv: expected stock rows (the file has a header but no stock rows; planning would treat every shelf as empty)',
    ]);
    const sales = write('sales-header.csv', ['date,sku,quantity']);
    expect(await problemsOf(() => readSales(sales))).toEqual(['sales-header.csv: expected sales rows (the file has a header but no sales rows)']);
  });

  it('rejects impossible and out-of-range dates, NaN, Infinity and huge numbers', async () => {
    const file = write('sales-odd.csv', [
      'date,sku,quantity', '2025-02-30,A,1', '1799-12-31,A,1', '2024-01-01,A,NaN', '2024-01-01,A,Infinity', '2024-01-01,A,1e13',
      '2024-01-01 13:22:00,A,1', '2024-01-02T08:00:00Z,A,2', '05/01/2024,A,1', '2024-01-01,A,"12,5"',
    ]);
    expect(await problemsOf(() => readSales(file))).toEqual([
      'sales-odd.csv:2:1: date: expected a real calendar date, got "2025-02-30"',
      'sales-odd.csv:3:1: date: expected a date between 1800-01-01 and 2200-12-31, got "1799-12-31"',
      'sales-odd.csv:4:3: quantity: expected a number, got "NaN"',
      'sales-odd.csv:5:3: quantity: expected a number, got "Infinity"',
      'sales-odd.csv:6:3: quantity: expected a number between -1000000000000 and 1000000000000, got "1e13"',
      'sales-odd.csv:9:1: date: expected a date YYYY-MM-DD, got "05/01/2024" (use --date-format DD/MM/YYYY or --date-format MM/DD/YYYY)',
      'sales-odd.csv:10:3: quantity: expected a number, got "12,5" (use --decimal-comma)',
    ]);
  });

  it('makes an unknown encoding or date format a usage error', async () => {
    const file = write('sales-ok.csv', ['date,sku,quantity', '2024-01-01,A,1']);
    await expect(readSales(file, { encoding: 'klingon' })).rejects.toBeInstanceOf(UsageError);
    await expect(readSales(file, { dateFormat: 'YY-MM' })).rejects.toBeInstanceOf(UsageError);
  });

  it('warns once about unknown columns and blank lines', async () => {
    const file = write('sales-extra.csv', ['date,sku,quantity,colour,size', '2024-01-01,A,1,red,L', '', '2024-01-02,A,1,red,L', '']);
    const { warnings } = await readSales(file);
    expect(warnings).toEqual([
      { code: 'unknown-column', message: 'sales-extra.csv: ignored columns colour, size', count: 2 },
      { code: 'blank-line', message: 'sales-extra.csv: skipped 2 blank lines', count: 2 },
    ]);
  });
});

describe('validateInputs', () => {
  it('collects the problems of every file and the cross-file warnings', async () => {
    const sales = write('v-sales.csv', ['date,sku,warehouse,quantity', '2024-01-01,A,N,1', '2024-01-02,B,N,x']);
    const stock = write('v-stock.csv', ['sku,warehouse,on_hand', 'A,N,1', 'A,N,2']);
    const items = write('v-items.csv', ['sku,moq', 'A,-3']);
    const lanes = write('v-lanes.csv', ['from,to', 'N,S']);
    const report = await validateInputs({ sales, stock, items, lanes });
    expect(report.problems.map(formatProblem)).toEqual([
      'v-sales.csv:3:4: quantity: expected a number, got "x"',
      'v-stock.csv:3:1: sku: expected one row per SKU and warehouse (first at line 2), got "A / N"',
      'v-items.csv:2:2: moq: expected a number >= 0, got "-3"',
    ]);
    expect(report.total).toBe(3);
    expect(report.rows).toEqual({ 'v-lanes.csv': 1 });
  });

  it('warns about stock never sold and sales missing from stock', async () => {
    const sales = write('w-sales.csv', ['date,sku,warehouse,quantity', '2024-01-01,A,N,1', '2024-01-02,B,N,1']);
    const stock = write('w-stock.csv', ['sku,warehouse,on_hand', 'A,N,1', 'C,N,2']);
    const report = await validateInputs({ sales, stock });
    expect(report.problems).toEqual([]);
    expect(report.warnings.map((w) => [w.code, w.count])).toEqual([['stock-never-sold', 1], ['sold-not-in-stock', 1]]);
  });
});
