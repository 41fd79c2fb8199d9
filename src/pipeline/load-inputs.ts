import path from 'node:path';
import { InputError, type InputProblem } from '../errors.js';
import { crossCheckInputs } from '../io/read/read-inputs.js';
import { readItems, type ItemRow } from '../io/read/read-items.js';
import { readLanes, type LaneRow } from '../io/read/read-lanes.js';
import { readSales, type SalesTable } from '../io/read/read-sales.js';
import { readStock, type StockRow } from '../io/read/read-stock.js';
import { readStockHistory } from '../io/read/read-stock-history.js';
import { applyStockHistory } from './censored-sales.js';
import type { ReadOptions, Warning } from '../io/read/read-options.js';
import type { InputFile, RunSettings } from './settings.js';

export interface LoadedInputs {
  readonly sales?: SalesTable;
  readonly stock: readonly StockRow[];
  readonly items: readonly ItemRow[];
  readonly lanes: readonly LaneRow[];
  readonly warnings: readonly Warning[];
}

/**
 * Reads every input file the settings name. Problems of all files are collected before failing,
 * so one run shows everything wrong (exit 3), and nothing has been written yet.
 */
export async function loadInputs(settings: RunSettings, needs: { sales: boolean; stock: boolean }): Promise<LoadedInputs> {
  const problems: InputProblem[] = [];
  let total = 0;
  const warnings: Warning[] = [];
  const readOptions = (file: string, kind: InputFile): ReadOptions => ({
    map: { ...(settings.read.columns[kind] ?? {}), ...settings.read.map },
    encoding: settings.read.encoding,
    dateFormat: settings.read.dateFormat,
    decimalComma: settings.read.decimalComma,
    displayName: path.basename(file),
    // A large sales file is read in parts on the run's threads (read-sales-parts.ts).
    ...(kind === 'sales' ? { threads: settings.jobs } : {}),
  });
  const attempt = async <T>(kind: InputFile, read: (file: string, options: ReadOptions) => Promise<T>): Promise<T | undefined> => {
    const file = settings.files[kind];
    if (file === undefined || file === '') return undefined;
    try {
      return await read(file, readOptions(file, kind));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      total += error.total;
      return undefined;
    }
  };
  const sales = needs.sales ? await attempt('sales', readSales) : undefined;
  const stock = needs.stock ? await attempt('stock', readStock) : undefined;
  const items = needs.stock ? await attempt('items', readItems) : undefined;
  const lanes = needs.stock ? await attempt('lanes', readLanes) : undefined;
  const history = needs.sales ? await attempt('stockHistory', readStockHistory) : undefined;
  if (total > 0) throw new InputError(problems, total);
  for (const result of [sales, stock, items, lanes, history]) if (result) warnings.push(...result.warnings);
  const corrected = sales && history ? applyStockHistory(sales.table, history.rows) : undefined;
  if (corrected?.note !== undefined) warnings.push({ code: 'censored-demand', message: corrected.note, count: 1 });
  if (needs.stock) {
    warnings.push(...crossCheckInputs({ sales: sales?.table, stock: stock?.rows, items: items?.rows, lanes: lanes?.rows }));
  }
  return {
    sales: corrected?.table ?? sales?.table,
    stock: stock?.rows ?? [],
    items: items?.rows ?? [],
    lanes: lanes?.rows ?? [],
    warnings,
  };
}
