import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatCsvNumber } from '../../../src/io/write/write-csv.js';
import { SUPPLIER_SHEET_COLUMNS } from '../../../src/io/write/write-supplier-layout.js';
import {
  folderTarget, groupSupplierSheets, supplierSheetCsv, supplierSheetLayout, supplierSheetXlsx, writeSupplierSheets,
  type SupplierSheet,
} from '../../../src/io/write/write-supplier-sheets.js';

const HAS_LIBREOFFICE = spawnSync('libreoffice', ['--version'], { stdio: 'ignore' }).status === 0;

const SHEET: SupplierSheet = {
  supplier: 'ACME, Ltd.',
  orderDate: '2026-11-26',
  lines: [
    { sku: 'A-100', description: 'Widget "large"', warehouse: 'MAIN', orderQty: 120, packSize: 12, unitCost: 2.5 },
    { sku: 'B-200', description: 'Gadget, blue', warehouse: 'NORTH', orderQty: 7, packSize: 1, unitCost: 0.0125 },
    { sku: 'C-300', description: '', warehouse: 'MAIN', orderQty: 3, packSize: 3, unitCost: 19.99 },
    { sku: 'D-400', description: 'no cost known', warehouse: 'MAIN', orderQty: 10 },
  ],
};

let work = '';
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'stockcast-xlsx-')); });
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

async function readXlsxRows(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('supplier sheet CSV', () => {
  it('puts supplier, order date and reference on top, then the table and its total, seven fields a line', () => {
    // order values: 120 x 2.5 = 300.00; 7 x 0.0125 = 0.0875 -> 0.09; 3 x 19.99 = 59.97; total 360.06
    expect(supplierSheetCsv(SHEET)).toBe([
      'supplier,"ACME, Ltd.",,,,,',
      'order_date,2026-11-26,,,,,',
      `reference,${supplierSheetLayout(SHEET).reference},,,,,`,
      ',,,,,,',
      'sku,description,warehouse,order_qty,pack_size,unit_cost,order_value',
      'A-100,"Widget ""large""",MAIN,120,12,2.50,300.00',
      'B-200,"Gadget, blue",NORTH,7,1,0.0125,0.09',
      'C-300,,MAIN,3,3,19.99,59.97',
      'D-400,no cost known,MAIN,10,,,',
      'total,,,140,,,360.06',
      '',
    ].join('\n'));
    expect(supplierSheetLayout(SHEET).reference).toMatch(/^PO-20261126-ACMELTD-[0-9A-F]{4}$/);
  });

  it('neutralises formula-like text but keeps numbers', () => {
    const csv = supplierSheetCsv({
      supplier: '=HYPERLINK("http://evil","click")', orderDate: '2026-11-26', reference: '@ref',
      lines: [{ sku: '-SKU', description: '+cmd', warehouse: '=W', orderQty: 5, unitCost: -1 }],
    });
    expect(csv).toContain('supplier,"\'=HYPERLINK(""http://evil"",""click"")",,,,,\n');
    expect(csv).toContain("reference,'@ref,,,,,\n");
    expect(csv).toContain("'-SKU,'+cmd,'=W,5,,-1.00,-5.00\n");
  });
});

const lineArbitrary = fc.record({
  sku: fc.string({ minLength: 1, maxLength: 12 }),
  description: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  warehouse: fc.constantFrom('MAIN', 'BER', '=HAM', 'a,b'),
  orderQty: fc.integer({ min: 1, max: 100_000 }),
  packSize: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
  unitCost: fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }), { nil: undefined }),
});

describe('supplier sheet totals (property)', () => {
  it('every line has seven fields and the total row is the sum of the lines as shown, to the cent', () => {
    fc.assert(fc.property(fc.array(lineArbitrary, { minLength: 1, maxLength: 20 }), (lines) => {
      const rows = Papa.parse<string[]>(supplierSheetCsv({ supplier: 'S', orderDate: '2026-11-26', lines }).trimEnd(), { delimiter: ',' }).data;
      expect(rows.every((row) => row.length === 7)).toBe(true);
      const table = rows.slice(5, -1);
      expect(table).toHaveLength(lines.length);
      const total = rows[rows.length - 1];
      expect(total[0]).toBe('total');
      expect(Number(total[3])).toBe(table.reduce((sum, row) => sum + Number(row[3]), 0));
      const cents = table.reduce((sum, row) => sum + (row[6] === '' ? 0 : Math.round(Number(row[6]) * 100)), 0);
      expect(Math.round(Number(total[6]) * 100)).toBe(cents);
    }), { numRuns: 200 });
  });

  it('the XLSX read back holds the same numbers as the CSV (property, few runs: exceljs is slow)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(lineArbitrary, { minLength: 1, maxLength: 8 }), async (lines) => {
      const layout = supplierSheetLayout({ supplier: 'S', orderDate: '2026-11-26', lines });
      const sheet = await readXlsxRows(await supplierSheetXlsx(layout));
      layout.lines.forEach((line, i) => {
        expect(sheet.getCell(6 + i, 1).value).toBe(line.sku);
        expect(sheet.getCell(6 + i, 4).value).toBe(line.orderQty);
        expect(sheet.getCell(6 + i, 7).value ?? NaN).toEqual(line.orderValue);
      });
      expect(sheet.getCell(6 + layout.lines.length, 7).value).toBe(layout.totalValue);
    }), { numRuns: 15 });
  });
});

