// Stock positions on the planning date (the day after the last sale), sized from the last
// eight weeks of demand so the planted cases mean the same thing whatever the random draws.

import { WAREHOUSES, STOCK_CASES, STOCK_UNIT_COST } from './catalog.mjs';
import { dayOf } from './calendar.mjs';
import { streamFor, uniform, integerBetween } from './random.mjs';

const RECENT_DAYS = 56;

/** Mean net demand per day over the last 8 weeks, per `SKU@WAREHOUSE`; returns net out, no day below zero. */
export function recentDailyDemand(rows, lastDayText) {
  const lastDay = dayOf(lastDayText);
  const firstRecentDay = lastDay - RECENT_DAYS + 1;
  const perDay = new Map();
  for (const row of rows) {
    const day = dayOf(row.date);
    if (day < firstRecentDay) continue;
    const key = `${row.sku}@${row.warehouse}`;
    let days = perDay.get(key);
    if (!days) perDay.set(key, (days = new Float64Array(RECENT_DAYS)));
    days[day - firstRecentDay] += row.quantity;
  }
  const rates = new Map();
  for (const [key, days] of perDay) {
    let total = 0;
    for (const quantity of days) total += Math.max(0, quantity);
    rates.set(key, total / RECENT_DAYS);
  }
  return rates;
}

function roundUpToPack(quantity, item) {
  const pack = item.packSize ?? 1;
  return Math.max(item.moq ?? 0, Math.ceil(quantity / pack) * pack);
}

/** An ordinary position: cover of 0.7-1.9 replenishment cycles, sometimes an open order. */
function ordinaryPosition(random, item, rate) {
  const cycleDays = item.leadTimeDays + (item.reviewPeriodDays ?? 7);
  const wanted = rate * cycleDays * uniform(random, 0.7, 1.9);
  const onHand = wanted < 3 ? integerBetween(random, 2, 8) : Math.round(wanted);
  const onOrder = item.leadTimeDays >= 14 && random() < 0.45 ? roundUpToPack(rate * item.leadTimeDays, item) : 0;
  const allocated = random() < 0.35 ? Math.round(onHand * uniform(random, 0.01, 0.08)) : 0;
  return { onHand, onOrder, allocated };
}

/** Rows of stock.csv: every SKU x warehouse that sold or is planted, in SKU then warehouse order. */
export function buildStock(seed, items, rows, lastDayText) {
  const rates = recentDailyDemand(rows, lastDayText);
  const sold = new Set(rows.map((row) => `${row.sku}@${row.warehouse}`));
  const stock = [];
  for (const item of [...items].sort((a, b) => (a.sku < b.sku ? -1 : 1))) {
    for (const warehouse of WAREHOUSES) {
      const key = `${item.sku}@${warehouse}`;
      const planted = STOCK_CASES[key];
      if (planted?.skip || (!sold.has(key) && !planted)) continue;
      const rate = rates.get(key) ?? 0;
      const random = streamFor(seed, `stock:${key}`);
      const position = planted
        ? {
          onHand: planted.onHand ?? Math.round(rate * planted.coverDays),
          onOrder: planted.onOrder ?? 0,
          allocated: planted.allocated ?? 0,
        }
        : ordinaryPosition(random, item, rate);
      const unitCost = key in STOCK_UNIT_COST ? STOCK_UNIT_COST[key] : item.unitCost;
      stock.push({ sku: item.sku, warehouse, ...position, unitCost, recentDailyDemand: rate });
    }
  }
  return stock;
}
