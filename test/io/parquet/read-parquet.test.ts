import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/series/calendar.js';
import { formatProblem } from '../../../src/errors.js';
import { validateInputs } from '../../../src/io/read/read-inputs.js';
import { readItems } from '../../../src/io/read/read-items.js';
import { readLanes } from '../../../src/io/read/read-lanes.js';
import { readSales, type SalesTable } from '../../../src/io/read/read-sales.js';
import { readStock } from '../../../src/io/read/read-stock.js';
import { openParquetConnection } from '../../../src/io/parquet/duckdb-connection.js';
import { csvToParquet, writeParquet } from './parquet-files.js';
import { salesProblems } from '../input-problems.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockcast-read-parquet-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');

const at = (name: string) => path.join(dir, name);

/** Rows as plain tuples, for comparing tables read from differently written files. */
function rowsOf(table: SalesTable): string[] {
  const rows: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    rows.push(`${table.day[r]}|${table.skus[table.skuId[r]]}|${table.warehouses[table.warehouseId[r]]}|${table.quantity[r]}`);
  }
  return rows;
}

/** Four sales rows; `date` and `quantity` are SQL expressions over d (a DATE) and q (a DOUBLE). */
function salesSelect(date: string, quantity: string, extra = ''): string {
  return `SELECT ${date} AS date, sku, warehouse, ${quantity} AS quantity${extra} FROM (VALUES
    (DATE '2024-01-05', 'A-1', 'North', 3.0), (DATE '2024-01-05', 'B-2', 'South', 2.5),
    (DATE '2024-01-06', 'A-1', 'North', -1.0), (DATE '2024-01-08', 'A-1', 'South', 4.0)) AS t(d, sku, warehouse, q)`;
}

const EXPECTED_ROWS = [
  `${dayNumber(2024, 1, 5)}|A-1|North|3`, `${dayNumber(2024, 1, 5)}|B-2|South|2.5`,
  `${dayNumber(2024, 1, 6)}|A-1|North|-1`, `${dayNumber(2024, 1, 8)}|A-1|South|4`,
];

