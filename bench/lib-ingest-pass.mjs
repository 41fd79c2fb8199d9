// Child process of bench/ingest.mjs: stockcast's ingest (readSales) and series building
// (buildDemandSeries, daily, as-of the day after the last sale), from the built dist/.
// Usage: node bench/lib-ingest-pass.mjs <file.csv> [day|week|month]
// Prints one JSON line: { ms, readMs, seriesMs, maxRssMB, rows, series }.
const [file, freq = 'day'] = process.argv.slice(2);
const { readSales } = await import('../dist/io/read-sales.js');
const { buildDemandSeries, defaultAsOf } = await import('../dist/core/series/build-series.js');

const started = performance.now();
const { table } = await readSales(file);
const read = performance.now();
const series = buildDemandSeries(table, { freq, asOfDay: defaultAsOf(table), seriesEnd: 'as-of' });
const done = performance.now();
console.log(JSON.stringify({
  ms: done - started,
  readMs: read - started,
  seriesMs: done - read,
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  rows: table.rowCount,
  series: series.length,
}));
