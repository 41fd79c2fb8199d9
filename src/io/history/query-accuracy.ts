import { dateValue, DOUBLE, LIST } from '@duckdb/node-api';
import type { HistoryStore } from './history-store.js';

/** Realised demand of one SKU x warehouse: complete periods from `firstPeriodDay` on. */
export interface ActualSeries {
  readonly sku: string;
  readonly warehouse: string;
  /** Day number (days since 1970-01-01) of the first period of `quantities`. */
  readonly firstPeriodDay: number;
  readonly quantities: Float64Array;
}

export type AccuracyGrouping = 'sku' | 'supplier' | 'class' | 'step' | 'run';

/** Accuracy of a set of scored forecast rows (one group). */
export interface AccuracyMeasures {
  /** Forecast rows scored (SKU x warehouse x period x run). */
  readonly n: number;
  readonly runs: number;
  /** Mean of |actual - forecast| / mase_scale over rows with a positive scale (NaN when none). */
  readonly mase: number;
  /** sqrt(mean of (actual - forecast)^2 / rmsse_scale) over rows with a positive scale. */
  readonly rmsse: number;
  /** Mean of forecast - actual, units per period (positive: over-forecast). */
  readonly bias: number;
  /** Share of rows whose actual lies in [lo80, hi80] / [lo95, hi95] (rows with bounds). */
  readonly coverage80: number;
  readonly coverage95: number;
}

export interface AccuracyGroup extends AccuracyMeasures {
  /** The group's key: sku and warehouse, supplier, demand class, horizon step or run date. */
  readonly key: Readonly<Record<string, string | number>>;
}

export interface AccuracyAnswer {
  readonly overall: AccuracyMeasures;
  readonly groups: readonly AccuracyGroup[];
  /** Every run scored, by as-of date: the trend. */
  readonly byRun: readonly AccuracyGroup[];
  /** By horizon step (1 = the first forecast period). */
  readonly byStep: readonly AccuracyGroup[];
}

const KEYS: Record<AccuracyGrouping, { select: string; names: readonly string[] }> = {
  sku: { select: 'sku, warehouse', names: ['sku', 'warehouse'] },
  supplier: { select: "coalesce(supplier, '') AS supplier", names: ['supplier'] },
  class: { select: 'demand_class', names: ['demand_class'] },
  step: { select: 'step', names: ['step'] },
  run: { select: 'strftime(as_of, \'%Y-%m-%d\') AS as_of', names: ['as_of'] },
};

const MEASURES = `count(*) AS n, count(DISTINCT run_id) AS runs,
  avg(abs(actual - forecast) / mase_scale) FILTER (WHERE mase_scale > 0) AS mase,
  sqrt(avg((actual - forecast) ^ 2 / rmsse_scale) FILTER (WHERE rmsse_scale > 0)) AS rmsse,
  avg(forecast - actual) AS bias,
  avg(CASE WHEN actual BETWEEN lo80 AND hi80 THEN 1.0 ELSE 0.0 END) FILTER (WHERE lo80 IS NOT NULL AND hi80 IS NOT NULL) AS coverage80,
  avg(CASE WHEN actual BETWEEN lo95 AND hi95 THEN 1.0 ELSE 0.0 END) FILTER (WHERE lo95 IS NOT NULL AND hi95 IS NOT NULL) AS coverage95`;

/**
 * The earliest forecast period stored for runs of `freq` (as-of on or after `since`), as a day
 * number; undefined when there is none. Actuals before it score nothing, so callers load from it.
 */
export async function earliestForecastDay(store: HistoryStore, freq: string, since?: string): Promise<number | undefined> {
  const rows = (await store.connection.runAndReadAll(
    `SELECT date_diff('day', DATE '1970-01-01', min(s.first_period)) FROM ${store.catalog}.series s
     JOIN ${store.catalog}.runs r ON r.run_id = s.run_id WHERE r.freq = $1 AND r.as_of >= $2::DATE`,
    [freq, since ?? '0001-01-01'],
  )).getRowsJS();
  const value = rows[0]?.[0];
  return value === null || value === undefined ? undefined : Number(value);
}

