// The policy simulator: one SKU, daily demand, weekly reviews, random lead times, lost sales.
// The forecast policy (the real engine: forecastSeries 'auto' + planReorder) and a grid of
// reference policies that know the true demand law run side by side on the SAME demand path
// and the SAME lead times (common random numbers), so differences are the policies' own.
//
// Cycle service is counted per review, as the textbook defines it for a periodic review (R, S)
// system: P1 = Pr(demand over R + L <= S) is the chance of no stockout in the interval one
// review protects, from the day that review's order arrives to the day the next review's order
// arrives (Silver, Pyke & Thomas 2017, ch. 7; Axsäter 2015, ch. 5). Those days are review day +
// lead time whether or not the review ordered anything: a review that orders nothing has already
// raised its position to S. They are the same for every policy (common lead times), so policy and
// reference are counted over the same cycles. The older count from one receipt to the next is
// kept for information (`receiptCycles`): it is the exact CSL of Cardós, Miralles & Ros (2006,
// JORS 57), which for intermittent demand only counts reviews that follow a demand and so measures
// Pr(D_{R+L} <= S | D_R > 0), not the target items carry.
import { leadTimeDraw, mulberry32 } from './lib-sim-random.mjs';

export const DAYS_PER_WEEK = 7;

/**
 * Simulates one SKU. `engine` = { forecastSeries, planReorder, periodsNeeded, orderQuantity,
 * classifyDemand, DEFAULT_ITEM }. Returns per policy: demand, sold, lost, inventory-value days,
 * cycles and cycles with a stockout, per review and from receipt to receipt (measured after the
 * warm-up reviews).
 */
export function simulateSku(sku, engine, settings) {
  const { historyDays, warmupReviews, countedReviews, alphas, referencePaths, freq } = settings;
  const reviews = warmupReviews + countedReviews;
  const endDay = historyDays + reviews * DAYS_PER_WEEK;
  const measureFrom = historyDays + warmupReviews * DAYS_PER_WEEK;
  const { item, demand: law } = sku;
  const maxLead = Math.ceil(item.leadTimeDays + 8 * item.leadTimeSdDays) + 2;

  // Demand path and lead times, shared by all policies.
  const demandRandom = mulberry32(sku.seed);
  const demand = new Float64Array(endDay);
  for (let day = 0; day < endDay; day++) demand[day] = law.draw(day, demandRandom);
  const leadRandom = mulberry32(sku.seed ^ 0x5bd1e995);
  const leadTimes = Array.from({ length: reviews }, () => leadTimeDraw(item.leadTimeDays, item.leadTimeSdDays, leadRandom));

  const policies = [{ name: 'forecast' }, ...alphas.map((alpha) => ({ name: `ref${alpha}`, alpha }))];
  // settings.startAtOrderUpTo: start from the policy's own first order-up-to level, as
  // `stockcast simulate` does (bench/simulate-agreement.mjs); else the true median over L + R.
  const start = settings.startAtOrderUpTo
    ? forecastPolicy({ onHand: 0, onOrder: 0, sales: demand, methods: new Map() }, historyDays, item, engine, freq, mulberry32(sku.seed ^ 0x27d4eb2f)).orderUpTo
    : initialStock(law, item, historyDays, referencePaths, mulberry32(sku.seed ^ 0x27d4eb2f));
  const states = policies.map(() => ({
    onHand: start, onOrder: 0, arrivals: new Float64Array(endDay + maxLead + 1),
    sales: new Float64Array(endDay), // history (uncensored demand) then what was sold
    demand: 0, sold: 0, inventoryValueDays: 0, days: 0,
    cycle: newCycleCount(), receiptCycle: newCycleCount(), orders: 0, methods: new Map(),
  }));
  for (const state of states) state.sales.set(demand.subarray(0, historyDays));
  // The reference levels of every review come from the SAME uniforms (common random numbers):
  // with fresh draws each week a stationary level jittered by a few units from Monte Carlo noise
  // alone, placing 1-4 unit orders whose receipts closed extra (stockout-free) cycles.
  const referenceSeed = sku.seed ^ 0x165667b1;
  const forecastRandom = mulberry32(sku.seed ^ 0x7feb352d);
  // Day on which some review's order arrives (or would, had it ordered): a cycle boundary.
  const isCycleStart = new Uint8Array(endDay + maxLead + 1);

  for (let day = historyDays; day < endDay; day++) {
    const isMeasured = day >= measureFrom;
    for (const state of states) {
      const arriving = state.arrivals[day];
      if (arriving > 0) {
        state.onHand += arriving;
        state.onOrder -= arriving;
        if (isMeasured) closeCycle(state.receiptCycle);
      }
      if (isMeasured && isCycleStart[day]) closeCycle(state.cycle);
    }
    if ((day - historyDays) % DAYS_PER_WEEK === 0) {
      const review = (day - historyDays) / DAYS_PER_WEEK;
      const lead = leadTimes[review];
      isCycleStart[day + lead] = 1;
      const levels = referenceLevels(law, item, day, alphas, referencePaths, mulberry32(referenceSeed));
      states.forEach((state, p) => {
        const position = state.onHand + state.onOrder;
        let qty;
        if (p === 0) {
          const line = forecastPolicy(state, day, item, engine, freq, forecastRandom);
          qty = line.orderQty;
        } else {
          const level = levels[p - 1];
          qty = engine.orderQuantity(position, level, level, { moq: item.moq, packSize: item.packSize });
        }
        if (qty > 0) {
          state.arrivals[day + lead] += qty;
          state.onOrder += qty;
          if (isMeasured) state.orders++;
        }
      });
    }
    const units = demand[day];
    for (const state of states) {
      const sold = Math.min(state.onHand, units);
      state.onHand -= sold;
      state.sales[day] = sold;
      if (!isMeasured) continue;
      state.demand += units;
      state.sold += sold;
      state.inventoryValueDays += state.onHand * item.unitCost;
      state.days++;
      for (const cycle of [state.cycle, state.receiptCycle]) {
        cycle.days++;
        if (sold < units) cycle.hasStockout = true;
      }
    }
  }
  for (const state of states) {
    closeCycle(state.cycle);
    closeCycle(state.receiptCycle);
  }
  return policies.map((policy, p) => ({
    policy: policy.name, alpha: policy.alpha, demand: states[p].demand, sold: states[p].sold,
    inventoryValue: states[p].days > 0 ? states[p].inventoryValueDays / states[p].days : 0,
    cycles: states[p].cycle.count, stockoutCycles: states[p].cycle.stockouts,
    receiptCycles: states[p].receiptCycle.count, receiptStockoutCycles: states[p].receiptCycle.stockouts, orders: states[p].orders,
    methods: states[p].methods,
  }));
}

