// How faithful automatic ETS's cheap candidate screening is to fitting every candidate in full,
// on the M3 monthly TRAINING series only (no test data is read): for each number of screened
// candidates refitted in full (autoEts's refitCandidates), how often the choice equals the
// full-fit choice, on how many series it is more than 2 AICc above the full-fit winner's, and
// the likelihood evaluations per series.
// This is how SCREENING_REFITS (src/core/forecast/ets/auto-ets.ts) was chosen.
// "Full fit" is tryFitEts with autoEts's caps (300 evaluations per stage, tolerance 1e-6) and free
// seasonal indices, as autoEts fitted every candidate before the screening. M3 monthly series are
// all shorter than LONG_SEASONS (20) years, so every candidate of autoEts competes.
// Build first (npm run build). Run: node bench/ets-screening.mjs [--holdout 18] [--refits 1,2,3,4]
// --holdout N drops each series' last N months first (a second look at other data).
// ETS_DIST=/other/dist overrides the build folder, STOCKCAST_DATASETS the data folder.
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSeriesFile } from './lib-score.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.ETS_DIST ?? resolve(here, '../dist'));
const load = (path) => import(pathToFileURL(resolve(dist, path)).href);
const { autoEts } = await load('core/forecast/ets/auto-ets.js');
const { tryFitEts } = await load('core/forecast/ets/fit-ets.js');
const datasets = resolve(process.env.STOCKCAST_DATASETS ?? resolve(here, '../../shared/datasets'));

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const holdout = Number(option('--holdout', '0'));
const refitCounts = option('--refits', '1,2,3,4').split(',').map(Number);

/** Every candidate of autoEts fitted in full; the list sorted by AICc. */
function fullFits(y, m) {
  const positive = y.every((value) => value > 0);
  const errors = positive ? ['A', 'M'] : ['A'];
  const seasons = y.length >= 2 * m ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  const fits = [];
  for (const error of errors) {
    for (const trend of ['N', 'A', 'Ad']) {
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        const fit = tryFitEts(y, { error, trend, season, m: season === 'N' ? 1 : m }, { maxEvaluations: 300, relativeTolerance: 1e-6 });
        if (fit !== null && Number.isFinite(fit.aicc)) fits.push(fit);
      }
    }
  }
  return fits.sort((a, b) => a.aicc - b.aicc);
}

const train = readSeriesFile(resolve(datasets, 'm3_monthly/m3_monthly_train.csv'));
const rows = refitCounts.map((refits) => ({ refits, agree: 0, worse: 0, evaluations: 0 }));
let fullEvaluations = 0;
let count = 0;
for (const [, points] of train) {
  const values = points.map(([, value]) => value);
  const y = Float64Array.from(values.slice(0, values.length - holdout));
  const full = fullFits(y, 12);
  if (full.length === 0) continue;
  count++;
  for (const fit of full) fullEvaluations += fit.evaluations;
  for (const row of rows) {
    const fit = autoEts(y, 12, { refitCandidates: row.refits });
    row.evaluations += fit.evaluations;
    if (fit.label === full[0].label) row.agree++;
    if (fit.aicc > full[0].aicc + 2) row.worse++;
  }
}

process.stdout.write(`M3 monthly training series${holdout > 0 ? ` without their last ${holdout} months` : ''}: ${count}\n`);
process.stdout.write(`every candidate in full: ${(fullEvaluations / count).toFixed(0)} likelihood evaluations per series\n`);
process.stdout.write('refits  same choice as full  > 2 AICc above full  evaluations/series\n');
for (const row of rows) {
  process.stdout.write(`${String(row.refits).padStart(6)}  ${`${row.agree} (${((100 * row.agree) / count).toFixed(1)} %)`.padStart(19)}  ${String(row.worse).padStart(19)}  ${(row.evaluations / count).toFixed(0).padStart(18)}\n`);
}
