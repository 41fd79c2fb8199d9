/**
 * `stockcast.config.json`: the defaults a planner sets once (frequency, horizon, service level,
 * default lead time, alert thresholds, column maps, encoding...). Found in the data folder or
 * named with `--config PATH`; command-line flags win over it (the caller merges).
 *
 * Validated with zod; every problem is reported, each naming the key and what was expected:
 * `stockcast.config.json: service_level: expected a number between 0.5 and 0.9999, got 95`.
 * Unknown keys are errors with a did-you-mean hint, because a misspelt key silently ignored is
 * a default silently used. A bad config file is a usage error (exit 2): nothing was read yet.
 *
 * Keys use the snake_case of the input files (`lead_time_days` as in items.csv); the parsed
 * {@link Config} uses the project's camelCase names.
 */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type iconvModule from 'iconv-lite';
import type { z as zodModule } from 'zod';
import { UsageError } from '../../errors.js';
import { parseIsoDay } from '../../core/series/calendar.js';

export const CONFIG_FILE_NAME = 'stockcast.config.json';

export type ConfigFrequency = 'day' | 'week' | 'month' | 'auto';
export type FailOn = 'stockout_risk' | 'overstock' | 'dead_stock' | 'any' | 'none';
export type ColumnMaps = Partial<Record<'sales' | 'stock' | 'items' | 'lanes', Readonly<Record<string, string>>>>;

/** Defaults for items.csv cells left empty, from flags or the config file (config keys of the same names). */
export interface ItemDefaults {
  readonly serviceLevel?: number;
  /** Fill-rate target for items without their own target; wins over `serviceLevel`. */
  readonly fillRate?: number;
  readonly leadTimeDays?: number;
  readonly leadTimeSdDays?: number;
  readonly reviewPeriodDays?: number;
  readonly moq?: number;
  readonly packSize?: number;
  /** Yearly, fraction of unit cost. */
  readonly holdingRate?: number;
  readonly orderCost?: number;
}

/** A parsed config file; absent keys are absent (the caller applies its defaults). */
export interface Config extends ItemDefaults {
  /** The file it came from, for messages. */
  readonly source: string;
  readonly freq?: ConfigFrequency;
  readonly horizon?: number;
  readonly method?: string;
  /** Interval levels in percent, e.g. [80, 95]. */
  readonly levels?: readonly number[];
  /** ISO `YYYY-MM-DD`. */
  readonly asOf?: string;
  readonly seriesEnd?: 'as-of' | 'own';
  readonly deadStockDays?: number;
  readonly overstockCoverDays?: number;
  readonly failOn?: readonly FailOn[];
  /** Per input file: field -> header in the file (what `--map field=Header` does). */
  readonly columns?: ColumnMaps;
  readonly encoding?: string;
  readonly dateFormat?: string;
  readonly decimalComma?: boolean;
  /** Resolved against the config file's folder. */
  readonly out?: string;
  readonly seed?: number;
  /** Worker threads for forecasting. */
  readonly jobs?: number;
  /** Percent, [A, B]. */
  readonly abcLimits?: readonly number[];
  /** Coefficients of variation, [X, Y]. */
  readonly xyzLimits?: readonly number[];
  readonly reportTop?: number;
  /** Output format of plan and forecast: `parquet` adds forecast.parquet and reorder.parquet. */
  readonly format?: 'csv' | 'parquet';
  /** The run history store: a path (resolved against the config file's folder), or false for none. */
  readonly history?: string | false;
  /** `history.keep_days`: runs older than this many days (by as-of date) are deleted. */
  readonly historyKeepDays?: number;
}

/** The fields of each input file that `columns` may map (interface spec). */
export const INPUT_FIELDS: Readonly<Record<keyof ColumnMaps, readonly string[]>> = {
  sales: ['date', 'sku', 'quantity', 'warehouse'],
  stock: ['sku', 'warehouse', 'on_hand', 'on_order', 'allocated', 'unit_cost'],
  items: ['sku', 'supplier', 'lead_time_days', 'lead_time_sd_days', 'moq', 'pack_size', 'unit_cost', 'service_level',
    'fill_rate', 'review_period_days', 'order_cost', 'holding_rate', 'description'],
  lanes: ['from', 'to', 'cost_per_unit', 'lead_time_days', 'fixed_cost', 'min_qty'],
};

/** A config problem that lists every message; exit 2 like any usage error. */
export class ConfigError extends UsageError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const FAIL_ON = ['stockout_risk', 'overstock', 'dead_stock', 'any', 'none'] as const;

interface Key { readonly schema: zodModule.ZodType; readonly expected: string; readonly name: keyof Config }
interface Schema { readonly keys: Readonly<Record<string, Key>>; readonly config: zodModule.ZodType<Record<string, unknown>> }
let schema: Schema | undefined;

/**
 * The schema of every key, built on first use: zod (and iconv-lite) take a tenth of a second to
 * load, which every run without a config file would pay at startup. Loaded with require (both
 * ship CommonJS) so that parseConfig stays synchronous.
 */
