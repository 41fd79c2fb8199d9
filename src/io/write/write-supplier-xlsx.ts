/**
 * The XLSX form of a supplier sheet (exceljs): same rows as the CSV, bold frozen header, number
 * formats that show what the CSV writes (`0`, `0.00##`, `0.00`), the order date as a real date,
 * column widths from the content, every text cell stored as text (no formulas anywhere).
 *
 * Byte-identical output for the same sheet: exceljs stamps the workbook's created/modified
 * dates and JSZip stamps every zip entry with the current time, so we set the former from the
 * order date and rewrite the latter in the finished zip.
 */

import type { Style } from 'exceljs';
import { parseIsoDay } from '../../core/series/calendar.js';
import {
  SUPPLIER_SHEET_COLUMNS, SUPPLIER_SHEET_HEADER_ROW, supplierSheetCells, type SupplierSheetLayout,
} from './write-supplier-layout.js';

const NUMBER_FORMATS: Readonly<Record<string, string>> = {
  order_qty: '0', pack_size: '0', unit_cost: '0.00##', order_value: '0.00',
};
const DAY_MS = 86_400_000;

/**
 * @example const bytes = await supplierSheetXlsx(supplierSheetLayout(sheet)); await set.writeBytes('suppliers/acme.xlsx', bytes);
 */
export async function supplierSheetXlsx(layout: SupplierSheetLayout): Promise<Uint8Array> {
  const orderDay = parseIsoDay(layout.orderDate);
  const stamp = new Date(Number.isFinite(orderDay) ? orderDay * DAY_MS : 0);
  // exceljs takes over a second to load; only runs that write sheets pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'stockcast';
  workbook.lastModifiedBy = 'stockcast';
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet('Order', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: SUPPLIER_SHEET_HEADER_ROW }],
  });
  const cells = supplierSheetCells(layout);
  const widths = SUPPLIER_SHEET_COLUMNS.map((column) => column.name.length);
  const styles = sharedStyles();
  cells.forEach((row, rowIndex) => {
    const rowNumber = rowIndex + 1;
    const isTable = rowNumber >= SUPPLIER_SHEET_HEADER_ROW;
    const isBold = rowNumber === SUPPLIER_SHEET_HEADER_ROW || rowNumber === cells.length;
    row.forEach((value, columnIndex) => {
      if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) return;
      const cell = sheet.getCell(rowNumber, columnIndex + 1);
      if (rowNumber === 2 && columnIndex === 1 && Number.isFinite(orderDay)) {
        cell.value = stamp;
        cell.style = styles('date', 'yyyy-mm-dd', isBold);
      } else if (typeof value === 'number') {
        cell.value = value;
        cell.style = styles('number', isTable ? NUMBER_FORMATS[SUPPLIER_SHEET_COLUMNS[columnIndex].name] ?? 'General' : undefined, isBold);
      } else {
        cell.style = styles('text', undefined, isBold);
        // A plain string is always a shared-string text cell in exceljs, never a formula, even
        // when it starts with `=`; unlike the CSV, no `'` is needed (or wanted) here.
        cell.value = value;
      }
      widths[columnIndex] = Math.max(widths[columnIndex], shownLength(value));
    });
  });
  sheet.getRow(SUPPLIER_SHEET_HEADER_ROW).font = { bold: true };
  sheet.getRow(cells.length).font = { bold: true };
  widths.forEach((width, index) => { sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, width + 2)); });
  const buffer = await workbook.xlsx.writeBuffer();
  return setZipTimestamps(new Uint8Array(buffer as ArrayBuffer), stamp);
}

/**
 * One style object per kind of cell, shared by all cells of that kind. exceljs turns every cell's
 * style into XML to find its style id unless it has seen the same object before; a fresh object
 * per cell made that most of the time of writing a sheet. The ids and bytes are the same either
 * way. Bold rows get objects of their own, since `row.font = ...` writes into its cells' styles.
 */
function sharedStyles(): (kind: 'date' | 'number' | 'text', numFmt: string | undefined, isBold: boolean) => Partial<Style> {
  const styles = new Map<string, Partial<Style>>();
  return (kind, numFmt, isBold) => {
    const key = `${kind}\u0000${numFmt ?? ''}\u0000${isBold ? 'bold' : ''}`;
    let style = styles.get(key);
    if (style === undefined) {
      style = numFmt === undefined ? {} : { numFmt };
      styles.set(key, style);
    }
    return style;
  };
}

function shownLength(value: string | number): number {
  return typeof value === 'number' ? String(Math.round(value * 100) / 100).length + 3 : [...value].length;
}

/**
 * Sets the DOS date and time of every entry of a zip file (local headers and central directory)
 * to `date` (UTC, at 00:00:00; dates before 1980 become 1980-01-01). PKWARE APPNOTE 4.3.7, 4.3.12.
 */
export function setZipTimestamps(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dosDate = date.getUTCFullYear() < 1980
    ? (1 << 5) | 1
    : ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('zip central directory is damaged');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, 0, true);
      view.setUint16(local + 12, dosDate, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
