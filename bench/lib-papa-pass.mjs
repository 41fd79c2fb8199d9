// Child process of bench/ingest.mjs: a bare papaparse streaming pass that only counts rows.
// Usage: node bench/lib-papa-pass.mjs <file.csv> <chunk|step> <readBytes>
// Prints one JSON line: { ms, maxRssMB, rows }.
import fs from 'node:fs';
import Papa from 'papaparse';

const [file, mode = 'chunk', readBytes = String(1 << 20)] = process.argv.slice(2);
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
console.log(JSON.stringify({ ms, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  maxRssMB: process.resourceUsage().maxRSS / 1024, rows: rows - 1 }));
