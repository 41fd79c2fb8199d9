import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/series/calendar.js';
import { InputError } from '../../../src/errors.js';
import { readSales, type SalesTable } from '../../../src/io/read/read-sales.js';
import { salesProblems } from '../input-problems.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockcast-read-sales-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Rows as plain tuples, for comparing tables read from differently written files. */
function rowsOf(table: SalesTable): string[] {
  const rows: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    rows.push(`${table.day[r]}|${table.skus[table.skuId[r]]}|${table.warehouses[table.warehouseId[r]]}|${table.quantity[r]}`);
  }
  return rows;
}

const CLEAN = [
  'date,sku,warehouse,quantity,description',
  '2024-01-05,A-1,North,3,Widget',
  '2024-01-05,B-2,South,2.5,螺丝刀 screwdriver',
  '2024-01-06,A-1,North,-1,Widget',
  '2024-01-08,A-1,South,4,Widget',
  '',
].join('\n');

describe('readSales column widths', () => {
  it('widens ids and quantities when a value stops fitting, keeping every earlier row', async () => {
    // 70,000 SKUs (past Uint16), 300 warehouses (past Uint8), small whole quantities until row
    // 50,000, which is -40000 (past Int16), 2.5 at row 69,999 (past Int32), then 3e9.
    const lines = ['date,sku,warehouse,quantity'];
    const quantityOf = (i: number) => (i === 50_000 ? -40_000 : i === 69_999 ? 2.5 : i % 7);
    for (let i = 0; i < 70_000; i++) lines.push(`2024-01-01,S${i},W${i % 300},${quantityOf(i)}`);
    lines.push('2024-01-02,S0,W0,3000000000', '1969-12-31,S1,W1,1', '');
    const { table } = await readSales(write('wide.csv', lines.join('\n')));
    expect(table.rowCount).toBe(70_002);
    expect(table.skus.length).toBe(70_000);
    expect(table.warehouses.length).toBe(300);
    for (const r of [0, 255, 256, 299, 49_999, 50_000, 65_535, 65_536, 69_998, 69_999]) {
      expect([table.skus[table.skuId[r]], table.warehouses[table.warehouseId[r]], table.quantity[r]]).toEqual([`S${r}`, `W${r % 300}`, quantityOf(r)]);
    }
    expect(table.quantity[70_000]).toBe(3e9);
    expect(table.skuId[70_000]).toBe(0);
    // Day numbers: 2024-01-01 = 19723 fits a Uint16 until the day before 1970-01-01 (-1).
    expect([table.day[0], table.day[70_000], table.day[70_001]]).toEqual([19_723, 19_724, -1]);
  });

  it('keeps small files in narrow arrays (7 bytes a row)', async () => {
    const { table } = await readSales(write('narrow.csv', CLEAN.replace('2.5', '2')));
    expect([table.skuId, table.warehouseId, table.day, table.quantity].map((a) => a.BYTES_PER_ELEMENT)).toEqual([2, 1, 2, 2]);
  });
});

