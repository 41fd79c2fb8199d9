/**
 * Supplier reorder sheets, `suppliers/<supplier>.csv` and `.xlsx`: what a buyer sends to each
 * supplier. Both files have the same rectangular layout of seven columns, so that the XLSX
 * saved as CSV by a spreadsheet gives the lines of the CSV (issue 4's check with LibreOffice):
 *
 * ```
 * supplier,ACME Ltd,,,,,
 * order_date,2026-11-26,,,,,
 * reference,PO-20261126-ACMELTD-3F2A,,,,,
 * ,,,,,,
 * sku,description,warehouse,order_qty,pack_size,unit_cost,order_value
 * A-100,Widget,MAIN,120,12,2.50,300.00
 * total,,,120,,,300.00
 * ```
 *
 * The order data comes first as `key,value` lines because the spec puts supplier, order date and
 * reference "at the top"; an importer skips five lines (or finds the `sku` header) and reads a
 * plain table. Every line has seven fields, so tools that want a constant field count are happy.
 * Money is rounded to cents and unit costs to 4 decimals once, before writing, so that the lines
 * add up to the total in both files. Text cells that a spreadsheet would run as a formula get a
 * `'` prefix in the CSV; the XLSX stores them as text (it contains no formulas at all).
 */

import { createHash } from 'node:crypto';
import { formatCsvRow, type CsvCell, type CsvColumn } from './write-csv.js';

/** One SKU x warehouse to order. Costs in the currency of items.csv. */
export interface SupplierOrderLine {
  readonly sku: string;
  readonly description?: string;
  readonly warehouse: string;
  /** Whole units. */
  readonly orderQty: number;
  readonly packSize?: number;
  readonly unitCost?: number;
  /** Defaults to orderQty x unitCost. */
  readonly orderValue?: number;
}

export interface SupplierSheet {
  readonly supplier: string;
  /** ISO `YYYY-MM-DD`, normally the as-of date. */
  readonly orderDate: string;
  /** Defaults to {@link orderReference}. */
  readonly reference?: string;
  readonly lines: readonly SupplierOrderLine[];
}

/** A sheet with its numbers rounded once, as both files show them. */
export interface SupplierSheetLayout {
  readonly supplier: string;
  readonly orderDate: string;
  readonly reference: string;
  readonly lines: readonly {
    readonly sku: string; readonly description: string; readonly warehouse: string;
    readonly orderQty: number; readonly packSize: number; readonly unitCost: number; readonly orderValue: number;
  }[];
  readonly totalQty: number;
  /** Sum of the rounded line values (NaN-valued lines left out). */
  readonly totalValue: number;
}

export const SUPPLIER_SHEET_COLUMNS: readonly CsvColumn[] = [
  { name: 'sku' }, { name: 'description' }, { name: 'warehouse' },
  { name: 'order_qty', decimals: 0 }, { name: 'pack_size', decimals: 0 },
  { name: 'unit_cost', decimals: 2, maxDecimals: 4 }, { name: 'order_value', decimals: 2 },
];
/** Rows before the header row: supplier, order date, reference, an empty row. */
export const SUPPLIER_SHEET_HEADER_ROW = 5;

/**
 * `PO-<date>-<up to 12 letters/digits of the name>-<4 hex of its SHA-256>`: readable, and distinct
 * for suppliers whose names differ only in punctuation.
 *
 * @example orderReference('ACME Ltd.', '2026-11-26') // 'PO-20261126-ACMELTD-xxxx'
 */
export function orderReference(supplier: string, orderDate: string): string {
  const code = supplier.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12);
  const hash = createHash('sha256').update(supplier).digest('hex').slice(0, 4).toUpperCase();
  return `PO-${orderDate.replace(/-/g, '')}-${code === '' ? 'X' : code}-${hash}`;
}

/** Rounds once; the total is summed in whole cents so that it equals the sum of the shown lines. */
export function supplierSheetLayout(sheet: SupplierSheet): SupplierSheetLayout {
  let totalQty = 0;
  let totalCents = 0;
  const lines = sheet.lines.map((line) => {
    const unitCost = roundTo(line.unitCost ?? NaN, 4);
    const orderValue = roundTo(line.orderValue ?? line.orderQty * unitCost, 2);
    totalQty += line.orderQty;
    if (Number.isFinite(orderValue)) totalCents += Math.round(orderValue * 100);
    return {
      sku: line.sku,
      description: line.description ?? '',
      warehouse: line.warehouse,
      orderQty: line.orderQty,
      packSize: line.packSize ?? NaN,
      unitCost,
      orderValue,
    };
  });
  return {
    supplier: sheet.supplier,
    orderDate: sheet.orderDate,
    reference: sheet.reference ?? orderReference(sheet.supplier, sheet.orderDate),
    lines,
    totalQty,
    totalValue: totalCents / 100,
  };
}

function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return NaN;
  const scale = 10 ** decimals;
  // toPrecision first so that 1.005 (stored as 1.00499999...) rounds as written, to 1.01.
  return Math.round(Number((value * scale).toPrecision(15))) / scale;
}

/** The cells of every row of the sheet, in order (shared by the CSV and the XLSX writers). */
export function supplierSheetCells(layout: SupplierSheetLayout): CsvCell[][] {
  const pad = (cells: CsvCell[]): CsvCell[] => [...cells, ...Array<CsvCell>(7 - cells.length).fill('')];
  return [
    pad(['supplier', layout.supplier]),
    pad(['order_date', layout.orderDate]),
    pad(['reference', layout.reference]),
    pad([]),
    SUPPLIER_SHEET_COLUMNS.map((column) => column.name),
    ...layout.lines.map((line): CsvCell[] => [
      line.sku, line.description, line.warehouse, line.orderQty, line.packSize, line.unitCost, line.orderValue,
    ]),
    ['total', '', '', layout.totalQty, '', '', layout.totalValue],
  ];
}

/**
 * The CSV text of one supplier sheet (layout above), formula-like text neutralised.
 *
 * @example supplierSheetCsv({ supplier: 'ACME', orderDate: '2026-11-26', lines: [...] })
 */
export function supplierSheetCsv(sheet: SupplierSheet | SupplierSheetLayout): string {
  const layout = 'totalQty' in sheet ? sheet : supplierSheetLayout(sheet);
  const cells = supplierSheetCells(layout);
  return cells.map((row, index) => formatCsvRow(row, index >= SUPPLIER_SHEET_HEADER_ROW ? SUPPLIER_SHEET_COLUMNS : undefined, true)).join('');
}

/**
 * Groups reorder lines into one sheet per supplier, suppliers and lines sorted (by sku, then
 * warehouse) so that the same input gives the same files. Lines without a supplier go to
 * `unassignedName`. Lines with orderQty <= 0 are left out.
 */
export function groupSupplierSheets(
  lines: readonly (SupplierOrderLine & { readonly supplier?: string })[],
  orderDate: string,
  unassignedName = 'no_supplier',
): SupplierSheet[] {
  const bySupplier = new Map<string, SupplierOrderLine[]>();
  for (const line of lines) {
    if (!(line.orderQty > 0)) continue;
    const supplier = line.supplier === undefined || line.supplier.trim() === '' ? unassignedName : line.supplier;
    const list = bySupplier.get(supplier) ?? [];
    list.push(line);
    bySupplier.set(supplier, list);
  }
  return [...bySupplier.keys()].sort(compareText).map((supplier) => ({
    supplier,
    orderDate,
    lines: (bySupplier.get(supplier) ?? []).slice().sort((a, b) => compareText(a.sku, b.sku) || compareText(a.warehouse, b.warehouse)),
  }));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

