import path from 'node:path';
import { InputError, type InputProblem } from '../../errors.js';
import { PROBLEM_CAP } from '../csv/csv-problems.js';
import { readItems, type ItemRow } from './read-items.js';
import { readLanes, type LaneRow } from './read-lanes.js';
import type { ReadOptions, Warning } from './read-options.js';
import { readSales, type SalesTable } from './read-sales.js';
import { readStock, type StockRow } from './read-stock.js';

/** Input files by role; absent roles are not read. */
export interface InputPaths {
  readonly sales?: string;
  readonly stock?: string;
  readonly items?: string;
  readonly lanes?: string;
}

export interface ValidationReport {
  /** Problems of all files, in file order (sales, stock, items, lanes), at most {@link PROBLEM_CAP}. */
  readonly problems: readonly InputProblem[];
  /** Number of problems in all files, including those past the cap. */
  readonly total: number;
  readonly warnings: readonly Warning[];
  /** Rows read per file that had no problems, e.g. `{ 'sales.csv': 5210 }`. */
  readonly rows: Readonly<Record<string, number>>;
}

/**
 * Reads every given file and reports all problems of all of them (for `stockcast validate`):
 * a bad sales file does not stop stock, items and lanes from being checked. Adds the cross-file
 * warnings of {@link crossCheckInputs} when the files involved are valid. Usage errors (unknown
 * encoding or date format) and I/O errors are thrown, not collected.
 */
export async function validateInputs(paths: InputPaths, options: Omit<ReadOptions, 'displayName'> = {}): Promise<ValidationReport> {
  const problems: InputProblem[] = [];
  let total = 0;
  const warnings: Warning[] = [];
  const rows: Record<string, number> = {};
  const attempt = async <T>(file: string | undefined, read: (file: string, options: ReadOptions) => Promise<T & { warnings: Warning[] }>,
    count: (result: T) => number): Promise<T | undefined> => {
    if (file === undefined || file === '') return undefined;
    try {
      const result = await read(file, options);
      warnings.push(...result.warnings);
      rows[path.basename(file)] = count(result);
      return result;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const problem of error.problems) if (problems.length < PROBLEM_CAP) problems.push(problem);
      total += error.total;
      return undefined;
    }
  };
  const sales = await attempt(paths.sales, readSales, (result) => result.table.rowCount);
  const stock = await attempt(paths.stock, readStock, (result) => result.rows.length);
  const items = await attempt(paths.items, readItems, (result) => result.rows.length);
  const lanes = await attempt(paths.lanes, readLanes, (result) => result.rows.length);
  warnings.push(...crossCheckInputs({
    sales: sales?.table, stock: stock?.rows, items: items?.rows, lanes: lanes?.rows,
  }));
  return { problems, total, warnings, rows };
}

/**
 * Recoverable mismatches between files, each counted once per kind (issue 2): stock positions
 * with no sales history, SKU x warehouse pairs sold but absent from stock, SKUs with no
 * items.csv row, and lanes naming a warehouse that appears in neither sales nor stock.
 */
export function crossCheckInputs(inputs: {
  readonly sales?: SalesTable;
  readonly stock?: readonly StockRow[];
  readonly items?: readonly ItemRow[];
  readonly lanes?: readonly LaneRow[];
}): Warning[] {
  const warnings: Warning[] = [];
  const { sales, stock, items, lanes } = inputs;
  const sold = new Set<string>();
  if (sales) {
    const seen = new Uint8Array(sales.skus.length * sales.warehouses.length);
    for (let r = 0; r < sales.rowCount; r++) {
      const key = sales.skuId[r] * sales.warehouses.length + sales.warehouseId[r];
      if (seen[key] === 0) {
        seen[key] = 1;
        sold.add(`${sales.skus[sales.skuId[r]]}\u0000${sales.warehouses[sales.warehouseId[r]]}`);
      }
    }
  }
  const stocked = new Set((stock ?? []).map((row) => `${row.sku}\u0000${row.warehouse}`));
  const note = (code: string, what: string, examples: string[]) => {
    if (examples.length === 0) return;
    const shown = examples.slice(0, 3).map((key) => key.replace('\u0000', ' / ')).join(', ');
    warnings.push({ code, message: `${examples.length} ${what} (e.g. ${shown})`, count: examples.length });
  };
  if (sales && stock) {
    note('stock-never-sold', 'SKU x warehouse in stock.csv with no sales', [...stocked].filter((key) => !sold.has(key)));
    note('sold-not-in-stock', 'SKU x warehouse sold but missing from stock.csv', [...sold].filter((key) => !stocked.has(key)));
  }
  if (items && (sales || stock)) {
    const listed = new Set(items.map((row) => row.sku));
    const skus = new Set([...(sales?.skus ?? []), ...(stock ?? []).map((row) => row.sku)]);
    note('no-item-row', 'SKUs without a row in items.csv (defaults used)', [...skus].filter((sku) => !listed.has(sku)));
  }
  if (lanes && (sales || stock)) {
    const known = new Set([...(sales?.warehouses ?? []), ...(stock ?? []).map((row) => row.warehouse)]);
    const unknown = new Set<string>();
    for (const lane of lanes) for (const name of [lane.from, lane.to]) if (!known.has(name)) unknown.add(name);
    note('lane-unknown-warehouse', 'warehouses in lanes.csv found in neither sales nor stock', [...unknown]);
  }
  return warnings;
}
