import { type DemandForecast, windowDemand } from './demand-window.js';
import { economicOrderQuantity } from './economic-order-quantity.js';
import type { ItemMaster } from './item-master.js';
import { orderQuantity } from './order-quantity.js';
import { type DemandLaw, protectionLevel } from './protection-level.js';
import { stockCover } from './stock-cover.js';

/** Stock of one SKU x warehouse on the planning date, in units. */
export interface StockPosition {
  readonly onHand: number;
  /** Open purchase orders not yet received. */
  readonly onOrder: number;
  /** Reserved for open customer orders. */
  readonly allocated: number;
}

/** Everything `planReorder` needs for one SKU x warehouse. */
export interface ReorderInput {
  readonly sku: string;
  readonly warehouse: string;
  /** Complete master data (see `resolveItem`). */
  readonly item: ItemMaster;
  readonly stock: StockPosition;
  readonly forecast: DemandForecast;
  /** The planning date as a day number; the protection interval starts here. */
  readonly asOfDay: number;
  /** Uniform [0, 1) source, used when the forecast simulates. */
  readonly random: () => number;
  /** Simulated paths for forecasts with a simulator (default 2000). */
  readonly paths?: number;
}

/** One row of `reorder.csv` (plus what alerts and rebalancing need), whether or not it orders. */
export interface ReorderLine {
  readonly sku: string;
  readonly warehouse: string;
  readonly supplier: string;
  readonly onHand: number;
  readonly onOrder: number;
  readonly allocated: number;
  /** on_hand - allocated: what can be sold from the shelf now. */
  readonly available: number;
  /** Inventory position: on_hand + on_order - allocated (+ transfers in - transfers out, see `applyTransfers`). */
  readonly position: number;
  /** Units coming in by warehouse transfer (0 until `applyTransfers`). */
  readonly transferInQty: number;
  /** Units leaving by warehouse transfer (0 until `applyTransfers`). */
  readonly transferOutQty: number;
  readonly leadTimeDays: number;
  readonly reviewPeriodDays: number;
  /** Expected demand over the protection interval, lead time + review period (units; the `demand_over_lead_time` column). */
  readonly demandOverLeadTime: number;
  /** Expected demand over the mean lead time alone (units): what must be on hand until a new order can arrive. */
  readonly demandBeforeReceipt: number;
  /** Standard deviation of demand over the protection interval (forecast error and lead-time variability). */
  readonly demandSd: number;
  readonly demandLaw: DemandLaw;
  /** reorder_point - demand_over_lead_time (units; may be negative for skewed count laws at modest targets). */
  readonly safetyStock: number;
  /** Whole units: order when the position is at or below it. */
  readonly reorderPoint: number;
  /** Whole units: the position an order restores. */
  readonly orderUpTo: number;
  /** Whole units, whole packs, >= MOQ, or 0. */
  readonly orderQty: number;
  /** Economic order quantity used as lower bound (units, 0 when order cost or holding cost is missing). */
  readonly economicOrderQty: number;
  readonly moq: number;
  readonly packSize: number;
  /** Days until the available stock is used up by the forecast; Infinity when never. */
  readonly daysOfCover: number;
  /** Day number of the projected stockout of the available stock, or null. */
  readonly stockoutDay: number | null;
  /** Average expected demand per day over the protection interval (units/day). */
  readonly dailyDemand: number;
  readonly unitCost: number;
  readonly holdingRate: number;
  /** orderQty x unitCost. */
  readonly orderValue: number;
}

const DAYS_PER_YEAR = 365.2425;

/**
 * Replenishment decision of one SKU x warehouse under periodic review: reorder point s = the
 * stock covering demand over lead time + review period at the item's service target (see
 * `protectionLevel`), order-up-to S = s + max(0, EOQ - demand per review period) — the (R, s, S)
 * form with S - s near the EOQ (Silver, Pyke & Peterson 2017 §7.6), and plain (R, S) with
 * S = s when no order cost is known — and order_qty = S - position when position <= s, at
 * least the EOQ and the MOQ, rounded up to whole packs. Days of cover and the stockout day come
 * from the available stock and the forecast.
 *
 * @example planReorder({ sku: 'A', warehouse: 'MAIN', item: DEFAULT_ITEM, stock: { onHand: 50, onOrder: 0, allocated: 0 },
 *   forecast, asOfDay, random }).orderQty
 */
