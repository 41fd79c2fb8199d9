#!/usr/bin/env node
// npm run bench:m3 — issue 8's M3 time check: wall time from start to exit of the command
// bench:accuracy runs on M3 monthly (1428 series, --method auto, h = 18), median of N runs, with
// the default --jobs and with --jobs 1, and the CPU time (user + system, all threads) of each run.
// Target: <= 4 s wall on 2 cores with the default jobs. The machine's load average is printed
// before and after: other processes inflate wall time, much less CPU time.
// Usage: node bench/m3-time.mjs [--runs 5] [--jobs-list default,1]
// Data: ../shared/datasets relative to the repository root, or $STOCKCAST_DATASETS. Build first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const datasetsDir = process.env.STOCKCAST_DATASETS ?? resolve(root, '../shared/datasets');
const sales = join(datasetsDir, 'm3_monthly', 'm3_monthly_train.csv');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option('--runs', '5'));
const jobsList = option('--jobs-list', 'default,1').split(',').filter(Boolean);

// Loaded into each run with --import: reports the process's CPU time (getrusage covers every thread) at exit.
const cpuReporter = 'data:text/javascript,' + encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); "
  + "writeFileSync(process.env.STOCKCAST_BENCH_CPU, String((u.user + u.system) / 1e3)); });");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function loadText() {
  return os.loadavg().map((value) => value.toFixed(2)).join(' ');
}

function main() {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench:m3: dist/ is missing; run `npm run build` first\n');
    return 1;
  }
  if (!existsSync(sales)) {
    process.stderr.write(`bench:m3: no ${sales}; set STOCKCAST_DATASETS\n`);
    return 1;
  }
  const work = mkdtempSync(join(os.tmpdir(), 'stockcast-m3-time-'));
  try {
    process.stdout.write(`M3 monthly, 1428 series, forecast --method auto --horizon 18; ${runs} runs each; ${os.availableParallelism()} cores; load average ${loadText()}\n`);
    for (const jobs of jobsList) {
      const walls = [];
      const cpus = [];
      for (let run = 0; run < runs; run++) {
        const cpuFile = join(work, 'cpu.txt');
        const started = process.hrtime.bigint();
        const result = spawnSync(process.execPath, ['--import', cpuReporter, join(root, 'bin', 'stockcast.js'), 'forecast',
          '--sales', sales, '--map', 'sku=series', '--series-end', 'own', '--freq', 'month', '--horizon', '18',
          '--method', 'auto', '--out', join(work, 'forecast.csv'), '--quiet', ...(jobs === 'default' ? [] : ['--jobs', jobs])],
        { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, STOCKCAST_BENCH_CPU: cpuFile } });
        walls.push(Number(process.hrtime.bigint() - started) / 1e9);
        if (result.status !== 0) {
          process.stderr.write(`bench:m3: the CLI exited with ${result.status}: ${String(result.stderr).trim()}\n`);
          return 1;
        }
        cpus.push(Number(readFileSync(cpuFile, 'utf8')) / 1e3);
      }
      const label = jobs === 'default' ? 'default jobs' : `--jobs ${jobs}`;
      process.stdout.write(`${label.padEnd(13)} wall median ${median(walls).toFixed(2)} s (${walls.map((w) => w.toFixed(2)).join(' ')}), `
        + `CPU median ${median(cpus).toFixed(2)} s${jobs === 'default' ? `; target <= 4 s wall: ${median(walls) <= 4 ? 'met' : 'MISSED'}` : ''}\n`);
    }
    process.stdout.write(`load average after: ${loadText()}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return 0;
}

process.exitCode = main();
