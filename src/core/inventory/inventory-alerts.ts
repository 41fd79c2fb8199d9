import { formatDay } from '../series/calendar.js';
import type { ReorderLine } from './plan-reorder.js';

/** The `type` column of `alerts.csv`. */
export type AlertType = 'stockout_risk' | 'overstock' | 'dead_stock';

/** critical > high > medium > low; the rules per type are on {@link inventoryAlerts}. */
export type AlertSeverity = 'critical' | 'high' | 'medium' | 'low';

/** One row of `alerts.csv`, plus the money used for ranking. */
export interface InventoryAlert {
  readonly sku: string;
  readonly warehouse: string;
  readonly type: AlertType;
  readonly severity: AlertSeverity;
  readonly onHand: number;
  readonly daysOfCover: number;
  /** Units beyond the overstock threshold, or the whole stock for dead stock; 0 for stockout risk. */
  readonly excessQty: number;
  /** excessQty x unit cost. */
  readonly excessValue: number;
  /** What is at stake in money: excess value, or for stockout risk the expected units short x unit cost. */
  readonly moneyAtStake: number;
  /** Expected units short before a new supplier order could arrive (stockout risk only, else 0). */
  readonly shortQty: number;
  readonly message: string;
}

/** Thresholds of the alerts, in days. */
export interface AlertOptions {
  /** Stock beyond order-up-to plus this many days of expected demand is overstock (default 90). */
  readonly overstockCoverDays?: number;
  /** Stock with no sale for at least this many days is dead stock (default 90). */
  readonly deadStockDays?: number;
}

/** Defaults of {@link AlertOptions}. */
export const DEFAULT_ALERT_OPTIONS: Required<AlertOptions> = Object.freeze({ overstockCoverDays: 90, deadStockDays: 90 });

const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { critical: 0, high: 1, medium: 2, low: 3 };
const LOWER: Readonly<Record<AlertSeverity, AlertSeverity>> = { critical: 'high', high: 'medium', medium: 'low', low: 'low' };

/**
 * Alerts of one SKU x warehouse from its reorder line:
 * - `stockout_risk`: the available stock (on hand - allocated) runs out, by the forecast, before
 *   a supplier order placed today could arrive (stockout day < as-of + lead time). Severity:
 *   critical when out already or within a quarter of the lead time, high within half of it,
 *   else medium; one step lower when the open purchase orders cover the expected shortfall
 *   (their arrival dates are unknown). Money at stake: units short x unit cost.
 * - `overstock`: position (on hand + on order - allocated) above order-up-to + `overstockCoverDays`
 *   of expected demand; the excess in units and money. Severity by the excess's own cover:
 *   high >= 365 days (or no demand), medium >= 180, else low.
 * - `dead_stock`: on hand > 0 and no sale for `deadStockDays` (or none in the history at all,
 *   `lastSaleDay` null); the whole stock is at stake. Severity high after twice the threshold,
 *   else medium. Dead stock is not also reported as overstock.
 *
 * @example inventoryAlerts(line, asOfDay, lastSaleDay).map((alert) => alert.type) // ['overstock']
 */
export function inventoryAlerts(
  line: ReorderLine, asOfDay: number, lastSaleDay: number | null, options: AlertOptions = {},
): InventoryAlert[] {
  const overstockCoverDays = options.overstockCoverDays ?? DEFAULT_ALERT_OPTIONS.overstockCoverDays;
  const deadStockDays = options.deadStockDays ?? DEFAULT_ALERT_OPTIONS.deadStockDays;
  const alerts: InventoryAlert[] = [];
  const base = { sku: line.sku, warehouse: line.warehouse, onHand: line.onHand, daysOfCover: line.daysOfCover };

  const receiptDay = asOfDay + line.leadTimeDays;
  if (line.dailyDemand > 0 && line.stockoutDay !== null && line.stockoutDay < receiptDay) {
    const shortQty = Math.max(0, line.demandBeforeReceipt - Math.max(0, line.available));
    const daysLeft = Math.max(0, line.stockoutDay - asOfDay);
    let severity: AlertSeverity = line.available <= 0 || daysLeft <= line.leadTimeDays / 4 ? 'critical'
      : daysLeft <= line.leadTimeDays / 2 ? 'high' : 'medium';
    if (line.onOrder > 0 && line.onOrder >= shortQty) severity = LOWER[severity];
    const onOrderNote = line.onOrder > 0 ? `; ${plain(line.onOrder)} on order, arrival unknown` : '';
    const when = line.available <= 0 ? 'no stock available now' : `stock runs out around ${formatDay(line.stockoutDay)} (in ${daysLeft} d)`;
    alerts.push({
      ...base, type: 'stockout_risk', severity, excessQty: 0, excessValue: 0,
      moneyAtStake: shortQty * line.unitCost, shortQty,
      message: `${when}, before an order placed today could arrive (lead time ${plain(line.leadTimeDays)} d); `
        + `about ${plain(Math.ceil(shortQty))} units short${onOrderNote}`,
    });
  }

  const daysSinceSale = lastSaleDay === null ? Infinity : asOfDay - lastSaleDay;
  if (line.onHand > 0 && daysSinceSale >= deadStockDays) {
    const value = line.onHand * line.unitCost;
    alerts.push({
      ...base, type: 'dead_stock', severity: daysSinceSale >= 2 * deadStockDays ? 'high' : 'medium',
      excessQty: line.onHand, excessValue: value, moneyAtStake: value, shortQty: 0,
      message: lastSaleDay === null
        ? `${plain(line.onHand)} units on hand (${money(value)}) and no sale in the sales history`
        : `${plain(line.onHand)} units on hand (${money(value)}) and no sale for ${daysSinceSale} d (last ${formatDay(lastSaleDay)})`,
    });
    return alerts;
  }

  const threshold = line.orderUpTo + overstockCoverDays * line.dailyDemand;
  const excessQty = Math.floor(line.position - threshold + 1e-9);
  if (excessQty > 0) {
    const excessCoverDays = line.dailyDemand > 0 ? excessQty / line.dailyDemand : Infinity;
    const value = excessQty * line.unitCost;
    alerts.push({
      ...base, type: 'overstock',
      severity: excessCoverDays >= 365 ? 'high' : excessCoverDays >= 180 ? 'medium' : 'low',
      excessQty, excessValue: value, moneyAtStake: value, shortQty: 0,
      message: `${plain(excessQty)} units (${money(value)}) above order-up-to ${plain(line.orderUpTo)} `
        + `plus ${plain(overstockCoverDays)} d of demand`
        + (Number.isFinite(excessCoverDays) ? `; the excess alone lasts ${Math.round(excessCoverDays)} d` : '; no demand expected'),
    });
  }
  return alerts;
}

/**
 * Alerts in the order planners read them: money at stake descending, then severity, then SKU and
 * warehouse. Returns a new array. O(n log n).
 *
 * @example rankAlerts(alerts)[0].moneyAtStake // the largest
 */
export function rankAlerts(alerts: readonly InventoryAlert[]): InventoryAlert[] {
  return [...alerts].sort((a, b) => b.moneyAtStake - a.moneyAtStake
    || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)
    || (a.warehouse < b.warehouse ? -1 : a.warehouse > b.warehouse ? 1 : 0));
}

function plain(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function money(value: number): string {
  return `value ${(Math.round(value * 100) / 100).toFixed(2)}`;
}
