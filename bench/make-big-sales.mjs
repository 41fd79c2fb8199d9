// Writes the benchmark's sales file: 20k SKUs x 3 warehouses, 2 years of daily rows (~5M rows),
// sorted by date, from a seeded PRNG so every machine benchmarks the same bytes. `--skus N` makes
// a smaller file with the same daily pattern per series (rows scale with the series: 10k SKUs
// give 30,000 series and ~2.5M rows; `--rows` sets the expected row count instead).
// Usage: node bench/make-big-sales.mjs <out.csv> [--skus N] [--rows N]
import fs from 'node:fs';

const SKUS = 20_000;
const WAREHOUSES = ['WH-NORTH', 'WH-SOUTH', 'WH-EAST'];
const DAYS = 731; // 2023-01-01 .. 2024-12-31
const TARGET_ROWS = 5_000_000;
const START = Date.UTC(2023, 0, 1) / 86_400_000;

/** mulberry32: small, fast, seeded uniform [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeBigSales(out, { skus = SKUS, rows: targetRows = (TARGET_ROWS * skus) / SKUS } = {}) {
  const random = mulberry32(20240501);
  const series = skus * WAREHOUSES.length;
  const meanShare = targetRows / (series * DAYS);
  const share = new Float64Array(series);
  const size = new Float64Array(series);
  for (let s = 0; s < series; s++) {
    share[s] = meanShare * 2 * random(); // mean meanShare, at most 2x
    size[s] = 1 + 9 * random() * random();
  }
  const names = Array.from({ length: skus }, (_, i) => `SKU-${String(i + 1).padStart(5, '0')}`);
  const fd = fs.openSync(`${out}.tmp`, 'w');
  fs.writeSync(fd, 'date,sku,warehouse,quantity\n');
  let rows = 0;
  let buffer = '';
  for (let d = 0; d < DAYS; d++) {
    const date = new Date((START + d) * 86_400_000).toISOString().slice(0, 10);
    const weekly = 1 + 0.3 * Math.sin((2 * Math.PI * d) / 7);
    for (let s = 0; s < series; s++) {
      if (random() >= share[s] * weekly) continue;
      let quantity = 1 + Math.floor(-Math.log(1 - random()) * size[s]);
      if (random() < 0.01) quantity = -1 - Math.floor(random() * 3);
      buffer += `${date},${names[s % skus]},${WAREHOUSES[(s / skus) | 0]},${quantity}\n`;
      rows++;
      if (buffer.length > 1 << 20) {
        fs.writeSync(fd, buffer);
        buffer = '';
      }
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  fs.renameSync(`${out}.tmp`, out);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
  const out = args[0] && !args[0].startsWith('--') ? args[0] : 'bench/.cache/sales-5m.csv';
  const started = performance.now();
  const rows = makeBigSales(out, { skus: option('--skus'), rows: option('--rows') });
  console.error(`wrote ${rows} rows to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
