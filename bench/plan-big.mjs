#!/usr/bin/env node
// Nightly plan on the 5M-row benchmark file (issue 5, "Big inputs"): 20k SKUs x 3 warehouses,
// two years of daily sales, plus a generated stock.csv and items.csv (seeded, cached in
// bench/.cache/big/). Runs the BUILT CLI in a child process with Node's default heap limit and
// reports wall time, peak RSS and the per-stage durations from summary.json.
// Usage: npm run bench:plan [-- --rows 1m] [--jobs N]   (1m: the 1M-row file, for a quicker look;
// --jobs: worker threads, default the CLI's default, all available cores; --no-history: plan without
// the run history store, which is otherwise DIR/stockcast.db in the bench folder and grows by a run each time)
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib-sim-random.mjs';
import { makeBigSales } from './make-big-sales.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const size = option('--rows') ?? '5m';
const jobs = option('--jobs');
const cache = join(root, 'bench', '.cache');
const salesFile = join(cache, `sales-${size}.csv`);
const dir = join(cache, `big-${size}`);
mkdirSync(dir, { recursive: true });
if (!existsSync(salesFile)) {
  if (size !== '5m') throw new Error(`${salesFile} is missing: run npm run bench first`);
  process.stderr.write(`generating ${salesFile} ...\n`);
  makeBigSales(salesFile);
}
if (!existsSync(join(dir, 'sales.csv'))) linkSync(salesFile, join(dir, 'sales.csv'));

if (!existsSync(join(dir, 'stock.csv'))) {
  const random = mulberry32(7);
  const stock = ['sku,warehouse,on_hand,on_order,allocated,unit_cost'];
  const items = ['sku,supplier,lead_time_days,lead_time_sd_days,moq,pack_size,unit_cost,service_level'];
  for (let s = 1; s <= 20_000; s++) {
    const sku = `SKU-${String(s).padStart(5, '0')}`;
    const cost = (1 + random() * 99).toFixed(2);
    for (const warehouse of ['WH-NORTH', 'WH-SOUTH', 'WH-EAST']) {
      stock.push(`${sku},${warehouse},${Math.floor(random() * 60)},${random() < 0.2 ? 24 : 0},${random() < 0.1 ? 2 : 0},${cost}`);
    }
    items.push(`${sku},Supplier ${1 + (s % 25)},${[3, 7, 14, 21, 45][s % 5]},${(random() * 3).toFixed(1)},${[1, 6, 12][s % 3]},${[1, 6, 12][s % 3]},${cost},0.95`);
  }
  writeFileSync(join(dir, 'stock.csv'), `${stock.join('\n')}\n`);
  writeFileSync(join(dir, 'items.csv'), `${items.join('\n')}\n`);
}

const out = join(mkdtempSync(join(tmpdir(), 'stockcast-bench-plan-')), 'out');
const { availableParallelism, loadavg } = await import('node:os');
const loadBefore = loadavg();
const started = process.hrtime.bigint();
const child = spawnSync(process.execPath, [join(root, 'bench', 'lib-rss-run.mjs'), 'plan', dir, '--out', out, '--quiet', ...(jobs ? ['--jobs', jobs] : []),
  ...(process.argv.includes('--no-history') ? ['--no-history'] : [])], {
  encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
});
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
if (child.status !== 0) {
  process.stderr.write(child.stderr);
  process.exit(1);
}
const peakKb = Number(child.stderr.trim().split('\n').pop().split(' ')[1]);
const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
console.log(`plan on ${summary.counts.sales_rows.toLocaleString('en-US')} sales rows, ${summary.counts.series} series, `
  + `${summary.counts.sku_warehouses} SKU x warehouse`);
const loads = (load) => load.map((x) => x.toFixed(1)).join(' ');
console.log(`jobs ${jobs ?? `default (${availableParallelism()} available cores)`}; load average ${loads(loadBefore)} before, ${loads(loadavg())} after`);
console.log(`wall ${(wallMs / 1000).toFixed(1)} s (whole command, start to exit), peak RSS ${(peakKb / 1024).toFixed(0)} MB (Node's default heap limit)`);
console.log(`throughput ${(summary.counts.series / (wallMs / 1000)).toFixed(0)} series/s over the whole run, `
  + `${(summary.counts.series / (summary.durations_ms.forecast / 1000)).toFixed(0)} series/s in the forecast stage`);
const stages = Object.entries(summary.durations_ms).filter(([stage]) => stage !== 'total');
const outside = wallMs - summary.durations_ms.total;
console.log(`split: ${stages.map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`).join(', ')}, `
  + `outside the stages (start-up, summary, exit) ${(outside / 1000).toFixed(1)} s`);
const store = join(dir, 'stockcast.db');
if (!process.argv.includes('--no-history') && existsSync(store)) {
  console.log(`run history: ${summary.history?.write_ms !== undefined ? `written in ${(summary.history.write_ms / 1000).toFixed(1)} s, ` : ''}`
    + `store ${(statSync(store).size / 2 ** 20).toFixed(1)} MB (${store}; delete it to start afresh)`);
}
rmSync(dirname(out), { recursive: true, force: true });
