import {
  applyTransfers, coverAfterTransfers, fromSeriesForecast, groupBySupplier, inventoryAlerts, periodsNeeded, planReorder, rankAlerts, rebalanceSku, resolveItem,
  type DemandForecast, type InventoryAlert, type ItemMaster, type Lane, type PartialItemMaster, type ReorderLine,
  type SupplierOrder, type Transfer,
} from '../core/inventory/index.js';
import { hashString, seededRandom } from '../core/random.js';
import { DAYS_PER_PERIOD, periodIndexStart, type Frequency } from '../core/series/calendar.js';
import type { SeriesOutcome } from './forecast-stage.js';

/** Stock position as read from stock.csv. */
export interface StockInput {
  readonly sku: string;
  readonly warehouse: string;
  readonly onHand: number;
  readonly onOrder: number;
  readonly allocated: number;
  readonly unitCost: number;
}

/** Master data as read from items.csv (NaN / undefined where a cell was empty). */
export interface ItemInput extends PartialItemMaster {
  readonly sku: string;
  readonly description?: string;
  /** Fill-rate target (items.csv `fill_rate`); when given it is the item's target instead of `serviceLevel`. */
  readonly fillRate?: number;
}

export interface PlanStageOptions {
  readonly freq: Frequency;
  readonly asOfDay: number;
  readonly seed: number;
  /** Values for empty items.csv cells, from flags and the config file (before DEFAULT_ITEM). */
  readonly itemDefaults: Partial<Pick<ItemMaster,
    'serviceLevel' | 'leadTimeDays' | 'leadTimeSdDays' | 'reviewPeriodDays' | 'moq' | 'packSize' | 'holdingRate' | 'orderCost'>>
    & { readonly fillRate?: number | undefined };
  readonly deadStockDays: number;
  readonly overstockDays: number;
}

export interface PlanStageResult {
  /** Every SKU x warehouse planned, after transfers, by SKU then warehouse. */
  readonly lines: ReorderLine[];
  readonly alerts: InventoryAlert[];
  readonly transfers: Transfer[];
  readonly orders: SupplierOrder[];
  /** Item fields that took a default, with the number of SKUs concerned. */
  readonly defaultsUsed: Record<string, number>;
  /** The same plan per SKU, before the alerts are ranked and orders grouped (what a shard hands to `merge`). */
  readonly skus: readonly SkuPlan[];
}

/**
 * The plan of one SKU over all its warehouses. SKUs are planned independently of each other
 * (rebalancing moves stock between the warehouses of one SKU), so the plan of any set of SKUs is
 * {@link assemblePlan} over their SKU plans in SKU order.
 */
export interface SkuPlan {
  readonly sku: string;
  /** Its lines after transfers, by warehouse. */
  readonly lines: readonly ReorderLine[];
  /** Its alerts in line order, not yet ranked. */
  readonly alerts: readonly InventoryAlert[];
  readonly transfers: readonly Transfer[];
  /** Item fields that took a default for this SKU (counted once per SKU). */
  readonly defaultsUsed: readonly string[];
}

const key = (sku: string, warehouse: string) => `${sku}\u0000${warehouse}`;

