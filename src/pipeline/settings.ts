import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { KNOWN_FIELDS } from '../io/csv/columns.js';
import { resolveEncoding } from '../io/csv/decode.js';
import { resolveDateFormat } from '../io/csv/parse-date.js';
import type { ItemDefaults } from '../io/read/config.js';
import { findInputFile } from './find-input-file.js';
import type { OutputFormat } from './parquet-outputs.js';
import { isForecastMethodName, forecastMethodNames } from '../core/forecast/registry.js';
import type { Frequency } from '../core/series/calendar.js';
import type { Shard } from '../core/shard-of-sku.js';
import { historyPath } from './history-path.js';

/** What a command was asked to do, after flags, the config file and defaults are merged. */
export interface RunSettings {
  readonly dataDir: string;
  readonly files: {
    readonly sales: string; readonly stock?: string; readonly items?: string; readonly lanes?: string;
    /** stock_history.csv: end-of-day stock, for censored demand (optional). */
    readonly stockHistory?: string;
  };
  readonly read: {
    /** `--map`: applies to every file. */
    readonly map: Readonly<Record<string, string>>;
    /** Per-file maps from the config file (`columns`), overridden by `--map`. */
    readonly columns: Readonly<Partial<Record<InputFile, Readonly<Record<string, string>>>>>;
    readonly encoding?: string;
    readonly dateFormat?: string;
    readonly decimalComma?: boolean;
  };
  readonly asOf?: string;
  readonly freq: Frequency | 'auto';
  /** Output horizon in periods; undefined = the default of the frequency. */
  readonly horizon?: number;
  readonly seriesEnd: 'as-of' | 'own';
  readonly method: string;
  readonly levels: readonly number[];
  readonly season?: number;
  readonly seed: number;
  /** Worker threads for forecasting (`--jobs`); the outputs are the same for every value. */
  readonly jobs: number;
  /** True when `jobs` was not given (flag or config): workers then start only where they pay off. */
  readonly isJobsDefault: boolean;
  readonly out: string;
  /** Defaults for items.csv cells left empty (flags and config); the rest take DEFAULT_ITEM. */
  readonly itemDefaults: ItemDefaults;
  readonly deadStockDays: number;
  readonly overstockDays: number;
  readonly failOn: readonly string[];
  /** `plan --shard K/N`: plan only the SKUs of this shard. */
  readonly shard?: Shard;
  /** Cumulative value shares (fractions) where ABC classes A and B end. */
  readonly abcLimits: { readonly a: number; readonly b: number };
  /** Coefficients of variation where XYZ classes X and Y end. */
  readonly xyzLimits: { readonly x: number; readonly y: number };
  /** SKU x warehouse lines charted in report.html. */
  readonly reportTop: number;
  /** `--format`: `parquet` also writes forecast.parquet and reorder.parquet (plan, forecast). */
  readonly outputFormat: OutputFormat;
  /** The run history store `plan` appends to (see history-path.ts); undefined: none. */
  readonly historyPath?: string;
  /** `history.keep_days` from the config: runs older than this (by as-of date) are deleted. */
  readonly historyKeepDays?: number;
}

export type InputFile = 'sales' | 'stock' | 'items' | 'lanes' | 'stockHistory';

export type { ItemDefaults };

/** Flag or config values, every one optional; flags win over the config file. */
export interface SettingsInput {
  readonly sales?: string;
  readonly stock?: string;
  readonly items?: string;
  readonly lanes?: string;
  readonly stockHistory?: string;
  readonly map?: Readonly<Record<string, string>>;
  readonly columns?: Readonly<Partial<Record<InputFile, Readonly<Record<string, string>>>>>;
  readonly encoding?: string;
  readonly dateFormat?: string;
  readonly decimalComma?: boolean;
  readonly asOf?: string;
  readonly freq?: Frequency | 'auto';
  readonly horizon?: number;
  readonly seriesEnd?: 'as-of' | 'own';
  readonly method?: string;
  readonly level?: readonly number[];
  readonly season?: number;
  readonly seed?: number;
  readonly jobs?: number;
  readonly out?: string;
  readonly serviceLevel?: number;
  readonly fillRate?: number;
  readonly leadTime?: number;
  readonly reviewPeriod?: number;
  readonly leadTimeSd?: number;
  readonly moq?: number;
  readonly packSize?: number;
  readonly holdingRate?: number;
  readonly orderCost?: number;
  readonly deadStockDays?: number;
  readonly overstockDays?: number;
  readonly failOn?: readonly string[];
  readonly shard?: Shard;
  /** Percent, e.g. [80, 95]. */
  readonly abcLimits?: readonly number[];
  readonly xyzLimits?: readonly number[];
  readonly reportTop?: number;
  readonly format?: OutputFormat;
  /** `--history FILE` / `--no-history` (false), or the config's `history`. */
  readonly history?: string | boolean;
  readonly historyKeepDays?: number;
}

/** Documented defaults (README, "Defaults"). */
export const DEFAULTS = {
  levels: [80, 95],
  method: 'auto',
  seriesEnd: 'as-of',
  freq: 'auto',
  seed: 1,
  deadStockDays: 90,
  overstockDays: 60,
  abcLimits: [80, 95],
  xyzLimits: [0.5, 1],
  reportTop: 40,
  horizon: { day: 28, week: 13, month: 6 } as Readonly<Record<Frequency, number>>,
} as const;

/**
 * Merges flags over config over defaults and resolves file paths. `requireStock` is false for
 * commands that need sales only (forecast, backtest).
 */
