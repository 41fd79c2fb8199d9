/** One SKU x warehouse as the KPIs see it. */
export interface KpiLine {
  readonly onHand: number;
  readonly unitCost: number;
  /** Demand per year from the history (units/year). */
  readonly yearlyDemand: number;
  /** Expected demand per day from the forecast (units/day). */
  readonly dailyDemand: number;
  /** The item's service level (0..1). */
  readonly serviceLevel: number;
}

/** Inventory KPIs of a plan, money in the unit of unit_cost. null where undefined (nothing to divide by). */
export interface InventoryKpis {
  /** Sum of on_hand x unit_cost (negative stock counts as 0). */
  readonly stock_value: number;
  /** Sum of yearly demand (history) x unit_cost. */
  readonly yearly_consumption_value: number;
  /** Yearly consumption value / stock value. */
  readonly inventory_turns: number | null;
  /** Stock value / forecast consumption value per day. */
  readonly days_of_cover: number | null;
  /** Money at stake of the stockout-risk alerts. */
  readonly value_at_risk: number;
  /** Excess value of the overstock and dead-stock alerts. */
  readonly excess_value: number;
  /** Service level weighted by yearly consumption value (plain mean when nothing was consumed). */
  readonly service_target: number | null;
}

/**
 * Inventory KPIs at cost (Silver, Pyke & Thomas 2017, ch. 2: turnover = annual cost of goods
 * sold / average inventory at cost; here the stock of the planning date stands for the average):
 * stock value, yearly consumption value, turns, days of cover (stock value over the forecast
 * consumption per day, so 365.2425 / turns when the forecast equals the history), value at risk
 * and excess value (from the alerts), and the service target weighted by consumption value.
 * Money is rounded to cents, ratios to 2 decimals, the service target to 4. O(n).
 *
 * @example inventoryKpis([{ onHand: 10, unitCost: 2, yearlyDemand: 100, dailyDemand: 0.5, serviceLevel: 0.95 }],
 *   { valueAtRisk: 0, excessValue: 0 })
 * // stock 20, consumption 200, turns 10, days of cover 20 / (0.5 x 2) = 20, service 0.95
 */
export function inventoryKpis(
  lines: readonly KpiLine[], alerts: { readonly valueAtRisk: number; readonly excessValue: number },
): InventoryKpis {
  let stockValue = 0;
  let yearlyValue = 0;
  let dailyValue = 0;
  let weightedService = 0;
  let plainService = 0;
  for (const line of lines) {
    const cost = line.unitCost > 0 ? line.unitCost : 0;
    const value = Math.max(0, line.yearlyDemand) * cost;
    stockValue += Math.max(0, line.onHand) * cost;
    yearlyValue += value;
    dailyValue += Math.max(0, line.dailyDemand) * cost;
    weightedService += line.serviceLevel * value;
    plainService += line.serviceLevel;
  }
  const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
  const service = yearlyValue > 0 ? weightedService / yearlyValue : lines.length > 0 ? plainService / lines.length : null;
  return {
    stock_value: round(stockValue, 2),
    yearly_consumption_value: round(yearlyValue, 2),
    inventory_turns: stockValue > 0 ? round(yearlyValue / stockValue, 2) : null,
    days_of_cover: dailyValue > 0 ? round(stockValue / dailyValue, 2) : null,
    value_at_risk: round(alerts.valueAtRisk, 2),
    excess_value: round(alerts.excessValue, 2),
    service_target: service === null ? null : round(service, 4),
  };
}
