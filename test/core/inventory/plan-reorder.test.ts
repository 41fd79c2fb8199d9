import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_ITEM, type ItemMaster } from '../../../src/core/inventory/item-master.js';
import { periodsNeeded, planReorder, type ReorderInput } from '../../../src/core/inventory/plan-reorder.js';
import { flatForecast, seededRandom } from './helpers.js';

const ASOF = 20000;

function input(item: Partial<ItemMaster>, stock = { onHand: 100, onOrder: 20, allocated: 10 }, forecast = flatForecast(10, 20)): ReorderInput {
  return { sku: 'A', warehouse: 'BER', item: { ...DEFAULT_ITEM, ...item }, stock, forecast, asOfDay: ASOF, random: seededRandom(3) };
}

describe('planReorder', () => {
  it('a nightly (R, S) line computed by hand', () => {
    // 10/day, error variance 20/day, L = 14, R = 1: demand over 15 d = 150, sd = sqrt(300).
    // s = ceil(150 + 1.644853627 * 17.3205081) = ceil(178.4897) = 179; no order cost: S = s.
    // position = 100 + 20 - 10 = 110 <= 179: need 69 -> packs of 12 -> 72.
    const line = planReorder(input({ packSize: 12, unitCost: 2.5 }));
    expect(line.available).toBe(90);
    expect(line.position).toBe(110);
    expect(line.demandOverLeadTime).toBeCloseTo(150, 9);
    expect(line.demandBeforeReceipt).toBeCloseTo(140, 9);
    expect(line.reorderPoint).toBe(179);
    expect(line.orderUpTo).toBe(179);
    expect(line.safetyStock).toBeCloseTo(29, 9);
    expect(line.orderQty).toBe(72);
    expect(line.orderValue).toBeCloseTo(180, 9);
    expect(line.daysOfCover).toBeCloseTo(9, 9); // 90 units at 10 a day
    expect(line.stockoutDay).toBe(ASOF + 9);
    expect(line.demandLaw).toBe('normal');
  });

  it('with an order cost, S = s + (EOQ - demand per review) and the EOQ bounds the order', () => {
    // yearly demand 10 * 365.2425 = 3652.425; EOQ = sqrt(2 * 3652.425 * 50 / (0.25 * 4)) = 604.35
    // S = 179 + ceil(604.35 - 10) = 179 + 595 = 774; order = 774 - 110 = 664 -> packs of 12 -> 672
    const line = planReorder(input({ packSize: 12, unitCost: 4, orderCost: 50, holdingRate: 0.25 }));
    expect(line.economicOrderQty).toBeCloseTo(604.3529, 3);
    expect(line.orderUpTo).toBe(774);
    expect(line.orderQty).toBe(672);
  });

  it('when the position is above the reorder point, nothing is ordered', () => {
    expect(planReorder(input({}, { onHand: 200, onOrder: 0, allocated: 0 })).orderQty).toBe(0);
  });

  it('when no demand is expected, nothing is ordered and the cover is infinite', () => {
    const line = planReorder(input({}, { onHand: 5, onOrder: 0, allocated: 0 }, flatForecast(0, 0, { demandClass: 'none' })));
    expect(line.orderQty).toBe(0);
    expect(line.reorderPoint).toBe(0);
    expect(line.daysOfCover).toBe(Infinity);
    expect(line.stockoutDay).toBeNull();
  });

  it('orders are whole packs and at least the MOQ', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 24 }),
      fc.double({ min: 0.2, max: 40, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }),
      (onHand, onOrder, moq, packSize, rate, orderCost) => {
        const line = planReorder(input({ moq, packSize, orderCost, unitCost: 3 }, { onHand, onOrder, allocated: 0 }, flatForecast(rate, rate * 2)));
        if (line.orderQty === 0) return;
        expect(Number.isInteger(line.orderQty)).toBe(true);
        expect(line.orderQty % packSize).toBe(0);
        expect(line.orderQty).toBeGreaterThanOrEqual(moq);
        expect(line.position + line.orderQty).toBeGreaterThanOrEqual(line.orderUpTo);
      }));
  });

  it('the reorder point never falls as service level or lead time rises', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.5, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 0.009, noNaN: true }),
      fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.double({ min: 0.1, max: 50, noNaN: true }),
      (service, moreService, lead, moreLead, rate) => {
        const forecast = flatForecast(rate, rate * 1.5);
        const base = planReorder(input({ serviceLevel: service, leadTimeDays: lead }, undefined, forecast)).reorderPoint;
        expect(planReorder(input({ serviceLevel: service + moreService, leadTimeDays: lead }, undefined, forecast)).reorderPoint).toBeGreaterThanOrEqual(base);
        expect(planReorder(input({ serviceLevel: service, leadTimeDays: lead + moreLead }, undefined, forecast)).reorderPoint).toBeGreaterThanOrEqual(base);
      }));
  });
});

