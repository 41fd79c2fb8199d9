// Child process of bench/ingest.mjs: stockcast's ingest (readSales) and series building
// (buildDemandSeries, daily, as-of the day after the last sale), from the built dist/.
// Usage: node bench/lib-ingest-pass.mjs <file.csv> [day|week|month]
// Prints one JSON line: wall and CPU ms of ingest + series (ms, cpuMs; readMs/readCpuMs and
// seriesMs/seriesCpuMs apart), peak RSS and page faults at that point, then the same once every
// series' dense values and stats have been read (valuesMs, valuesCpuMs, allMaxRssMB, allFaults).
const [file, freq = 'day'] = process.argv.slice(2);
const { readSales } = await import('../dist/io/read/read-sales.js');
const { buildDemandSeries, defaultAsOf } = await import('../dist/core/series/build-series.js');

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const cpuAtStart = cpuMs();
const started = performance.now();
const { table } = await readSales(file);
const read = performance.now();
const cpuAtRead = cpuMs();
const series = buildDemandSeries(table, { freq, asOfDay: defaultAsOf(table), seriesEnd: 'as-of' });
const done = performance.now();
const cpuAtDone = cpuMs();
const usageAtDone = process.resourceUsage();
// Dense values (all series filled in one pass on the first read) and the stats computed from
// them are built on first read. Read every one, as the forecast stage will.
let total = 0;
let nonZero = 0;
for (const s of series) {
  const values = s.values;
  for (let t = 0; t < values.length; t++) total += values[t];
  nonZero += s.stats.nonZeroPeriods;
}
const materialized = performance.now();
const cpuAll = cpuMs();
const usageAll = process.resourceUsage();
console.log(JSON.stringify({
  ms: done - started,
  cpuMs: cpuAtDone - cpuAtStart,
  readMs: read - started,
  readCpuMs: cpuAtRead - cpuAtStart,
  seriesMs: done - read,
  seriesCpuMs: cpuAtDone - cpuAtRead,
  maxRssMB: usageAtDone.maxRSS / 1024,
  faults: usageAtDone.minorPageFault,
  valuesMs: materialized - done,
  valuesCpuMs: cpuAll - cpuAtDone,
  allMaxRssMB: usageAll.maxRSS / 1024,
  allFaults: usageAll.minorPageFault,
  totalDemand: total,
  nonZeroPeriods: nonZero,
  rows: table.rowCount,
  series: series.length,
}));
