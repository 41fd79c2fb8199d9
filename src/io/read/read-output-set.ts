import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { UsageError } from '../../errors.js';
import { quoteCsvField } from '../write/write-csv.js';

/** A CSV file of an output set as header + rows of text cells. */
export interface SetTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** What report.html reads of summary.json (absent parts read as empty). */
export interface SetSummary {
  readonly version: string;
  readonly as_of: string;
  readonly freq: 'day' | 'week' | 'month';
  readonly horizon: number;
  /** The plan's --method. */
  readonly method: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly totals: Readonly<Record<string, number>>;
  readonly kpis: Readonly<Record<string, number | null>>;
  readonly abc_xyz: {
    readonly abc_limits: readonly number[];
    readonly xyz_limits: readonly number[];
    readonly cells: Readonly<Record<string, { readonly count: number; readonly value: number }>>;
  };
  readonly orders_by_supplier: readonly { readonly supplier: string; readonly lines: number; readonly units: number; readonly value: number }[];
}

/** The files of an output set that report.html is built from. */
export interface OutputSetFiles {
  readonly summary: SetSummary;
  /** inventory.csv: one row per SKU x warehouse. */
  readonly inventory: SetTable;
}

const REQUIRED = ['summary.json', 'inventory.csv', 'forecast.csv'] as const;

/**
 * The output set a command reads: `dir` itself when it holds summary.json, else `dir/out` (the
 * plan's default `--out` for a data folder); `./out` without `dir`.
 */
export function resolveSetDir(dir: string | undefined): string {
  if (dir === undefined) return path.resolve('out');
  const resolved = path.resolve(dir);
  if (existsSync(path.join(resolved, 'summary.json'))) return resolved;
  const out = path.join(resolved, 'out');
  return existsSync(path.join(out, 'summary.json')) ? out : resolved;
}

/**
 * Reads summary.json and inventory.csv of an output set written by `stockcast plan` (this
 * version or later). A folder without them is a usage error naming what is missing.
 */
export async function readOutputSet(dir: string): Promise<OutputSetFiles> {
  const missing = REQUIRED.filter((name) => !existsSync(path.join(dir, name)));
  if (missing.length > 0) {
    throw new UsageError(`${dir}: not an output set of stockcast plan (no ${missing.join(', ')}; run stockcast plan first)`);
  }
  const raw = JSON.parse(await readFile(path.join(dir, 'summary.json'), 'utf8')) as Partial<SetSummary>;
  const summary: SetSummary = {
    version: String(raw.version ?? ''),
    as_of: String(raw.as_of ?? ''),
    freq: raw.freq === 'week' || raw.freq === 'month' ? raw.freq : 'day',
    horizon: Number(raw.horizon ?? 0),
    method: String(raw.method ?? 'auto'),
    counts: raw.counts ?? {},
    totals: raw.totals ?? {},
    kpis: raw.kpis ?? {},
    abc_xyz: { abc_limits: raw.abc_xyz?.abc_limits ?? [], xyz_limits: raw.abc_xyz?.xyz_limits ?? [], cells: raw.abc_xyz?.cells ?? {} },
    orders_by_supplier: raw.orders_by_supplier ?? [],
  };
  const inventory = parseTable(await readFile(path.join(dir, 'inventory.csv'), 'utf8'));
  return { summary, inventory };
}

function parseTable(text: string): SetTable {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}

/**
 * The rows of forecast.csv (header included) whose SKU and warehouse are in `keys` (pairs
 * joined by U+0000). Streams the file and parses only matching lines, so picking a few series
 * out of millions of rows costs one pass of `indexOf` over the text.
 */
export async function readForecastRows(dir: string, keys: ReadonlySet<string>): Promise<SetTable> {
  const prefixes = new Set<string>();
  for (const key of keys) {
    const [sku, warehouse] = key.split('\u0000');
    prefixes.add(`${quoteCsvField(sku)},${quoteCsvField(warehouse)},`);
  }
  let header: string[] = [];
  const rows: string[][] = [];
  let rest = '';
  const take = (line: string) => {
    if (header.length === 0) {
      header = parseLine(line);
      return;
    }
    if (line.charCodeAt(0) === 34) { // a quoted SKU: parse the whole line
      const cells = parseLine(line);
      if (prefixes.has(`${quoteCsvField(cells[0] ?? '')},${quoteCsvField(cells[1] ?? '')},`)) rows.push(cells);
      return;
    }
    const first = line.indexOf(',');
    const second = first < 0 ? -1 : line.indexOf(',', first + 1);
    if (second < 0) return;
    if (line.charCodeAt(first + 1) === 34) {
      const cells = parseLine(line);
      if (prefixes.has(`${quoteCsvField(cells[0] ?? '')},${quoteCsvField(cells[1] ?? '')},`)) rows.push(cells);
    } else if (prefixes.has(line.slice(0, second + 1))) {
      rows.push(parseLine(line));
    }
  };
  for await (const chunk of createReadStream(path.join(dir, 'forecast.csv'), { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    let end = text.indexOf('\n', start);
    while (end >= 0) {
      if (end > start) take(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) take(rest);
  return { header, rows };
}

function parseLine(line: string): string[] {
  return Papa.parse<string[]>(line).data[0] ?? [];
}
