import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { ConfigError, loadConfig, parseConfig } from '../../../src/io/read/config.js';

const SOURCE = 'stockcast.config.json';

/** The problems parseConfig reports for `json`, or [] when it is valid. */
function problemsOf(json: unknown): readonly string[] {
  try {
    parseConfig(typeof json === 'string' ? json : JSON.stringify(json), SOURCE);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(UsageError);
    return (error as ConfigError).problems;
  }
}

describe('parseConfig', () => {
  it('reads every key into camelCase names', () => {
    const config = parseConfig(JSON.stringify({
      $schema: 'https://example.org/stockcast.schema.json',
      freq: 'week', horizon: 13, method: 'auto', levels: [80, 95], as_of: '2026-11-26', series_end: 'own',
      service_level: 0.95, fill_rate: 0.98, lead_time_days: 14, lead_time_sd_days: 3, review_period_days: 7, moq: 10, pack_size: 6,
      holding_rate: 0.25, order_cost: 40, dead_stock_days: 90, overstock_cover_days: 120, fail_on: 'stockout_risk',
      columns: { sales: { sku: 'series', quantity: 'qty' } }, encoding: 'windows-1252', date_format: 'DD.MM.YYYY',
      decimal_comma: true, out: 'results', seed: 42,
    }), '/data/shop/stockcast.config.json');
    expect(config).toEqual({
      source: '/data/shop/stockcast.config.json',
      freq: 'week', horizon: 13, method: 'auto', levels: [80, 95], asOf: '2026-11-26', seriesEnd: 'own',
      serviceLevel: 0.95, fillRate: 0.98, leadTimeDays: 14, leadTimeSdDays: 3, reviewPeriodDays: 7, moq: 10, packSize: 6,
      holdingRate: 0.25, orderCost: 40, deadStockDays: 90, overstockCoverDays: 120, failOn: ['stockout_risk'],
      columns: { sales: { sku: 'series', quantity: 'qty' } }, encoding: 'windows-1252', dateFormat: 'DD.MM.YYYY',
      decimalComma: true, out: '/data/shop/results', seed: 42,
    });
  });

  it('reads the ABC/XYZ limits and the number of charted items, and names a limit pair in the wrong order', () => {
    const config = parseConfig(JSON.stringify({ abc_limits: [70, 90], xyz_limits: [0.4, 0.9], report_top: 10 }), SOURCE);
    expect(config).toMatchObject({ abcLimits: [70, 90], xyzLimits: [0.4, 0.9], reportTop: 10 });
    expect(problemsOf({ abc_limits: [95, 80] })).toEqual([
      'stockcast.config.json: abc_limits: expected two cumulative value shares in percent where classes A and B end, A <= B, e.g. [80, 95], got [95,80]',
    ]);
  });

  it('accepts an empty object and a BOM', () => {
    expect(parseConfig('\ufeff{}', SOURCE)).toEqual({ source: SOURCE });
  });

  it('names the key, what was expected and what it got', () => {
    expect(problemsOf({ service_level: 95 })).toEqual([
      'stockcast.config.json: service_level: expected a number between 0.5 and 0.9999, got 95',
    ]);
    expect(problemsOf({ horizon: '12' })).toEqual([
      'stockcast.config.json: horizon: expected a whole number of periods from 1 to 10000, got "12"',
    ]);
    expect(problemsOf({ freq: 'daily' })).toEqual([
      'stockcast.config.json: freq: expected one of "day", "week", "month", "auto", got "daily"',
    ]);
    expect(problemsOf({ as_of: '2025-02-30' })).toEqual(['stockcast.config.json: as_of: expected a date YYYY-MM-DD, got "2025-02-30"']);
    expect(problemsOf({ pack_size: 2.5 })).toEqual(['stockcast.config.json: pack_size: expected a whole number of units, 1 or more, got 2.5']);
    expect(problemsOf({ levels: [80, 100] })).toEqual([
      'stockcast.config.json: levels: expected a list of 1 to 10 interval levels in percent, each above 0 and below 100, e.g. [80, 95], got [80,100]',
    ]);
    expect(problemsOf({ fail_on: ['overstock', 'fire'] })).toEqual([
      'stockcast.config.json: fail_on: expected one of "stockout_risk", "overstock", "dead_stock", "any", "none", or a list of them, got ["overstock","fire"]',
    ]);
    expect(problemsOf({ encoding: 'klingon' })).toEqual([
      'stockcast.config.json: encoding: expected an encoding name iconv-lite knows, e.g. "utf8", "latin1", "windows-1252", got "klingon"',
    ]);
    expect(problemsOf({ date_format: 'dd/mm/yy' })[0]).toMatch(/^stockcast\.config\.json: date_format: expected a date pattern/);
    expect(problemsOf({ decimal_comma: 'yes' })).toEqual(['stockcast.config.json: decimal_comma: expected true or false, got "yes"']);
  });

  it('reports unknown keys with a did-you-mean hint, also inside column maps', () => {
    expect(problemsOf({ servce_level: 0.9 })).toEqual(['stockcast.config.json: servce_level: unknown key (did you mean service_level?)']);
    expect(problemsOf({ serviceLevel: 0.9 })).toEqual(['stockcast.config.json: serviceLevel: unknown key (did you mean service_level?)']);
    expect(problemsOf({ colour: true })).toEqual(['stockcast.config.json: colour: unknown key']);
    expect(problemsOf({ columns: { sale: {} } })).toEqual(['stockcast.config.json: columns.sale: unknown key (did you mean sales?)']);
    expect(problemsOf({ columns: { sales: { qty: 'Menge' } } })).toEqual([
      'stockcast.config.json: columns.sales.qty: unknown key',
    ]);
    expect(problemsOf({ columns: { stock: { onhand: 'Bestand' } } })).toEqual([
      'stockcast.config.json: columns.stock.onhand: unknown key (did you mean on_hand?)',
    ]);
    expect(problemsOf({ columns: { sales: { sku: 5 } } })).toEqual([
      'stockcast.config.json: columns.sales.sku: expected a column header (text), got 5',
    ]);
  });

  it('lists every problem, not just the first', () => {
    expect(problemsOf({ service_level: 95, horizon: 0, moq: -1, typo: 1 })).toEqual([
      'stockcast.config.json: horizon: expected a whole number of periods from 1 to 10000, got 0',
      'stockcast.config.json: service_level: expected a number between 0.5 and 0.9999, got 95',
      'stockcast.config.json: moq: expected a whole number of units, 0 or more, got -1',
      'stockcast.config.json: typo: unknown key',
    ]);
  });

  it('points at the line and column of a JSON syntax error', () => {
    expect(problemsOf('{\n  "horizon": 12,\n}')).toEqual([
      'stockcast.config.json:3:1: expected valid JSON (Expected double-quoted property name)',
    ]);
    expect(problemsOf('')).toEqual(['stockcast.config.json: expected valid JSON (Unexpected end of JSON input)']);
    expect(problemsOf('[1]')).toEqual(['stockcast.config.json: expected a JSON object {...}, got [1]']);
  });
});

describe('loadConfig', () => {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'stockcast-config-')); });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('returns undefined when the data folder has no config file', async () => {
    expect(await loadConfig(dir)).toBeUndefined();
  });

  it('reads stockcast.config.json from the data folder', async () => {
    const data = join(dir, 'shop');
    mkdirSync(data);
    writeFileSync(join(data, 'stockcast.config.json'), '{"horizon": 8}');
    expect(await loadConfig(data)).toEqual({ source: join(data, 'stockcast.config.json'), horizon: 8 });
  });

  it('an explicit --config path wins and must exist', async () => {
    const path = join(dir, 'nightly.json');
    writeFileSync(path, '{"freq": "month"}');
    expect(await loadConfig(join(dir, 'shop'), path)).toMatchObject({ freq: 'month' });
    await expect(loadConfig(dir, join(dir, 'missing.json'))).rejects.toThrow(`--config ${join(dir, 'missing.json')}: no such file`);
    await expect(loadConfig(dir, dir)).rejects.toThrow(`${dir}: expected a JSON file, got a folder`);
  });
});
