// Child process of bench/ingest.mjs: stockcast's ingest (readSales) and series building
// (buildDemandSeries, daily, as-of the day after the last sale), from the built dist/.
// Usage: node bench/lib-ingest-pass.mjs <file.csv> [day|week|month]
// Prints one JSON line: { ms, cpuMs, readMs, seriesMs, maxRssMB } for ingest + series, then
// { valuesMs, allCpuMs, allMaxRssMB } once every series' dense values have been read.
const [file, freq = 'day'] = process.argv.slice(2);
const { readSales } = await import('../dist/io/read-sales.js');
const { buildDemandSeries, defaultAsOf } = await import('../dist/core/series/build-series.js');

const started = performance.now();
const { table } = await readSales(file);
const read = performance.now();
const series = buildDemandSeries(table, { freq, asOfDay: defaultAsOf(table), seriesEnd: 'as-of' });
const done = performance.now();
const cpuAtDone = process.cpuUsage();
const rssAtDone = process.resourceUsage().maxRSS / 1024;
// Series hold sparse period lists and build their dense values on first read (then keep them).
// Read every one, as the forecast stage will, so the cost of the dense arrays is measured too.
let total = 0;
for (const s of series) {
  const values = s.values;
  for (let t = 0; t < values.length; t++) total += values[t];
}
const materialized = performance.now();
const cpuAll = process.cpuUsage();
console.log(JSON.stringify({
  ms: done - started,
  cpuMs: (cpuAtDone.user + cpuAtDone.system) / 1000,
  readMs: read - started,
  seriesMs: done - read,
  valuesMs: materialized - done,
  allCpuMs: (cpuAll.user + cpuAll.system) / 1000,
  totalDemand: total,
  maxRssMB: rssAtDone,
  allMaxRssMB: process.resourceUsage().maxRSS / 1024,
  rows: table.rowCount,
  series: series.length,
}));