/** Code-unit order of `sku NUL warehouse`: by SKU, then warehouse. */
export function compareLineKeys(a: { sku: string; warehouse: string }, b: { sku: string; warehouse: string }): number {
  const ka = key(a.sku, a.warehouse);
  const kb = key(b.sku, b.warehouse);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Forecasts -> reorder lines -> transfers -> reorder lines after transfers (order quantities,
 * days of cover and stockout dates recomputed) -> alerts -> supplier orders. Every SKU x warehouse with a stock row or a demand series is planned: a stock row with
 * no sales plans for zero demand, a series with no stock row plans from zero stock.
 */
export function planStage(
  outcomes: readonly SeriesOutcome[],
  stock: readonly StockInput[],
  items: readonly ItemInput[],
  lanes: readonly Lane[] | null,
  options: PlanStageOptions,
): PlanStageResult {
  return assemblePlan(planSkus(outcomes, stock, items, lanes, options));
}

/** The plan of every SKU, in SKU order (see {@link planStage}). */
export function planSkus(
  outcomes: readonly SeriesOutcome[],
  stock: readonly StockInput[],
  items: readonly ItemInput[],
  lanes: readonly Lane[] | null,
  options: PlanStageOptions,
): SkuPlan[] {
  const daysPerPeriod = DAYS_PER_PERIOD[options.freq];
  const itemBySku = new Map(items.map((item) => [item.sku, item]));
  const outcomeByKey = new Map(outcomes.map((o) => [key(o.sku, o.warehouse), o]));
  const stockByKey = new Map(stock.map((s) => [key(s.sku, s.warehouse), s]));
  const keys = new Set<string>([...stockByKey.keys(), ...outcomeByKey.keys()]);
  const groups = new Map<string, { lines: ReorderLine[]; lastSales: (number | null)[]; defaultsUsed: string[]; forecasts: DemandForecast[] }>();
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const k of sorted) {
    const [sku, warehouse] = k.split('\u0000');
    const outcome = outcomeByKey.get(k);
    const position = stockByKey.get(k);
    const given: Partial<ItemInput> = itemBySku.get(sku) ?? {};
    const { item, defaultsUsed: used } = resolveItem(itemWithDefaults(given, options.itemDefaults), position?.unitCost);
    let group = groups.get(sku);
    if (!group) {
      group = { lines: [], lastSales: [], defaultsUsed: [...used], forecasts: [] };
      groups.set(sku, group);
    }
    const forecast = demandForecast(outcome, options.freq, options.asOfDay, daysPerPeriod);
    group.forecasts.push(forecast);
    const needed = periodsNeeded(item, daysPerPeriod);
    if (outcome && outcome.forecast.mean.length < needed) {
      // The forecast stage sizes horizons from the same items; a shorter one means a bug upstream.
      throw new Error(`forecast of ${sku} @ ${warehouse} covers ${outcome.forecast.mean.length} periods, ${needed} needed`);
    }
    group.lines.push(planReorder({
      sku,
      warehouse,
      item,
      stock: {
        onHand: position?.onHand ?? 0,
        onOrder: position?.onOrder ?? 0,
        allocated: position?.allocated ?? 0,
      },
      forecast,
      asOfDay: options.asOfDay,
      random: seededRandom(hashString(k, options.seed ^ 0x5bd1e995)),
    }));
    group.lastSales.push(outcome && Number.isFinite(outcome.series.stats.lastSaleDay) ? outcome.series.stats.lastSaleDay : null);
  }

  const plans: SkuPlan[] = [];
  for (const [sku, group] of groups) {
    const transfers = group.lines.length < 2 ? [] : rebalanceSku(group.lines, lanes).transfers;
    // Alerts describe the stock as it is this morning (before the suggested transfers move it),
    // so a planner sees the stockout risk next to the transfer that answers it.
    const alerts = group.lines.flatMap((line, i) => inventoryAlerts(line, options.asOfDay, group.lastSales[i], {
      deadStockDays: options.deadStockDays,
      overstockCoverDays: options.overstockDays,
    }));
    // Order quantities, days of cover and stockout dates after the transfers (issue 9).
    const forecastOf = new Map(group.lines.map((line, i) => [line.warehouse, group.forecasts[i]]));
    const lines = applyTransfers(group.lines, transfers).map((line) => {
      const forecast = forecastOf.get(line.warehouse);
      return forecast ? coverAfterTransfers(line, forecast, options.asOfDay) : line;
    });
    plans.push({ sku, lines, alerts, transfers, defaultsUsed: group.defaultsUsed });
  }
  return plans;
}

/**
 * The whole plan from SKU plans in SKU order: lines, transfers and alerts concatenated, alerts
 * ranked, orders grouped by supplier, defaults counted. `plan` and `merge` both build their
 * result here, so a merged set equals the unsharded one.
 */
