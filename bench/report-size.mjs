#!/usr/bin/env node
// report.html at the scale of the 5M-row bench plan (20k SKUs x 3 warehouses = 60k lines,
// daily, horizon 28) without running the 17-minute plan: writes a synthetic output set
// (summary.json, inventory.csv, forecast.csv of that size, seeded) into a temporary folder,
// then times buildReport from dist/ (charting library import included) and the atomic write.
// Budget (issue 10): <= 15 MB and <= 5 s. Usage: npm run bench:report [-- --lines 60000 --top 40]
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from './lib-sim-random.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const LINES = arg('--lines', 60_000);
const TOP = arg('--top', 40);
const HORIZON = 28;
const HISTORY = 24;
const WAREHOUSES = ['BER', 'HAM', 'MUC'];
const SUPPLIERS = Array.from({ length: 40 }, (_, i) => `Supplier ${String(i + 1).padStart(2, '0')}`);
const day0 = Date.UTC(2026, 10, 26);
const iso = (offsetDays) => new Date(day0 + offsetDays * 86_400_000).toISOString().slice(0, 10);

const dir = mkdtempSync(join(tmpdir(), 'stockcast-report-bench-'));
const random = mulberry32(10);
const inventory = ['sku,warehouse,supplier,on_hand,on_order,allocated,available,lead_time_days,reorder_point,order_up_to,order_qty,order_value,days_of_cover,unit_cost,daily_demand,yearly_demand,yearly_value,demand_cv,abc_class,xyz_class,money_at_stake,alerts,history_start,history'];
const forecast = ['sku,warehouse,period,forecast,lo80,hi80,lo95,hi95,method'];
const cells = {};
for (const a of 'ABC') for (const x of 'XYZ') cells[a + x] = { count: 0, value: 0 };
for (let i = 0; i < LINES; i++) {
  const sku = `SKU-${String(Math.floor(i / 3)).padStart(6, '0')}`;
  const warehouse = WAREHOUSES[i % 3];
  const rate = random() < 0.3 ? random() * 0.5 : random() * 20;
  const cost = Math.round((1 + random() * 200) * 100) / 100;
  const onHand = Math.floor(rate * 30 * random() * 2);
  const reorderPoint = Math.ceil(rate * 20);
  const orderQty = onHand < reorderPoint ? Math.ceil(rate * 30) : 0;
  const yearlyValue = rate * 365.2425 * cost;
  const abc = yearlyValue > 300_000 ? 'A' : yearlyValue > 100_000 ? 'B' : 'C';
  const xyz = rate > 5 ? 'X' : rate > 1 ? 'Y' : 'Z';
  cells[abc + xyz].count++;
  cells[abc + xyz].value += yearlyValue;
  const alerts = onHand < rate * 5 ? 'stockout_risk' : onHand > rate * 120 ? 'overstock' : '';
  const money = orderQty * cost + (alerts ? rate * 10 * cost : 0);
  const history = Array.from({ length: HISTORY }, () => Math.round(rate * 2 * random())).join(' ');
  inventory.push([sku, warehouse, SUPPLIERS[i % SUPPLIERS.length], onHand, 0, 0, onHand, 14, reorderPoint, reorderPoint + 10,
    orderQty, (orderQty * cost).toFixed(2), rate > 0 ? (onHand / rate).toFixed(1) : '', cost, rate.toFixed(4),
    (rate * 365.2425).toFixed(2), yearlyValue.toFixed(2), (1 / Math.sqrt(rate + 0.1)).toFixed(3), abc, xyz, money.toFixed(2),
    alerts, iso(-HISTORY), history].join(','));
  for (let h = 0; h < HORIZON; h++) {
    const mean = rate * (0.8 + 0.4 * random());
    const sd = Math.sqrt(rate + 0.01);
    forecast.push(`${sku},${warehouse},${iso(h)},${mean.toFixed(4)},${Math.max(0, mean - 1.28 * sd).toFixed(4)},${(mean + 1.28 * sd).toFixed(4)},${Math.max(0, mean - 1.96 * sd).toFixed(4)},${(mean + 1.96 * sd).toFixed(4)},ets(A,N,N)`);
  }
}
writeFileSync(join(dir, 'inventory.csv'), `${inventory.join('\n')}\n`);
writeFileSync(join(dir, 'forecast.csv'), `${forecast.join('\n')}\n`);
writeFileSync(join(dir, 'summary.json'), JSON.stringify({
  version: 'bench', as_of: iso(0), freq: 'day', horizon: HORIZON,
  counts: { sku_warehouses: LINES, reorder_lines: 0, alerts: 0, suppliers: SUPPLIERS.length },
  totals: { order_value: 0 },
  kpis: { stock_value: 1, value_at_risk: 0, excess_value: 0, inventory_turns: 1, days_of_cover: 1, service_target: 0.95, forecast_accuracy: null },
  abc_xyz: { abc_limits: [80, 95], xyz_limits: [0.5, 1], cells },
  orders_by_supplier: SUPPLIERS.map((supplier, i) => ({ supplier, lines: 10 + i, units: 100 * i, value: 1000 * (i + 1) })),
}));
const mb = (file) => (statSync(join(dir, file)).size / 1e6).toFixed(1);
process.stdout.write(`synthetic set: ${LINES} lines, inventory.csv ${mb('inventory.csv')} MB, forecast.csv ${mb('forecast.csv')} MB\n`);

// 1. `stockcast report SET`: everything from the files, forecast.csv scanned for the charted lines.
const load = () => import('node:os').then((os) => os.loadavg()[0].toFixed(2));
const loadBefore = await load();
let started = performance.now();
let cpu = process.cpuUsage();
const { runReport } = await import('../dist/pipeline/run-report.js');
const run = await runReport({ dir, top: TOP });
const cpuSeconds = (usage) => ((usage.user + usage.system) / 1e6).toFixed(2);
let seconds = (performance.now() - started) / 1000;
const size = statSync(run.file).size;
process.stdout.write(`stockcast report: ${(size / 1e6).toFixed(2)} MB (budget 15), ${run.charts} charts, ${run.lines} table rows, `
  + `written in ${seconds.toFixed(2)} s wall, ${cpuSeconds(process.cpuUsage(cpu))} s CPU (budget 5; load average ${loadBefore})\n`);
const worst = seconds;

// 2. The plan's path: forecast rows of the charted lines from memory (here pre-parsed, untimed), charting library already loaded.
const { readForecastRows } = await import('../dist/io/read/read-output-set.js');
const { buildReport } = await import('../dist/pipeline/report/build-report.js');
const all = await readForecastRows(dir, new Set((await import('node:fs')).readFileSync(join(dir, 'inventory.csv'), 'utf8')
  .split('\n').slice(1, -1).map((line) => line.split(',').slice(0, 2).join('\u0000'))));
const fromMemory = (keys) => ({ header: all.header, rows: all.rows.filter((cells) => keys.has(`${cells[0]}\u0000${cells[1]}`)) });
started = performance.now();
cpu = process.cpuUsage();
const built = await buildReport(dir, { top: TOP, forecastRows: fromMemory });
writeFileSync(join(dir, 'report-plan.html'), built.html);
seconds = (performance.now() - started) / 1000;
process.stdout.write(`plan path: ${(Buffer.byteLength(built.html) / 1e6).toFixed(2)} MB, built and written in ${seconds.toFixed(2)} s wall, `
  + `${cpuSeconds(process.cpuUsage(cpu))} s CPU (load average ${await load()})\n`);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); else process.stdout.write(dir + "\n");
if (size > 15e6 || worst > 5) process.exitCode = 1;