describe('supplier sheet XLSX', () => {
  it('reads back with exceljs as the same cells as the CSV, with formats, bold frozen header and no formulas', async () => {
    const bytes = await supplierSheetXlsx(supplierSheetLayout(SHEET));
    const sheet = await readXlsxRows(bytes);
    const csvRows = Papa.parse<string[]>(supplierSheetCsv(SHEET).trimEnd(), { delimiter: ',' }).data;
    expect(sheet.rowCount).toBe(csvRows.length);
    for (let r = 0; r < csvRows.length; r++) {
      for (let c = 0; c < 7; c++) {
        const cell = sheet.getCell(r + 1, c + 1);
        expect(cell.type, `row ${r + 1} col ${c + 1}`).not.toBe(ExcelJS.ValueType.Formula);
        const column = SUPPLIER_SHEET_COLUMNS[c];
        const shown = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10)
          : typeof cell.value === 'number' ? formatCsvNumber(cell.value, column.decimals, column.maxDecimals)
            : String(cell.value ?? '');
        expect(shown, `row ${r + 1} col ${c + 1}`).toBe(csvRows[r][c]);
      }
    }
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('F6').numFmt).toBe('0.00##');
    expect(sheet.getCell('G10').numFmt).toBe('0.00');
    expect(sheet.getRow(5).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(12);
  });

  it('stores formula-like text as text cells', async () => {
    const bytes = await supplierSheetXlsx(supplierSheetLayout({
      supplier: '=1+1', orderDate: '2026-11-26', lines: [{ sku: '@SUM(A1)', warehouse: '-W', orderQty: 1 }],
    }));
    const sheet = await readXlsxRows(bytes);
    expect(sheet.getCell('B1').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B1').value).toBe('=1+1');
    expect(sheet.getCell('A6').value).toBe('@SUM(A1)');
    expect(Buffer.from(bytes).includes('<f>')).toBe(false);
  });

  it('is byte-identical for the same sheet, whenever it is written', async () => {
    // exceljs and JSZip read the clock: write on two different days.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-26T02:00:00Z'));
      const first = await supplierSheetXlsx(supplierSheetLayout(SHEET));
      vi.setSystemTime(new Date('2027-03-01T13:37:42Z'));
      const second = await supplierSheetXlsx(supplierSheetLayout(SHEET));
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  // Filter options: comma, double quote, UTF-8, from line 1, no text quoting unless needed (7th
  // token false), cells as shown (9th token true). Takes 10-20 s: LibreOffice starts up.
  it.skipIf(!HAS_LIBREOFFICE)(HAS_LIBREOFFICE
    ? 'LibreOffice converts it to the same lines and totals as the CSV, byte for byte'
    : 'LibreOffice check SKIPPED: libreoffice is not installed (apt-get install libreoffice-calc-nogui)', async () => {
    const dir = mkdtempSync(join(work, 'lo-'));
    const written = await writeSupplierSheets(folderTarget(dir), [SHEET]);
    const base = written[0].files[1].replace(/^suppliers\//, '').replace(/\.xlsx$/, '');
    execFileSync('libreoffice', [
      `-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless',
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', join(dir, 'converted'),
      join(dir, 'suppliers', `${base}.xlsx`),
    ], { stdio: 'ignore', timeout: 120_000 });
    const converted = readFileSync(join(dir, 'converted', `${base}.csv`), 'utf8').replace(/\r\n/g, '\n');
    expect(converted).toBe(readFileSync(join(dir, 'suppliers', `${base}.csv`), 'utf8'));
  });
});

describe('writeSupplierSheets', () => {
  it('groups by supplier, sorts, writes both files under safe distinct names inside suppliers/', async () => {
    const dir = mkdtempSync(join(work, 'sheets-'));
    const sheets = groupSupplierSheets([
      { supplier: '../../x', sku: 'B', warehouse: 'W1', orderQty: 2, unitCost: 1 },
      { supplier: '../../x', sku: 'A', warehouse: 'W2', orderQty: 1, unitCost: 1 },
      { supplier: 'CON', sku: 'C', warehouse: 'W1', orderQty: 1 },
      { supplier: 'a/b', sku: 'D', warehouse: 'W1', orderQty: 1 },
      { supplier: 'a:b', sku: 'E', warehouse: 'W1', orderQty: 1 },
      { supplier: '', sku: 'F', warehouse: 'W1', orderQty: 1 },
      { supplier: 'Zero', sku: 'G', warehouse: 'W1', orderQty: 0 },
    ], '2026-11-26');
    expect(sheets.map((sheet) => sheet.supplier)).toEqual(['../../x', 'CON', 'a/b', 'a:b', 'no_supplier']);
    expect(sheets[0].lines.map((line) => line.sku)).toEqual(['A', 'B']);
    const written = await writeSupplierSheets(folderTarget(dir), sheets);
    expect(readdirSync(dir)).toEqual(['suppliers']);
    const files = readdirSync(join(dir, 'suppliers')).sort();
    expect(files).toHaveLength(10);
    expect(files).toContain('___.._x.csv');
    expect(files).toContain('_CON.xlsx');
    expect(written.map((sheet) => sheet.totalQty)).toEqual([3, 1, 1, 1, 1]);
    expect(written[0]).toMatchObject({ supplier: '../../x', lines: 2, totalValue: 3, files: ['suppliers/___.._x.csv', 'suppliers/___.._x.xlsx'] });
  });
});