function configSchema(): Schema {
  if (schema) return schema;
  const require = createRequire(import.meta.url);
  const { z } = require('zod') as { z: typeof zodModule };
  const iconv = require('iconv-lite') as typeof iconvModule;
  const numberIn = (min: number, max: number) => z.number().min(min).max(max);
  const keys: Readonly<Record<string, Key>> = {
    freq: { name: 'freq', schema: z.enum(['day', 'week', 'month', 'auto']), expected: 'one of "day", "week", "month", "auto"' },
    horizon: { name: 'horizon', schema: z.int().min(1).max(10_000), expected: 'a whole number of periods from 1 to 10000' },
    method: { name: 'method', schema: z.string().min(1), expected: 'the name of a forecasting method, or "auto"' },
    levels: {
      name: 'levels',
      schema: z.array(z.number().gt(0).lt(100)).min(1).max(10),
      expected: 'a list of 1 to 10 interval levels in percent, each above 0 and below 100, e.g. [80, 95]',
    },
    as_of: { name: 'asOf', schema: z.string().refine((text) => Number.isFinite(parseIsoDay(text))), expected: 'a date YYYY-MM-DD' },
    series_end: { name: 'seriesEnd', schema: z.enum(['as-of', 'own']), expected: 'one of "as-of", "own"' },
    service_level: { name: 'serviceLevel', schema: numberIn(0.5, 0.9999), expected: 'a number between 0.5 and 0.9999' },
    fill_rate: { name: 'fillRate', schema: numberIn(0.5, 0.9999), expected: 'a number between 0.5 and 0.9999' },
    lead_time_days: { name: 'leadTimeDays', schema: numberIn(0, 3650), expected: 'a number of days from 0 to 3650' },
    lead_time_sd_days: { name: 'leadTimeSdDays', schema: numberIn(0, 3650), expected: 'a number of days from 0 to 3650' },
    review_period_days: { name: 'reviewPeriodDays', schema: z.number().gt(0).max(3650), expected: 'a number of days above 0, at most 3650' },
    moq: { name: 'moq', schema: z.int().min(0), expected: 'a whole number of units, 0 or more' },
    pack_size: { name: 'packSize', schema: z.int().min(1), expected: 'a whole number of units, 1 or more' },
    holding_rate: { name: 'holdingRate', schema: numberIn(0, 2), expected: 'a yearly fraction of unit cost between 0 and 2 (0.25 is 25%)' },
    order_cost: { name: 'orderCost', schema: z.number().min(0), expected: 'a cost per order, 0 or more' },
    dead_stock_days: { name: 'deadStockDays', schema: z.int().min(1), expected: 'a whole number of days, 1 or more' },
    overstock_cover_days: { name: 'overstockCoverDays', schema: z.number().min(0), expected: 'a number of days, 0 or more' },
    fail_on: {
      name: 'failOn',
      schema: z.union([z.enum(FAIL_ON), z.array(z.enum(FAIL_ON)).min(1)]),
      expected: `one of ${FAIL_ON.map((value) => `"${value}"`).join(', ')}, or a list of them`,
    },
    columns: {
      name: 'columns',
      schema: z.strictObject(Object.fromEntries(Object.entries(INPUT_FIELDS).map(([file, fields]) => [
        file, z.strictObject(Object.fromEntries(fields.map((field) => [field, z.string().min(1).optional()]))).optional(),
      ]))),
      expected: 'an object of column maps per file, e.g. {"sales": {"sku": "series"}}',
    },
    encoding: {
      name: 'encoding',
      schema: z.string().refine((name) => iconv.encodingExists(name)),
      expected: 'an encoding name iconv-lite knows, e.g. "utf8", "latin1", "windows-1252"',
    },
    date_format: {
      name: 'dateFormat',
      schema: z.string().regex(/^(?=.*YYYY)(?=.*MM)(?=.*DD)(?:YYYY|MM|DD|[-/. ])+$/),
      expected: 'a date pattern of YYYY, MM and DD with - / . or space between, e.g. "DD.MM.YYYY"',
    },
    decimal_comma: { name: 'decimalComma', schema: z.boolean(), expected: 'true or false' },
    out: { name: 'out', schema: z.string().min(1), expected: 'a folder path' },
    seed: { name: 'seed', schema: z.int().min(0).max(2 ** 32 - 1), expected: 'a whole number from 0 to 4294967295' },
    jobs: { name: 'jobs', schema: z.int().min(1).max(1024), expected: 'a whole number of worker threads from 1 to 1024' },
    abc_limits: {
      name: 'abcLimits',
      schema: z.tuple([z.number().gt(0).max(100), z.number().gt(0).max(100)]).refine(([a, b]) => a <= b),
      expected: 'two cumulative value shares in percent where classes A and B end, A <= B, e.g. [80, 95]',
    },
    xyz_limits: {
      name: 'xyzLimits',
      schema: z.tuple([z.number().min(0), z.number().min(0)]).refine(([x, y]) => x <= y),
      expected: 'two coefficients of variation where classes X and Y end, X <= Y, e.g. [0.5, 1.0]',
    },
    format: { name: 'format', schema: z.enum(['csv', 'parquet']), expected: 'one of "csv", "parquet"' },
    history: {
      name: 'history',
      schema: z.union([z.string().min(1), z.literal(false), z.strictObject({
        path: z.union([z.string().min(1), z.literal(false)]).optional(),
        keep_days: z.int().min(1).max(36_500).optional(),
      })]),
      expected: 'a path for the run history store, false for none, or {"path": ..., "keep_days": N} with N whole days from 1 to 36500',
    },
    report_top: { name: 'reportTop', schema: z.int().min(0).max(1000), expected: 'a whole number of charted items from 0 to 1000' },
    $schema: { name: 'source', schema: z.string(), expected: 'a URL' },
  };
  const config = z.strictObject(Object.fromEntries(Object.entries(keys).map(([key, spec]) => [key, spec.schema.optional()])));
  schema = { keys, config };
  return schema;
}