export function planReorder(input: ReorderInput): ReorderLine {
  const { item, stock, forecast, asOfDay } = input;
  const available = stock.onHand - stock.allocated;
  const position = available + stock.onOrder;
  const reviewDemand = windowDemand(forecast, asOfDay, item.reviewPeriodDays).mean;
  const meanWindow = windowDemand(forecast, asOfDay, item.leadTimeDays + item.reviewPeriodDays);
  const intervalDays = item.leadTimeDays + item.reviewPeriodDays;
  const yearlyDemand = intervalDays > 0 ? (meanWindow.mean / intervalDays) * DAYS_PER_YEAR : 0;
  const economicOrderQty = economicOrderQuantity(yearlyDemand, item.orderCost, item.holdingRate, item.unitCost);
  const protection = protectionLevel({
    forecast,
    startDay: asOfDay,
    leadTimeDays: item.leadTimeDays,
    leadTimeSdDays: item.leadTimeSdDays,
    reviewPeriodDays: item.reviewPeriodDays,
    serviceLevel: item.serviceLevel,
    serviceTarget: item.serviceTarget,
    cycleDemand: Math.max(reviewDemand, economicOrderQty),
    hasOrderQuantity: economicOrderQty > reviewDemand,
    random: input.random,
    ...(input.paths === undefined ? {} : { paths: input.paths }),
  });
  const reorderPoint = Math.max(0, Math.ceil(protection.level - 1e-9));
  const orderUpTo = reorderPoint + Math.max(0, Math.ceil(economicOrderQty - reviewDemand - 1e-9));
  const orderQty = orderQuantity(position, orderUpTo, reorderPoint, {
    moq: item.moq,
    packSize: item.packSize,
    minimumUnits: Math.ceil(economicOrderQty - 1e-9),
  });
  const cover = stockCover(available, forecast, asOfDay);
  return {
    sku: input.sku,
    warehouse: input.warehouse,
    supplier: item.supplier,
    onHand: stock.onHand,
    onOrder: stock.onOrder,
    allocated: stock.allocated,
    available,
    position,
    transferInQty: 0,
    transferOutQty: 0,
    leadTimeDays: item.leadTimeDays,
    reviewPeriodDays: item.reviewPeriodDays,
    demandOverLeadTime: protection.mean,
    demandBeforeReceipt: windowDemand(forecast, asOfDay, item.leadTimeDays).mean,
    demandSd: protection.sd,
    demandLaw: protection.law,
    safetyStock: reorderPoint - protection.mean,
    reorderPoint,
    orderUpTo,
    orderQty,
    economicOrderQty,
    moq: item.moq,
    packSize: item.packSize,
    daysOfCover: cover.days,
    stockoutDay: cover.stockoutDay,
    dailyDemand: meanWindow.mean > 0 && intervalDays > 0 ? meanWindow.mean / intervalDays : 0,
    unitCost: item.unitCost,
    holdingRate: item.holdingRate,
    orderValue: orderQty * item.unitCost,
  };
}

/**
 * How many forecast periods `planReorder` needs for an item: the longest plausible lead time
 * (mean + 4 sd) plus the review period plus the partly elapsed current period, in periods, and
 * one spare. Shorter forecasts still work (the last period is carried on) but lose seasonality.
 *
 * @example periodsNeeded({ leadTimeDays: 14, leadTimeSdDays: 0, reviewPeriodDays: 1 }, 7) // ceil(22 / 7) + 1 = 5
 */
export function periodsNeeded(
  item: Pick<ItemMaster, 'leadTimeDays' | 'leadTimeSdDays' | 'reviewPeriodDays'>, daysPerPeriod: number,
): number {
  const days = item.leadTimeDays + 4 * item.leadTimeSdDays + item.reviewPeriodDays + daysPerPeriod;
  return Math.ceil(days / daysPerPeriod - 1e-9) + 1;
}
