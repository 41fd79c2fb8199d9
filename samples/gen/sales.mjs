// Simulates the shop's order lines day by day: per SKU x warehouse a Poisson number of lines
// whose rate carries weekday, season, trend, events and life cycle; lines are then grouped
// into customer orders, and some come back as returns (negative quantities) days later.

import { WAREHOUSES, WEEKLY } from './catalog.mjs';
import { dayOf, dayOfYear, weekdayIndex, blackFridayOf, isoOf, monthDayOf } from './calendar.mjs';
import { streamFor, poisson, unitsPerLine, pick, integerBetween, shuffle } from './random.mjs';

const YEAR_DAYS = 365.25;

const monthDayCache = new Map();

function doyOfMonthDay(monthDay) {
  let doy = monthDayCache.get(monthDay);
  if (doy === undefined) {
    doy = dayOfYear(dayOf(`2025-${monthDay}`)); // a non-leap year is close enough for a season
    monthDayCache.set(monthDay, doy);
  }
  return doy;
}

/** Circular distance in days between two days of the year. */
function yearDistance(a, b) {
  const d = Math.abs(a - b) % YEAR_DAYS;
  return Math.min(d, YEAR_DAYS - d);
}

function seasonFactor(season, doy) {
  if (!season) return 1;
  let factor = season.base ?? 1;
  if (season.peak) factor += season.amplitude * Math.cos((2 * Math.PI * yearDistance(doy, doyOfMonthDay(season.peak))) / YEAR_DAYS);
  for (const bump of season.bumps ?? []) {
    const z = yearDistance(doy, doyOfMonthDay(bump.at)) / bump.width;
    factor += bump.height * Math.exp(-0.5 * z * z);
  }
  return Math.max(0, factor);
}

const HOLIDAYS = new Set(['12-24', '12-25', '12-26', '12-31', '01-01']);

/** The holidays empty the shop; New Year's Eve only half. */
function holidayFactor(day) {
  return monthDayOf(day) === '12-31' ? 0.5 : 0.25;
}

/** Per-day facts computed once: weekday, day of year, holiday, Black Friday weekend (Fri-Mon). */
function buildCalendar(firstDay, lastDay) {
  const calendar = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const blackFriday = blackFridayOf(Number(isoOf(day).slice(0, 4)));
    calendar.push({
      weekdayIndex: weekdayIndex(day),
      dayOfYear: dayOfYear(day),
      isHoliday: HOLIDAYS.has(monthDayOf(day)),
      isBlackWeekend: day >= blackFriday && day <= blackFriday + 3,
    });
  }
  return calendar;
}

/** Order lines for one SKU in one warehouse: [{ day, sku, warehouse, quantity, returnAfterDays, returnQuantity }]. */
function simulatePair(seed, item, warehouse, firstDay, lastDay, calendar) {
  const demand = item.demand;
  const share = item.split[warehouse] ?? 0;
  const lines = [];
  if (share === 0 || (demand.linesPerDay === 0 && !demand.bulk)) return lines;
  const random = streamFor(seed, `sales:${item.sku}@${warehouse}`);
  const returns = streamFor(seed, `returns:${item.sku}@${warehouse}`);
  const start = demand.firstDay ? dayOf(demand.firstDay) : firstDay;
  const endText = demand.lastDayIn?.[warehouse] ?? demand.lastDay;
  const end = endText ? dayOf(endText) : lastDay;
  const weekly = WEEKLY[demand.weekly];
  for (let day = firstDay; day <= lastDay; day++) {
    if (day < start || day > end) continue;
    const years = (day - firstDay) / YEAR_DAYS;
    const { weekdayIndex: weekdayAt, dayOfYear: doy, isHoliday, isBlackWeekend } = calendar[day - firstDay];
    const weekday = weekly[weekdayAt];
    const event = isHoliday ? holidayFactor(day) : isBlackWeekend && demand.weekly === 'shop' ? 1.7 : 1;
    const rate = demand.linesPerDay * share * weekday * seasonFactor(demand.season, doy)
      * Math.exp(demand.trendPerYear * years) * event;
    const count = poisson(random, rate);
    const bulkCount = demand.bulk && weekday > 0.5 ? poisson(random, demand.bulk.perDay * share * weekday) : 0;
    for (let i = 0; i < count + bulkCount; i++) {
      const quantity = i >= count ? pick(random, demand.bulk.units)
        : Array.isArray(demand.unitsPerLine) ? pick(random, demand.unitsPerLine)
          : unitsPerLine(random, demand.unitsPerLine);
      const line = { day, sku: item.sku, warehouse, quantity, orderId: '', returnAfterDays: 0, returnQuantity: 0 };
      if (demand.returnRate > 0 && returns() < demand.returnRate) {
        line.returnAfterDays = integerBetween(returns, 3, 21);
        line.returnQuantity = quantity <= 1 ? quantity : integerBetween(returns, 1, Math.floor(quantity));
      }
      lines.push(line);
    }
  }
  return lines;
}

/**
 * All sales lines, sorted by date then order id: [{ date, sku, warehouse, quantity, orderId }].
 * Returns carry the id of the order they come from.
 */
export function simulateSales(seed, items, firstDayText, lastDayText) {
  const firstDay = dayOf(firstDayText);
  const lastDay = dayOf(lastDayText);
  const byDay = Array.from({ length: lastDay - firstDay + 1 }, () => []);
  const calendar = buildCalendar(firstDay, lastDay);
  const dates = calendar.map((_, index) => isoOf(firstDay + index));
  for (const item of items) {
    for (const warehouse of WAREHOUSES) {
      for (const line of simulatePair(seed, item, warehouse, firstDay, lastDay, calendar)) byDay[line.day - firstDay].push(line);
    }
  }
  const grouping = streamFor(seed, 'orders');
  const returnsByDay = Array.from({ length: byDay.length }, () => []);
  const rows = [];
  let orderNumber = 250000;
  for (let index = 0; index < byDay.length; index++) {
    // A customer order holds one to three lines from one warehouse.
    const orders = [];
    for (const warehouse of WAREHOUSES) {
      const pending = shuffle(grouping, byDay[index].filter((line) => line.warehouse === warehouse));
      while (pending.length > 0) {
        const size = Math.min(pending.length, grouping() < 0.65 ? 1 : grouping() < 0.75 ? 2 : 3);
        orders.push(pending.splice(0, size));
      }
    }
    shuffle(grouping, orders);
    const dayRows = [];
    for (const order of orders) {
      const orderId = `SO-${++orderNumber}`;
      order.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      for (const line of order) {
        line.orderId = orderId;
        dayRows.push({ date: dates[index], sku: line.sku, warehouse: line.warehouse, quantity: line.quantity, orderId });
        const returnIndex = index + line.returnAfterDays;
        if (line.returnAfterDays > 0 && returnIndex < byDay.length) {
          returnsByDay[returnIndex].push({ date: dates[returnIndex], sku: line.sku, warehouse: line.warehouse, quantity: -line.returnQuantity, orderId });
        }
      }
    }
    const returned = returnsByDay[index].sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    rows.push(...returned, ...dayRows);
  }
  return rows;
}
