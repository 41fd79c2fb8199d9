import { shardOfSku, type Shard } from '../core/shard-of-sku.js';
import type { SalesTable } from '../core/series/sales-table.js';
import { UsageError } from '../errors.js';
import type { LoadedInputs } from './load-inputs.js';
import type { PreparedSeries } from './prepare-series.js';
import type { RunSettings } from './settings.js';

/** What `plan --shard K/N` kept of the inputs, and what its shard set must tell `merge`. */
export interface ShardSelection {
  /** Undefined for an unsharded run (everything kept). */
  readonly shard?: Shard;
  /** Rows read per input file before sharding (summary.json reports the files, not the shard). */
  readonly inputRows: Readonly<Record<'sales' | 'stock' | 'items' | 'lanes', number>>;
  /** Series of the whole run. */
  readonly seriesTotal: number;
  /** `sku NUL warehouse` -> position of the series in the whole run's series list (= forecast.csv order); empty when unsharded. */
  readonly seriesIndex: ReadonlyMap<string, number>;
}

interface ReadResult {
  readonly inputs: LoadedInputs;
  readonly table: SalesTable;
  readonly prepared: PreparedSeries;
}

/**
 * Keeps only the SKUs of `settings.shard`: their demand series (built from the whole sales
 * file first, so as-of date, frequency and every series are exactly the unsharded run's) and
 * their stock rows, so SKUs that have stock but no sales are sharded too. Items and lanes stay
 * whole (they are looked up by SKU). Without a shard, returns the inputs as they are.
 */
export function selectShard<T extends ReadResult>(settings: RunSettings, read: T): T & { shard: ShardSelection } {
  const { inputs, table, prepared } = read;
  const inputRows = {
    sales: table.rowCount, stock: inputs.stock.length, items: inputs.items.length, lanes: inputs.lanes.length,
  };
  const shard = settings.shard;
  const seriesIndex = new Map<string, number>();
  const selection: ShardSelection = { shard, inputRows, seriesTotal: prepared.series.length, seriesIndex };
  if (!shard) return { ...read, shard: selection };
  if (settings.out === '-') throw new UsageError('--shard writes a shard output set for `stockcast merge`: give --out FOLDER, not -');
  prepared.series.forEach((series, i) => {
    seriesIndex.set(`${table.skus[series.skuId]}\u0000${table.warehouses[series.warehouseId]}`, i);
  });

  const inShard = new Uint8Array(table.skus.length);
  table.skus.forEach((sku, id) => { inShard[id] = shardOfSku(sku, shard.count) === shard.index ? 1 : 0; });
  return {
    ...read,
    inputs: { ...inputs, stock: inputs.stock.filter((row) => shardOfSku(row.sku, shard.count) === shard.index) },
    prepared: { ...prepared, series: prepared.series.filter((series) => inShard[series.skuId] === 1) },
    shard: selection,
  };
}
