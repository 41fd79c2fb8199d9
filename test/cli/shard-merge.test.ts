import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { writeManySkus } from './many-skus.js';
import { SAMPLES, runCli, tempDir } from './run-cli.js';

const TIMING = ['started_at', 'finished_at', 'durations_ms'];

/** Every file of an output set (following the set's link), by relative name. */
function filesOf(dir: string): Map<string, Buffer> {
  const root = path.join(dir, '.');
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const full = path.join(root, name);
    if (statSync(full).isFile()) files.set(name, readFileSync(full));
  }
  return files;
}

function maskedSummary(bytes: Buffer | undefined): string {
  const summary = JSON.parse(String(bytes)) as Record<string, unknown>;
  for (const key of TIMING) expect(summary, key).toHaveProperty(key);
  for (const key of TIMING) delete summary[key];
  return JSON.stringify(summary, null, 2);
}

function expectSameSet(merged: string, unsharded: string): void {
  const a = filesOf(merged);
  const b = filesOf(unsharded);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  expect(a.size).toBeGreaterThan(8);
  for (const [name, bytes] of b) {
    if (name === 'summary.json') expect(maskedSummary(a.get(name)), name).toBe(maskedSummary(bytes));
    else expect(a.get(name)?.equals(bytes), `${name} differs`).toBe(true);
  }
}

function skusOf(file: string, column = 'sku'): string[] {
  const { data } = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  return data.map((row) => row[column]);
}

function shardSkus(dir: string): string[] {
  return readFileSync(path.join(dir, 'shard-data.jsonl'), 'utf8').trim().split('\n').slice(1)
    .map((line) => (JSON.parse(line) as { sku: string }).sku);
}

/** One unsharded plan and three shards of `input`, run side by side, then merged (shards given out of order). */
async function planShardsAndMerge(base: string, input: string, flags: readonly string[]): Promise<void> {
  const runs = await Promise.all([
    runCli(['plan', input, '--out', path.join(base, 'full'), '--quiet', ...flags]),
    ...[0, 1, 2].map((k) => runCli(['plan', input, '--out', path.join(base, `s${k}`), '--quiet', '--shard', `${k}/3`, ...flags])),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  const merge = await runCli(['merge', 'merged', 's2', 's0', 's1'], { cwd: base });
  expect(merge.code, merge.stderr).toBe(0);
  expect(merge.stdout).toMatch(/^Merged 3 shards\n/);
}

describe.each([
  { name: 'samples', flags: ['--as-of', '2026-11-26'], make: () => SAMPLES },
  { name: 'samples with --format parquet', flags: ['--as-of', '2026-11-26', '--format', 'parquet'], make: () => SAMPLES },
  { name: 'a generated set of 200 SKUs', flags: ['--freq', 'month'], make: (dir: string) => { writeManySkus(dir, 200); return dir; } },
])('plan --shard 0/3, 1/3, 2/3 and merge on $name', ({ flags, make }) => {
  let base: string;
  let input: string;

  beforeAll(async () => {
    base = tempDir();
    input = make(path.join(base, 'input'));
    await planShardsAndMerge(base, input, flags);
  });

  it('give the unsharded set: every file byte for byte, summary.json apart from its times', () => {
    expectSameSet(path.join(base, 'merged'), path.join(base, 'full'));
  });

  it('put each SKU in exactly one shard, with all its warehouses, stock-only SKUs included', () => {
    const shards = [0, 1, 2].map((k) => shardSkus(path.join(base, `s${k}`)));
    const all = shards.flat();
    expect(new Set(all).size).toBe(all.length);
    const expected = new Set([...skusOf(path.join(input, 'sales.csv')), ...skusOf(path.join(input, 'stock.csv'))]);
    expect([...all].sort()).toEqual([...expected].sort());
    for (const [k, skus] of shards.entries()) {
      const own = new Set(skus);
      const stock = skusOf(path.join(input, 'stock.csv'));
      const reorder = skusOf(path.join(base, `s${k}`, 'reorder.csv'));
      expect(reorder.every((sku) => own.has(sku))).toBe(true);
      const lines = JSON.parse(readFileSync(path.join(base, `s${k}`, 'summary.json'), 'utf8')).counts.sku_warehouses;
      expect(lines).toBeGreaterThanOrEqual(stock.filter((sku) => own.has(sku)).length);
    }
  });

  it('mark each shard set in summary.json and keep the shard data out of the merged set', () => {
    for (const k of [0, 1, 2]) {
      const summary = JSON.parse(readFileSync(path.join(base, `s${k}`, 'summary.json'), 'utf8'));
      expect(summary.shard).toEqual({ index: k, count: 3 });
      expect(existsSync(path.join(base, `s${k}`, 'shard-data.jsonl'))).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(base, 'merged', 'summary.json'), 'utf8'))).not.toHaveProperty('shard');
    expect(existsSync(path.join(base, 'merged', 'shard-data.jsonl'))).toBe(false);
  });
});

