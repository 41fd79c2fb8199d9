import type { ChalkInstance } from 'chalk';
import type { SimulateRun } from '../../pipeline/run-simulate.js';
import { formatNumber, makeTable } from './table.js';

/** Human summary of a simulate run: the totals, then the SKU x warehouses with the lowest fill rate. */
export function renderSimulateSummary(run: SimulateRun, chalk: ChalkInstance, options: { rows: number }): string {
  const { summary } = run;
  const pct = (x: number) => `${formatNumber(100 * x, 1)} %`;
  const lines: string[] = [];
  lines.push(`${chalk.bold('Simulated')} ${summary.weeks} weeks (${summary.from} .. ${summary.to}), ${summary.series} SKU x warehouse, `
    + `demand beyond the shelf ${summary.demand_after_stockout}`);
  const totals = makeTable(['fill rate', 'cycle service', 'avg inventory value', 'orders', 'stockout days'], chalk, [0, 1, 2, 3, 4]);
  totals.push([pct(summary.totals.fill_rate), pct(summary.totals.cycle_service), formatNumber(summary.totals.avg_inventory_value, 2),
    formatNumber(summary.totals.orders), formatNumber(summary.totals.stockout_days)]);
  lines.push(totals.toString());
  const worst = [...run.rows].filter((r) => r.demand > 0)
    .sort((a, b) => a.fillRate - b.fillRate || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)).slice(0, options.rows);
  if (worst.length > 0) {
    const table = makeTable(['sku', 'warehouse', 'target', 'fill rate', 'cycle service', 'avg inventory value', 'orders', 'stockout days'], chalk, [2, 3, 4, 5, 6, 7]);
    for (const r of worst) {
      table.push([r.sku, r.warehouse, `${r.serviceTarget === 'fill-rate' ? 'fill' : 'CSL'} ${pct(r.serviceLevel)}`, pct(r.fillRate), pct(r.cycleService),
        formatNumber(r.averageInventoryValue, 2), formatNumber(r.orders), formatNumber(r.stockoutDays)]);
    }
    lines.push(`Lowest fill rates (${worst.length} of ${run.rows.length}):`);
    lines.push(table.toString());
  }
  return `${lines.join('\n')}\n`;
}
