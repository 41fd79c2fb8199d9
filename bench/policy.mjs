// npm run bench:policy — checks the replenishment policy by simulation (issue 4).
// Seeded synthetic SKUs of six demand classes, two years of history, then weekly reviews in
// which the REAL engine (forecastSeries 'auto' + planReorder from ../dist) decides the orders;
// orders arrive after random (gamma) lead times; unmet demand is lost. Reference policies that
// know the true demand law run on the same demand and lead times at several service levels,
// tracing inventory versus fill rate; the engine's inventory is compared at its own fill rate.
// Several seeds (default 5) are pooled, so one lucky draw of SKUs cannot pass the bench.
// Targets (issue 9), in EVERY class and overall: cycle service level >= target - 1 point and
// average inventory value <= 1.15 x the reference's at the same fill; overall also <= 1.10 x and
// fill rate >= target. Exit 1 when one is missed. Cycle service counts one cycle per review
// (the textbook P1 of an (R, S) system, see lib-sim.mjs); the receipt-to-receipt count is shown
// beside it for information, and so is the inventory against the cheapest mix of reference
// levels at the same fill (each SKU its own alpha), which no uniform service target can reach.
//
// Flags: --per-class N (default 16) --seeds S,S,.. (42,7,1234,2026,31337) or --seed S (one seed)
// --freq week|day (week) --reviews N counted weekly reviews (30, after 6 warm-up) --paths N
// reference Monte Carlo paths (1000) --service-level x (0.95) --classes a,b (only these)
// --target cycle|fill-rate (cycle:
// the engine's items carry a cycle service level; fill-rate: a fill-rate target, the loss-function
// order-up-to) --json FILE (write the numbers). Build first: npx tsc -p tsconfig.build.json
import { writeFileSync } from 'node:fs';
import { CLASSES, makeDemand } from './lib-sim-demand.mjs';
import { childSeed, mulberry32 } from './lib-sim-random.mjs';
import { simulateSku } from './lib-sim.mjs';

const args = parseArgs(process.argv.slice(2));
const settings = {
  perClass: Number(args['per-class'] ?? 16),
  seeds: (args.seeds ?? args.seed ?? '42,7,1234,2026,31337').split(',').map(Number),
  serviceTarget: args.target ?? 'cycle',
  classes: args.classes ? args.classes.split(',') : CLASSES,
  freq: args.freq ?? 'week',
  historyDays: 728, // 104 whole weeks, day 0 a Monday
  warmupReviews: 6,
  countedReviews: Number(args.reviews ?? 30),
  referencePaths: Number(args.paths ?? 1000),
  serviceLevel: Number(args['service-level'] ?? 0.95),
  alphas: [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999],
};
const TARGETS = { cslPoints: 0.01, fillPoints: 0, classRatio: 1.15, overallRatio: 1.10 };

const engine = await loadEngine();
const skus = settings.seeds.flatMap((seed) => makeSkus({ ...settings, seed }, engine.DEFAULT_ITEM))
  .filter((sku) => settings.classes.includes(sku.demand.cls));
