import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSet } from './read-output-set.js';
import { SAMPLES, runCli, tempDir } from './run-cli.js';

const AS_OF = '2026-11-26';

/** Reading in parts starts at 16 MiB; these tests lower the threshold so small files are cut too. */
function envWith(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', TZ: 'UTC', STOCKCAST_SALES_PARTS_FROM_BYTES: '1', ...extra };
}

/** A copy of the samples whose sales.csv has the given text in place of the original. */
function samplesWithSales(sales: string): string {
  const dir = tempDir();
  for (const name of ['stock.csv', 'items.csv', 'lanes.csv']) copyFileSync(path.join(SAMPLES, name), path.join(dir, name));
  writeFileSync(path.join(dir, 'sales.csv'), sales);
  return dir;
}

describe('reading sales.csv in parts on the run\'s threads (--jobs)', () => {
  it('plans the samples to the same output set with the file read in 1, 2 and 3 parts', async () => {
    const sets = [];
    for (const jobs of ['1', '2', '3']) {
      const out = path.join(tempDir(), 'out');
      const run = await runCli(['plan', SAMPLES, '--out', out, '--as-of', AS_OF, '--method', 'snaive', '--quiet', '--jobs', jobs], { env: envWith() });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      sets.push(readSet(out));
    }
    expect(sets[1]).toEqual(sets[0]);
    expect(sets[2]).toEqual(sets[0]);
  }, 240_000);

  it('reads a file whose middle lies inside a quoted value with line breaks as one pass does', async () => {
    const lines = readFileSync(path.join(SAMPLES, 'sales.csv'), 'utf8').trimEnd().split('\n');
    const middle = Math.floor(lines.length / 2);
    const note = `"${Array.from({ length: 4000 }, (_, i) => `note ${i}`).join('\n')}"`;
    lines[middle] = `${lines[middle].split(',').slice(0, 4).join(',')},${note}`;
    const dir = samplesWithSales(`${lines.join('\n')}\n`);
    const outputs = [];
    for (const jobs of ['1', '2']) {
      const run = await runCli(['forecast', dir, '--as-of', AS_OF, '--method', 'snaive', '-o', '-', '--jobs', jobs], { env: envWith() });
      expect(run.code).toBe(0);
      outputs.push(run.stdout);
    }
    expect(outputs[0]).toContain('KT-3003');
    expect(outputs[1]).toBe(outputs[0]);
  });

  it('reports the problems of a bad file exactly as one pass does: same lines, same order, exit 3', async () => {
    const lines = readFileSync(path.join(SAMPLES, 'sales.csv'), 'utf8').trimEnd().split('\n');
    const late = lines.length - 10;
    lines[late] = lines[late].replace(/^\d{4}-\d{2}-\d{2}/, '2024-13-45');
    lines[20] = lines[20].replace(/,(\d+),/, ',many,');
    const dir = samplesWithSales(`${lines.join('\n')}\n`);
    const runs = [];
    for (const jobs of ['1', '2', '3']) {
      const run = await runCli(['forecast', dir, '--method', 'snaive', '-o', '-', '--jobs', jobs], { env: envWith() });
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      runs.push(run.stderr);
    }
    expect(runs[0]).toContain('sales.csv:21:4: quantity');
    expect(runs[0]).toContain(`sales.csv:${late + 1}:1: date`);
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  it('when the reading thread throws, exits 1 with a clear message and leaves the previous output set as it was', async () => {
    const out = path.join(tempDir(), 'out');
    const first = await runCli(['plan', SAMPLES, '--out', out, '--as-of', AS_OF, '--method', 'snaive', '--quiet', '--jobs', '2'], { env: envWith() });
    expect(first.code).toBe(0);
    const before = readSet(out);
    const failed = await runCli(['plan', SAMPLES, '--out', out, '--as-of', AS_OF, '--method', 'snaive', '--quiet', '--jobs', '2'], {
      env: envWith({ STOCKCAST_FAULT: 'sales-part-worker' }),
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('reading sales.csv on a worker thread failed: injected fault (STOCKCAST_FAULT=sales-part-worker)');
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    expect(readSet(out)).toEqual(before);
  });
});
