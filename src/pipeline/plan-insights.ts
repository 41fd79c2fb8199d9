import {
  abcXyzMatrix, classifyAbc, classifyXyz, inventoryKpis, periodDemandCv, yearlyDemand,
  type AbcClass, type AbcLimits, type AbcXyzMatrix, type InventoryKpis, type XyzClass, type XyzLimits,
} from '../core/inventory/index.js';
import { DAYS_PER_PERIOD, formatDay, periodIndexStart, type Frequency } from '../core/series/calendar.js';
import type { OutputSet } from '../io/output-set/output-set.js';
import { formatCsv, formatCsvNumber, type CsvCell } from '../io/write/write-csv.js';
import { forecastRows, type SeriesOutcome } from './forecast-stage.js';
import type { PlanStageResult } from './plan-stage.js';
import type { AccuracyTrendPoint } from './report/report-charts.js';

/** Classes of one SKU x warehouse, for the extra reorder.csv columns. */
export interface LineClasses {
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
}

/** What the plan adds for planners beyond the spec: classes, KPIs and the per-line facts of inventory.csv. */
export interface PlanInsights {
  readonly classOf: (sku: string, warehouse: string) => LineClasses | undefined;
  /** The plan runs no backtest: forecast_accuracy is null (report.html says how to get one). */
  readonly kpis: InventoryKpis & { readonly forecast_accuracy: number | null };
  readonly abcXyz: {
    /** Cumulative value shares in percent where A and B end. */
    readonly abc_limits: readonly [number, number];
    /** Coefficients of variation where X and Y end. */
    readonly xyz_limits: readonly [number, number];
    readonly cells: AbcXyzMatrix;
  };
  /** inventory.csv rows, in the order of the plan's lines (SKU, then warehouse). */
  readonly inventoryRows: CsvCell[][];
}

export interface InsightOptions {
  readonly freq: Frequency;
  readonly abcLimits: AbcLimits;
  readonly xyzLimits: XyzLimits;
  /** Service level of each SKU (items.csv, flags, defaults); see serviceLevelOf. */
  readonly serviceLevel: (sku: string) => number;
}

/** What the insights read of a forecast series: its facts and last periods, not the forecast. */
export type InsightSeries = Pick<SeriesOutcome, 'sku' | 'warehouse' | 'recent' | 'firstForecastPeriod'> & {
  readonly series: Pick<SeriesOutcome['series'], 'stats'>;
};

/** inventory.csv: every SKU x warehouse planned, ordering or not, with its classes and recent history. */
export const INVENTORY_COLUMNS = [
  'sku', 'warehouse', 'supplier', 'on_hand', 'on_order', 'allocated', 'available', 'lead_time_days', 'reorder_point',
  'order_up_to', 'order_qty', 'order_value', 'days_of_cover', 'unit_cost', 'daily_demand', 'yearly_demand', 'yearly_value',
  'demand_cv', 'abc_class', 'xyz_class', 'money_at_stake', 'alerts', 'history_start', 'history',
] as const;

/** The periods of history inventory.csv keeps per line (the report's charts and `stockcast show`). */
export const HISTORY_PERIODS = 24;

const key = (sku: string, warehouse: string) => `${sku}\u0000${warehouse}`;
const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  const r = Math.round(value * factor) / factor;
  return r === 0 ? 0 : r;
};

/**
 * ABC/XYZ classes (each SKU x warehouse is one item), the matrix and the KPIs of summary.json,
 * and the rows of inventory.csv. Yearly consumption value = yearly demand of the history x unit
 * cost; the CV is that of demand per period at the plan's frequency (zero periods included).
 * Money at stake of a line = money at stake of its alerts + the value of its order.
 */