const started = performance.now();
const results = [];
for (let i = 0; i < skus.length; i++) {
  results.push({ sku: skus[i], outcome: simulateSku(skus[i], engine, settings) });
  if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${skus.length} SKUs`);
}
if (process.stderr.isTTY) process.stderr.write('\n');
const seconds = (performance.now() - started) / 1000;

const groups = [...settings.classes.map((cls) => ({ name: cls, rows: results.filter((r) => r.sku.demand.cls === cls) })), { name: 'overall', rows: results }];
const report = groups.map(({ name, rows }) => summarise(name, rows));
const bySeed = settings.seeds.map((seed) => summarise(`seed ${seed}`, results.filter((r) => r.sku.simSeed === seed)));
printReport(report, bySeed, seconds);
if (args.json) writeFileSync(args.json, `${JSON.stringify({ settings, seconds, report, bySeed }, null, 2)}\n`);
process.exitCode = report.every((row) => row.pass) ? 0 : 1;

function summarise(name, rows) {
  const aggregate = (p) => {
    let demand = 0; let sold = 0; let inventory = 0; let cycles = 0; let stockouts = 0; let orders = 0;
    let receiptCycles = 0; let receiptStockouts = 0;
    for (const row of rows) {
      const o = row.outcome[p];
      demand += o.demand; sold += o.sold; inventory += o.inventoryValue; cycles += o.cycles; stockouts += o.stockoutCycles; orders += o.orders;
      receiptCycles += o.receiptCycles; receiptStockouts += o.receiptStockoutCycles;
    }
    return {
      fill: demand > 0 ? sold / demand : 1, csl: cycles > 0 ? 1 - stockouts / cycles : 1, inventory, cycles, orders,
      receiptCsl: receiptCycles > 0 ? 1 - receiptStockouts / receiptCycles : 1,
    };
  };
  const policy = aggregate(0);
  const curve = settings.alphas.map((alpha, i) => ({ alpha, ...aggregate(i + 1) }));
  const reference = inventoryAtFill(curve, policy.fill);
  const methods = new Map();
  for (const row of rows) for (const [label, count] of row.outcome[0].methods) methods.set(label, (methods.get(label) ?? 0) + count);
  const ratio = reference.inventory > 0 ? policy.inventory / reference.inventory : NaN;
  const cheapest = cheapestAtFill(rows, policy.fill);
  const target = settings.serviceLevel;
  const ratioLimit = name === 'overall' ? TARGETS.overallRatio : TARGETS.classRatio;
  const checks = {
    csl: policy.csl >= target - TARGETS.cslPoints - 1e-9,
    // The issue's fill target is overall; a class's fill is shown for information.
    fill: name !== 'overall' || policy.fill >= target - TARGETS.fillPoints - 1e-9,
    inventory: ratio <= ratioLimit,
  };
  return {
    name, skus: rows.length, target, ...policy, referenceInventory: reference.inventory, referenceNote: reference.note,
    ratio, cheapestInventory: cheapest.inventory, cheapestRatio: cheapest.inventory > 0 ? policy.inventory / cheapest.inventory : NaN,
    cheapestNote: cheapest.note, checks, pass: checks.csl && checks.fill && checks.inventory, curve,
    methods: Object.fromEntries([...methods.entries()].sort((a, b) => b[1] - a[1])),
  };
}

/**
 * The cheapest mix of the reference levels that reaches the given pooled fill (information only):
 * each SKU may take its own alpha. Per SKU the (inventory, units sold) points of the alphas form
 * an upper concave hull; starting from every SKU's cheapest point, hull segments are taken in
 * order of units sold per unit of inventory value until the pooled units sold reach fill x demand
 * (the last one in part) - the LP relaxation of the multiple-choice knapsack. A uniform service
 * target cannot reach it: it spends stock where a unit of fill is dear (lumpy, costly items).
 */
function cheapestAtFill(rows, fill) {
  let demand = 0; let sold = 0; let inventory = 0;
  const segments = [];
  for (const row of rows) {
    demand += row.outcome[0].demand;
    const points = row.outcome.slice(1).map((o) => ({ inventory: o.inventoryValue, sold: o.sold }))
      .sort((a, b) => a.inventory - b.inventory || b.sold - a.sold);
    const hull = [points[0]];
    for (const point of points.slice(1)) {
      if (point.sold <= hull[hull.length - 1].sold) continue;
      const slope = (a, b) => (b.sold - a.sold) / Math.max(1e-12, b.inventory - a.inventory);
      while (hull.length >= 2 && slope(hull[hull.length - 2], hull[hull.length - 1]) <= slope(hull[hull.length - 1], point)) hull.pop();
      hull.push(point);
    }
    sold += hull[0].sold;
    inventory += hull[0].inventory;
    for (let i = 1; i < hull.length; i++) {
      const units = hull[i].sold - hull[i - 1].sold;
      const value = hull[i].inventory - hull[i - 1].inventory;
      segments.push({ units, value, slope: units / Math.max(1e-12, value) });
    }
  }
  const need = fill * demand;
  if (sold >= need) return { inventory, note: 'cheapest levels already reach it' };
  segments.sort((a, b) => b.slope - a.slope);
  for (const segment of segments) {
    if (sold + segment.units >= need) return { inventory: inventory + ((need - sold) / segment.units) * segment.value, note: '' };
    sold += segment.units;
    inventory += segment.value;
  }
  return { inventory, note: 'beyond the highest levels' };
}

/** Reference inventory at the given fill rate: linear interpolation along the (fill, inventory) curve. */
function inventoryAtFill(curve, fill) {
  const points = [...curve].sort((a, b) => a.fill - b.fill || a.inventory - b.inventory);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (fill >= a.fill && fill <= b.fill) {
      const w = b.fill > a.fill ? (fill - a.fill) / (b.fill - a.fill) : 0;
      return { inventory: a.inventory + w * (b.inventory - a.inventory), note: '' };
    }
  }
  if (fill < points[0].fill) return { inventory: points[0].inventory, note: 'below the curve: lowest reference' };
  const a = points[points.length - 2];
  const b = points[points.length - 1];
  const slope = b.fill > a.fill ? (b.inventory - a.inventory) / (b.fill - a.fill) : 0;
  return { inventory: b.inventory + slope * (fill - b.fill), note: 'above the curve: extrapolated' };
}

function makeSkus(s, defaults) {
  const random = mulberry32(s.seed);
  const skus = [];
  for (const cls of CLASSES) {
    for (let i = 0; i < s.perClass; i++) {
      const pick = (list) => list[Math.floor(random() * list.length)];
      const leadTimeDays = pick([7, 10, 14, 21]);
      const isVolume = cls === 'smooth' || cls === 'seasonal' || cls === 'trending';
      skus.push({
        id: `${cls}-${s.seed}-${i}`,
        simSeed: s.seed,
        seed: childSeed(random),
        demand: makeDemand(cls, random),
        item: {
          ...defaults,
          supplier: 'sim',
          leadTimeDays,
          leadTimeSdDays: leadTimeDays * pick([0, 0.15, 0.3]),
          packSize: isVolume ? pick([1, 1, 6, 12]) : 1,
          moq: 1,
          unitCost: Math.round(Math.exp(Math.log(1) + random() * Math.log(100)) * 100) / 100,
          serviceLevel: s.serviceLevel,
          serviceTarget: s.serviceTarget,
          reviewPeriodDays: 7,
          orderCost: 0,
          holdingRate: 0.25,
        },
      });
    }
  }
  return skus;
}

async function loadEngine() {
  const dist = new URL('../dist/core/', import.meta.url);
  let forecastSeries;
  let inventory;
  try {
    ({ forecastSeries } = await import(new URL('forecast/forecast-series.js', dist)));
    inventory = await import(new URL('inventory/index.js', dist));
  } catch (error) {
    console.error(`bench:policy needs the built engine in dist/ (npx tsc -p tsconfig.build.json): ${error.message}`);
    process.exit(1);
  }
  let classifyDemand;
  try {
    ({ classifyDemand } = await import(new URL('forecast/demand-class.js', dist)));
  } catch {
    classifyDemand = (y) => {
      let count = 0; let sum = 0; let sumSq = 0;
      for (const v of y) if (v > 0) { count++; sum += v; sumSq += v * v; }
      if (count === 0) return { demandClass: 'none' };
      const adi = y.length / count;
      const mean = sum / count;
      const cv2 = Math.max(0, sumSq / count - mean * mean) / (mean * mean);
      return { demandClass: adi < 1.32 ? (cv2 < 0.49 ? 'smooth' : 'erratic') : (cv2 < 0.49 ? 'intermittent' : 'lumpy') };
    };
  }
  return { forecastSeries, classifyDemand, ...inventory };
}

function printReport(rows, seedRows, secs) {
  const pct = (x) => `${(100 * x).toFixed(1)}`;
  const mark = (ok) => (ok ? ' ' : '!');
  console.log(`policy simulation: ${settings.perClass} SKUs per class x ${settings.seeds.length} seeds (${settings.seeds.join(', ')}), `
    + `${settings.countedReviews} weekly reviews counted (+${settings.warmupReviews} warm-up), freq ${settings.freq}, `
    + `${settings.serviceTarget} target ${pct(settings.serviceLevel)} %, ${secs.toFixed(1)} s`);
  console.log('class          SKUs  CSL %   fill %  inventory  ref@fill   ratio  orders  rcpt CSL %  cheapest  methods');
  for (const r of rows) {
    console.log(`${r.name.padEnd(13)} ${String(r.skus).padStart(5)}  ${pct(r.csl).padStart(5)}${mark(r.checks.csl)} ${pct(r.fill).padStart(6)}${mark(r.checks.fill)} `
      + `${r.inventory.toFixed(0).padStart(10)} ${r.referenceInventory.toFixed(0).padStart(9)}  ${r.ratio.toFixed(3).padStart(5)}${mark(r.checks.inventory)} `
      + `${String(r.orders).padStart(6)}  ${pct(r.receiptCsl).padStart(10)}  ${r.cheapestRatio.toFixed(3).padStart(8)}  ${Object.entries(r.methods).slice(0, 3).map(([k, v]) => `${k}:${v}`).join(' ')}${r.referenceNote ? ` (${r.referenceNote})` : ''}`);
  }
  console.log(`per seed (overall): ${seedRows.map((r) => `${r.name}: CSL ${pct(r.csl)} fill ${pct(r.fill)} ratio ${r.ratio.toFixed(3)}`).join('; ')}`);
  const overall = rows[rows.length - 1];
  console.log('reference curve (overall): alpha -> fill %, CSL %, inventory');
  console.log(overall.curve.map((p) => `${p.alpha}: ${pct(p.fill)} / ${pct(p.csl)} / ${p.inventory.toFixed(0)}`).join('  '));
  console.log('CSL: share of review cycles (from one review\'s arrival day to the next\'s) without a stockout, the textbook P1 of an (R, S) system; '
    + 'rcpt CSL (information only): cycles from one receipt to the next, which for intermittent demand counts only reviews after a demand; '
    + 'cheapest (information only): inventory / the cheapest mix of reference levels, each SKU its own alpha, at the same pooled fill');
  const pass = rows.every((row) => row.pass);
  console.log(`targets in every class: CSL >= ${pct(overall.target - TARGETS.cslPoints)} %, inventory <= ${TARGETS.classRatio} x reference `
    + `at the same fill; overall: fill >= ${pct(overall.target - TARGETS.fillPoints)} %, inventory <= ${TARGETS.overallRatio} x -> ${pass ? 'PASS' : 'FAIL'}`
    + ' ("!" marks a missed target)');
}

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    if (!list[i].startsWith('--')) continue;
    const key = list[i].slice(2);
    const value = list[i + 1] !== undefined && !list[i + 1].startsWith('--') ? list[++i] : 'true';
    out[key] = value;
  }
  return out;
}
