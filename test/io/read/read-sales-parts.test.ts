import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { joinSalesParts } from '../../../src/io/read/read-sales-parts.js';
import { readSalesRange, type SalesPart } from '../../../src/io/read/read-sales-range.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockcast-read-parts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(content: string): string {
  const file = path.join(dir, `sales-${files++}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

/** Everything of a part a table is built from, as plain values (column types included). */
function viewOf(part: SalesPart) {
  return {
    skus: part.skus,
    warehouses: part.warehouses,
    descriptions: part.descriptions,
    columns: [part.skuId, part.warehouseId, part.day, part.quantity].map((column) => [column.constructor.name, Array.from(column)]),
    rowCount: part.rowCount,
    minDay: part.minDay,
    maxDay: part.maxDay,
    hasWarehouseColumn: part.hasWarehouseColumn,
    summary: part.summary,
    problems: part.problems.count,
    warnings: part.warnings,
  };
}

/** Byte offsets right after each line break of `text` (the places a file may be cut). */
function lineStarts(text: string): number[] {
  const bytes = Buffer.from(text);
  const starts: number[] = [];
  for (let i = bytes.indexOf(10); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}

/** The file read in parts cut at `cuts` (byte offsets after line breaks, the first after the header), then joined. */
async function readJoined(file: string, cuts: readonly number[]): Promise<SalesPart> {
  const size = fs.statSync(file).size;
  const bounds = [0, ...cuts, size];
  const parts: SalesPart[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) parts.push(await readSalesRange(file, {}, { start: bounds[k], end: bounds[k + 1] }));
  return joinSalesParts(parts);
}

const row = fc.record({
  day: fc.integer({ min: 0, max: 60 }),
  sku: fc.constantFrom('A', 'B-1', '"C, quoted"', ' D ', 'É-ü', 'F"x', 'a-very-long-sku-name-over-ten-chars'),
  warehouse: fc.constantFrom('North', 'South', ' East', '"West"'),
  quantity: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constantFrom('2.5', '40000', '3000000000', '0.125', ' 7 ')),
  description: fc.constantFrom('', 'Widget', '"Gadget, large"', ' spaced '),
  lineBreak: fc.constantFrom('\n', '\n', '\n', '\r\n'),
  blank: fc.constantFrom(false, false, false, false, true),
  bom: fc.constantFrom(false, false, false, false, false, false, false, true),
});

type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

function fileOf(rows: readonly Row[]): string {
  let text = '\uFEFFdate,sku,warehouse,quantity,description\n';
  for (const r of rows) {
    const date = new Date(Date.UTC(2024, 0, 1 + r.day)).toISOString().slice(0, 10);
    if (r.blank) text += '\n';
    text += `${r.bom ? '\uFEFF' : ''}${date},${r.sku},${r.warehouse},${r.quantity},${r.description}${r.lineBreak}`;
  }
  return text;
}

describe('reading a sales file in parts', () => {
  it('joins parts cut at any line into exactly the table one pass reads (names, ids, column types, descriptions, counts)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(row, { minLength: 1, maxLength: 60 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      async (rows, picks) => {
        const text = fileOf(rows);
        const file = write(text);
        const starts = lineStarts(text).slice(1); // never inside the header line
        fc.pre(starts.length > 0);
        const cuts = [...new Set(picks.map((pick) => starts[pick % starts.length]))].sort((a, b) => a - b);
        const whole = await readSalesRange(file);
        fc.pre(whole.problems.count === 0);
        expect(viewOf(await readJoined(file, cuts))).toEqual(viewOf(whole));
      },
    ), { numRuns: 150 });
  });

  it('widens a column when only a later part needs it: SKU ids past 65,535, quantities past Int16, fractions', async () => {
    const lines = ['date,sku,warehouse,quantity'];
    for (let i = 0; i < 70_000; i++) lines.push(`2024-02-01,S${i},W${i % 300},${i < 69_999 ? 1 : 2.5}`);
    const text = `${lines.join('\n')}\n`;
    const file = write(text);
    const cut = Buffer.byteLength(`${lines.slice(0, 60_001).join('\n')}\n`);
    const whole = await readSalesRange(file);
    const joined = await readJoined(file, [cut]);
    expect(joined.skuId).toBeInstanceOf(Int32Array);
    expect(joined.warehouseId).toBeInstanceOf(Uint16Array);
    expect(joined.quantity).toBeInstanceOf(Float64Array);
    expect(viewOf(joined)).toEqual(viewOf(whole));
  });

  it('gives a problem to the part before a cut inside a quoted value, so such a file is read in one pass', async () => {
    const text = 'date,sku,warehouse,quantity,description\n2024-01-01,A,N,1,"two\nlines"\n2024-01-02,B,N,2,x\n';
    const file = write(text);
    const cut = text.indexOf('lines');
    const first = await readSalesRange(file, {}, { start: 0, end: cut });
    expect(first.problems.count).toBeGreaterThan(0);
    // Cut after the quoted value instead: no problem, and the same table as one pass.
    const after = text.indexOf('2024-01-02');
    expect(viewOf(await readJoined(file, [after]))).toEqual(viewOf(await readSalesRange(file)));
  });
});