export function planInsights(
  result: Pick<PlanStageResult, 'lines' | 'alerts'>, outcomes: readonly InsightSeries[], options: InsightOptions,
): PlanInsights {
  const daysPerPeriod = DAYS_PER_PERIOD[options.freq];
  const outcomeByKey = new Map(outcomes.map((o) => [key(o.sku, o.warehouse), o]));
  const alertsByKey = new Map<string, { money: number; types: string[] }>();
  for (const alert of result.alerts) {
    const k = key(alert.sku, alert.warehouse);
    const entry = alertsByKey.get(k) ?? { money: 0, types: [] };
    entry.money += alert.moneyAtStake;
    if (!entry.types.includes(alert.type)) entry.types.push(alert.type);
    alertsByKey.set(k, entry);
  }
  const serviceLevel = options.serviceLevel;
  const lines = result.lines;
  const yearly = new Float64Array(lines.length);
  const values = new Float64Array(lines.length);
  const cvs = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const stats = outcomeByKey.get(key(lines[i].sku, lines[i].warehouse))?.series.stats;
    yearly[i] = stats ? yearlyDemand(stats.totalDemand, stats.periods, daysPerPeriod) : 0;
    values[i] = yearly[i] * Math.max(0, lines[i].unitCost);
    cvs[i] = stats ? periodDemandCv(stats) : NaN;
  }
  const abc = classifyAbc(values, options.abcLimits);
  const xyz = Array.from(cvs, (cv) => classifyXyz(cv, options.xyzLimits));
  const classes = new Map(lines.map((line, i) => [key(line.sku, line.warehouse), { abc: abc[i], xyz: xyz[i] }]));

  const sumAlerts = (types: readonly string[], pick: (a: PlanStageResult['alerts'][number]) => number) =>
    result.alerts.filter((a) => types.includes(a.type)).reduce((s, a) => s + pick(a), 0);
  const kpis = inventoryKpis(lines.map((line, i) => ({
    onHand: line.onHand,
    unitCost: line.unitCost,
    yearlyDemand: yearly[i],
    dailyDemand: line.dailyDemand,
    serviceLevel: serviceLevel(line.sku),
  })), {
    valueAtRisk: sumAlerts(['stockout_risk'], (a) => a.moneyAtStake),
    excessValue: sumAlerts(['overstock', 'dead_stock'], (a) => a.excessValue),
  });


  const inventoryRows = lines.map((line, i): CsvCell[] => {
    const k = key(line.sku, line.warehouse);
    const outcome = outcomeByKey.get(k);
    const alerts = alertsByKey.get(k);
    const recent = outcome ? outcome.recent.subarray(Math.max(0, outcome.recent.length - HISTORY_PERIODS)) : undefined;
    const historyStart = outcome && recent && recent.length > 0
      ? formatDay(periodIndexStart(outcome.firstForecastPeriod - recent.length, options.freq)) : '';
    return [
      line.sku, line.warehouse, line.supplier, line.onHand, line.onOrder, line.allocated, line.available,
      round(line.leadTimeDays, 1), line.reorderPoint, line.orderUpTo, line.orderQty, round(line.orderValue, 2),
      Number.isFinite(line.daysOfCover) ? round(line.daysOfCover, 1) : '', round(line.unitCost, 4),
      round(line.dailyDemand, 4), round(yearly[i], 2), round(values[i], 2), Number.isFinite(cvs[i]) ? round(cvs[i], 3) : '',
      abc[i], xyz[i], round((alerts?.money ?? 0) + line.orderValue, 2), (alerts?.types ?? []).sort().join(' '),
      historyStart, recent ? Array.from(recent, (v) => round(v, 2)).join(' ') : '',
    ];
  });

  return {
    classOf: (sku, warehouse) => classes.get(key(sku, warehouse)),
    kpis: { ...kpis, forecast_accuracy: null },
    abcXyz: {
      abc_limits: [round(options.abcLimits.a * 100, 6), round(options.abcLimits.b * 100, 6)],
      xyz_limits: [options.xyzLimits.x, options.xyzLimits.y],
      cells: abcXyzMatrix(abc, xyz, values),
    },
    inventoryRows,
  };
}

/** Writes inventory.csv into the set. */
export async function writeInsights(set: OutputSet, insights: PlanInsights): Promise<void> {
  await set.writeText('inventory.csv', formatCsv([...INVENTORY_COLUMNS], insights.inventoryRows));
}

/**
 * Builds report.html from the files already written into the set (the charted lines' forecast
 * rows from memory when `outcomes` are given, formatted as forecast.csv holds them, instead of
 * scanning that file again) and adds it to the set.
 */
export async function writeSetReport(
  set: OutputSet, outcomes: readonly SeriesOutcome[] | undefined,
  options: {
    readonly reportTop: number; readonly levels: readonly number[]; readonly freq: Frequency; readonly horizon: number;
    /** Realised accuracy of earlier runs by run date (run history), charted when there is any. */
    readonly accuracyTrend?: readonly AccuracyTrendPoint[];
  },
): Promise<void> {
  const { buildReport } = await import('./report/build-report.js');
  const report = await buildReport(set.tempDir, {
    top: options.reportTop,
    accuracyTrend: options.accuracyTrend,
    forecastRows: outcomes && ((keys) => {
      const chosen = outcomes.filter((o) => keys.has(key(o.sku, o.warehouse)));
      const { header, rows } = forecastRows(chosen, options.freq, options.horizon, options.levels);
      return { header, rows: Array.from(rows, (cells) => cells.map((cell) => (typeof cell === 'number' ? formatCsvNumber(cell) : cell))) };
    }),
  });
  await set.writeText('report.html', report.html);
}
