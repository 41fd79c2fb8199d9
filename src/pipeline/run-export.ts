import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { readReorder } from '../io/read/read-reorder.js';
import { readItems } from '../io/read/read-items.js';
import { folderTarget, writeSupplierSheets, type SupplierSheet, type WrittenSupplierSheet } from '../io/write/write-supplier-sheets.js';
import type { PipelineHooks } from './hooks.js';

export interface ExportRequest {
  readonly dir?: string;
  readonly reorder?: string;
  readonly items?: string;
  readonly out?: string;
  /** Order date printed on the sheets, YYYY-MM-DD. */
  readonly orderDate: string;
  readonly reference?: string;
}

export interface ExportRun {
  readonly sheets: WrittenSupplierSheet[];
  readonly outDir: string;
  readonly reorderFile: string;
}

/**
 * `stockcast export`: supplier sheets from a reorder file that a planner may have edited
 * (quantities changed, lines deleted). Descriptions come from items.csv when present. Sheets are
 * written into `<out>/suppliers/`, each file atomically.
 */
export async function runExport(request: ExportRequest, hooks: PipelineHooks): Promise<ExportRun> {
  const dir = path.resolve(request.dir ?? '.');
  const reorderFile = request.reorder
    ? path.resolve(request.reorder)
    : [path.join(dir, 'reorder.csv'), path.join(dir, 'out', 'reorder.csv')].find((f) => existsSync(f));
  if (!reorderFile || !existsSync(reorderFile)) {
    throw new UsageError(`${request.reorder ?? path.join(dir, 'reorder.csv')}: no such file (give --reorder FILE)`);
  }
  const itemsFile = request.items ? path.resolve(request.items) : path.join(dir, 'items.csv');
  if (request.items && !existsSync(itemsFile)) throw new UsageError(`${request.items}: no such file (--items)`);
  const { rows, warnings } = await readReorder(reorderFile);
  for (const warning of warnings) hooks.warn(warning.message);
  const descriptions = new Map<string, string>();
  if (existsSync(itemsFile)) {
    const items = await readItems(itemsFile);
    for (const item of items.rows) descriptions.set(item.sku, item.description ?? '');
  }
  const bySupplier = new Map<string, SupplierSheet['lines'][number][]>();
  for (const row of rows) {
    if (!(row.orderQty > 0)) continue;
    const lines = bySupplier.get(row.supplier) ?? [];
    lines.push({
      sku: row.sku,
      description: descriptions.get(row.sku) ?? '',
      warehouse: row.warehouse,
      orderQty: row.orderQty,
      packSize: Number.isFinite(row.packSize) ? row.packSize : undefined,
      unitCost: Number.isFinite(row.unitCost) ? row.unitCost : undefined,
      orderValue: Number.isFinite(row.unitCost) ? row.unitCost * row.orderQty : undefined,
    });
    bySupplier.set(row.supplier, lines);
  }
  const sheets: SupplierSheet[] = [...bySupplier.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([supplier, lines]) => ({ supplier, orderDate: request.orderDate, reference: request.reference, lines }));
  const outDir = path.resolve(request.out ?? path.dirname(reorderFile));
  const written = await writeSupplierSheets(folderTarget(outDir), sheets);
  return { sheets: written, outDir, reorderFile };
}
