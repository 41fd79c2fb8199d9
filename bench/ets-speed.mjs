// Automatic ETS on every M3 monthly series (or --dataset carparts | online_retail): ms per series
// on one core and sMAPE / MASE against the holdout (metric definitions of
// datasets/reference/baselines.md), next to R's ets on the same series, and how often the same
// model was chosen. Forecasts are scored as returned (no clipping at zero), as the R baselines.
// Build first: npx tsc -p tsconfig.build.json
// Run: node bench/ets-speed.mjs [--dataset NAME] [--method ets|hw] [--limit N] [--max-evaluations N]
// ETS_DIST=/other/dist overrides the build folder, DATASETS the data folder.
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.ETS_DIST ?? resolve(here, '../dist'));
const { autoEts } = await import(pathToFileURL(resolve(dist, 'core/forecast/ets/auto-ets.js')).href);
const { forecastEts } = await import(pathToFileURL(resolve(dist, 'core/forecast/ets/forecast-ets.js')).href);
const { fitHoltWinters, forecastHoltWinters } = await import(pathToFileURL(resolve(dist, 'core/forecast/ets/holt-winters.js')).href);

const args = process.argv.slice(2);
const limitIndex = args.indexOf('--limit');
const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : Infinity;
const evaluationsIndex = args.indexOf('--max-evaluations');
const etsOptions = evaluationsIndex >= 0 ? { maxEvaluations: Number(args[evaluationsIndex + 1]) } : {};
const datasets = resolve(process.env.DATASETS ?? resolve(here, '../../shared/datasets'));
const DATASETS = {
  m3_monthly: { train: 'm3_monthly/m3_monthly_train.csv', test: 'm3_monthly/m3_monthly_test.csv', m: 12, h: 18 },
  carparts: { train: 'carparts/carparts_train.csv', test: 'carparts/carparts_test.csv', m: 12, h: 6 },
  online_retail: { train: 'online_retail/online_retail_daily_train.csv', test: 'online_retail/online_retail_daily_test.csv', m: 7, h: 28 },
};
const methodIndex = args.indexOf('--method');
const method = methodIndex >= 0 ? args[methodIndex + 1] : 'ets';
const datasetIndex = args.indexOf('--dataset');
const datasetName = datasetIndex >= 0 ? args[datasetIndex + 1] : 'm3_monthly';
const dataset = DATASETS[datasetName];
const { m, h } = dataset;

function readSeries(path) {
  const series = new Map();
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const [id, , quantity] = lines[i].split(',');
    let values = series.get(id);
    if (!values) series.set(id, (values = []));
    values.push(Number(quantity));
  }
  return series;
}

// R's per-series results: quoted CSV whose model labels contain commas.
function readReference(path) {
  const rows = new Map();
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const fields = [...lines[i].matchAll(/"([^"]*)"|([^,]+)/g)].map((match) => match[1] ?? match[2]);
    if (fields.length < 5 || fields[1] !== method) continue;
    rows.set(fields[0], { label: fields[2], mase: Number(fields[3]), smape: Number(fields[4]) });
  }
  return rows;
}

const train = readSeries(resolve(datasets, dataset.train));
const test = readSeries(resolve(datasets, dataset.test));
const reference = readReference(resolve(datasets, `reference/${datasetName}_per_series.csv`));

const ids = [...train.keys()].slice(0, limit);
const inputs = ids.map((id) => Float64Array.from(train.get(id)));
const fits = new Array(ids.length);
const forecasts = new Array(ids.length);
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
for (let i = 0; i < ids.length; i++) {
  if (method === 'hw') {
    // Classical Holt-Winters, as R's HoltWinters (every series here has two seasons and more).
    const fit = fitHoltWinters(inputs[i], m);
    fits[i] = { label: 'hw', evaluations: 0 };
    forecasts[i] = forecastHoltWinters(fit, h).mean;
  } else {
    fits[i] = autoEts(inputs[i], m, etsOptions);
    forecasts[i] = forecastEts(fits[i], h).mean;
  }
}
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;

let smapeSum = 0;
let maseSum = 0;
let agree = 0;
let referenceSmape = 0;
let referenceMase = 0;
const chosen = new Map();
for (let i = 0; i < ids.length; i++) {
  const x = inputs[i];
  const actual = test.get(ids[i]);
  const f = forecasts[i];
  let scale = 0;
  for (let t = m; t < x.length; t++) scale += Math.abs(x[t] - x[t - m]);
  scale /= x.length - m;
  let smape = 0;
  let mae = 0;
  for (let j = 0; j < h; j++) {
    const e = Math.abs(actual[j] - f[j]);
    mae += e / h;
    const denominator = Math.abs(actual[j]) + Math.abs(f[j]);
    smape += denominator === 0 ? 0 : (200 * e) / denominator / h;
    if (!Number.isFinite(f[j])) throw new Error(`non-finite forecast for ${ids[i]}`);
  }
  smapeSum += smape;
  maseSum += mae / scale;
  const label = fits[i].label;
  chosen.set(label, (chosen.get(label) ?? 0) + 1);
  const row = reference.get(ids[i]);
  if (row?.label === label) agree++;
  referenceSmape += row?.smape ?? NaN;
  referenceMase += row?.mase ?? NaN;
}
const count = ids.length;
// CPU time is the fairer single-core figure on a shared machine (wall time includes waiting).
console.log(`series ${count}, wall ${(elapsedMs / 1000).toFixed(2)} s (${(elapsedMs / count).toFixed(2)} ms/series), `
  + `CPU ${(cpuMs / 1000).toFixed(2)} s (${(cpuMs / count).toFixed(2)} ms/series)`);
console.log(`sMAPE ${(smapeSum / count).toFixed(3)}  MASE ${(maseSum / count).toFixed(4)}`);
console.log(`R ${method} on the same series: sMAPE ${(referenceSmape / count).toFixed(3)}  MASE ${(referenceMase / count).toFixed(4)}`);
let evaluations = 0;
for (const fit of fits) evaluations += fit.evaluations;
console.log(`likelihood evaluations over all candidate models: ${(evaluations / count).toFixed(0)} per series`);
console.log(`same model as R: ${agree}/${count}`);
console.log([...chosen.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