describe('sales.parquet is read into the same table as sales.csv', () => {
  it('the samples: every row, SKU, warehouse, day, quantity and description equal', async () => {
    await csvToParquet(path.join(SAMPLES, 'sales.csv'), at('samples-sales.parquet'));
    const csv = await readSales(path.join(SAMPLES, 'sales.csv'));
    const parquet = await readSales(at('samples-sales.parquet'));
    expect(parquet.table.rowCount).toBe(csv.table.rowCount);
    expect(rowsOf(parquet.table)).toEqual(rowsOf(csv.table));
    expect(parquet.table.skus).toEqual(csv.table.skus);
    expect(parquet.table.warehouses).toEqual(csv.table.warehouses);
    expect([parquet.table.minDay, parquet.table.maxDay]).toEqual([csv.table.minDay, csv.table.maxDay]);
    expect(parquet.warnings.map((w) => w.message)).toEqual(csv.warnings.map((w) => w.message.replace('sales.csv', 'samples-sales.parquet')));
  });

  it.each([
    ['DATE', 'd'],
    ['TIMESTAMP', "d + INTERVAL '13 hours'"],
    ['TIMESTAMP_MS', "CAST(d + INTERVAL '1 second' AS TIMESTAMP_MS)"],
    ['TIMESTAMP WITH TIME ZONE (the UTC calendar date)', "CAST(CAST(d AS VARCHAR) || ' 23:30:00+00' AS TIMESTAMPTZ)"],
    ['ISO text', 'CAST(d AS VARCHAR)'],
  ])('dates as %s', async (_, date) => {
    const file = at(`dates-${date.length}-${date.charCodeAt(0)}.parquet`);
    await writeParquet(file, salesSelect(date, 'q'));
    expect(rowsOf((await readSales(file)).table)).toEqual(EXPECTED_ROWS);
  });

  it.each([
    ['DOUBLE', 'q'],
    ['FLOAT', 'CAST(q AS FLOAT)'],
    ['DECIMAL(12,3)', 'CAST(q AS DECIMAL(12,3))'],
    ['DECIMAL(38,10)', 'CAST(q AS DECIMAL(38,10))'],
  ])('quantities as %s', async (type, quantity) => {
    const file = at(`quantity-${type.replace(/\W/g, '')}.parquet`);
    await writeParquet(file, salesSelect('d', quantity));
    expect(rowsOf((await readSales(file)).table)).toEqual(EXPECTED_ROWS);
  });

  it('whole quantities as INTEGER, BIGINT and HUGEINT', async () => {
    for (const type of ['INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT']) {
      const file = at(`whole-${type}.parquet`);
      await writeParquet(file, salesSelect('d', `CAST(abs(floor(q)) AS ${type})`));
      expect(rowsOf((await readSales(file)).table).map((row) => row.split('|')[3])).toEqual(['3', '2', '1', '4']);
    }
  });

  it('a SKU stored as an integer column is its digits as text', async () => {
    const file = at('sku-int.parquet');
    await writeParquet(file, "SELECT DATE '2024-02-01' AS date, 1001::BIGINT AS sku, 2 AS quantity");
    const { table } = await readSales(file);
    expect(table.skus).toEqual(['1001']);
    expect(table.warehouses).toEqual(['MAIN']);
  });

  it('headers match as in CSV (case, spaces, - and _, aliases) and --map names other columns', async () => {
    const file = at('headers.parquet');
    await writeParquet(file, `SELECT date AS "Order Date", sku AS "ITEM_CODE", warehouse AS Location, quantity AS Menge, 'x' AS note FROM (${salesSelect('d', 'q')})`);
    const { table, warnings } = await readSales(file, { map: { quantity: 'Menge' } });
    expect(rowsOf(table)).toEqual(EXPECTED_ROWS);
    expect(warnings.map((w) => w.message)).toEqual(['headers.parquet: ignored columns note']);
  });

  it('DATE columns honour --date-format and numbers --decimal-comma: the values read are the same', async () => {
    const file = at('formats.parquet');
    await writeParquet(file, salesSelect('d', 'q'));
    expect(rowsOf((await readSales(file, { dateFormat: 'DD.MM.YYYY', decimalComma: true })).table)).toEqual(EXPECTED_ROWS);
    const text = at('formats-text.parquet');
    await writeParquet(text, salesSelect("strftime(d, '%d.%m.%Y')", 'q'));
    expect(rowsOf((await readSales(text, { dateFormat: 'DD.MM.YYYY' })).table)).toEqual(EXPECTED_ROWS);
  });
});

describe('a bad sales.parquet is an input error naming the file, the row and the column', () => {
  it('empty (NULL) cells and bad text dates: every problem, by data row', async () => {
    const file = at('nulls.parquet');
    await writeParquet(file, `SELECT * FROM (VALUES ('2024-01-05', 'A', 1.0), ('2024-13-01', 'A', 2.0), ('2024-01-07', NULL, 3.0), ('2024-01-08', 'B', NULL))
      AS t(date, sku, quantity)`);
    expect(await salesProblems(file)).toEqual([
      'nulls.parquet: row 2, column 1: date: expected a real calendar date, got "2024-13-01"',
      'nulls.parquet: row 3, column 2: sku: expected a SKU (the cell is empty)',
      'nulls.parquet: row 4, column 3: quantity: expected a number (the cell is empty)',
    ]);
  });

  it('text read through its dictionary keeps every value: empty text, spaces, case, Unicode', async () => {
    const file = at('texts.parquet');
    await writeParquet(file, `SELECT DATE '2024-01-05' AS date, sku, 1 AS quantity FROM (VALUES ('a'), ('A'), (' A '), ('螺丝刀'), (''), ('a')) AS t(sku)`);
    expect(await salesProblems(file)).toEqual(['texts.parquet: row 5, column 2: sku: expected a SKU (the cell is empty)']);
    const good = at('texts-good.parquet');
    await writeParquet(good, `SELECT DATE '2024-01-05' AS date, sku, 1 AS quantity FROM (VALUES ('a'), ('A'), (' A '), ('螺丝刀'), ('a')) AS t(sku)`);
    const { table } = await readSales(good);
    expect(Array.from(table.skuId, (id) => table.skus[id])).toEqual(['a', 'A', 'A', '螺丝刀', 'a']);
  });

  it('a column of the wrong type: one problem per column, no row read', async () => {
    const file = at('types.parquet');
    await writeParquet(file, "SELECT true AS date, 'A' AS sku, '12' AS quantity, [1, 2] AS warehouse");
    expect(await salesProblems(file)).toEqual([
      'types.parquet: date: expected a DATE, TIMESTAMP or text column, got "BOOLEAN" (column 1 "date")',
      'types.parquet: quantity: expected an integer, floating-point or decimal column, got "VARCHAR" (column 3 "quantity")',
      'types.parquet: warehouse: expected a text or integer column, got "INTEGER[]" (column 4 "warehouse")',
    ]);
  });

  it('a missing column, with the --map hint of CSV files', async () => {
    const file = at('missing.parquet');
    await writeParquet(file, "SELECT DATE '2024-01-05' AS date, 'A' AS sku, 3 AS qty_sold");
    expect(await salesProblems(file)).toEqual([
      'missing.parquet: quantity: expected a column named quantity, got "headers: date, sku, qty_sold" (use --map quantity=<Header>)',
    ]);
  });

  it('a file that is not Parquet at all', async () => {
    const file = at('sales.parquet');
    fs.writeFileSync(file, 'date,sku,quantity\n2024-01-05,A,1\n');
    expect(await salesProblems(file)).toEqual(['sales.parquet: expected a Parquet file (this file is not Parquet: name CSV files .csv)']);
  });

  it('a Parquet file with columns but no rows: "no sales rows", as for a CSV header alone', async () => {
    const file = at('no-rows.parquet');
    await writeParquet(file, "SELECT DATE '2024-01-05' AS date, 'A' AS sku, 1 AS quantity LIMIT 0");
    expect(await salesProblems(file)).toEqual(['no-rows.parquet: expected sales rows (the file has a header but no sales rows)']);
  });
});

