import { readBacktestAccuracy } from '../../io/read/read-backtest.js';
import { readForecastRows, readOutputSet, type SetTable } from '../../io/read/read-output-set.js';
import { chartedKeys, reportModel } from './report-model.js';
import { reportPage } from './report-page.js';
import type { AccuracyTrendPoint } from './report-charts.js';

export type { AccuracyTrendPoint } from './report-charts.js';

export interface ReportOptions {
  /** SKU x warehouse lines charted (the rest are in the page's table). */
  readonly top: number;
  /**
   * The forecast.csv rows of the given lines (keys: sku U+0000 warehouse), as the file holds
   * them. The plan passes its forecasts from memory; default: scan the set's forecast.csv.
   */
  readonly forecastRows?: (keys: ReadonlySet<string>) => SetTable;
  /** A saved `stockcast backtest --json`: its WAPE gives the forecast accuracy KPI. */
  readonly backtestFile?: string;
  /** Realised accuracy of earlier runs by run date (the run history); charted when not empty. */
  readonly accuracyTrend?: readonly AccuracyTrendPoint[];
}

export interface BuiltReport {
  readonly html: string;
  /** Number of charts in the page. */
  readonly charts: number;
  /** Lines charted. */
  readonly items: number;
  /** Lines in the page's table. */
  readonly lines: number;
}

/**
 * report.html from the files of an output set (summary.json, inventory.csv, forecast.csv), so
 * that `stockcast plan` and `stockcast report` build the same page from the same set. The
 * charting library is imported here, on first use, not when the CLI starts.
 */
export async function buildReport(dir: string, options: ReportOptions): Promise<BuiltReport> {
  const set = await readOutputSet(dir);
  const { inventory } = set;
  let summary = set.summary;
  let accuracyNote: string | undefined;
  if (options.backtestFile !== undefined) {
    const backtest = await readBacktestAccuracy(options.backtestFile, summary.method);
    summary = { ...summary, kpis: { ...summary.kpis, forecast_accuracy: Math.round((1 - backtest.wape) * 10000) / 10000 } };
    accuracyNote = `1 - WAPE of ${backtest.method} over ${backtest.series} series, backtest as of ${backtest.asOf}; MASE ${backtest.mase.toFixed(2)}, `
      + `95 % band coverage ${(backtest.coverage95 * 100).toFixed(0)} %`;
  }
  const keys = chartedKeys(inventory, options.top);
  const forecast = options.forecastRows ? options.forecastRows(new Set(keys)) : await readForecastRows(dir, new Set(keys));
  const model = reportModel(summary, inventory, forecast, keys);
  const { chartRenderer } = await import('./report-charts.js');
  const render = chartRenderer();
  const suppliers = model.ordersBySupplier.length > 0 ? render.suppliers(model.ordersBySupplier) : null;
  const pareto = model.pareto.length > 1 ? render.pareto(model.pareto, model.abcXyz.abcLimits) : null;
  const items = model.charted.map((item) => ({ demand: render.demand(item, model.asOf), stock: render.stock(item) }));
  const trend = options.accuracyTrend && options.accuracyTrend.length > 0 ? render.accuracyTrend(options.accuracyTrend) : null;
  const html = reportPage({ ...model, accuracyNote }, { style: render.style, suppliers, pareto, accuracyTrend: trend, items });
  return {
    html,
    charts: (suppliers === null ? 0 : 1) + (pareto === null ? 0 : 1) + (trend === null ? 0 : 1) + 2 * items.length,
    items: items.length,
    lines: model.table.length,
  };
}
