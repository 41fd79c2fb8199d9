// The committed samples and input fixtures are the generator's output, byte for byte, and they
// contain the cases the README promises (dead stock, overstock, rebalancing, returns, ...).

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import iconv from 'iconv-lite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const samples = join(root, 'samples');
const fixtures = join(root, 'test', 'fixtures', 'inputs');

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(folder, name)).isFile())
    .sort();
}

/** Day number of an ISO date (days since 1970-01-01). */
function day(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

const isoPattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
function isIsoDate(text: string): boolean {
  return isoPattern.test(text) && new Date(day(text) * 86_400_000).toISOString().slice(0, 10) === text;
}

describe('the generator', () => {
  let scratch = '';
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'stockcast-samples-'));
    execFileSync(process.execPath, [join(samples, 'generate.mjs'), '--out', join(scratch, 'samples'), '--fixtures', join(scratch, 'inputs')],
      { stdio: 'pipe' });
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes exactly the committed samples, byte for byte (edit the generator, not the files)', () => {
    const generated = filesUnder(join(scratch, 'samples'));
    expect(generated).toEqual(['items.csv', 'lanes.csv', 'sales.csv', 'stock.csv']);
    const different = generated.filter((name) =>
      !readFileSync(join(scratch, 'samples', name)).equals(readFileSync(join(samples, name))));
    expect(different).toEqual([]);
  });

  it('writes exactly the committed input fixtures, byte for byte', () => {
    const generated = filesUnder(join(scratch, 'inputs'));
    expect(generated.length).toBe(7);
    const different = generated.filter((name) =>
      !readFileSync(join(scratch, 'inputs', name)).equals(readFileSync(join(fixtures, name))));
    expect(different).toEqual([]);
  });

  it('rejects an unknown argument instead of writing somewhere unexpected', () => {
    expect(() => execFileSync(process.execPath, [join(samples, 'generate.mjs'), '--output', scratch], { stdio: 'pipe' }))
      .toThrow(/unknown argument "--output"/);
  });
});