export function assemblePlan(skus: readonly SkuPlan[]): PlanStageResult {
  const lines: ReorderLine[] = [];
  const alerts: InventoryAlert[] = [];
  const transfers: Transfer[] = [];
  const defaultsUsed: Record<string, number> = {};
  for (const plan of skus) {
    lines.push(...plan.lines);
    alerts.push(...plan.alerts);
    transfers.push(...plan.transfers);
    for (const field of plan.defaultsUsed) defaultsUsed[field] = (defaultsUsed[field] ?? 0) + 1;
  }
  return {
    lines,
    alerts: rankAlerts(alerts),
    transfers,
    orders: groupBySupplier(lines),
    defaultsUsed,
    skus,
  };
}

/** The forecast periods the policy needs for one item, for sizing the forecast horizon. */
export function planningHorizon(items: readonly ItemInput[], options: Pick<PlanStageOptions, 'freq' | 'itemDefaults'>):
  (sku: string) => number {
  const daysPerPeriod = DAYS_PER_PERIOD[options.freq];
  const bySku = new Map(items.map((item) => [item.sku, item]));
  return (sku) => {
    const { item } = resolveItem(itemWithDefaults(bySku.get(sku) ?? {}, options.itemDefaults));
    return periodsNeeded(item, daysPerPeriod);
  };
}

/** The service level each SKU plans for (items.csv, then flags and config, then the default). */
export function serviceLevelOf(items: readonly ItemInput[], itemDefaults: PlanStageOptions['itemDefaults']): (sku: string) => number {
  const bySku = new Map(items.map((item) => [item.sku, item]));
  return (sku) => resolveItem(itemWithDefaults(bySku.get(sku) ?? {}, itemDefaults)).item.serviceLevel;
}

function demandForecast(outcome: SeriesOutcome | undefined, freq: Frequency, asOfDay: number, daysPerPeriod: number): DemandForecast {
  if (!outcome) {
    return {
      mean: new Float64Array(1),
      cumulativeVariance: new Float64Array(1),
      demandClass: 'none',
      daysPerPeriod,
      firstPeriodStartDay: asOfDay,
    };
  }
  return fromSeriesForecast(outcome.forecast, outcome.series.stats.demandClass, daysPerPeriod,
    Math.min(asOfDay, periodIndexStart(outcome.firstForecastPeriod, freq)));
}

/**
 * Empty items.csv cells take the flag / config defaults first; resolveItem fills the rest. The
 * service target is the item's own (`fill_rate`, else `service_level`), else the default fill
 * rate, else the default (cycle) service level.
 */
export function itemWithDefaults(given: Partial<ItemInput>, defaults: PlanStageOptions['itemDefaults']): PartialItemMaster {
  const or = (own: number | undefined, fallback: number | undefined) => (own !== undefined && Number.isFinite(own) ? own : fallback);
  const isGiven = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);
  const target = isGiven(given.fillRate) ? { serviceLevel: given.fillRate, serviceTarget: 'fill-rate' as const }
    : isGiven(given.serviceLevel) ? { serviceLevel: given.serviceLevel, serviceTarget: 'cycle' as const }
      : isGiven(defaults.fillRate) ? { serviceLevel: defaults.fillRate, serviceTarget: 'fill-rate' as const }
        : { serviceLevel: defaults.serviceLevel, serviceTarget: 'cycle' as const };
  return {
    ...given,
    ...target,
    leadTimeDays: or(given.leadTimeDays, defaults.leadTimeDays),
    leadTimeSdDays: or(given.leadTimeSdDays, defaults.leadTimeSdDays),
    reviewPeriodDays: or(given.reviewPeriodDays, defaults.reviewPeriodDays),
    moq: or(given.moq, defaults.moq),
    packSize: or(given.packSize, defaults.packSize),
    holdingRate: or(given.holdingRate, defaults.holdingRate),
    orderCost: or(given.orderCost, defaults.orderCost),
  };
}
