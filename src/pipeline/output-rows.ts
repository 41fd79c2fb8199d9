import type { InventoryAlert, ReorderLine, Transfer } from '../core/inventory/index.js';
import { formatDay } from '../core/series/calendar.js';
import { formatCsv, type CsvCell } from '../io/write/write-csv.js';

/** reorder.csv: the spec's columns in order, then extra columns planners asked for. */
export const REORDER_COLUMNS = [
  'sku', 'warehouse', 'supplier', 'on_hand', 'on_order', 'allocated', 'available', 'lead_time_days',
  'demand_over_lead_time', 'safety_stock', 'reorder_point', 'order_up_to', 'order_qty', 'days_of_cover',
  'stockout_date', 'unit_cost', 'order_value',
  'position', 'transfer_in', 'transfer_out', 'review_period_days', 'moq', 'pack_size', 'eoq', 'demand_sd', 'demand_law',
  'abc_class', 'xyz_class',
] as const;

export const ALERT_COLUMNS = [
  'sku', 'warehouse', 'type', 'severity', 'on_hand', 'days_of_cover', 'excess_qty', 'excess_value', 'message',
  'money_at_stake', 'short_qty',
] as const;

export const TRANSFER_COLUMNS = ['sku', 'from', 'to', 'qty', 'cost', 'reason'] as const;

const round = (value: number, decimals: number) => {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const r = Math.round(value * factor) / factor;
  return r === 0 ? 0 : r;
};

/**
 * Lines that order something (order_qty > 0), as reorder.csv rows. Days of cover are empty when
 * demand is zero; the classes are empty when `classOf` does not know the line.
 */
export function reorderRows(
  lines: readonly ReorderLine[],
  classOf: (sku: string, warehouse: string) => { readonly abc: string; readonly xyz: string } | undefined = () => undefined,
): CsvCell[][] {
  return lines.filter((line) => line.orderQty > 0).map((line) => [
    line.sku, line.warehouse, line.supplier, line.onHand, line.onOrder, line.allocated, line.available,
    round(line.leadTimeDays, 1), round(line.demandOverLeadTime, 2), round(line.safetyStock, 2), line.reorderPoint,
    line.orderUpTo, line.orderQty, Number.isFinite(line.daysOfCover) ? round(line.daysOfCover, 1) : '',
    line.stockoutDay === null ? '' : formatDay(line.stockoutDay), round(line.unitCost, 4), round(line.orderValue, 2),
    line.position, line.transferInQty, line.transferOutQty, round(line.reviewPeriodDays, 1), line.moq, line.packSize,
    Math.round(line.economicOrderQty), round(line.demandSd, 2), line.demandLaw,
    classOf(line.sku, line.warehouse)?.abc ?? '', classOf(line.sku, line.warehouse)?.xyz ?? '',
  ]);
}

export function alertRows(alerts: readonly InventoryAlert[]): CsvCell[][] {
  return alerts.map((alert) => [
    alert.sku, alert.warehouse, alert.type, alert.severity, alert.onHand,
    Number.isFinite(alert.daysOfCover) ? round(alert.daysOfCover, 1) : '', alert.excessQty, round(alert.excessValue, 2),
    alert.message, round(alert.moneyAtStake, 2), round(alert.shortQty, 1),
  ]);
}

export function transferRows(transfers: readonly Transfer[]): CsvCell[][] {
  return transfers.map((t) => [t.sku, t.from, t.to, t.qty, round(t.cost, 2), t.reason]);
}

/** The text of reorder.csv, alerts.csv and transfers.csv of a plan (`plan` and `merge` write these). */
export function planTableTexts(plan: {
  readonly lines: readonly ReorderLine[]; readonly alerts: readonly InventoryAlert[]; readonly transfers: readonly Transfer[];
}, classOf: Parameters<typeof reorderRows>[1]): { reorder: string; alerts: string; transfers: string } {
  return {
    reorder: formatCsv([...REORDER_COLUMNS], reorderRows(plan.lines, classOf)),
    alerts: formatCsv([...ALERT_COLUMNS], alertRows(plan.alerts)),
    transfers: formatCsv([...TRANSFER_COLUMNS], transferRows(plan.transfers)),
  };
}
