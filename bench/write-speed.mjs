#!/usr/bin/env node
// npm run bench:write: the write stage of the nightly plan alone, at the size of bench:plan
// (60,000 series x 28 days = 1.68M forecast.csv lines, 25 supplier sheets of 30,000 order lines
// in all), on synthetic forecasts so that no forecasting is needed. Times each writer of the
// built dist/ in this process: forecast.csv into an output set (plan) and through
// writeFileAtomic (forecast command), the supplier CSV + XLSX sheets, reorder.csv.
// Usage: npm run bench:write [-- --series N --horizon N --order-lines N]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib-sim-random.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const SERIES = option('--series', 60_000);
const HORIZON = option('--horizon', 28);
const ORDER_LINES = option('--order-lines', 30_000);
const SUPPLIERS = 25;
const WAREHOUSES = ['WH-NORTH', 'WH-SOUTH', 'WH-EAST'];
const FIRST_DAY = Date.UTC(2025, 0, 1) / 86_400_000;
const METHODS = ['ets(A,N,A)', 'ets(M,N,M)', 'theta', 'tsb', 'croston', 'snaive'];

// forecastCsvChunks is the block writer of issue 8; before it, forecast.csv went row by row.
const { forecastCsvChunks } = await import(join(root, 'dist/pipeline/forecast-csv-chunks.js')).catch(() => ({}));
const { forecastRows } = await import(join(root, 'dist/pipeline/forecast-stage.js'));
const { beginOutputSet, writeFileAtomic } = await import(join(root, 'dist/io/output-set/output-set.js'));
const { csvColumns, csvLines, formatCsv } = await import(join(root, 'dist/io/write/write-csv.js'));
const { writeSupplierSheets } = await import(join(root, 'dist/io/write/write-supplier-sheets.js'));
const { REORDER_COLUMNS } = await import(join(root, 'dist/pipeline/output-rows.js'));

// Synthetic outcomes: what forecastRows reads of a SeriesOutcome (sku, warehouse, the first
// forecast period, method label, mean and 80/95 % bounds), values with the spread of daily demand.
const random = mulberry32(11);
const outcomes = [];
for (let s = 0; s < SERIES; s++) {
  const level = random() * random() * 20;
  const mean = new Float64Array(HORIZON);
  const bounds = [0, 1, 2, 3].map(() => new Float64Array(HORIZON));
  for (let h = 0; h < HORIZON; h++) {
    mean[h] = level * (1 + 0.3 * Math.sin((2 * Math.PI * h) / 7));
    const spread = Math.sqrt(mean[h] + 0.1);
    bounds[0][h] = Math.max(0, mean[h] - 1.28 * spread);
    bounds[1][h] = Math.max(0, mean[h] - 1.96 * spread);
    bounds[2][h] = mean[h] + 1.28 * spread;
    bounds[3][h] = mean[h] + 1.96 * spread;
  }
  outcomes.push({
    sku: `SKU-${String((s % 20_000) + 1).padStart(5, '0')}`,
    warehouse: WAREHOUSES[Math.floor(s / 20_000) % 3],
    firstForecastPeriod: FIRST_DAY,
    forecast: { method: METHODS[s % METHODS.length], mean, lower: [bounds[0], bounds[1]], upper: [bounds[2], bounds[3]] },
  });
}
const sheets = Array.from({ length: SUPPLIERS }, (_, i) => ({ supplier: `Supplier ${i + 1}`, orderDate: '2025-01-01', lines: [] }));
const reorder = [];
for (let l = 0; l < ORDER_LINES; l++) {
  const packSize = [1, 6, 12][l % 3];
  const unitCost = Math.round((1 + random() * 99) * 100) / 100;
  const orderQty = packSize * (1 + Math.floor(random() * 20));
  sheets[l % SUPPLIERS].lines.push({
    sku: `SKU-${String(l + 1).padStart(5, '0')}`, description: '', warehouse: WAREHOUSES[l % 3],
    orderQty, packSize, unitCost, orderValue: Math.round(orderQty * unitCost * 100) / 100,
  });
  reorder.push([`SKU-${String(l + 1).padStart(5, '0')}`, WAREHOUSES[l % 3], `Supplier ${(l % SUPPLIERS) + 1}`,
    12, 0, 0, 12, 14, 41.53, 12.07, 54, 66, orderQty, 4.1, '2025-01-05', unitCost, orderQty * unitCost,
    12, 0, 0, 1, packSize, packSize, 120, 1.73, 'normal']);
}

function forecastLines() {
  if (forecastCsvChunks) return forecastCsvChunks(outcomes, 'day', HORIZON, [80, 95]);
  const forecast = forecastRows(outcomes, 'day', HORIZON, [80, 95]);
  return csvLines(csvColumns(...forecast.header), forecast.rows);
}

const work = mkdtempSync(join(tmpdir(), 'stockcast-bench-write-'));
const results = [];
async function time(name, run) {
  globalThis.gc?.();
  const started = performance.now();
  const bytes = await run();
  const ms = performance.now() - started;
  results.push({ name, ms, bytes });
  console.log(`${name.padEnd(46)}${(ms / 1000).toFixed(2).padStart(7)} s${bytes === undefined ? '' : `  ${(bytes / 1e6).toFixed(1).padStart(6)} MB`}`);
}

console.log(`write stage on ${SERIES} series x ${HORIZON} periods (${(SERIES * HORIZON).toLocaleString('en-US')} forecast lines), `
  + `${SUPPLIERS} supplier sheets of ${ORDER_LINES} order lines; ${new Date().toISOString()}`);
const set = await beginOutputSet(join(work, 'out'));
try {
  await time('forecast.csv into the output set (plan)', async () => {
    await set.writeLines('forecast.csv', forecastLines());
    return statSync(set.path('forecast.csv')).size;
  });
  await time('reorder.csv (formatCsv + writeText)', async () => {
    await set.writeText('reorder.csv', formatCsv([...REORDER_COLUMNS], reorder));
    return statSync(set.path('reorder.csv')).size;
  });
  await time(`supplier sheets, ${SUPPLIERS} x (CSV + XLSX)`, async () => {
    await writeSupplierSheets(set, sheets);
    return undefined;
  });
  await set.commit();
} catch (error) {
  await set.abort();
  throw error;
}
await time('forecast.csv through writeFileAtomic (forecast)', async () => {
  const path = join(work, 'forecast.csv');
  await writeFileAtomic(path, forecastLines());
  return statSync(path).size;
});
console.log(`${'write stage of plan (first three)'.padEnd(46)}${(results.slice(0, 3).reduce((sum, r) => sum + r.ms, 0) / 1000).toFixed(2).padStart(7)} s`);
rmSync(work, { recursive: true, force: true });
