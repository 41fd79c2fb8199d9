import type { ChalkInstance } from 'chalk';
import type { AccuracySummary } from '../../core/forecast/accuracy.js';
import type { BacktestRun } from '../../pipeline/run-backtest.js';
import { formatNumber, makeTable } from './table.js';

const HEAD = ['MASE', 'RMSSE', 'sMAPE', 'WAPE', 'bias', 'cover 80', 'cover 95'];

function cells(summary: AccuracySummary): string[] {
  const f = (v: number, d: number) => (Number.isFinite(v) ? formatNumber(v, d) : '');
  return [f(summary.mase, 3), f(summary.rmsse, 3), f(summary.smape, 1), f(summary.wape, 3), f(summary.scaledBias, 3),
    f(summary.coverage80, 2), f(summary.coverage95, 2)];
}

/** Accuracy per method (best MASE first), per method and demand class, and optionally per series. */
export function renderBacktest(run: BacktestRun, chalk: ChalkInstance, perSeries: boolean): string {
  const out: string[] = [];
  out.push(`${chalk.bold('Backtest')} as of ${run.asOf}: ${run.series} series, ${run.folds} origins x ${run.horizon} ${run.freq}s`
    + ' (scored = series x origins; bias scaled by the mean; cover = share of actuals inside the band)');
  if (run.result.byMethod.every((m) => m.summary.series === 0) || run.result.byMethod.length === 0) {
    out.push(`No series is long enough for ${run.folds} origins of ${run.horizon} periods: use fewer --folds or a shorter --horizon.`);
    return `${out.join('\n')}\n`;
  }
  const byMethod = makeTable(['method', 'scored', ...HEAD], chalk, [1, 2, 3, 4, 5, 6, 7, 8]);
  const ranked = [...run.result.byMethod].sort((a, b) => (a.summary.mase - b.summary.mase) || a.method.localeCompare(b.method));
  for (const { method, summary } of ranked) byMethod.push([method, String(summary.series), ...cells(summary)]);
  out.push(byMethod.toString());
  const byClass = makeTable(['method', 'demand class', 'scored', ...HEAD], chalk, [2, 3, 4, 5, 6, 7, 8, 9]);
  for (const { method, demandClass, summary } of run.result.byClass) {
    byClass.push([method, demandClass, String(summary.series), ...cells(summary)]);
  }
  out.push(chalk.bold('By demand class'), byClass.toString());
  if (perSeries) {
    const bySeries = makeTable(['series', 'method', 'model', 'class', ...HEAD], chalk, [4, 5, 6, 7, 8, 9, 10]);
    for (const row of run.result.bySeries) bySeries.push([row.id, row.method, row.label, row.demandClass, ...cells(row.summary)]);
    out.push(chalk.bold('By series'), bySeries.toString());
  }
  return `${out.join('\n')}\n`;
}