describe('planReorder on a textbook case', () => {
  // Data of the "number 2 pencils" exercise of Nahmias, Production and Operations Analysis
  // (stochastic inventory chapter): yearly demand normal, mean 1000, sd 250; unit cost 0.06;
  // order cost 20; holding rate 22 % a year; lead time two months. Continuous review (R = 0).
  // Over the lead time: mean 1000/6 = 166.667, sd 250/sqrt(6) = 102.0621.
  // EOQ = sqrt(2 * 1000 * 20 / (0.22 * 0.06)) = 1740.7766 (R: sqrt(2*1000*20/(0.22*0.06))).
  const daysPerYear = 365.2425;
  const pencils = (serviceLevel: number, serviceTarget: 'cycle' | 'fill-rate') => planReorder({
    sku: 'PENCIL', warehouse: 'STORE', random: seededRandom(1), asOfDay: ASOF,
    item: { ...DEFAULT_ITEM, leadTimeDays: daysPerYear / 6, reviewPeriodDays: 0, unitCost: 0.06, orderCost: 20, holdingRate: 0.22, serviceLevel, serviceTarget },
    stock: { onHand: 100, onOrder: 0, allocated: 0 },
    forecast: flatForecast(1000 / daysPerYear, (250 * 250) / daysPerYear, { periods: 400 }),
  });

  it('Type 1 service 95 %: R = 166.667 + 1.644854 x 102.0621 = 334.54 -> 335', () => {
    // R: 1000/6 + qnorm(0.95) * 250/sqrt(6) = 334.543837
    const line = pencils(0.95, 'cycle');
    expect(line.economicOrderQty).toBeCloseTo(1740.77656, 4);
    expect(line.demandOverLeadTime).toBeCloseTo(1000 / 6, 9);
    expect(line.reorderPoint).toBe(335);
    expect(line.orderUpTo).toBe(335 + 1741);
    expect(line.orderQty).toBe(335 + 1741 - 100);
  });

  it('Type 2 service (fill rate) 98 %: sd G(k) = 0.02 x EOQ gives k = 0.1215, R = 179.07 -> 180', () => {
    // R: uniroot(function(k) dnorm(k) - k*(1-pnorm(k)) - 0.02*EOQ/s, c(-2, 3))$root = 0.1215269239;
    //    1000/6 + k * s = 179.0699564
    const line = pencils(0.98, 'fill-rate');
    expect(line.reorderPoint).toBe(180);
    expect(line.safetyStock).toBeCloseTo(180 - 1000 / 6, 9);
  });
});

describe('periodsNeeded', () => {
  it('covers mean + 4 sd lead time, the review period and the current period', () => {
    // (14 + 0 + 1 + 7) / 7 = 3.14 -> 4, + 1 spare = 5
    expect(periodsNeeded({ leadTimeDays: 14, leadTimeSdDays: 0, reviewPeriodDays: 1 }, 7)).toBe(5);
    // (14 + 12 + 7 + 1) / 1 = 34, + 1 = 35
    expect(periodsNeeded({ leadTimeDays: 14, leadTimeSdDays: 3, reviewPeriodDays: 7 }, 1)).toBe(35);
  });
});
