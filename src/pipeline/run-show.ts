import { UsageError } from '../errors.js';
import { readForecastRows, readOutputSet, resolveSetDir } from '../io/read/read-output-set.js';
import { reportModel, type ChartedItem } from './report/report-model.js';

export interface ShowRequest {
  readonly sku: string;
  /** The output set (or a data folder whose `out/` is one); default `./out`. */
  readonly dir?: string;
  /** Only this warehouse; default every warehouse of the SKU. */
  readonly warehouse?: string;
}

export interface ShowRun {
  readonly setDir: string;
  readonly asOf: string;
  readonly freq: string;
  /** One per warehouse, in the set's order. */
  readonly items: readonly ChartedItem[];
}

/**
 * `stockcast show`: the history, forecast and bands of one SKU (per warehouse) from the output
 * set the plan wrote. An unknown SKU or warehouse is a usage error that lists what exists.
 */
export async function runShow(request: ShowRequest): Promise<ShowRun> {
  const setDir = resolveSetDir(request.dir);
  const { summary, inventory } = await readOutputSet(setDir);
  const skuAt = inventory.header.indexOf('sku');
  const warehouseAt = inventory.header.indexOf('warehouse');
  const rows = inventory.rows.filter((cells) => cells[skuAt] === request.sku);
  if (rows.length === 0) {
    const near = [...new Set(inventory.rows.map((cells) => cells[skuAt]))]
      .filter((sku) => sku.toLowerCase().includes(request.sku.toLowerCase())).slice(0, 5);
    throw new UsageError(`${request.sku}: no such SKU in ${setDir}${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}`);
  }
  const chosen = request.warehouse === undefined ? rows : rows.filter((cells) => cells[warehouseAt] === request.warehouse);
  if (chosen.length === 0) {
    throw new UsageError(`--warehouse ${request.warehouse}: ${request.sku} is planned in ${rows.map((cells) => cells[warehouseAt]).join(', ')} only`);
  }
  const keys = chosen.map((cells) => `${cells[skuAt]}\u0000${cells[warehouseAt]}`);
  const forecast = await readForecastRows(setDir, new Set(keys));
  const model = reportModel(summary, { header: inventory.header, rows: chosen }, forecast, keys);
  return { setDir, asOf: model.asOf, freq: model.freq, items: model.charted };
}
