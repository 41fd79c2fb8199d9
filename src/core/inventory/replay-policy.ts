/** What the replayed policy is asked at each review: order how many units now? */
export type ReviewDecision = (day: number, stock: { readonly onHand: number; readonly onOrder: number }) => number;

/** One SKU x warehouse to replay over its own recorded demand. */
export interface ReplayInput {
  /** Recorded demand per day (units >= 0); index 0 is `firstDay`. */
  readonly daily: Float64Array;
  readonly firstDay: number;
  /** Replay window [startDay, endDay) as day numbers, inside the daily record. */
  readonly startDay: number;
  readonly endDay: number;
  /** Days between reviews (>= 1); the first review is on `startDay`. */
  readonly reviewPeriodDays: number;
  /** Days from an order to its receipt (rounded to whole days, >= 0). */
  readonly leadTimeDays: number;
  readonly unitCost: number;
  /** Stock on hand at the start of the window. */
  readonly initialOnHand: number;
  /** Unmet demand waits for stock (backorders) instead of being lost. */
  readonly isBackorder: boolean;
  readonly decide: ReviewDecision;
}

/** The replay's outcome, in units, days and money. */
export interface ReplayOutcome {
  readonly demand: number;
  /** Units delivered from stock (on the day asked, or later for backorders). */
  readonly filled: number;
  /** filled on the day of demand / demand (1 without demand): the fill rate. */
  readonly fillRate: number;
  /** Review cycles (from one review's arrival day to the next's) and those with a stockout. */
  readonly cycles: number;
  readonly stockoutCycles: number;
  /** 1 - stockoutCycles / cycles (1 without cycles): the cycle service level. */
  readonly cycleService: number;
  /** Mean over days of max(0, on hand at day end) x unit cost. */
  readonly averageInventoryValue: number;
  readonly orders: number;
  readonly orderedUnits: number;
  /** Days on which some demand was not met from stock. */
  readonly stockoutDays: number;
}

/**
 * Replays a periodic-review policy over recorded daily demand: at each review (every
 * `reviewPeriodDays` from `startDay`, before the day's demand) `decide` returns an order that
 * arrives `leadTimeDays` later (at the start of that day); each day's demand is met from stock,
 * the rest lost or backordered. Cycle service is the share of review cycles without a stockout:
 * a cycle runs from the day one review's order arrives (or would arrive, when the review ordered
 * nothing) to the day the next review's does, and from the window's ends — the interval one
 * review protects, whose no-stockout chance is the textbook P1 = P(D_{L+R} <= S) of an (R, S)
 * system (Silver, Pyke & Thomas 2017 ch. 7), counted as the policy simulation in
 * bench/lib-sim.mjs counts it. Counting from one receipt to the next instead would, for
 * intermittent demand, count only reviews after a demand. Fill rate counts units met on the day
 * asked. Orders still open at the end are not received. O(days).
 *
 * @example replayPolicy({ daily, firstDay, startDay, endDay, reviewPeriodDays: 7, leadTimeDays: 3, unitCost: 2, initialOnHand: 20, isBackorder: false, decide }).fillRate
 */
export function replayPolicy(input: ReplayInput): ReplayOutcome {
  const { daily, firstDay, startDay, endDay } = input;
  const review = Math.max(1, Math.round(input.reviewPeriodDays));
  const lead = Math.max(0, Math.round(input.leadTimeDays));
  const days = Math.max(0, endDay - startDay);
  const arrivals = new Float64Array(days + lead + 1);
  let onHand = input.initialOnHand;
  let onOrder = 0;
  let demand = 0;
  let filledOnTime = 0;
  let filled = 0;
  let inventoryValueDays = 0;
  let cycles = 0;
  let stockoutCycles = 0;
  let cycleDays = 0;
  let cycleHasStockout = false;
  let orders = 0;
  let orderedUnits = 0;
  let stockoutDays = 0;
  const closeCycle = () => {
    if (cycleDays > 0) {
      cycles++;
      if (cycleHasStockout) stockoutCycles++;
    }
    cycleDays = 0;
    cycleHasStockout = false;
  };
  for (let i = 0; i < days; i++) {
    const day = startDay + i;
    if (arrivals[i] > 0) {
      // Backorders are served first from what arrives.
      if (onHand < 0) filled += Math.min(-onHand, arrivals[i]);
      onHand += arrivals[i];
      onOrder -= arrivals[i];
    }
    // A review's order arrives `lead` days after it, ordered or not: a cycle starts.
    if (i >= lead && (i - lead) % review === 0) closeCycle();
    if (i % review === 0) {
      const qty = Math.max(0, input.decide(day, { onHand, onOrder }));
      if (qty > 0) {
        if (lead === 0) {
          if (onHand < 0) filled += Math.min(-onHand, qty);
          onHand += qty;
        } else {
          arrivals[i + lead] += qty;
          onOrder += qty;
        }
        orders++;
        orderedUnits += qty;
      }
    }
    const index = day - firstDay;
    const units = index >= 0 && index < daily.length ? Math.max(0, daily[index]) : 0;
    const fromShelf = Math.min(Math.max(0, onHand), units);
    demand += units;
    filledOnTime += fromShelf;
    filled += fromShelf;
    onHand = input.isBackorder ? onHand - units : onHand - fromShelf;
    if (fromShelf < units) {
      cycleHasStockout = true;
      stockoutDays++;
    }
    cycleDays++;
    inventoryValueDays += Math.max(0, onHand) * input.unitCost;
  }
  closeCycle();
  return {
    demand,
    filled,
    fillRate: demand > 0 ? filledOnTime / demand : 1,
    cycles,
    stockoutCycles,
    cycleService: cycles > 0 ? 1 - stockoutCycles / cycles : 1,
    averageInventoryValue: days > 0 ? inventoryValueDays / days : 0,
    orders,
    orderedUnits,
    stockoutDays,
  };
}