export function resolveSettings(
  dir: string | undefined,
  flags: SettingsInput,
  config: SettingsInput = {},
  options: { requireStock: boolean; requireSales?: boolean } = { requireStock: true },
): RunSettings {
  const dataDir = path.resolve(dir ?? '.');
  if (dir !== undefined && !isDirectory(dataDir)) {
    throw new UsageError(`${dir}: not a folder (give the folder that holds sales.csv and stock.csv, or use --sales/--stock)`);
  }
  const pick = <K extends keyof SettingsInput>(key: K): SettingsInput[K] => flags[key] ?? config[key];
  const inDir = (name: string, given: string | undefined, required: boolean, label: string): string | undefined => {
    if (given !== undefined) {
      const resolved = path.resolve(given);
      if (!existsSync(resolved)) throw new UsageError(`${given}: no such file (--${label})`);
      return resolved;
    }
    const found = findInputFile(dataDir, name, label);
    if (found !== undefined) return found;
    const candidate = path.join(dataDir, name);
    if (required) {
      throw new UsageError(`${path.relative(process.cwd(), candidate) || candidate}: no such file (give a folder with ${name} or --${label} FILE)`);
    }
    return undefined;
  };
  const sales = inDir('sales.csv', pick('sales'), options.requireSales !== false, 'sales') ?? '';
  const stock = inDir('stock.csv', pick('stock'), options.requireStock, 'stock');
  const items = inDir('items.csv', pick('items'), false, 'items');
  const lanes = inDir('lanes.csv', pick('lanes'), false, 'lanes');
  const stockHistory = inDir('stock_history.csv', pick('stockHistory'), false, 'stock-history');

  const method = pick('method') ?? DEFAULTS.method;
  if (!isForecastMethodName(method)) {
    throw new UsageError(`--method: expected one of ${forecastMethodNames().join(', ')}, got "${method}"`);
  }
  for (const field of Object.keys(flags.map ?? {})) {
    if (!KNOWN_FIELDS.includes(field)) {
      throw new UsageError(`--map ${field}=…: unknown field "${field}" (fields: ${KNOWN_FIELDS.join(', ')})`);
    }
  }
  resolveEncoding(pick('encoding'));
  resolveDateFormat(pick('dateFormat'));
  const outGiven = pick('out');
  return {
    dataDir,
    files: { sales, stock, items, lanes, stockHistory },
    read: {
      map: { ...(config.map ?? {}), ...(flags.map ?? {}) },
      columns: config.columns ?? {},
      encoding: pick('encoding'),
      dateFormat: pick('dateFormat'),
      decimalComma: pick('decimalComma'),
    },
    asOf: pick('asOf'),
    freq: pick('freq') ?? DEFAULTS.freq,
    horizon: pick('horizon'),
    seriesEnd: pick('seriesEnd') ?? DEFAULTS.seriesEnd,
    method,
    levels: pick('level') ?? DEFAULTS.levels,
    season: pick('season'),
    seed: pick('seed') ?? DEFAULTS.seed,
    jobs: pick('jobs') ?? availableParallelism(),
    isJobsDefault: pick('jobs') === undefined,
    out: outGiven === '-' ? '-' : path.resolve(outGiven ?? path.join(dataDir, 'out')),
    itemDefaults: {
      serviceLevel: pick('serviceLevel'),
      fillRate: pick('fillRate'),
      leadTimeDays: pick('leadTime'),
      leadTimeSdDays: pick('leadTimeSd'),
      reviewPeriodDays: pick('reviewPeriod'),
      moq: pick('moq'),
      packSize: pick('packSize'),
      holdingRate: pick('holdingRate'),
      orderCost: pick('orderCost'),
    },
    deadStockDays: pick('deadStockDays') ?? DEFAULTS.deadStockDays,
    overstockDays: pick('overstockDays') ?? DEFAULTS.overstockDays,
    failOn: (pick('failOn') ?? []).filter((type) => type !== 'none'),
    shard: flags.shard,
    ...classLimits(pick('abcLimits') ?? DEFAULTS.abcLimits, pick('xyzLimits') ?? DEFAULTS.xyzLimits),
    reportTop: pick('reportTop') ?? DEFAULTS.reportTop,
    outputFormat: pick('format') ?? 'csv',
    historyPath: historyPath(dir, flags.history, config.history, outGiven === '-' ? '-' : path.resolve(outGiven ?? path.join(dataDir, 'out'))),
    historyKeepDays: config.historyKeepDays,
  };
}

/** ABC limits in percent and XYZ limits as CVs, checked: 0 < A <= B <= 100 and 0 <= X <= Y. */
export function classLimits(abc: readonly number[], xyz: readonly number[]): Pick<RunSettings, 'abcLimits' | 'xyzLimits'> {
  const [a, b] = abc;
  if (abc.length !== 2 || !(a > 0 && a <= b && b <= 100)) {
    throw new UsageError(`ABC limits: expected two percentages 0 < A <= B <= 100 (e.g. 80,95), got ${abc.join(',')}`);
  }
  const [x, y] = xyz;
  if (xyz.length !== 2 || !(x >= 0 && x <= y && Number.isFinite(y))) {
    throw new UsageError(`XYZ limits: expected two coefficients of variation 0 <= X <= Y (e.g. 0.5,1), got ${xyz.join(',')}`);
  }
  return { abcLimits: { a: a / 100, b: b / 100 }, xyzLimits: { x, y } };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
