// node bench/censored-demand.mjs — stockout-censored demand (issue 9, item 2). Seeded SKUs with
// steady daily demand (negative binomial) run two years on a short weekly order-up-to, so the
// shelf is often empty and recorded sales fall below demand. The built CLI forecasts them
// (`forecast --freq week`) from the sales alone, with --stock-history (end-of-day stock), and from
// the true demand; the forecast bias is measured against the true mean demand.
// Target: with stock_history, |bias| <= 5 % on the censored SKUs. Exit 1 when missed.
// Flags: --skus N (20) --seed S (42) --cover X (order-up-to as a multiple of mean demand over lead
// time + review, default 0.8: about a quarter of days out of stock). Build first (npm run build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, negativeBinomial } from './lib-sim-random.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const skus = Number(args.skus ?? 20);
const seed = Number(args.seed ?? 42);
const cover = Number(args.cover ?? 0.8);
const DAYS = 728; // day 0 = 2024-01-01, a Monday
const DAY0 = Date.UTC(2024, 0, 1) / 86400000;
const iso = (day) => new Date((DAY0 + day) * 86400000).toISOString().slice(0, 10);
const LEAD = 7;
const REVIEW = 7;

const random = mulberry32(seed);
const dir = mkdtempSync(join(tmpdir(), 'stockcast-censored-'));
const sales = ['date,sku,warehouse,quantity'];
const truth = ['date,sku,warehouse,quantity'];
const history = ['date,sku,warehouse,on_hand'];
const means = new Map();
let outDays = 0;
for (let s = 0; s < skus; s++) {
  const sku = `S${String(s).padStart(3, '0')}`;
  const mean = 5 + 25 * random();
  means.set(sku, mean);
  const orderUpTo = Math.round(cover * mean * (LEAD + REVIEW));
  let onHand = orderUpTo;
  const arrivals = new Float64Array(DAYS + LEAD + 1);
  let onOrder = 0;
  for (let day = 0; day < DAYS; day++) {
    if (arrivals[day] > 0) { onHand += arrivals[day]; onOrder -= arrivals[day]; }
    if (day % REVIEW === 0) {
      const qty = Math.max(0, orderUpTo - onHand - onOrder);
      if (qty > 0) { arrivals[day + LEAD] += qty; onOrder += qty; }
    }
    const demand = negativeBinomial(mean, 10, random);
    const sold = Math.min(onHand, demand);
    onHand -= sold;
    if (demand > 0) truth.push(`${iso(day)},${sku},W,${demand}`);
    if (sold > 0) sales.push(`${iso(day)},${sku},W,${sold}`);
    history.push(`${iso(day)},${sku},W,${onHand}`);
    if (onHand <= 0) outDays++;
  }
}
writeFileSync(join(dir, 'sales.csv'), `${sales.join('\n')}\n`);
writeFileSync(join(dir, 'stock_history.csv'), `${history.join('\n')}\n`);
const truthDir = join(dir, 'truth');
execFileSync('mkdir', ['-p', truthDir]);
writeFileSync(join(truthDir, 'sales.csv'), `${truth.join('\n')}\n`);

const forecastTotal = (salesDir, extra) => {
  const out = join(dir, `forecast-${Math.random().toString(36).slice(2)}.csv`);
  execFileSync(process.execPath, [join(root, 'bin', 'stockcast.js'), 'forecast', '--sales', join(salesDir, 'sales.csv'), '--freq', 'week',
    '--horizon', '4', '--as-of', iso(DAYS), '--out', out, '--quiet', ...extra], { stdio: ['ignore', 'ignore', 'inherit'] });
  const totals = new Map();
  for (const line of readFileSync(out, 'utf8').trim().split('\n').slice(1)) {
    const [sku, , , forecast] = line.split(',');
    totals.set(sku, (totals.get(sku) ?? 0) + Number(forecast) / 4);
  }
  return totals;
};
const runs = {
  'sales only': forecastTotal(dir, []),
  'with stock_history': forecastTotal(dir, ['--stock-history', join(dir, 'stock_history.csv')]),
  'true demand': forecastTotal(truthDir, []),
};
const pct = (x) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`;
console.log(`${skus} SKUs, ${DAYS} days, order-up-to ${cover} x mean demand over lead time + review: ${(100 * outDays / (skus * DAYS)).toFixed(1)} % of days end out of stock`);
const results = {};
for (const [name, totals] of Object.entries(runs)) {
  let forecast = 0;
  let actual = 0;
  let absolute = 0;
  for (const [sku, mean] of means) {
    const weekly = totals.get(sku) ?? 0;
    forecast += weekly;
    actual += 7 * mean;
    absolute += Math.abs(weekly / (7 * mean) - 1) / means.size;
  }
  results[name] = forecast / actual - 1;
  console.log(`${name.padEnd(20)} weekly forecast / true mean - 1: ${pct(forecast / actual - 1)} (mean |bias| per SKU ${(100 * absolute).toFixed(1)} %)`);
}
rmSync(dir, { recursive: true, force: true });
const pass = Math.abs(results['with stock_history']) <= 0.05;
console.log(`target: |bias| <= 5 % with stock_history -> ${pass ? 'PASS' : 'FAIL'}`);
process.exitCode = pass ? 0 : 1;
