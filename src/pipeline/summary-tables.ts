import * as aq from 'arquero';
import type { InventoryAlert, ReorderLine } from '../core/inventory/index.js';

/**
 * Small roll-ups for summary.json, done with arquero (the design card's table library; these are
 * the small result tables it suits, not the sales rows): alerts by type and severity with the
 * money at stake, and the supplier orders per warehouse (what goods-in should expect).
 */
export function summaryTables(lines: readonly ReorderLine[], alerts: readonly InventoryAlert[]): {
  alerts_by_severity: object[];
  orders_by_warehouse: object[];
} {
  const alertTable = aq.from(alerts.map((a) => ({ type: a.type, severity: a.severity, money: a.moneyAtStake })));
  const bySeverity = alerts.length === 0 ? [] : alertTable
    .groupby('type', 'severity')
    .rollup({ alerts: aq.op.count(), money_at_stake: aq.op.sum('money') })
    .derive({ money_at_stake: 'op.round(d.money_at_stake * 100) / 100' })
    .orderby('type', 'severity')
    .objects();
  const ordering = lines.filter((line) => line.orderQty > 0)
    .map((line) => ({ warehouse: line.warehouse, qty: line.orderQty, value: line.orderValue }));
  const byWarehouse = ordering.length === 0 ? [] : aq.from(ordering)
    .groupby('warehouse')
    .rollup({ lines: aq.op.count(), units: aq.op.sum('qty'), value: aq.op.sum('value') })
    .derive({ value: 'op.round(d.value * 100) / 100' })
    .orderby('warehouse')
    .objects();
  return { alerts_by_severity: bySeverity, orders_by_warehouse: byWarehouse };
}
