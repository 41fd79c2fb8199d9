import asciichart from 'asciichart';
import type { ChalkInstance } from 'chalk';
import type { ChartedItem } from '../../pipeline/report/report-model.js';

const COLUMNS = 64;
const HEIGHT = 12;

/**
 * History and forecast of one SKU x warehouse as a terminal line chart (asciichart): the history
 * runs into the forecast mean, and the 95 % band fans out from the last observed period. Each
 * period is drawn `COLUMNS / periods` characters wide. Colours only when `color` has a level.
 */
export function renderSeriesChart(item: ChartedItem, color: ChalkInstance): string {
  const history = item.history.map((h) => h.quantity);
  const mean = [...history, ...item.forecast.map((f) => f.mean)];
  const hi = [...history, ...item.forecast.map((f) => f.hi95)];
  const lo = [...history, ...item.forecast.map((f) => f.lo95)];
  const values = mean.filter(Number.isFinite);
  if (values.length === 0) return `${item.sku} @ ${item.warehouse}: no history and no forecast\n`;
  const widen = Math.max(1, Math.floor(COLUMNS / mean.length));
  const stretch = (series: number[]) => series.flatMap((v) => new Array<number>(widen).fill(Number.isFinite(v) ? v : 0));
  const colored = color.level > 0;
  const chart = asciichart.plot([stretch(hi), stretch(lo), stretch(mean)], {
    height: HEIGHT,
    min: 0,
    colors: colored ? [asciichart.lightblue, asciichart.lightblue, asciichart.default] : undefined,
    format: (x) => x.toFixed(1).padStart(9),
  });
  const offset = 10; // label width + axis
  const boundary = history.length * widen;
  const firstPeriod = item.history[0]?.period ?? item.forecast[0]?.period ?? '';
  const lastPeriod = item.forecast[item.forecast.length - 1]?.period ?? '';
  const asOfLabel = item.forecast[0]?.period ?? '';
  let axis = ' '.repeat(offset) + firstPeriod;
  axis = axis.padEnd(offset + boundary, ' ') + (boundary > 0 && axis.length <= offset + boundary ? `^ ${asOfLabel}` : '');
  const width = offset + mean.length * widen;
  if (lastPeriod && axis.length + lastPeriod.length + 2 <= width) axis = axis.padEnd(width - lastPeriod.length) + lastPeriod;
  const title = `${color.bold(item.sku)} @ ${item.warehouse}  class ${item.abc}${item.xyz} · on hand ${item.onHand} · reorder point ${item.reorderPoint}`
    + (item.orderQty > 0 ? ` · order ${item.orderQty}` : '') + (item.alerts ? ` · ${color.red(item.alerts.replace(/_/g, ' '))}` : '');
  const band = colored ? `${color.blueBright('──')} 95 % band` : 'the lines above and below the forecast: 95 % band';
  const legend = `${' '.repeat(offset)}── history, then forecast from ${asOfLabel} (^)   ${band}`;
  return `${title}\n${chart}\n${axis}\n${legend}\n`;
}