describe('stock, items and lanes as Parquet', () => {
  beforeAll(async () => {
    for (const name of ['stock', 'items', 'lanes']) await csvToParquet(path.join(SAMPLES, `${name}.csv`), at(`${name}.parquet`));
  });
  const withoutLine = <T extends { line?: number }>(rows: readonly T[]) => rows.map(({ line: _line, ...rest }) => rest);

  it('give the rows of the CSV samples', async () => {
    expect(withoutLine((await readStock(at('stock.parquet'))).rows)).toEqual(withoutLine((await readStock(path.join(SAMPLES, 'stock.csv'))).rows));
    expect(withoutLine((await readItems(at('items.parquet'))).rows)).toEqual(withoutLine((await readItems(path.join(SAMPLES, 'items.csv'))).rows));
    expect(withoutLine((await readLanes(at('lanes.parquet'))).rows)).toEqual(withoutLine((await readLanes(path.join(SAMPLES, 'lanes.csv'))).rows));
  });

  it('validate reports the problems of every file, Parquet rows by row number', async () => {
    const stock = at('bad-stock.parquet');
    await writeParquet(stock, "SELECT * FROM (VALUES ('A', 'W', 3), ('B', 'W', -1)) AS t(sku, warehouse, on_order), (SELECT 1 AS on_hand)");
    const report = await validateInputs({ sales: at('nulls.parquet'), stock, items: at('items.parquet') });
    expect(report.problems.map(formatProblem)).toEqual([
      'nulls.parquet: row 2, column 1: date: expected a real calendar date, got "2024-13-01"',
      'nulls.parquet: row 3, column 2: sku: expected a SKU (the cell is empty)',
      'nulls.parquet: row 4, column 3: quantity: expected a number (the cell is empty)',
      'bad-stock.parquet: row 2, column 3: on_order: expected a number >= 0, got "-1"',
    ]);
    expect(report.rows['items.parquet']).toBeGreaterThan(10);
  });
});

describe('the DuckDB connection', () => {
  it('has Parquet linked into the binary and never loads or installs extensions (no network at run time)', async () => {
    const { connection, close } = await openParquetConnection();
    try {
      const reader = await connection.runAndReadAll(
        "SELECT extension_name, install_mode FROM duckdb_extensions() WHERE extension_name = 'parquet' UNION ALL "
        + "SELECT name, value FROM duckdb_settings() WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions') ORDER BY 1");
      expect(reader.getRows()).toEqual([
        ['autoinstall_known_extensions', 'false'], ['autoload_known_extensions', 'false'], ['parquet', 'STATICALLY_LINKED'],
      ]);
    } finally {
      close();
    }
  });
});
