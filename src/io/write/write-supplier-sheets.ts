/**
 * Writes the supplier sheets of a run, `suppliers/<supplier>.csv` and `.xlsx`, into an output
 * set or a folder, under safe and distinct file names. The layout of both files is described in
 * `write-supplier-layout.ts`.
 */

import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { safeFileNames } from './safe-file-name.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { supplierSheetCsv, supplierSheetLayout, type SupplierSheet } from './write-supplier-layout.js';
import { supplierSheetXlsx } from './write-supplier-xlsx.js';

export {
  groupSupplierSheets, orderReference, supplierSheetCsv, supplierSheetLayout,
  type SupplierOrderLine, type SupplierSheet, type SupplierSheetLayout,
} from './write-supplier-layout.js';
export { supplierSheetXlsx } from './write-supplier-xlsx.js';

/** Where sheets go: an output set (`beginOutputSet`) or a plain folder ({@link folderTarget}). */
export interface SupplierSheetTarget {
  writeText(name: string, text: string): Promise<void>;
  writeBytes(name: string, bytes: Uint8Array): Promise<void>;
}

/** Writes straight into a folder, each file atomically (for `export` outside a full run). */
export function folderTarget(folder: string): SupplierSheetTarget {
  const write = async (name: string, data: string | Uint8Array): Promise<void> => {
    const path = join(folder, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, data);
  };
  return { writeText: write, writeBytes: write };
}

export interface WrittenSupplierSheet {
  readonly supplier: string;
  /** Relative names written, e.g. `suppliers/ACME Ltd.csv`. */
  readonly files: readonly string[];
  readonly reference: string;
  readonly lines: number;
  readonly totalQty: number;
  readonly totalValue: number;
}

export interface SupplierSheetOptions {
  readonly formats?: readonly ('csv' | 'xlsx')[];
  /** Folder inside the target. Default `suppliers`. */
  readonly folder?: string;
}

/**
 * Writes `suppliers/<safe name>.csv` and `.xlsx` for every sheet; names are made safe and
 * distinct with {@link safeFileNames}. Returns what was written, for summary.json.
 *
 * @example const written = await writeSupplierSheets(set, groupSupplierSheets(reorderLines, '2026-11-26'));
 */
export async function writeSupplierSheets(
  target: SupplierSheetTarget,
  sheets: readonly SupplierSheet[],
  options: SupplierSheetOptions = {},
): Promise<WrittenSupplierSheet[]> {
  const formats = options.formats ?? ['csv', 'xlsx'];
  const folder = options.folder ?? 'suppliers';
  const names = safeFileNames(sheets.map((sheet) => sheet.supplier));
  const written: WrittenSupplierSheet[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const layout = supplierSheetLayout(sheets[i]);
    const files: string[] = [];
    if (formats.includes('csv')) {
      files.push(`${folder}/${names[i]}.csv`);
      await target.writeText(files[files.length - 1], supplierSheetCsv(layout));
    }
    if (formats.includes('xlsx')) {
      files.push(`${folder}/${names[i]}.xlsx`);
      await target.writeBytes(files[files.length - 1], await supplierSheetXlsx(layout));
    }
    written.push({
      supplier: layout.supplier, files, reference: layout.reference,
      lines: layout.lines.length, totalQty: layout.totalQty, totalValue: layout.totalValue,
    });
  }
  return written;
}