describe('samples/ describe a small business', () => {
  let sales: Row[] = [];
  let stock: Row[] = [];
  let items: Row[] = [];
  let lanes: Row[] = [];
  beforeAll(() => {
    sales = readCsv(join(samples, 'sales.csv'));
    stock = readCsv(join(samples, 'stock.csv'));
    items = readCsv(join(samples, 'items.csv'));
    lanes = readCsv(join(samples, 'lanes.csv'));
  });
  const lastDay = day('2026-11-25');

  function unitsOf(sku: string, keep: (row: Row) => boolean = () => true): number {
    return sales.filter((row) => row.sku === sku && keep(row)).reduce((sum, row) => sum + Number(row.quantity), 0);
  }

  /** Net units per day over the last 56 days, for days of cover. */
  function recentRate(sku: string, warehouse: string): number {
    return unitsOf(sku, (row) => row.warehouse === warehouse && day(row.date) > lastDay - 56) / 56;
  }

  function stockRow(sku: string, warehouse: string): Row | undefined {
    return stock.find((row) => row.sku === sku && row.warehouse === warehouse);
  }

  it('sales.csv has the spec columns plus an order id, and stays under 6 MB', () => {
    expect(Object.keys(sales[0])).toEqual(['date', 'sku', 'warehouse', 'quantity', 'order_id']);
    expect(statSync(join(samples, 'sales.csv')).size).toBeLessThan(6_000_000);
  });

  it('has about 40 SKUs in 3 warehouses over two years of daily lines ending 2026-11-25', () => {
    const skus = new Set(sales.map((row) => row.sku));
    expect(skus.size).toBeGreaterThanOrEqual(35);
    expect(skus.size).toBeLessThanOrEqual(45);
    expect([...new Set(sales.map((row) => row.warehouse))].sort()).toEqual(['BER', 'HAM', 'MUC']);
    expect(sales.every((row) => isIsoDate(row.date))).toBe(true);
    const dates = sales.map((row) => row.date).sort();
    expect(dates[0]).toBe('2024-11-26');
    expect(dates[dates.length - 1]).toBe('2026-11-25');
    expect(new Set(dates).size).toBe(730); // a sale on every one of the 730 days
  });

  it('busy items have several order lines per day, not daily totals', () => {
    const lines = sales.filter((row) => row.sku === 'TB-1001' && row.warehouse === 'BER').length;
    expect(lines / 730).toBeGreaterThan(2);
  });

  it('has returns (negative quantities), a few percent of lines, and kilogram fractions', () => {
    const returns = sales.filter((row) => Number(row.quantity) < 0).length;
    expect(returns).toBeGreaterThan(100);
    expect(returns / sales.length).toBeLessThan(0.05);
    expect(sales.some((row) => row.quantity === '0.25' || row.quantity === '2.5')).toBe(true);
  });

  it('has weekly seasonality: cafés buy espresso beans on working days, never on Sunday', () => {
    // 1970-01-01 was a Thursday, so (day + 3) % 7 === 6 is a Sunday.
    const espresso = sales.filter((row) => row.sku === 'CF-5001');
    expect(espresso.length).toBeGreaterThan(500);
    expect(espresso.filter((row) => (day(row.date) + 3) % 7 === 6)).toEqual([]);
  });

  it('has yearly seasonality: water bottles sell in summer, cookie cutters before Christmas', () => {
    const inMonths = (months: string[]) => (row: Row) => months.includes(row.date.slice(5, 7));
    expect(unitsOf('TB-1003', inMonths(['06', '07', '08']))).toBeGreaterThan(2 * unitsOf('TB-1003', inMonths(['12', '01', '02'])));
    expect(unitsOf('KT-2003', inMonths(['11', '12']))).toBeGreaterThan(5 * unitsOf('KT-2003', inMonths(['04', '05', '06', '07', '08', '09'])));
  });

  it('has trends both ways: the blue bottle grows, the green one fades', () => {
    const firstYear = (row: Row) => row.date < '2025-11-26';
    const secondYear = (row: Row) => row.date >= '2025-11-26';
    expect(unitsOf('TB-1003', secondYear)).toBeGreaterThan(1.3 * unitsOf('TB-1003', firstYear));
    expect(unitsOf('TB-1004', secondYear)).toBeLessThan(0.7 * unitsOf('TB-1004', firstYear));
  });

  it('has intermittent items: the Spätzle press sells on fewer than one day in five', () => {
    const days = new Set(sales.filter((row) => row.sku === 'KT-3006').map((row) => row.date));
    expect(days.size).toBeGreaterThan(20);
    expect(days.size / 730).toBeLessThan(0.2);
  });

  it('has lumpy items: plates sell mostly in rare restaurant orders of 60 or more', () => {
    const plates = sales.filter((row) => row.sku === 'TB-6003' && Number(row.quantity) > 0);
    const bulk = plates.filter((row) => Number(row.quantity) >= 60);
    expect(bulk.length).toBeGreaterThan(5);
    expect(bulk.reduce((sum, row) => sum + Number(row.quantity), 0)).toBeGreaterThan(0.5 * unitsOf('TB-6003'));
  });

  it('has dead stock: the kitchen scale sold in the first year, not in the last 4 months, and is still on hand', () => {
    const scale = sales.filter((row) => row.sku === 'KT-3005');
    expect(scale.some((row) => row.date < '2025-11-26')).toBe(true);
    expect(scale.filter((row) => day(row.date) > lastDay - 122)).toEqual([]);
    for (const warehouse of ['BER', 'HAM', 'MUC']) expect(Number(stockRow('KT-3005', warehouse)?.on_hand)).toBeGreaterThan(0);
  });

  it('has SKUs sold in one warehouse only', () => {
    expect([...new Set(sales.filter((row) => row.sku === 'OD-4002').map((row) => row.warehouse))]).toEqual(['MUC']);
    expect([...new Set(sales.filter((row) => row.sku === 'CF-5005').map((row) => row.warehouse))]).toEqual(['HAM']);
  });

  it('stock.csv has a SKU in stock but never sold, and a pair sold but not stocked', () => {
    expect(Object.keys(stock[0])).toEqual(['sku', 'warehouse', 'on_hand', 'on_order', 'allocated', 'unit_cost']);
    expect(stock.filter((row) => row.sku === 'KT-3009').length).toBe(3);
    expect(sales.some((row) => row.sku === 'KT-3009')).toBe(false);
    expect(sales.some((row) => row.sku === 'TB-6005' && row.warehouse === 'MUC')).toBe(true);
    expect(stockRow('TB-6005', 'MUC')).toBeUndefined();
  });

  it('stock.csv has overstock and items about to run out with nothing on order', () => {
    const cover = (sku: string, warehouse: string) => Number(stockRow(sku, warehouse)?.on_hand) / recentRate(sku, warehouse);
    expect(cover('TB-1004', 'BER')).toBeGreaterThan(365);
    expect(cover('TB-1001', 'BER')).toBeLessThan(7);
    expect(stockRow('TB-1001', 'BER')?.on_order).toBe('0');
    expect(cover('CF-5002', 'HAM')).toBeLessThan(3);
  });

  it('stock.csv sets up rebalancing: excess in one warehouse, shortage in another, with a lane between', () => {
    const cover = (sku: string, warehouse: string) => Number(stockRow(sku, warehouse)?.on_hand) / recentRate(sku, warehouse);
    const hasLane = (from: string, to: string) => lanes.some((lane) => lane.from === from && lane.to === to);
    for (const [sku, from, to] of [['KT-3001', 'BER', 'MUC'], ['TB-6001', 'HAM', 'BER'], ['OD-4005', 'BER', 'MUC']]) {
      expect(cover(sku, from)).toBeGreaterThan(150);
      expect(cover(sku, to)).toBeLessThan(7);
      expect(hasLane(from, to)).toBe(true);
    }
    // The same shape without a lane: HAM and MUC are not connected, so this one is a reorder.
    expect(cover('CF-5004', 'HAM')).toBeGreaterThan(150);
    expect(cover('CF-5004', 'MUC')).toBeLessThan(7);
    expect(hasLane('HAM', 'MUC') || hasLane('MUC', 'HAM')).toBe(false);
  });

  it('stock.csv has a backorder (allocated above on hand) and an empty shelf with an order coming', () => {
    const backorder = stockRow('KT-3007', 'BER');
    expect(Number(backorder?.allocated)).toBeGreaterThan(Number(backorder?.on_hand));
    expect(stockRow('OD-4003', 'HAM')).toMatchObject({ on_hand: '0', on_order: '60' });
  });

  it('items.csv has 5 suppliers, lead times from 3 to 60 days and service levels 0.9-0.99', () => {
    expect(items.length).toBe(40);
    expect(new Set(items.map((row) => row.supplier)).size).toBe(5);
    expect(items.some((row) => row.supplier.includes('/'))).toBe(true); // needs a safe file name
    const leadTimes = items.map((row) => Number(row.lead_time_days));
    expect(Math.min(...leadTimes)).toBe(3);
    expect(Math.max(...leadTimes)).toBe(60);
    const levels = items.filter((row) => row.service_level !== '').map((row) => Number(row.service_level));
    expect(Math.min(...levels)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...levels)).toBeLessThanOrEqual(0.99);
  });

  it('items.csv has non-ASCII descriptions (Chinese, umlauts, typographic quotes) and a few empty cells', () => {
    expect(items.some((row) => /[\u4e00-\u9fff]/.test(row.description))).toBe(true);
    expect(items.some((row) => /[äöüß]/.test(row.description))).toBe(true);
    expect(items.some((row) => row.description.includes('„'))).toBe(true);
    for (const column of ['lead_time_sd_days', 'moq', 'pack_size', 'unit_cost', 'service_level', 'review_period_days', 'order_cost', 'holding_rate']) {
      expect(items.filter((row) => row[column] === '').length, column).toBeGreaterThan(0);
    }
  });

  it('lanes.csv connects the warehouses, but not every pair', () => {
    expect(lanes.length).toBeGreaterThan(0);
    expect(lanes.length).toBeLessThan(6);
    expect(lanes.every((lane) => ['BER', 'HAM', 'MUC'].includes(lane.from) && ['BER', 'HAM', 'MUC'].includes(lane.to))).toBe(true);
  });
});

