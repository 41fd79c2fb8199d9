// node bench/policy-fill-diagnose.mjs [--per-class N] [--seeds S,..] [--classes a,b] [--target fill-rate|cycle]
// Why a fill-rate target lands where it does (issue 9 follow-up). Runs the bench:policy simulator
// with the engine's planReorder wrapped: at each measured review it records the engine's level S,
// the engine's demand law over L + R (mean, sd, law), and from the TRUE demand and lead-time laws
// (Monte Carlo, common paths): E[D_R], E[(D_{L+R} - S)^+] - E[(D_L - S)^+] (the shortage per cycle
// the formula targets, evaluated with the truth) and the level S* the truth needs for the target.
// Per class it prints: target and realised fill, realised lost units per cycle, the allowed
// shortage per cycle (1 - P2) E[D_R], the true expected shortage at the engine's S, S / S*.
import { CLASSES, makeDemand } from './lib-sim-demand.mjs';
import { childSeed, leadTimeDraw, mulberry32 } from './lib-sim-random.mjs';
import { simulateSku } from './lib-sim.mjs';

const args = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args[argv[i].slice(2)] = argv[i + 1];
const perClass = Number(args['per-class'] ?? 4);
const seeds = (args.seeds ?? '1001,1002,1003').split(',').map(Number);
const classes = args.classes ? args.classes.split(',') : CLASSES;
const serviceLevel = Number(args['service-level'] ?? 0.95);
const settings = {
  historyDays: 728, warmupReviews: 6, countedReviews: Number(args.reviews ?? 30), referencePaths: 200,
  alphas: [0.95], freq: 'week', serviceLevel,
};
const dist = new URL('../dist/core/', import.meta.url);
const { forecastSeries } = await import(new URL('forecast/forecast-series.js', dist));
const { classifyDemand } = await import(new URL('forecast/demand-class.js', dist));
const inventory = await import(new URL('inventory/index.js', dist));

const rows = new Map(classes.map((cls) => [cls, { skus: 0, demand: 0, sold: 0, cycles: 0, stockouts: 0, reviews: 0, allowed: 0, trueShort: 0, trueReview: 0, level: 0, trueLevel: 0, engineMean: 0, trueMean: 0, engineVar: 0, trueVar: 0, laws: new Map() }]));
for (const seed of seeds) {
  const random = mulberry32(seed);
  for (const cls of CLASSES) {
    for (let i = 0; i < perClass; i++) {
      // Same draws as bench/policy.mjs makeSkus, so SKUs match.
      const pick = (list) => list[Math.floor(random() * list.length)];
      const leadTimeDays = pick([7, 10, 14, 21]);
      const isVolume = cls === 'smooth' || cls === 'seasonal' || cls === 'trending';
      const skuSeed = childSeed(random);
      const demand = makeDemand(cls, random);
      const item = {
        ...inventory.DEFAULT_ITEM, supplier: 'sim', leadTimeDays, leadTimeSdDays: leadTimeDays * pick([0, 0.15, 0.3]),
        packSize: isVolume ? pick([1, 1, 6, 12]) : 1, moq: 1,
        unitCost: Math.round(Math.exp(random() * Math.log(100)) * 100) / 100,
        serviceLevel, serviceTarget: args.target ?? 'fill-rate', reviewPeriodDays: 7, orderCost: 0, holdingRate: 0.25,
      };
      if (!classes.includes(cls)) continue;
      const row = rows.get(cls);
      const measureFrom = settings.historyDays + settings.warmupReviews * 7;
      const truthRandom = mulberry32(skuSeed ^ 0x1234567);
      const engine = {
        forecastSeries, classifyDemand, ...inventory,
        planReorder: (input) => {
          const line = inventory.planReorder(input);
          if (input.asOfDay >= measureFrom) {
            const truth = trueShortage(demand, item, input.asOfDay, line.reorderPoint, truthRandom);
            row.reviews++;
            row.allowed += (1 - serviceLevel) * truth.reviewMean;
            row.trueShort += truth.shortage;
            row.trueReview += truth.reviewMean;
            row.level += line.reorderPoint;
            row.trueLevel += truth.neededLevel;
            row.engineMean += line.demandOverLeadTime;
            row.engineVar += line.demandSd ** 2;
            row.trueMean += truth.mean;
            row.trueVar += truth.variance;
            row.laws.set(line.demandLaw, (row.laws.get(line.demandLaw) ?? 0) + 1);
          }
          return line;
        },
      };
      const outcome = simulateSku({ id: `${cls}-${seed}-${i}`, seed: skuSeed, demand, item }, engine, settings)[0];
      row.skus++;
      row.demand += outcome.demand; row.sold += outcome.sold; row.cycles += outcome.cycles; row.stockouts += outcome.stockoutCycles;
    }
  }
}
const f = (x, d = 2) => x.toFixed(d);
console.log(`fill-rate diagnosis: target ${serviceLevel}, ${perClass} SKUs/class x seeds ${seeds.join(',')}`);
console.log('class         SKUs  fill%  CSL%  lost/cyc  allowed/cyc  trueESPRC@S  trueFill@S  S/S*   meanE/T  sdE/T  laws');
for (const [cls, r] of rows) {
  if (r.reviews === 0) continue;
  const n = r.reviews;
  console.log(`${cls.padEnd(13)} ${String(r.skus).padStart(4)}  ${f(100 * r.sold / r.demand, 1).padStart(5)} ${f(100 * (1 - r.stockouts / r.cycles), 1).padStart(5)}  `
    + `${f((r.demand - r.sold) / r.cycles).padStart(8)}  ${f(r.allowed / n).padStart(11)}  ${f(r.trueShort / n).padStart(11)}  ${f(100 * (1 - r.trueShort / r.trueReview), 1).padStart(10)}  `
    + `${f(r.level / r.trueLevel, 3).padStart(5)}  ${f(r.engineMean / r.trueMean, 3).padStart(7)}  ${f(Math.sqrt(r.engineVar / r.trueVar), 3).padStart(5)}  ${[...r.laws].map(([k, v]) => `${k}:${v}`).join(' ')}`);
}

/** From the true laws, by Monte Carlo over common paths: E[D_R], ESPRC at S, the level the target needs, mean and variance of D_{L+R}. */
function trueShortage(law, item, day, level, random) {
  const paths = 1000;
  const totals = new Float64Array(paths);
  const leads = new Float64Array(paths);
  let reviewSum = 0;
  for (let p = 0; p < paths; p++) {
    const lead = leadTimeDraw(item.leadTimeDays, item.leadTimeSdDays, random);
    let total = 0;
    for (let t = day; t < day + lead + item.reviewPeriodDays; t++) {
      if (t === day + lead) leads[p] = total;
      total += law.draw(t, random);
    }
    totals[p] = total;
    reviewSum += total - leads[p];
  }
  const shortage = (s) => {
    let sum = 0;
    for (let p = 0; p < paths; p++) sum += Math.max(0, totals[p] - s) - Math.max(0, leads[p] - s);
    return sum / paths;
  };
  const reviewMean = reviewSum / paths;
  let low = 0; let high = Math.max(...totals);
  for (let i = 0; i < 40; i++) { const mid = (low + high) / 2; if (shortage(mid) <= (1 - serviceLevel) * reviewMean) high = mid; else low = mid; }
  let mean = 0; let second = 0;
  for (const t of totals) { mean += t; second += t * t; }
  mean /= paths;
  return { reviewMean, shortage: shortage(level), neededLevel: Math.ceil(high), mean, variance: second / paths - mean * mean };
}
