import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.js';
import { readSet } from './read-output-set.js';
import { SAMPLES, runCli, tempDir } from './run-cli.js';

const AS_OF = '2026-11-26';

/**
 * 100 SKUs x 2 warehouses, 90 days of strictly positive daily demand: four batches of series, so
 * every worker gets one, and positive data so that `--method ets` picks multiplicative-error models,
 * whose forecasts and safety stock are simulated (their simulators must cross the threads).
 */
function writePositiveBusiness(dir: string): void {
  const random = seededRandom(2024);
  const sales = ['date,sku,warehouse,quantity'];
  const stock = ['sku,warehouse,on_hand,on_order,allocated,unit_cost'];
  const start = Date.UTC(2026, 6, 1);
  for (let s = 0; s < 100; s++) {
    const sku = `P-${String(s).padStart(4, '0')}`;
    const level = 5 + 40 * random();
    for (const warehouse of ['EAST', 'WEST']) {
      for (let d = 0; d < 90; d++) {
        const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
        const weekly = d % 7 === 5 ? 1.4 : 1;
        sales.push(`${date},${sku},${warehouse},${Math.max(1, Math.round(level * weekly * (0.7 + 0.6 * random())))}`);
      }
      stock.push(`${sku},${warehouse},${Math.floor(random() * 200)},0,0,${(1 + random() * 20).toFixed(2)}`);
    }
  }
  writeFileSync(path.join(dir, 'sales.csv'), `${sales.join('\n')}\n`);
  writeFileSync(path.join(dir, 'stock.csv'), `${stock.join('\n')}\n`);
}

describe('--jobs: forecasting on worker threads', () => {
  it('writes the same plan of the samples for 1, 2 and 3 jobs', async () => {
    const sets = [];
    for (const jobs of ['1', '2', '3']) {
      const out = path.join(tempDir(), 'out');
      const run = await runCli(['plan', SAMPLES, '--out', out, '--as-of', AS_OF, '--quiet', '--jobs', jobs]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      sets.push(readSet(out));
    }
    expect(Object.keys(sets[0])).toContain('forecast.csv');
    expect(sets[1]).toEqual(sets[0]);
    expect(sets[2]).toEqual(sets[0]);
  });

  describe('on a generated business with simulated (multiplicative ETS) forecasts', () => {
    let dir: string;
    beforeAll(() => {
      dir = tempDir();
      writePositiveBusiness(dir);
    });

    it('writes the same plan for 1, 2 and 3 jobs', async () => {
      const sets = [];
      let out = '';
      for (const jobs of ['1', '2', '3']) {
        out = path.join(tempDir(), 'out');
        const run = await runCli(['plan', dir, '--out', out, '--method', 'ets', '--quiet', '--jobs', jobs]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        sets.push(readSet(out));
      }
      const methods = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')).methods as Record<string, number>;
      expect(Object.keys(methods).some((label) => label.startsWith('ETS(M'))).toBe(true);
      expect(sets[1]).toEqual(sets[0]);
      expect(sets[2]).toEqual(sets[0]);
    }, 240_000);

    it('when a worker throws, exits 1 with a clear message and leaves the previous output set as it was', async () => {
      const out = path.join(tempDir(), 'out');
      const first = await runCli(['plan', dir, '--out', out, '--method', 'ets', '--quiet', '--jobs', '2']);
      expect(first.code).toBe(0);
      const before = readSet(out);
      const summaryBefore = readFileSync(path.join(out, 'summary.json'), 'utf8');
      const failed = await runCli(['plan', dir, '--out', out, '--method', 'ets', '--quiet', '--jobs', '2'], {
        env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', STOCKCAST_FAULT: 'forecast-worker' },
      });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('forecasting failed in a worker thread: injected fault (STOCKCAST_FAULT=forecast-worker)');
      expect(failed.stderr).not.toMatch(/^\s+at /m);
      expect(readSet(out)).toEqual(before);
      expect(readFileSync(path.join(out, 'summary.json'), 'utf8')).toBe(summaryBefore);
    });
  });

  it('backtests the samples to the same accuracy for 1, 2 and 3 jobs', async () => {
    const reports = [];
    for (const jobs of ['1', '2', '3']) {
      const run = await runCli(['backtest', SAMPLES, '--json', '--quiet', '--folds', '2', '--methods', 'auto,croston,snaive', '--jobs', jobs]);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      delete report.durationsMs;
      reports.push(report);
    }
    expect(reports[0].by_method.length).toBe(3);
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[2]).toEqual(reports[0]);
  });

  it('refuses --jobs 0 as a usage error', async () => {
    const run = await runCli(['forecast', SAMPLES, '--jobs', '0', '-o', '-']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs/);
  });
});
