// Child process of bench/ingest.mjs: a bare papaparse streaming pass that only counts rows.
// Usage: node bench/lib-papa-pass.mjs <file.csv> <chunk|step> <readBytes>
// Prints one JSON line: { ms, cpuMs, maxRssMB, faults, rows }; ms and cpuMs cover the parse only.
import fs from 'node:fs';
import Papa from 'papaparse';

const [file, mode = 'chunk', readBytes = String(1 << 20)] = process.argv.slice(2);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const cpuAtStart = cpuMs();
const started = performance.now();
let rows = 0;
await new Promise((resolve, reject) => {
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: Number(readBytes) });
  Papa.parse(input, {
    header: false,
    ...(mode === 'step' ? { step: () => { rows++; } } : { chunk: (results) => { rows += results.data.length; } }),
    complete: resolve,
    error: reject,
  });
});
const ms = performance.now() - started;
const usage = process.resourceUsage();
console.log(JSON.stringify({ ms, cpuMs: cpuMs() - cpuAtStart, maxRssMB: usage.maxRSS / 1024, faults: usage.minorPageFault, rows: rows - 1 }));
