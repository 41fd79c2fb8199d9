import type { ChalkInstance } from 'chalk';
import type { InventoryAlert } from '../../core/inventory/index.js';
import type { PlanRun } from '../../pipeline/run-plan.js';
import { formatNumber, makeTable } from './table.js';

export type PlanSection = 'orders' | 'alerts' | 'transfers';

/**
 * The morning summary: orders by supplier with totals, the top stockout risks and overstock by
 * money, and transfers. `sections` picks what a single-purpose command shows.
 */
export function renderPlanSummary(run: PlanRun, chalk: ChalkInstance, sections: readonly PlanSection[], top = 10): string {
  const { summary, result } = run;
  const out: string[] = [];
  out.push(`${chalk.bold('stockcast')} plan as of ${summary.as_of}: ${summary.counts.sku_warehouses} SKU x warehouse, `
    + `${summary.counts.series} forecast (${summary.freq}, ${summary.horizon} ahead)`);

  if (sections.includes('orders')) {
    if (result.orders.length === 0) out.push('No supplier orders needed.');
    else {
      const table = makeTable(['supplier', 'lines', 'units', 'value'], chalk, [1, 2, 3]);
      for (const order of result.orders) {
        table.push([order.supplier, String(order.lines.length), formatNumber(order.totalQty), formatNumber(order.totalValue, 2)]);
      }
      table.push([chalk.bold('total'), String(summary.counts.reorder_lines), formatNumber(summary.totals.order_qty), chalk.bold(formatNumber(summary.totals.order_value, 2))]);
      out.push(chalk.bold('Orders by supplier'), table.toString());
    }
  }
  if (sections.includes('alerts')) {
    const risks = result.alerts.filter((a) => a.type === 'stockout_risk').slice(0, top);
    const overstock = result.alerts.filter((a) => a.type === 'overstock' || a.type === 'dead_stock')
      .sort((a, b) => b.excessValue - a.excessValue).slice(0, top);
    out.push(`Alerts: ${Object.entries(summary.alerts_by_type).map(([t, n]) => `${n} ${t}`).join(', ') || 'none'}`);
    if (risks.length > 0) out.push(chalk.bold('Top stockout risks'), alertTable(risks, chalk, 'risk'));
    if (overstock.length > 0) out.push(chalk.bold('Top overstock and dead stock by value'), alertTable(overstock, chalk, 'excess'));
  }
  if (sections.includes('transfers')) {
    if (result.transfers.length === 0) out.push('No transfers suggested.');
    else {
      const table = makeTable(['sku', 'from', 'to', 'qty', 'cost'], chalk, [3, 4]);
      for (const t of result.transfers.slice(0, top)) table.push([t.sku, t.from, t.to, formatNumber(t.qty), formatNumber(t.cost, 2)]);
      out.push(chalk.bold(`Transfers (${result.transfers.length}, cost ${formatNumber(summary.totals.transfer_cost, 2)})`), table.toString());
    }
  }
  if (run.written) out.push(`Wrote ${run.written}`);
  return `${out.join('\n')}\n`;
}

function alertTable(alerts: readonly InventoryAlert[], chalk: ChalkInstance, kind: 'risk' | 'excess'): string {
  const paint = (severity: string) => (severity === 'critical' ? chalk.red.bold(severity)
    : severity === 'high' ? chalk.red(severity) : severity === 'medium' ? chalk.yellow(severity) : severity);
  const table = makeTable(['sku', 'warehouse', 'severity', 'on hand', 'days of cover', kind === 'risk' ? 'at stake' : 'excess value'], chalk, [3, 4, 5]);
  for (const a of alerts) {
    table.push([a.sku, a.warehouse, paint(a.severity), formatNumber(a.onHand),
      Number.isFinite(a.daysOfCover) ? formatNumber(a.daysOfCover, 1) : '∞',
      formatNumber(kind === 'risk' ? a.moneyAtStake : a.excessValue, 2)]);
  }
  return table.toString();
}
