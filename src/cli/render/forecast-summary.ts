import type { ChalkInstance } from 'chalk';
import type { ForecastRun } from '../../pipeline/run-forecast.js';
import { formatNumber, makeTable } from './table.js';
import { sparkline } from './sparkline.js';

/**
 * Human summary of a forecast run: methods used, then the largest series with a sparkline of
 * recent history | forecast (on a terminal) and the forecast total over the horizon.
 */
export function renderForecastSummary(run: ForecastRun, chalk: ChalkInstance, options: { rows: number; sparklines: boolean }): string {
  const { summary } = run;
  const lines: string[] = [];
  lines.push(`${chalk.bold('Forecast')} as of ${summary.as_of}: ${summary.series} series, ${summary.horizon} ${summary.freq}${summary.horizon === 1 ? '' : 's'} ahead, from ${formatNumber(summary.sales_rows)} sales rows`);
  const methods = makeTable(['method', 'series'], chalk, [1]);
  for (const [method, count] of Object.entries(summary.methods).sort((a, b) => b[1] - a[1])) methods.push([method, String(count)]);
  lines.push(methods.toString());
  const ranked = [...run.outcomes]
    .map((o) => ({ o, total: o.forecast.mean.subarray(0, summary.horizon).reduce((s, v) => s + v, 0) }))
    .sort((a, b) => b.total - a.total || a.o.sku.localeCompare(b.o.sku));
  const head = ['sku', 'warehouse', 'method', 'next', `total ${summary.horizon}`];
  if (options.sparklines) head.push('history | forecast');
  const table = makeTable(head, chalk, [3, 4]);
  for (const { o, total } of ranked.slice(0, options.rows)) {
    const row = [o.sku, o.warehouse, o.forecast.method, formatNumber(o.forecast.mean[0] ?? 0, 1), formatNumber(total, 0)];
    if (options.sparklines) {
      const history = o.recent;
      const future = o.forecast.mean.subarray(0, Math.min(summary.horizon, 24));
      let top = 0;
      for (const v of history) top = Math.max(top, v);
      for (const v of future) top = Math.max(top, v);
      row.push(`${sparkline(history, top)} ${chalk.cyan('|')} ${chalk.cyan(sparkline(future, top))}`);
    }
    table.push(row);
  }
  if (ranked.length > 0) {
    lines.push(`Largest ${Math.min(options.rows, ranked.length)} of ${ranked.length} series by forecast demand:`);
    lines.push(table.toString());
  }
  return `${lines.join('\n')}\n`;
}