describe('merge refuses clear mistakes and leaves OUT untouched', () => {
  let base: string;
  let before: Map<string, Buffer>;
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  beforeAll(async () => {
    base = tempDir();
    const other = path.join(base, 'other-input');
    cpSync(SAMPLES, other, { recursive: true, filter: (source) => !source.includes(`${path.sep}out`) });
    writeFileSync(path.join(other, 'stock.csv'), readFileSync(path.join(SAMPLES, 'stock.csv'), 'utf8').replace('CF-5001,BER,25,', 'CF-5001,BER,26,'));
    const runs = await Promise.all([
      ...[0, 1, 2].map((k) => runCli(['plan', SAMPLES, '--out', path.join(base, `s${k}`), '--as-of', '2026-11-26', '--quiet', '--shard', `${k}/3`])),
      runCli(['plan', other, '--out', path.join(base, 'other-s1'), '--as-of', '2026-11-26', '--quiet', '--shard', '1/3']),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const merge = await runCli(['merge', 'merged', 's0', 's1', 's2', '--quiet'], { cwd: base });
    expect(merge.code, merge.stderr).toBe(0);
    before = filesOf(path.join(base, 'merged'));
  });

  const refuse = async (args: readonly string[]) => {
    const result = await runCli(['merge', 'merged', ...args], { cwd: base });
    const after = filesOf(path.join(base, 'merged'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
    expect(result.stdout).toBe('');
    return result;
  };

  it('a missing shard: exit 2', async () => {
    const result = await refuse(['s0', 's2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('stockcast: merge: shard 1 of 3 is missing (given: 0/3 (s0), 2/3 (s2))\n');
  });

  it('a shard given twice: exit 2', async () => {
    cpSync(path.join(base, 's1'), path.join(base, 's1-copy'), { recursive: true, dereference: true });
    const result = await refuse(['s0', 's1', 's1-copy', 's2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('stockcast: merge: shard 1/3 is given twice: s1 and s1-copy\n');
  });

  it('shards of different inputs (by SHA-256): exit 3, naming the shard and the file', async () => {
    const result = await refuse(['s0', 'other-s1', 's2']);
    expect(result.code).toBe(3);
    const samplesStock = sha(path.join(SAMPLES, 'stock.csv')).slice(0, 12);
    const otherStock = sha(path.join(base, 'other-input', 'stock.csv')).slice(0, 12);
    expect(result.stderr).toBe(
      `error: ${path.join('other-s1', 'summary.json')}: inputs.stock.sha256: expected ${samplesStock}… (stock.csv) as in s0, `
      + `got "${otherStock}… (stock.csv)" (every shard must plan the same inputs with the same settings)\n`
      + 'stockcast: 1 problem in the input; nothing was planned and no output file was touched\n');
  });

  it('shards planned with different settings: exit 3, naming the setting', async () => {
    cpSync(path.join(base, 's2'), path.join(base, 's2-seed'), { recursive: true, dereference: true });
    const file = path.join(base, 's2-seed', 'shard-data.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"seed":1,', '"seed":2,'));
    const result = await refuse(['s0', 's1', 's2-seed']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`error: ${path.join('s2-seed', 'shard-data.jsonl')}: settings.seed: expected 1 as in s0, got "2"`);
  });

  it('shards planned by another stockcast version: exit 3', async () => {
    for (const k of [0, 1, 2]) {
      cpSync(path.join(base, `s${k}`), path.join(base, `old-s${k}`), { recursive: true, dereference: true });
      const file = path.join(base, `old-s${k}`, 'summary.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"version": "[^"]*"/, '"version": "0.0.9"'));
    }
    const result = await refuse(['old-s0', 'old-s1', 'old-s2']);
    expect(result.code).toBe(3);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${path.join('old-s0', 'summary.json')}: version: expected ${VERSION} (this stockcast), `
      + 'got "0.0.9" (merge with the stockcast version that planned the shards)');
  });

  it('shards cut into a different number of parts: exit 2', async () => {
    cpSync(path.join(base, 's0'), path.join(base, 's0-of-2'), { recursive: true, dereference: true });
    const file = path.join(base, 's0-of-2', 'summary.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"count": 3', '"count": 2'));
    const result = await refuse(['s0-of-2', 's1', 's2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('stockcast: merge: the shards were cut into different numbers of parts: 0/2 (s0-of-2), 1/3 (s1), 2/3 (s2); give the shards of one run\n');
  });

  it('a folder that is not a shard set: exit 2', async () => {
    const result = await refuse(['s0', 's1', 'merged']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('stockcast: merge: merged is both the output folder and a shard; write the merged set to another folder\n');
    const plain = await refuse(['s0', 's1', path.join('other-input')]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe('stockcast: merge: other-input is not a shard set: it has no summary.json; give the --out folders of `stockcast plan --shard K/N` runs\n');
  });
});

describe('plan --shard parse errors', () => {
  it.each([
    ['3/3', 'the shard index K counts from 0 and must be below N = 3, got "3/3"'],
    ['0/0', 'the shard count N must be between 1 and 1048576, got "0/0"'],
    ['1of3', 'expected K/N with whole numbers, 0 <= K < N (e.g. 0/4), got "1of3"'],
  ])('--shard %s exits 2 and says why, writing nothing', async (value, reason) => {
    const out = path.join(tempDir(), 'out');
    const result = await runCli(['plan', SAMPLES, '--out', out, '--shard', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: option '--shard <k/n>' argument '${value}' is invalid. ${reason}\n(run with --help for usage)\n`);
    expect(existsSync(out)).toBe(false);
  });
});
