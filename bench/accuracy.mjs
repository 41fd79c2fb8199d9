#!/usr/bin/env node
// Accuracy benchmark (issue 3): runs the BUILT CLI as a user would on the shared data sets,
//   node bin/stockcast.js forecast --sales <train.csv> --map sku=series --series-end own
//        --freq month|day --horizon h --method M --out <tmp>/forecast.csv
// scores forecast.csv against the holdout with the definitions of datasets/reference/score.py
// (bench/lib-score.mjs): point accuracy, the scaled pinball loss of each interval bound (lo95,
// lo80, hi80, hi95) and the coverage of the 80 % and 95 % intervals; prints a table per data set
// next to the targets and R's numbers, and
// exits 1 when `auto` misses a target.
//
// Usage: npm run bench:accuracy [-- --method auto,theta,tsb] [--dataset carparts] [--keep]
// Data sets: ../shared/datasets relative to the repository root, or $STOCKCAST_DATASETS.
// Build first (npm run build; `npm ci` does it through `prepare`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readForecastFile, readSeriesFile, scoreForecasts } from './lib-score.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const datasetsDir = process.env.STOCKCAST_DATASETS ?? resolve(root, '../shared/datasets');
const bin = join(root, 'bin', 'stockcast.js');

const DATASETS = [
  {
    name: 'm3_monthly', dir: 'm3_monthly', file: 'm3_monthly', freq: 'month', m: 12, h: 18,
    targets: { smape: 13.9, mase: 0.85 },
    reference: [
      { method: 'R ets', smape: 14.14, mase: 0.865, rmsse: 0.813 },
      { method: 'R thetaf', smape: 13.86, mase: 0.864 },
      { method: 'R mean(ets, thetaf)', smape: 13.59, mase: 0.842 },
    ],
  },
  {
    name: 'carparts', dir: 'carparts', file: 'carparts', freq: 'month', m: 12, h: 6,
    targets: { rmsse: 0.50, spl90: 0.21, spl975: 0.086, absScaledBias: 0.20 },
    reference: [
      { method: 'R ets', mase: 0.661, rmsse: 0.501, spl90: 0.2145, spl975: 0.086, sbias: 0.203, cov80: 0.940, cov95: 0.973 },
      { method: 'zero', mase: 0.390, rmsse: 0.442, spl90: 0.3513, spl975: 0.3806, sbias: -0.533, cov80: 0.742, cov95: 0.742 },
      { method: 'Poisson, mean last 12', mase: 0.617, rmsse: 0.474, spl90: 0.2007, spl975: 0.0911, sbias: 0.162, cov80: 0.935, cov95: 0.973 },
    ],
  },
  {
    name: 'online_retail', dir: 'online_retail', file: 'online_retail_daily', freq: 'day', m: 7, h: 28,
    targets: { rmsse: 0.86, spl90: 0.59, spl975: 0.37, absScaledBias: 0.29 },
    reference: [
      { method: 'R ets', mase: 1.274, rmsse: 0.8625, spl90: 0.5929, spl975: 0.3724, sbias: -0.287, cov80: 0.897, cov95: 0.938 },
      { method: 'zero', mase: 1.238, rmsse: 0.9624, spl90: 1.1146, spl975: 1.2075, sbias: -1.698, cov80: 0.399, cov95: 0.399 },
    ],
  },
];

function parseArguments(argv) {
  const options = { methods: ['auto'], datasets: DATASETS.map((d) => d.name), keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--method' || flag === '--methods') options.methods = argv[++i].split(',').filter(Boolean);
    else if (flag === '--dataset' || flag === '--datasets') options.datasets = argv[++i].split(',').filter(Boolean);
    else if (flag === '--keep') options.keep = true;
    else {
      process.stderr.write(`bench:accuracy: unknown option ${flag}\nusage: node bench/accuracy.mjs [--method auto,theta] [--dataset m3_monthly,carparts,online_retail] [--keep]\n`);
      process.exit(2);
    }
  }
  return options;
}

/** Which targets the scores miss, as text; [] when all are met. */
function missedTargets(scores, targets) {
  const missed = [];
  const check = (name, value, limit) => {
    if (!(value <= limit)) missed.push(`${name} ${format(value)} > ${limit}`);
  };
  if (targets.smape !== undefined) check('sMAPE', scores.smape, targets.smape);
  if (targets.mase !== undefined) check('MASE', scores.mase, targets.mase);
  if (targets.rmsse !== undefined) check('RMSSE', scores.rmsse, targets.rmsse);
  if (targets.spl90 !== undefined) check('SPL90', scores.spl90, targets.spl90);
  if (targets.spl975 !== undefined) check('SPL97.5', scores.spl975, targets.spl975);
  if (targets.absScaledBias !== undefined) check('|scaled bias|', Math.abs(scores.sbias), targets.absScaledBias);
  return missed;
}

function format(value, digits = 4) {
  return value === undefined || value === null || Number.isNaN(value) ? '' : value.toFixed(digits);
}