describe('readSales', () => {
  it('reads a clean file into typed columns with interned names', async () => {
    const { table, warnings } = await readSales(write('clean.csv', CLEAN));
    expect(table.rowCount).toBe(4);
    expect(table.skus).toEqual(['A-1', 'B-2']);
    expect(table.warehouses).toEqual(['North', 'South']);
    expect(Array.from(table.skuId)).toEqual([0, 1, 0, 0]);
    expect(Array.from(table.warehouseId)).toEqual([0, 1, 0, 1]);
    expect(Array.from(table.quantity)).toEqual([3, 2.5, -1, 4]);
    expect(table.minDay).toBe(dayNumber(2024, 1, 5));
    expect(table.maxDay).toBe(dayNumber(2024, 1, 8));
    expect(table.hasWarehouseColumn).toBe(true);
    expect(table.descriptions).toEqual(['Widget', '螺丝刀 screwdriver']);
    expect(warnings).toEqual([]);
  });

  it('reports all five bad lines with physical line numbers, counting lines inside a quoted field', async () => {
    const file = write('five-bad.csv', [
      'date,sku,quantity,note', //                                    line 1
      '2024-01-01,A,1,ok', //                                         line 2
      '2024-01-02,A,2,"a note', //                                    line 3, record 2 spans 3 lines
      'over two more', //                                             line 4
      'lines"', //                                                    line 5
      '2024-13-01,A,1,bad date', //                                   line 6 (record 3)
      '2024-01-03,A,lots,bad quantity', //                            line 7
      '2024-01-04,,2,missing sku', //                                 line 8
      '2024-01-05,A,"3x","multi', //                                  line 9, bad quantity in a multi-line record
      'line note"', //                                                line 10
      '2024-01-06,A,4', //                                            line 11, wrong column count
      '2024-01-07,A,5,fine', //                                       line 12
    ].join('\n'));
    expect(await salesProblems(file)).toEqual([
      'five-bad.csv:6:1: date: expected a real calendar date, got "2024-13-01"',
      'five-bad.csv:7:3: quantity: expected a number, got "lots"',
      'five-bad.csv:8:2: sku: expected a SKU (the cell is empty)',
      'five-bad.csv:9:3: quantity: expected a number, got "3x"',
      'five-bad.csv:11: expected 4 fields (found 3), got "2024-01-06,A,4"',
    ]);
  });

  it('reads a UTF-8 file with a BOM the same as without', async () => {
    const plain = await readSales(write('plain.csv', CLEAN));
    const bom = await readSales(write('bom.csv', `\uFEFF${CLEAN}`));
    expect(rowsOf(bom.table)).toEqual(rowsOf(plain.table));
    expect(bom.table.descriptions).toEqual(plain.table.descriptions);
  });

  it('reads a ";" export with decimal commas, DD/MM/YYYY, CRLF and other header spellings like the clean file', async () => {
    const european = [
      'Order Date;Item-Code;Location;Qty;Product Name',
      '05/01/2024;A-1;North;3;Widget',
      '05/01/2024;B-2;South;2,5;螺丝刀 screwdriver',
      '06/01/2024;A-1;North;-1;Widget',
      '08/01/2024;A-1;South;4;Widget',
      '',
    ].join('\r\n');
    const clean = await readSales(write('clean2.csv', CLEAN));
    const { table, warnings } = await readSales(write('european.csv', `\uFEFF${european}`), { dateFormat: 'DD/MM/YYYY' });
    expect(rowsOf(table)).toEqual(rowsOf(clean.table));
    expect(table.descriptions).toEqual(clean.table.descriptions);
    expect(warnings.map((w) => w.code)).toEqual(['decimal-comma']);
  });

  it('reads a GBK-encoded file with --encoding gbk into the same table', async () => {
    const clean = await readSales(write('clean3.csv', CLEAN));
    const gbk = await readSales(write('gbk.csv', iconv.encode(CLEAN, 'gbk')), { encoding: 'gbk' });
    expect(rowsOf(gbk.table)).toEqual(rowsOf(clean.table));
    expect(gbk.table.descriptions).toEqual(clean.table.descriptions);
  });

  it('reads tab-separated UTF-16LE with a BOM', async () => {
    const clean = await readSales(write('clean4.csv', CLEAN));
    const tsv = CLEAN.replaceAll(',', '\t');
    const file = write('utf16.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, 'utf-16le')]));
    const { table } = await readSales(file, { encoding: 'utf-16le' });
    expect(rowsOf(table)).toEqual(rowsOf(clean.table));
  });

  it('uses --map to take another header for a field (M3-style "series" column)', async () => {
    const file = write('m3.csv', 'series,date,value\nN1234,2024-01-01,7\n');
    expect(await salesProblems(file)).toEqual([
      'm3.csv:1: sku: expected a column named sku, got "headers: series, date, value" (use --map sku=<Header>)',
      'm3.csv:1: quantity: expected a column named quantity, got "headers: series, date, value" (use --map quantity=<Header>)',
    ]);
    const { table } = await readSales(file, { map: { sku: 'Series', quantity: 'value' } });
    expect(rowsOf(table)).toEqual([`${dayNumber(2024, 1, 1)}|N1234|MAIN|7`]);
    expect(table.hasWarehouseColumn).toBe(false);
  });

  it('in a ";" file, reports a number whose decimal mark contradicts the one detected earlier', async () => {
    const file = write('mixed.csv', 'date;sku;quantity\n2024-01-01;A;1,5\n2024-01-02;A;2.5\n');
    expect(await salesProblems(file)).toEqual([
      'mixed.csv:3:3: quantity: expected a number with a decimal comma, got "2.5" (this file was read with a decimal comma; set --decimal-comma explicitly)',
    ]);
    const { table } = await readSales(write('points.csv', 'date;sku;quantity\n2024-01-01;A;1.5\n'));
    expect(Array.from(table.quantity)).toEqual([1.5]);
  });

  it('counts CRLF inside a quoted field once and needs no final line break', async () => {
    const file = write('crlf.csv', 'date,sku,quantity,note\r\n2024-01-01,A,1,"two\r\nlines"\r\n2024-01-02,A,oops,x\r\n2024-01-03,A,1,"last\r\nrow"');
    expect(await salesProblems(file)).toEqual(['crlf.csv:4:3: quantity: expected a number, got "oops"']);
    const good = write('crlf-good.csv', 'date,sku,quantity,note\r\n2024-01-01,A,1,"two\r\nlines"\r\n2024-01-03,A,2,"last\r\nrow"');
    expect(Array.from((await readSales(good)).table.quantity)).toEqual([1, 2]);
  });

  it('reads quoted headers and values, and a delimiter inside quotes', async () => {
    const file = write('quoted.csv', '"date","sku","quantity","description"\n"2024-01-01","A","3","Bolt, M6"\n');
    const { table } = await readSales(file);
    expect(rowsOf(table)).toEqual([`${dayNumber(2024, 1, 1)}|A|MAIN|3`]);
    expect(table.descriptions).toEqual(['Bolt, M6']);
  });

  it('caps the stored problems at 1000 and counts them all', async () => {
    const lines = ['date,sku,quantity'];
    for (let i = 0; i < 1500; i++) lines.push('2024-01-01,A,x');
    try {
      await readSales(write('many.csv', lines.join('\n')));
      throw new Error('expected an InputError');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.length).toBe(1000);
      expect((error as InputError).total).toBe(1500);
    }
  });

  it('reads windows-1252 / latin1 text with accents', async () => {
    const text = 'date;sku;quantity;description\n2024-01-01;A;2,5;Café crème\n';
    for (const encoding of ['windows-1252', 'latin1']) {
      const { table } = await readSales(write(`latin-${encoding}.csv`, iconv.encode(text, encoding)), { encoding });
      expect(table.descriptions).toEqual(['Café crème']);
      expect(Array.from(table.quantity)).toEqual([2.5]);
    }
  });
});
