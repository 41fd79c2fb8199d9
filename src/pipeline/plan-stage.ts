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
}

const key = (sku: string, warehouse: string) => `${sku}\u0000${warehouse}`;

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
  const daysPerPeriod = DAYS_PER_PERIOD[options.freq];
  const itemBySku = new Map(items.map((item) => [item.sku, item]));
  const outcomeByKey = new Map(outcomes.map((o) => [key(o.sku, o.warehouse), o]));
  const stockByKey = new Map(stock.map((s) => [key(s.sku, s.warehouse), s]));
  const keys = new Set<string>([...stockByKey.keys(), ...outcomeByKey.keys()]);
  const defaultsUsed: Record<string, number> = {};
  const countedDefaults = new Set<string>();
  const lines: ReorderLine[] = [];
  const lastSaleByKey = new Map<string, number | null>();
  const forecastByKey = new Map<string, DemandForecast>();
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const k of sorted) {
    const [sku, warehouse] = k.split('\u0000');
    const outcome = outcomeByKey.get(k);
    const position = stockByKey.get(k);
    const given: Partial<ItemInput> = itemBySku.get(sku) ?? {};
    const { item, defaultsUsed: used } = resolveItem(itemWithDefaults(given, options.itemDefaults), position?.unitCost);
    if (!countedDefaults.has(sku)) {
      countedDefaults.add(sku);
      for (const field of used) defaultsUsed[field] = (defaultsUsed[field] ?? 0) + 1;
    }
    const forecast = demandForecast(outcome, options.freq, options.asOfDay, daysPerPeriod);
    forecastByKey.set(k, forecast);
    const needed = periodsNeeded(item, daysPerPeriod);
    if (outcome && outcome.forecast.mean.length < needed) {
      // The forecast stage sizes horizons from the same items; a shorter one means a bug upstream.
      throw new Error(`forecast of ${sku} @ ${warehouse} covers ${outcome.forecast.mean.length} periods, ${needed} needed`);
    }
    lines.push(planReorder({
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
    lastSaleByKey.set(k, outcome && Number.isFinite(outcome.series.stats.lastSaleDay) ? outcome.series.stats.lastSaleDay : null);
  }

  const transfers: Transfer[] = [];
  const linesBySku = new Map<string, ReorderLine[]>();
  for (const line of lines) {
    const group = linesBySku.get(line.sku);
    if (group) group.push(line);
    else linesBySku.set(line.sku, [line]);
  }
  for (const group of linesBySku.values()) {
    if (group.length < 2) continue;
    transfers.push(...rebalanceSku(group, lanes).transfers);
  }
  const planned = applyTransfers(lines, transfers).map((line) => {
    const forecast = forecastByKey.get(key(line.sku, line.warehouse));
    return forecast ? coverAfterTransfers(line, forecast, options.asOfDay) : line;
  });
  // Alerts describe the stock as it is this morning (before the suggested transfers move it),
  // so a planner sees the stockout risk next to the transfer that answers it.
  const alerts: InventoryAlert[] = [];
  for (const line of lines) {
    alerts.push(...inventoryAlerts(line, options.asOfDay, lastSaleByKey.get(key(line.sku, line.warehouse)) ?? null, {
      deadStockDays: options.deadStockDays,
      overstockCoverDays: options.overstockDays,
    }));
  }
  return {
    lines: planned,
    alerts: rankAlerts(alerts),
    transfers,
    orders: groupBySupplier(planned),
    defaultsUsed,
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