const COLUMNS = [
  ['method', 28], ['sMAPE', 8], ['MASE', 7], ['RMSSE', 7], ['SPL2.5', 7], ['SPL10', 7], ['SPL90', 7], ['SPL97.5', 8], ['sbias', 8], ['cov80', 6], ['cov95', 6], ['ms/series', 10],
];

function row(cells) {
  return cells.map((cell, i) => (i === 0 ? String(cell).padEnd(COLUMNS[i][1]) : String(cell).padStart(COLUMNS[i][1]))).join(' ');
}

function scoreRow(label, s, ms) {
  return row([label, format(s.smape, 2), format(s.mase, 3), format(s.rmsse, 4), format(s.spl25, 4), format(s.spl10, 4), format(s.spl90, 4), format(s.spl975, 4),
    s.sbias === undefined ? '' : (s.sbias >= 0 ? '+' : '') + format(s.sbias, 3), format(s.cov80, 3), format(s.cov95, 3), ms === undefined ? '' : ms.toFixed(2)]);
}

function targetText(targets) {
  const parts = [];
  if (targets.smape !== undefined) parts.push(`sMAPE <= ${targets.smape}`);
  if (targets.mase !== undefined) parts.push(`MASE <= ${targets.mase}`);
  if (targets.rmsse !== undefined) parts.push(`RMSSE <= ${targets.rmsse}`);
  if (targets.spl90 !== undefined) parts.push(`SPL90 <= ${targets.spl90}`);
  if (targets.spl975 !== undefined) parts.push(`SPL97.5 <= ${targets.spl975}`);
  if (targets.absScaledBias !== undefined) parts.push(`|scaled bias| <= ${targets.absScaledBias}`);
  return parts.join(', ');
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench:accuracy: dist/ is missing; run `npm run build` first\n');
    return 1;
  }
  if (!existsSync(datasetsDir)) {
    process.stderr.write(`bench:accuracy: no data sets at ${datasetsDir}; set STOCKCAST_DATASETS\n`);
    return 1;
  }
  const work = mkdtempSync(join(tmpdir(), 'stockcast-accuracy-'));
  let failures = 0;
  try {
    for (const dataset of DATASETS.filter((d) => options.datasets.includes(d.name))) {
      const base = join(datasetsDir, dataset.dir, dataset.file);
      const train = readSeriesFile(`${base}_train.csv`);
      const test = readSeriesFile(`${base}_test.csv`);
      process.stdout.write(`\n${dataset.name}: ${train.size} series, h = ${dataset.h}, m = ${dataset.m}; targets for auto: ${targetText(dataset.targets)}\n`);
      process.stdout.write(`${row(COLUMNS.map(([name]) => name))}\n`);
      for (const reference of dataset.reference) process.stdout.write(`${scoreRow(reference.method, reference)}\n`);
      for (const method of options.methods) {
        const out = join(work, `${dataset.name}-${method}`, 'forecast.csv');
        const started = process.hrtime.bigint();
        try {
          execFileSync(process.execPath, [bin, 'forecast', '--sales', `${base}_train.csv`, '--map', 'sku=series',
            '--series-end', 'own', '--freq', dataset.freq, '--horizon', String(dataset.h), '--method', method,
            '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
        } catch (error) {
          const lines = String(error.stderr ?? '').split('\n').filter(Boolean);
          process.stdout.write(`stockcast ${method}: the CLI exited with ${error.status}: ${lines.slice(0, 3).join(' | ')}${lines.length > 3 ? ` (+${lines.length - 3} lines)` : ''}\n`);
          failures++;
          continue;
        }
        const ms = Number(process.hrtime.bigint() - started) / 1e6 / train.size;
        const raw = scoreForecasts(train, test, readForecastFile(out), dataset.m);
        const scores = { ...raw, spl25: raw.spl_lo95, spl10: raw.spl_lo80, spl90: raw.spl_hi80, spl975: raw.spl_hi95 };
        process.stdout.write(`${scoreRow(`stockcast ${method}`, scores, ms)}\n`);
        if (raw.missing_points > 0) process.stdout.write(`  ${raw.missing_points} test points had no forecast\n`);
        const labels = Object.entries(raw.methods).slice(0, 6).map(([label, count]) => `${label} ${count}`).join(', ');
        process.stdout.write(`  models: ${labels}${Object.keys(raw.methods).length > 6 ? ', ...' : ''}\n`);
        if (method === 'auto') {
          const missed = missedTargets(scores, dataset.targets);
          if (raw.missing_points > 0) missed.push(`${raw.missing_points} points missing`);
          process.stdout.write(missed.length === 0 ? '  targets: all met\n' : `  targets MISSED: ${missed.join('; ')}\n`);
          if (missed.length > 0) failures++;
        }
      }
    }
  } finally {
    if (options.keep) process.stdout.write(`\nforecast files kept in ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write('\nSPLq: pinball loss of a bound read as the q % quantile (lo95 2.5, lo80 10, hi80 90, hi95 97.5), scaled as MASE;'
    + ' cov80, cov95: share of test points inside the 80 % and 95 % intervals.\n');
  process.stdout.write('ms/series is wall time of the whole CLI run (reading, fitting, writing) divided by the series count.\n');
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
