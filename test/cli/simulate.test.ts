import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, type CliResult } from './run-cli.js';

const INPUT = path.join(ROOT, 'test', 'fixtures', 'golden', 'plan-small', 'input');
const AS_OF = '2026-11-26';

describe('stockcast simulate', () => {
  let out: string;
  let first: CliResult;
  beforeAll(async () => {
    out = tempDir();
    first = await runCli(['simulate', INPUT, '--out', out, '--as-of', AS_OF, '--weeks', '6', '--json']);
  }, 120_000);

  it('exits 0, writes simulate.csv with its columns and prints the totals as JSON', () => {
    expect(first.code).toBe(0);
    const lines = readFileSync(path.join(out, 'simulate.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('sku,warehouse,service_target,service_level,demand,fill_rate,cycle_service,avg_inventory_value,orders,ordered_units,stockout_days');
    const summary = JSON.parse(first.stdout) as { weeks: number; from: string; to: string; series: number; totals: { fill_rate: number } };
    expect(summary).toMatchObject({ weeks: 6, from: '2026-10-15', to: '2026-11-25' });
    expect(summary.series).toBe(lines.length - 1);
    expect(summary.totals.fill_rate).toBeGreaterThan(0);
    expect(summary.totals.fill_rate).toBeLessThanOrEqual(1);
  });

  it('as a what-if, a higher service level flag overrides items.csv and holds more stock', async () => {
    const low = await runCli(['simulate', INPUT, '--out', '-', '--as-of', AS_OF, '--weeks', '6', '--service-level', '0.8']);
    const high = await runCli(['simulate', INPUT, '--out', '-', '--as-of', AS_OF, '--weeks', '6', '--service-level', '0.99']);
    expect(low.code).toBe(0);
    const inventory = (csv: string) => csv.trim().split('\n').slice(1).reduce((sum, line) => sum + Number(line.split(',')[7]), 0);
    expect(high.stdout.split('\n')[1]).toContain(',cycle,0.99,');
    expect(inventory(high.stdout)).toBeGreaterThan(inventory(low.stdout));
  }, 120_000);

  it('refuses a --weeks that is not a positive whole number (exit 2)', async () => {
    const result = await runCli(['simulate', INPUT, '--weeks', '0']);
    expect(result.code).toBe(2);
  });
});
