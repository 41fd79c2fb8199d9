// Scoring of a stockcast forecast.csv against a holdout, with exactly the definitions of
// ../shared/datasets/reference/score.py (see baselines.md, "Metrics" and "Intervals"):
// per series sMAPE (%), MASE and RMSSE with seasonal scaling m on the training part, scaled bias,
// scaled pinball loss of the bounds read as quantiles, coverage; then averaged over series.
import { readFileSync } from 'node:fs';

/** Splits one CSV line; fields may be quoted ("a,b" and "" for a quote), as RFC 4180. */
function splitLine(line) {
  if (!line.includes('"')) return line.split(',');
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** CSV text (one record per line, as the data sets and forecast.csv are) -> header and rows. */
function parseCsv(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
  return { header: splitLine(lines[0]), rows: lines.slice(1).map(splitLine) };
}

/** series,date,quantity file -> Map(series -> [[date, value], ...]) in file order. */
export function readSeriesFile(path) {
  const { header, rows } = parseCsv(readFileSync(path, 'utf8'));
  const [s, d, q] = ['series', 'date', 'quantity'].map((name) => header.indexOf(name));
  const series = new Map();
  for (const row of rows) {
    let list = series.get(row[s]);
    if (!list) series.set(row[s], (list = []));
    list.push([row[d], row[q] === '' ? 0 : Number(row[q])]);
  }
  return series;
}

/** forecast.csv -> Map(`${sku}\u0000${period}` -> { f, lo80, hi80, lo95, hi95, method }). */
export function readForecastFile(path) {
  const { header, rows } = parseCsv(readFileSync(path, 'utf8'));
  const column = (name) => header.indexOf(name);
  const [sku, period, forecast, method] = ['sku', 'period', 'forecast', 'method'].map(column);
  const bounds = ['lo80', 'hi80', 'lo95', 'hi95'].map((name) => [name, column(name)]);
  const result = new Map();
  for (const row of rows) {
    const entry = { f: Number(row[forecast]), method: method >= 0 ? row[method] : '' };
    for (const [name, index] of bounds) {
      if (index < 0 || row[index] === undefined || row[index] === '') continue;
      const value = Number(row[index]);
      if (!Number.isNaN(value)) entry[name] = value;
    }
    result.set(`${row[sku]}\u0000${row[period]}`, entry);
  }
  return result;
}

const QUANTILES = { lo95: 0.025, lo80: 0.1, hi80: 0.9, hi95: 0.975 };

function pinball(y, q, level) {
  return y >= q ? level * (y - q) : (1 - level) * (q - y);
}

/**
 * Scores forecasts (Map from readForecastFile) for every series of `test` (Map from readSeriesFile),
 * scaled on `train`. Returns the means of score.py's JSON plus `perSeries` and `methods` (label counts).
 */
export function scoreForecasts(train, test, forecasts, m) {
  const acc = {};
  const push = (key, value) => (acc[key] ??= []).push(value);
  const methods = new Map();
  let missing = 0;
  for (const [key, observed] of test) {
    const x = (train.get(key) ?? []).map(([, v]) => v);
    let absSum = 0;
    let sqSum = 0;
    for (let i = m; i < x.length; i++) {
      absSum += Math.abs(x[i] - x[i - m]);
      sqSum += (x[i] - x[i - m]) ** 2;
    }
    const maeScale = absSum / Math.max(1, x.length - m);
    const mseScale = sqSum / Math.max(1, x.length - m);
    const meanX = x.length ? x.reduce((a, b) => a + b, 0) / x.length : 0;
    const rows = observed.map(([date, y]) => [y, forecasts.get(`${key}\u0000${date}`)]);
    const absent = rows.filter(([, r]) => r === undefined).length;
    if (absent > 0) {
      missing += absent;
      continue;
    }
    const label = rows[0][1].method;
    methods.set(label, (methods.get(label) ?? 0) + 1);
    const errors = rows.map(([y, r]) => y - r.f);
    const h = rows.length;
    push('smape', rows.reduce((s, [y, r]) => s + (y === 0 && r.f === 0 ? 0 : (200 * Math.abs(y - r.f)) / (Math.abs(y) + Math.abs(r.f))), 0) / h);
    if (maeScale > 0) {
      push('mase', errors.reduce((s, e) => s + Math.abs(e), 0) / h / maeScale);
      for (const [bound, level] of Object.entries(QUANTILES)) {
        if (rows.every(([, r]) => bound in r)) {
          push(`spl_${bound}`, rows.reduce((s, [y, r]) => s + pinball(y, r[bound], level), 0) / h / maeScale);
        }
      }
    }
    if (mseScale > 0) push('rmsse', Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / h / mseScale));
    if (meanX > 0) push('sbias', -errors.reduce((s, e) => s + e, 0) / h / meanX);
    for (const level of ['80', '95']) {
      if (rows.every(([, r]) => `lo${level}` in r && `hi${level}` in r)) {
        for (const [y, r] of rows) push(`cov${level}`, r[`lo${level}`] <= y && y <= r[`hi${level}`] ? 1 : 0);
      }
    }
  }
  const out = { series: test.size, scored: (acc.smape ?? []).length, missing_points: missing };
  for (const [key, values] of Object.entries(acc)) {
    out[key] = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  }
  out.methods = Object.fromEntries([...methods].sort((a, b) => b[1] - a[1]));
  return out;
}