describe('input-variant fixtures describe the same sales', () => {
  let clean: Row[] = [];
  beforeAll(() => {
    clean = readCsv(join(fixtures, 'clean', 'sales.csv'));
  });
  const asTuple = (row: Row) => [row.date, row.sku, row.warehouse, Number(row.quantity), row.order_id];

  it('clean is a slice of the sample: 3 SKUs x 2 warehouses x the last 120 days, with returns and fractions', () => {
    expect(new Set(clean.map((row) => row.sku)).size).toBe(3);
    expect(new Set(clean.map((row) => row.warehouse)).size).toBe(2);
    const dates = clean.map((row) => row.date).sort();
    expect(day(dates[dates.length - 1]) - day(dates[0])).toBeLessThanOrEqual(119);
    expect(clean.some((row) => Number(row.quantity) < 0)).toBe(true);
    expect(clean.some((row) => !Number.isInteger(Number(row.quantity)))).toBe(true);
    const keys = new Set(clean.map((row) => `${row.date}|${row.sku}|${row.warehouse}`));
    const sample = readCsv(join(samples, 'sales.csv')).filter((row) => keys.has(`${row.date}|${row.sku}|${row.warehouse}`));
    expect(clean.map(asTuple)).toEqual(sample.map(asTuple));
  });

  it('excel-eu: BOM, semicolons, CRLF, decimal commas and DD/MM/YYYY give back the clean rows', () => {
    const bytes = readFileSync(join(fixtures, 'excel-eu', 'sales.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('Date;SKU;Ware house;Absatzmenge;Order-ID;Description');
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data.slice(1).map(([date, sku, warehouse, quantity, orderId]) => {
      const [dd, mm, yyyy] = date.split('/');
      return [`${yyyy}-${mm}-${dd}`, sku, warehouse, Number(quantity.replace(',', '.')), orderId];
    });
    expect(rows).toEqual(clean.map(asTuple));
    expect(parsed.data.some((cells) => /^-?\d+,\d+$/.test(cells[3]))).toBe(true);
    expect(readFileSync(join(fixtures, 'excel-eu', 'flags.txt'), 'utf8')).toContain('--map quantity=Absatzmenge');
  });

  it('gbk: GBK bytes (not valid UTF-8) with Chinese headers give back the clean rows', () => {
    const bytes = readFileSync(join(fixtures, 'gbk', 'sales.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const parsed = Papa.parse<Row>(iconv.decode(bytes, 'gbk'), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['日期', '商品编码', '仓库', '数量', '订单号', '商品名称']);
    const rows = parsed.data.map((row) => [row['日期'], row['商品编码'], row['仓库'], Number(row['数量']), row['订单号']]);
    expect(rows).toEqual(clean.map(asTuple));
    expect(parsed.data.some((row) => row['商品名称'].includes('保温杯'))).toBe(true);
    expect(readFileSync(join(fixtures, 'gbk', 'flags.txt'), 'utf8')).toContain('--encoding gbk');
  });
});

describe('bad-five fixture', () => {
  let lines: string[] = [];
  let records: string[][] = [];
  let expected: { line: number; record: number; column: number; field: string; value: string; problem: string }[] = [];
  beforeAll(() => {
    const text = readFileSync(join(fixtures, 'bad-five', 'sales.csv'), 'utf8');
    lines = text.split('\n');
    records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expected = readFileSync(join(fixtures, 'bad-five', 'expected.txt'), 'utf8')
      .split('\n').filter((line) => line !== '' && !line.startsWith('#')).slice(1)
      .map((line) => {
        const [lineNumber, record, column, field, value, problem] = line.split('\t');
        return { line: Number(lineNumber), record: Number(record), column: Number(column), field, value, problem };
      });
  });

  it('lists exactly 5 problems, and multi-line records make line numbers differ from record numbers', () => {
    expect(expected.length).toBe(5);
    expect(expected.every((entry) => entry.line > entry.record + 1)).toBe(true);
  });

  it('each listed line starts the listed record and holds the listed value in the listed column', () => {
    for (const entry of expected) {
      const cells = records[entry.record];
      expect(lines[entry.line - 1].startsWith(cells[0]), `line ${entry.line}`).toBe(true);
      if (entry.column > 0) expect(cells[entry.column - 1], `line ${entry.line}`).toBe(entry.value);
      else expect(cells.length, `line ${entry.line}`).toBe(7);
    }
  });

  it('every record not listed is valid: ISO date, a SKU, a number, six fields', () => {
    const listed = new Set(expected.map((entry) => entry.record));
    const valid = records.slice(1).filter((_, index) => !listed.has(index + 1));
    expect(valid.length).toBe(records.length - 1 - 5);
    for (const cells of valid) {
      expect(cells.length).toBe(6);
      expect(isIsoDate(cells[0]), cells[0]).toBe(true);
      expect(cells[1]).not.toBe('');
      expect(Number.isFinite(Number(cells[3]))).toBe(true);
    }
  });
});