/**
 * Scores every stored forecast of runs of `freq` (as-of on or after `since`) whose period has an
 * actual: realised MASE and RMSSE (each forecast divided by the in-sample scale stored with it),
 * bias and 80 %/95 % interval coverage, overall, by `by`, by run date and by horizon step.
 * Actuals go into a temporary table (one row and list per series, through the appender); the
 * store is not changed. Periods are matched by position: the index of the forecast's period in
 * the actual series (days, weeks of 7 days or calendar months after its first period).
 *
 * @example const answer = await scoreHistory(store, actuals, 'day', 'supplier');
 */
export async function scoreHistory(
  store: HistoryStore, actuals: readonly ActualSeries[], freq: 'day' | 'week' | 'month', by: AccuracyGrouping, since?: string,
): Promise<AccuracyAnswer> {
  const { connection, catalog } = store;
  await connection.run('CREATE OR REPLACE TEMP TABLE actuals (sku VARCHAR, warehouse VARCHAR, first_period DATE, quantities DOUBLE[])');
  const appender = await connection.createAppender('actuals', 'main', 'temp');
  try {
    const listType = LIST(DOUBLE);
    for (const series of actuals) {
      appender.appendVarchar(series.sku);
      appender.appendVarchar(series.warehouse);
      appender.appendDate(dateValue(series.firstPeriodDay));
      appender.appendList(Array.from(series.quantities), listType);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const index = freq === 'month' ? "date_diff('month', a.first_period, f.period)"
    : freq === 'week' ? "date_diff('day', a.first_period, f.period) // 7"
      : "date_diff('day', a.first_period, f.period)";
  await connection.run(`CREATE OR REPLACE TEMP TABLE scored AS
    WITH matched AS (
      SELECT f.run_id, r.as_of, s.sku, s.warehouse, s.supplier, s.demand_class, f.step, f.period, f.forecast,
             f.lo80, f.hi80, f.lo95, f.hi95, s.mase_scale, s.rmsse_scale, a.quantities, ${index} AS position
      FROM ${catalog}.forecasts f
      JOIN ${catalog}.runs r ON r.run_id = f.run_id
      JOIN ${catalog}.series s ON s.run_id = f.run_id AND s.series_no = f.series_no
      JOIN temp.actuals a ON a.sku = s.sku AND a.warehouse = s.warehouse
      WHERE r.freq = $1 AND r.as_of >= $2::DATE)
    SELECT * EXCLUDE (quantities, position), quantities[position + 1] AS actual
    FROM matched WHERE position >= 0 AND position < len(quantities)`, [freq, since ?? '0001-01-01']);
  const overallRows = await measures(store, undefined);
  const answer: AccuracyAnswer = {
    overall: overallRows[0] ?? emptyMeasures(),
    groups: await measures(store, by),
    byRun: await measures(store, 'run'),
    byStep: await measures(store, 'step'),
  };
  await connection.run('DROP TABLE temp.scored');
  await connection.run('DROP TABLE temp.actuals');
  return answer;
}

async function measures(store: HistoryStore, by: AccuracyGrouping | undefined): Promise<AccuracyGroup[]> {
  const keys = by ? KEYS[by] : { select: '', names: [] };
  const sql = by
    ? `SELECT ${keys.select}, ${MEASURES} FROM temp.scored GROUP BY ALL ORDER BY ALL`
    : `SELECT ${MEASURES} FROM temp.scored HAVING count(*) > 0`;
  const rows = (await store.connection.runAndReadAll(sql)).getRowObjectsJS();
  return rows.map((row) => ({
    key: Object.fromEntries(keys.names.map((name) => [name, typeof row[name] === 'bigint' || typeof row[name] === 'number' ? Number(row[name]) : String(row[name])])),
    n: Number(row.n),
    runs: Number(row.runs),
    mase: numberOrNaN(row.mase),
    rmsse: numberOrNaN(row.rmsse),
    bias: numberOrNaN(row.bias),
    coverage80: numberOrNaN(row.coverage80),
    coverage95: numberOrNaN(row.coverage95),
  }));
}

function numberOrNaN(value: unknown): number {
  return value === null || value === undefined ? NaN : Number(value);
}

function emptyMeasures(): AccuracyMeasures {
  return { n: 0, runs: 0, mase: NaN, rmsse: NaN, bias: NaN, coverage80: NaN, coverage95: NaN };
}
