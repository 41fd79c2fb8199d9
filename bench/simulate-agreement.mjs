// node bench/simulate-agreement.mjs — does `stockcast simulate` agree with the bench's policy
// simulator (bench/lib-sim.mjs) on a shared scenario? (issue 9: within 1 point of fill and cycle service.)
// Seeded SKUs of a few classes get two years of daily demand plus --weeks weeks; the demand is
// written as sales.csv (with stock.csv and items.csv: fixed lead times, weekly review, 95 % cycle
// service) and replayed by the built CLI (`simulate --freq week`), and the same SKUs, demand and
// lead times run through lib-sim's forecast policy (started, like simulate, at its own first
// order-up-to level). Remaining differences: lib-sim forecasts from what it sold (censored),
// simulate from the recorded sales; lib-sim draws paths for count laws where simulate takes exact
// quantiles. Flags: --per-class N (8) --seed S (42) --weeks N (13) --classes a,b (smooth,intermittent,slow).
// Build first (npm run build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDemand } from './lib-sim-demand.mjs';
import { childSeed, mulberry32 } from './lib-sim-random.mjs';
import { simulateSku } from './lib-sim.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const perClass = Number(args['per-class'] ?? 8);
const seed = Number(args.seed ?? 42);
const weeks = Number(args.weeks ?? 13);
const classes = (args.classes ?? 'smooth,intermittent,slow').split(',');
const historyDays = 728; // day 0 = 2024-01-01, a Monday
const DAY0 = Date.UTC(2024, 0, 1) / 86400000;
const iso = (day) => new Date((DAY0 + day) * 86400000).toISOString().slice(0, 10);

const dist = new URL('../dist/core/', import.meta.url);
const { forecastSeries } = await import(new URL('forecast/forecast-series.js', dist));
const { classifyDemand } = await import(new URL('forecast/demand-class.js', dist));
const inventory = await import(new URL('inventory/index.js', dist));
const engine = { forecastSeries, classifyDemand, ...inventory };

const random = mulberry32(seed);
const skus = [];
for (const cls of classes) {
  for (let i = 0; i < perClass; i++) {
    const leadTimeDays = [7, 10, 14, 21][Math.floor(random() * 4)];
    skus.push({
      id: `${cls}-${i}`, seed: childSeed(random), demand: makeDemand(cls, random),
      item: { ...inventory.DEFAULT_ITEM, supplier: 'sim', leadTimeDays, leadTimeSdDays: 0, packSize: 1, moq: 1,
        unitCost: Math.round(Math.exp(random() * Math.log(100)) * 100) / 100, serviceLevel: 0.95, serviceTarget: 'cycle',
        reviewPeriodDays: 7, orderCost: 0, holdingRate: 0.25 },
    });
  }
}
const endDay = historyDays + weeks * 7;
const dir = mkdtempSync(join(tmpdir(), 'stockcast-agreement-'));
const sales = ['date,sku,warehouse,quantity'];
for (const sku of skus) {
  const draw = mulberry32(sku.seed); // lib-sim's demand stream
  for (let day = 0; day < endDay; day++) {
    const units = sku.demand.draw(day, draw);
    if (units > 0) sales.push(`${iso(day)},${sku.id},W,${units}`);
  }
}
writeFileSync(join(dir, 'sales.csv'), `${sales.join('\n')}\n`);
writeFileSync(join(dir, 'stock.csv'), `sku,warehouse,on_hand,unit_cost\n${skus.map((s) => `${s.id},W,0,${s.item.unitCost}`).join('\n')}\n`);
writeFileSync(join(dir, 'items.csv'), `sku,lead_time_days,lead_time_sd_days,moq,pack_size,unit_cost,service_level,review_period_days\n${
  skus.map((s) => `${s.id},${s.item.leadTimeDays},0,1,1,${s.item.unitCost},0.95,7`).join('\n')}\n`);
const summary = JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'stockcast.js'), 'simulate', dir, '--freq', 'week',
  '--weeks', String(weeks), '--as-of', iso(endDay), '--out', join(dir, 'out'), '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const rows = readFileSync(join(dir, 'out', 'simulate.csv'), 'utf8').trim().split('\n').slice(1);

const settings = { historyDays, warmupReviews: 0, countedReviews: weeks, referencePaths: 200, alphas: [], freq: 'week', startAtOrderUpTo: true };
const pooled = { demand: 0, served: 0, cycles: 0, stockouts: 0 };
for (const sku of skus) {
  const o = simulateSku(sku, engine, settings)[0];
  pooled.demand += o.demand; pooled.served += o.sold; pooled.cycles += o.cycles; pooled.stockouts += o.stockoutCycles;
}
const fillCli = summary.totals.fill_rate;
const fillBench = pooled.served / pooled.demand;
const cslCli = summary.totals.cycle_service;
const cslBench = 1 - pooled.stockouts / pooled.cycles;
const pct = (x) => (100 * x).toFixed(1);
const gap = (a, b) => (100 * Math.abs(a - b)).toFixed(2);
console.log(`${skus.length} SKUs (${classes.join(', ')}), seed ${seed}, ${weeks} weeks, ${rows.length} rows; demand ${summary.totals.demand} (simulate) / ${pooled.demand} (bench)`);
console.log(`fill rate:     simulate ${pct(fillCli)} %, bench ${pct(fillBench)} %, difference ${gap(fillCli, fillBench)} pt`);
console.log(`cycle service: simulate ${pct(cslCli)} %, bench ${pct(cslBench)} %, difference ${gap(cslCli, cslBench)} pt (pooled cycles)`);
rmSync(dir, { recursive: true, force: true });
const isAgreed = Math.abs(fillCli - fillBench) <= 0.01 && Math.abs(cslCli - cslBench) <= 0.01;
console.log(isAgreed ? 'within 1 pt: PASS' : 'more than 1 pt apart: FAIL');
process.exitCode = isAgreed ? 0 : 1;
