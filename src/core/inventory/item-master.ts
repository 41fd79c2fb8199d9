/**
 * Item master data as the replenishment policy sees it, the documented defaults for missing
 * values, and the resolution of a partial record into a complete one that reports which
 * defaults it used (so the pipeline can warn once per default, not once per row).
 */

/** How the service target of an item is read. */
export type ServiceTarget = 'cycle' | 'fill-rate';

/** Complete master data of one SKU, in the units of the names. */
export interface ItemMaster {
  /** Supplier name; '' when unknown (the default groups such lines under {@link DEFAULT_ITEM}.supplier). */
  readonly supplier: string;
  /** Mean supplier lead time in days, from order to receipt. */
  readonly leadTimeDays: number;
  /** Standard deviation of the supplier lead time in days (0: deterministic). */
  readonly leadTimeSdDays: number;
  /** Minimum order quantity in units. */
  readonly moq: number;
  /** Orders are whole multiples of this many units. */
  readonly packSize: number;
  /** Purchase cost of one unit, in money. */
  readonly unitCost: number;
  /**
   * Target in (0, 1): cycle service level (chance of no stockout in a replenishment cycle) when
   * `serviceTarget` is 'cycle', fill rate (fraction of demand met from stock) when 'fill-rate'.
   */
  readonly serviceLevel: number;
  /** Days between two reviews of the item (1: the nightly run). */
  readonly reviewPeriodDays: number;
  /** Fixed cost of placing one order, in money; 0 disables the EOQ lower bound. */
  readonly orderCost: number;
  /** Yearly holding cost as a fraction of unit cost (0.25 = 25 % a year). */
  readonly holdingRate: number;
  /** Which meaning `serviceLevel` has. */
  readonly serviceTarget: ServiceTarget;
}

/**
 * Defaults for missing master data. Lead time 14 days with no variability, MOQ and pack size 1,
 * unit cost 0 (money columns become 0), cycle service level 0.95, nightly review (1 day),
 * no order cost (pure order-up-to, no EOQ bound), holding rate 25 % a year (a common textbook
 * figure, Silver, Pyke & Peterson 2017 §2.7), cycle-service target, supplier `unassigned`.
 *
 * @example DEFAULT_ITEM.leadTimeDays // 14
 */
export const DEFAULT_ITEM: ItemMaster = Object.freeze({
  supplier: 'unassigned',
  leadTimeDays: 14,
  leadTimeSdDays: 0,
  moq: 1,
  packSize: 1,
  unitCost: 0,
  serviceLevel: 0.95,
  reviewPeriodDays: 1,
  orderCost: 0,
  holdingRate: 0.25,
  serviceTarget: 'cycle',
});

/** Master data as read: any field may be missing (undefined) or NaN (an empty cell). */
export type PartialItemMaster = { readonly [K in keyof ItemMaster]?: ItemMaster[K] | undefined };

/** Complete master data and the defaults that completed it. */
export interface ResolvedItem {
  readonly item: ItemMaster;
  /** Fields that took their value from {@link DEFAULT_ITEM}, in declaration order (never `serviceTarget`, a run option). */
  readonly defaultsUsed: readonly (keyof ItemMaster)[];
}

/** Smallest and largest service level the policy computes with (the interface allows 0.5–0.9999). */
const SERVICE_LEVEL_RANGE = [0.5, 0.9999] as const;

/**
 * Completes partial master data with {@link DEFAULT_ITEM} and lists the defaults used. A unit cost
 * from the stock file (`stockUnitCost`) wins over the default but not over the item's own.
 * Values are made usable without judging them (validation is the reader's job): pack size and
 * MOQ become whole numbers >= 1, times and costs >= 0, the service level is clamped to 0.5–0.9999.
 *
 * @example resolveItem({ leadTimeDays: 21 }).defaultsUsed.includes('moq') // true
 */
export function resolveItem(partial: PartialItemMaster, stockUnitCost?: number): ResolvedItem {
  const defaultsUsed: (keyof ItemMaster)[] = [];
  const number = (key: NumericField, given: number | undefined): number => {
    if (given !== undefined && Number.isFinite(given)) return given;
    defaultsUsed.push(key);
    return DEFAULT_ITEM[key];
  };
  const supplier = partial.supplier === undefined || partial.supplier.trim() === ''
    ? (defaultsUsed.push('supplier'), DEFAULT_ITEM.supplier)
    : partial.supplier;
  const leadTimeDays = number('leadTimeDays', partial.leadTimeDays);
  const leadTimeSdDays = number('leadTimeSdDays', partial.leadTimeSdDays);
  const moq = number('moq', partial.moq);
  const packSize = number('packSize', partial.packSize);
  const ownCost = partial.unitCost !== undefined && Number.isFinite(partial.unitCost) ? partial.unitCost : stockUnitCost;
  const unitCost = number('unitCost', ownCost);
  const serviceLevel = number('serviceLevel', partial.serviceLevel);
  const reviewPeriodDays = number('reviewPeriodDays', partial.reviewPeriodDays);
  const orderCost = number('orderCost', partial.orderCost);
  const holdingRate = number('holdingRate', partial.holdingRate);
  // Not a column of items.csv (a run option), so taking the default is not worth a warning.
  const serviceTarget = partial.serviceTarget ?? DEFAULT_ITEM.serviceTarget;
  const item: ItemMaster = {
    supplier,
    leadTimeDays: Math.max(0, leadTimeDays),
    leadTimeSdDays: Math.max(0, leadTimeSdDays),
    moq: Math.max(1, Math.ceil(moq)),
    packSize: Math.max(1, Math.ceil(packSize)),
    unitCost: Math.max(0, unitCost),
    serviceLevel: Math.min(SERVICE_LEVEL_RANGE[1], Math.max(SERVICE_LEVEL_RANGE[0], serviceLevel)),
    reviewPeriodDays: Math.max(0, reviewPeriodDays),
    orderCost: Math.max(0, orderCost),
    holdingRate: Math.max(0, holdingRate),
    serviceTarget,
  };
  return { item, defaultsUsed };
}

type NumericField = Exclude<keyof ItemMaster, 'supplier' | 'serviceTarget'>;