const MAX_PROBLEMS = 20;

/**
 * Reads and validates the config: `explicitPath` when given (it must exist), else
 * `dataDir/stockcast.config.json` when that exists, else undefined.
 *
 * @example const config = await loadConfig('samples'); // undefined when there is no config file
 */
export async function loadConfig(dataDir: string | undefined, explicitPath?: string): Promise<Config | undefined> {
  const path = explicitPath ?? join(dataDir ?? '.', CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (code === 'ENOENT' && explicitPath === undefined) return undefined;
    if (code === 'ENOENT') throw new UsageError(`--config ${explicitPath}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`${path}: expected a JSON file, got a folder`);
    throw error;
  }
  return parseConfig(text, path);
}

/**
 * Validates config text; `source` names the file in messages and anchors a relative `out`.
 *
 * @example parseConfig('{"service_level": 95}', 'stockcast.config.json')
 * // throws ConfigError: stockcast.config.json: service_level: expected a number between 0.5 and 0.9999, got 95
 */
export function parseConfig(text: string, source: string): Config {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ConfigError([jsonProblem(text, source, error instanceof Error ? error.message : String(error))]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError([`${source}: expected a JSON object {...}, got ${describe(value)}`]);
  }
  const parsed = configSchema().config.safeParse(value);
  if (!parsed.success) {
    const problems: string[] = [];
    for (const issue of parsed.error.issues) {
      for (const message of issueMessages(issue, value as Record<string, unknown>)) {
        const line = `${source}: ${message}`;
        if (!problems.includes(line)) problems.push(line);
      }
    }
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`${source}: and ${problems.length - MAX_PROBLEMS} more problems`);
    throw new ConfigError(shown);
  }
  return toConfig(parsed.data, source);
}

function toConfig(data: Record<string, unknown>, source: string): Config {
  const config: Record<string, unknown> = { source };
  for (const [key, spec] of Object.entries(configSchema().keys)) {
    if (key === '$schema' || data[key] === undefined) continue;
    config[spec.name] = data[key];
  }
  if (typeof data.fail_on === 'string') config.failOn = [data.fail_on];
  if (typeof data.out === 'string') config.out = resolve(dirname(source), data.out);
  const history = data.history as string | false | { path?: string | false; keep_days?: number } | undefined;
  const historyPath = typeof history === 'object' ? history.path : history;
  config.history = typeof historyPath === 'string' ? resolve(dirname(source), historyPath) : historyPath;
  if (typeof history === 'object' && history.keep_days !== undefined) config.historyKeepDays = history.keep_days;
  return config as unknown as Config;
}

function issueMessages(issue: zodModule.core.$ZodIssue, input: Record<string, unknown>): string[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const known = path.length === 0 ? Object.keys(configSchema().keys)
      : path.length === 1 ? Object.keys(INPUT_FIELDS)
        : INPUT_FIELDS[path[1] as keyof ColumnMaps] ?? [];
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return `${[...path, key].join('.')}: unknown key${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
    });
  }
  const top = path[0];
  if (top === 'columns' && path.length >= 2) {
    const at = path.slice(0, 3);
    const expected = at.length === 2 ? `an object of field -> column header, e.g. {"sku": "series"}` : 'a column header (text)';
    return [`${at.join('.')}: expected ${expected}, got ${describe(valueAt(input, at))}`];
  }
  const spec = configSchema().keys[top];
  return [`${top}: expected ${spec?.expected ?? 'something else'}, got ${describe(input[top])}`];
}

function valueAt(input: unknown, path: readonly string[]): unknown {
  let value = input;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length <= 5 ? JSON.stringify(value) : 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  return String(value);
}

/** `stockcast.config.json:3:17: expected valid JSON (Unexpected token ...)`, from V8's position. */
function jsonProblem(text: string, source: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  let where = source;
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset).split('\n');
    where = `${source}:${before.length}:${before[before.length - 1].length + 1}`;
  }
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  return `${where}: expected valid JSON (${reason})`;
}

/** The known key closest to a misspelt one: same letters ignoring case and `_-`, or a small edit distance. */
function closest(key: string, known: readonly string[]): string | undefined {
  const squash = (text: string): string => text.toLowerCase().replace(/[_\- ]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === '$schema') continue;
    const distance = squash(candidate) === squash(key) ? 0 : editDistance(key.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
