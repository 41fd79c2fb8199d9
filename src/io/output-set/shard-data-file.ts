/**
 * `shard-data.jsonl`: what a `plan --shard K/N` set holds beside the usual files so that `merge`
 * can rebuild the unsharded run exactly. JSON lines: a header, then one record per SKU with its
 * plan (reorder lines after transfers, unranked alerts, transfers, defaults used), its
 * description and, per demand series, its position in the whole run's series list (the order of
 * forecast.csv) and its method label.
 *
 * Numbers are written exactly: JSON keeps every finite double (shortest round-trip text), and
 * the values JSON cannot hold (Infinity, -Infinity, NaN, -0) are written as `{"$n":"Infinity"}`.
 */

import { readFile } from 'node:fs/promises';
import type { InventoryAlert, ReorderLine, Transfer } from '../../core/inventory/index.js';
import type { SeriesStats } from '../../core/series/demand-stats.js';
import { InputError } from '../../errors.js';

export const SHARD_DATA_NAME = 'shard-data.jsonl';
export const SHARD_DATA_FORMAT = 'stockcast-shard-data/2';

export interface ShardDataHeader {
  readonly format: string;
  readonly version: string;
  readonly shard: { readonly index: number; readonly count: number };
  /** Series of the whole (unsharded) run. */
  readonly seriesTotal: number;
  /** Rows per series in forecast.csv. */
  readonly horizon: number;
  /** The resolved settings that shape the plan; every shard of one run has the same. */
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface ShardSkuRecord {
  readonly sku: string;
  readonly description: string;
  /** Per series of the SKU: [position in the whole run's series list, method label]. */
  readonly series: readonly (readonly [number, string])[];
  readonly lines: readonly ReorderLine[];
  readonly alerts: readonly InventoryAlert[];
  readonly transfers: readonly Transfer[];
  readonly defaultsUsed: readonly string[];
  /** The SKU's service level (for the KPIs of summary.json). */
  readonly serviceLevel: number;
  /** Per series, in the order of `series`: the facts inventory.csv and the ABC/XYZ classes read. */
  readonly facts: readonly ShardSeriesFacts[];
}

/** What the ABC/XYZ classes, the KPIs and inventory.csv read of one demand series. */
export interface ShardSeriesFacts {
  readonly warehouse: string;
  readonly stats: SeriesStats;
  /** The last periods of history (up to 24). */
  readonly recent: readonly number[];
  readonly firstForecastPeriod: number;
}

export interface ShardData {
  readonly header: ShardDataHeader;
  readonly records: readonly ShardSkuRecord[];
}

/** One JSON line (with its `\n`), numbers exact. */
export function exactJsonLine(value: unknown): string {
  return `${JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && (!Number.isFinite(item) || Object.is(item, -0))) {
      return { $n: Object.is(item, -0) ? '-0' : String(item) };
    }
    return item;
  })}\n`;
}

function parseExactJson(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const special = (item as { $n?: unknown }).$n;
      if (typeof special === 'string' && Object.keys(item).length === 1) return Number(special);
    }
    return item;
  });
}

/** The lines of the file: header first, then the SKU records. */
export function* shardDataLines(header: ShardDataHeader, records: Iterable<ShardSkuRecord>): Generator<string> {
  yield exactJsonLine(header);
  for (const record of records) yield exactJsonLine(record);
}

/**
 * Reads a shard-data file written by {@link shardDataLines}. A file that is not one, or is
 * damaged, is an input error naming the file and line (`displayName`, e.g. `shards/2/shard-data.jsonl`).
 */
export async function readShardData(path: string, displayName: string): Promise<ShardData> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const problem = (line: number, field: string, expected: string, actual: string) => new InputError([{
    file: displayName, line, column: 0, field, expected, actual, hint: 'run that shard again',
  }]);
  const parse = (index: number): unknown => {
    try {
      return parseExactJson(lines[index]);
    } catch {
      throw problem(index + 1, '', 'a JSON line', lines[index].slice(0, 40));
    }
  };
  if (lines.length === 0) throw problem(0, '', 'a stockcast shard-data file', '');
  const header = parse(0) as Partial<ShardDataHeader> | null;
  if (header === null || typeof header !== 'object' || header.format !== SHARD_DATA_FORMAT) {
    throw problem(1, 'format', `"${SHARD_DATA_FORMAT}"`, String((header as { format?: unknown } | null)?.format ?? ''));
  }
  if (typeof header.seriesTotal !== 'number' || typeof header.horizon !== 'number' || typeof header.shard !== 'object'
    || typeof header.settings !== 'object' || typeof header.version !== 'string') {
    throw problem(1, '', 'a complete header (version, shard, seriesTotal, horizon, settings)', lines[0].slice(0, 40));
  }
  const records: ShardSkuRecord[] = [];
  for (let i = 1; i < lines.length; i++) {
    const record = parse(i) as Partial<ShardSkuRecord> | null;
    if (record === null || typeof record !== 'object' || typeof record.sku !== 'string' || typeof record.description !== 'string'
      || !Array.isArray(record.series) || !Array.isArray(record.lines) || record.lines.length === 0 || !Array.isArray(record.alerts)
      || !Array.isArray(record.transfers) || !Array.isArray(record.defaultsUsed) || typeof record.serviceLevel !== 'number'
      || !Array.isArray(record.facts) || record.facts.length !== record.series.length) {
      throw problem(i + 1, '', 'a SKU record (sku, description, series, lines, alerts, transfers, defaultsUsed, serviceLevel, facts)', lines[i].slice(0, 40));
    }
    records.push(record as ShardSkuRecord);
  }
  return { header: header as ShardDataHeader, records };
}