function newCycleCount() {
  return { count: 0, stockouts: 0, days: 0, hasStockout: false };
}

/** Ends the running cycle (at a boundary or the window's end); a cycle of no days is not one. */
function closeCycle(cycle) {
  if (cycle.days > 0) {
    cycle.count++;
    if (cycle.hasStockout) cycle.stockouts++;
  }
  cycle.days = 0;
  cycle.hasStockout = false;
}

/** The real policy: forecast the sales so far with the engine's `auto`, then planReorder. */
function forecastPolicy(state, day, item, engine, freq, random) {
  const daysPerPeriod = freq === 'week' ? 7 : 1;
  const periods = Math.floor(day / daysPerPeriod); // day 0 is a Monday: weeks are whole
  const y = new Float64Array(periods);
  for (let t = 0; t < periods * daysPerPeriod; t++) y[Math.floor(t / daysPerPeriod)] += state.sales[t];
  const horizon = engine.periodsNeeded(item, daysPerPeriod);
  const forecast = engine.forecastSeries(y, {
    method: 'auto', horizon, seasonPeriod: freq === 'week' ? 52 : 7, levels: [], random, paths: 20,
  });
  state.methods.set(forecast.method, (state.methods.get(forecast.method) ?? 0) + 1);
  const demandClass = forecast.method === 'zero' ? 'none' : engine.classifyDemand(y).demandClass;
  return engine.planReorder({
    sku: 'sim', warehouse: 'W', item, random,
    stock: { onHand: state.onHand, onOrder: state.onOrder, allocated: 0 },
    asOfDay: day,
    forecast: {
      mean: forecast.mean, cumulativeVariance: forecast.fit.cumulativeVariance, simulate: forecast.fit.simulate,
      demandClass, daysPerPeriod, firstPeriodStartDay: periods * daysPerPeriod,
    },
  });
}

/**
 * Reference order-up-to levels at each alpha: quantiles of the TRUE demand over
 * [day, day + L + R) with L drawn from the true lead-time law, by Monte Carlo.
 */
function referenceLevels(law, item, day, alphas, paths, random) {
  const totals = new Float64Array(paths);
  for (let p = 0; p < paths; p++) {
    const window = leadTimeDraw(item.leadTimeDays, item.leadTimeSdDays, random) + item.reviewPeriodDays;
    let total = 0;
    for (let t = day; t < day + window; t++) total += law.draw(t, random);
    totals[p] = total;
  }
  totals.sort();
  return alphas.map((alpha) => totals[Math.min(paths - 1, Math.max(0, Math.ceil(alpha * paths) - 1))]);
}

/** Every policy starts from the same shelf: the true median demand over lead time + review period. */
function initialStock(law, item, day, paths, random) {
  return referenceLevels(law, item, day, [0.5], paths, random)[0];
}
