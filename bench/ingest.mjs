// npm run bench: time and peak RSS of stockcast's ingest + series building next to a bare
// papaparse streaming pass over the same 5M-row sales file (issue 2 item 7). Each pass runs in
// its own child process so peak RSS (process.resourceUsage().maxRSS) is per pass.
// Usage: node --expose-gc bench/ingest.mjs [--runs N] [--file path]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBigSales } from './make-big-sales.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option('--runs', '3'));
const file = option('--file', path.join(here, '.cache', 'sales-5m.csv'));

if (!fs.existsSync(file)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  console.error(`generating ${path.relative(root, file)} (once; cached) ...`);
  const rows = makeBigSales(file);
  console.error(`  ${rows} rows`);
}

// The ingest pass imports dist/; build it. tsc still emits when another file has type errors,
// so only a missing output is fatal.
console.error('building dist/ ...');
spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'ignore' });
for (const built of ['dist/io/read-sales.js', 'dist/core/series/build-series.js']) {
  if (!fs.existsSync(path.join(root, built))) {
    console.error(`missing ${built}: run npx tsc -p tsconfig.build.json and fix its errors`);
    process.exit(1);
  }
}

function pass(script, extra) {
  const out = execFileSync(process.execPath, [path.join(here, script), file, ...extra], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

// Median by wall time over the runs, interleaving the passes so machine load hits them alike.
// The ratio is taken against the chunk-mode pass (the fastest bare pass); step mode, the usual
// streaming API, is printed for context.
const papa = [];
const papaStep = [];
const ingest = [];
for (let run = 0; run < runs; run++) {
  papa.push(pass('lib-papa-pass.mjs', ['chunk', String(1 << 16)]));
  ingest.push(pass('lib-ingest-pass.mjs', ['day']));
  papaStep.push(pass('lib-papa-pass.mjs', ['step', String(1 << 16)]));
}
const median = (list, key) => [...list].sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)];
const bare = median(papa, 'ms');
const bareStep = median(papaStep, 'ms');
const ours = median(ingest, 'ms');
const maxRss = Math.max(...ingest.map((r) => r.maxRssMB));
const size = fs.statSync(file).size / 1e6;
const cpuRatio = median(ingest, 'cpuMs').cpuMs / median(papa, 'cpuMs').cpuMs;
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

console.log(`file: ${path.relative(root, file)}, ${size.toFixed(0)} MB, ${bare.rows} rows; median of ${runs} runs; ${new Date().toISOString()}`);
console.log(`load average at end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('');
console.log('pass                                   wall       cpu     peak RSS');
console.log(`papaparse bare (chunk mode, 64 KiB)   ${fmt(bare.ms).padStart(8)}  ${fmt(bare.cpuMs).padStart(8)}  ${bare.maxRssMB.toFixed(0).padStart(6)} MB`);
console.log(`papaparse bare (step mode, for context) ${fmt(bareStep.ms).padStart(7)}  ${fmt(bareStep.cpuMs).padStart(8)}  ${bareStep.maxRssMB.toFixed(0).padStart(6)} MB`);
console.log(`stockcast readSales + series          ${fmt(ours.ms).padStart(8)}  ${fmt(ours.cpuMs).padStart(8)}  ${ours.maxRssMB.toFixed(0).padStart(6)} MB`);
console.log(`  of which readSales                  ${fmt(ours.readMs).padStart(8)}`);
console.log(`  of which buildDemandSeries          ${fmt(ours.seriesMs).padStart(8)}   (${ours.series} daily series)`);
console.log(`then reading every series' values     ${fmt(ours.valuesMs).padStart(8)}  ${fmt(ours.allCpuMs - ours.cpuMs).padStart(8)}  ${ours.allMaxRssMB.toFixed(0).padStart(6)} MB  (dense arrays are built on first read)`);
console.log('');
const ratio = ours.ms / bare.ms;
console.log(`ratio (wall) ${ratio.toFixed(2)}  target <= 1.5  ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
console.log(`ratio (cpu)  ${cpuRatio.toFixed(2)}`);
console.log(`ratio (wall) against the step-mode pass: ${(ours.ms / bareStep.ms).toFixed(2)}`);
const withValues = (ours.ms + ours.valuesMs) / bare.ms;
console.log(`ratio (wall) counting the dense values too: ${withValues.toFixed(2)}`);
console.log(`peak RSS ${maxRss.toFixed(0)} MB  target <= 1024 MB  ${maxRss <= 1024 ? 'met' : 'NOT met'}`);
