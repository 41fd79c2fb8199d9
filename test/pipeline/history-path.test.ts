import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/read/config.js';
import { historyPath } from '../../src/pipeline/history-path.js';

const saved = process.env.STOCKCAST_HISTORY;
afterEach(() => {
  if (saved === undefined) delete process.env.STOCKCAST_HISTORY;
  else process.env.STOCKCAST_HISTORY = saved;
});

describe('where the run history store is', () => {
  it('is DIR/stockcast.db by default, and beside the output folder when plan runs without DIR', () => {
    delete process.env.STOCKCAST_HISTORY;
    expect(historyPath('data', undefined, undefined, path.resolve('data/out'))).toBe(path.resolve('data/stockcast.db'));
    expect(historyPath(undefined, undefined, undefined, '/srv/plan/out')).toBe('/srv/plan/stockcast.db');
    expect(historyPath(undefined, undefined, undefined, '-')).toBeUndefined();
  });

  it('--no-history and --history FILE win over STOCKCAST_HISTORY, which wins over the config', () => {
    process.env.STOCKCAST_HISTORY = '/env/h.db';
    expect(historyPath('data', false, '/config/h.db', '/out')).toBeUndefined();
    expect(historyPath('data', 'flag.db', '/config/h.db', '/out')).toBe(path.resolve('flag.db'));
    expect(historyPath('data', undefined, '/config/h.db', '/out')).toBe('/env/h.db');
    process.env.STOCKCAST_HISTORY = 'off';
    expect(historyPath('data', undefined, '/config/h.db', '/out')).toBeUndefined();
    delete process.env.STOCKCAST_HISTORY;
    expect(historyPath('data', undefined, '/config/h.db', '/out')).toBe('/config/h.db');
    expect(historyPath('data', undefined, false, '/out')).toBeUndefined();
  });

  it('the config key history takes a path (relative to the config file), false, or {path, keep_days}', () => {
    expect(parseConfig('{"history": "h/stockcast.db"}', '/srv/data/stockcast.config.json').history).toBe('/srv/data/h/stockcast.db');
    expect(parseConfig('{"history": false}', 'stockcast.config.json').history).toBe(false);
    const both = parseConfig('{"history": {"path": "x.db", "keep_days": 400}}', '/d/stockcast.config.json');
    expect([both.history, both.historyKeepDays]).toEqual(['/d/x.db', 400]);
    const keepOnly = parseConfig('{"history": {"keep_days": 30}}', '/d/stockcast.config.json');
    expect([keepOnly.history, keepOnly.historyKeepDays]).toEqual([undefined, 30]);
    expect(() => parseConfig('{"history": {"keep_days": 0}}', 'stockcast.config.json')).toThrow(
      'stockcast.config.json: history: expected a path for the run history store, false for none, or {"path": ..., "keep_days": N} with N whole days from 1 to 36500, got an object');
  });
});
