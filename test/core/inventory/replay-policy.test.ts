import { describe, expect, it } from 'vitest';
import { replayPolicy, type ReplayInput } from '../../../src/core/inventory/replay-policy.js';

const base = (overrides: Partial<ReplayInput>): ReplayInput => ({
  daily: new Float64Array(28).fill(10), firstDay: 100, startDay: 100, endDay: 128, reviewPeriodDays: 7, leadTimeDays: 2,
  unitCost: 2, initialOnHand: 90, isBackorder: false, decide: () => 0, ...overrides,
});

describe('replayPolicy', () => {
  it('an order-up-to 90 with 10 a day, weekly review and a 2-day lead time never runs short', () => {
    // Day 0: position 90, no order. Day 7: 20 on hand, order 70, received at the start of day 9
    // when the shelf has just reached 0; every later week repeats it.
    const outcome = replayPolicy(base({ decide: (_day, stock) => Math.max(0, 90 - stock.onHand - stock.onOrder) }));
    expect(outcome.demand).toBe(280);
    expect(outcome.fillRate).toBe(1);
    expect(outcome.stockoutDays).toBe(0);
    expect(outcome.orders).toBe(3); // days 7, 14, 21
    expect(outcome.cycleService).toBe(1);
  });

  it('without orders the shelf lasts 9 days: lost sales after that, by hand', () => {
    // 90 on hand, 10 a day: days 0..8 served, then 19 days with nothing: fill 90 / 280.
    const outcome = replayPolicy(base({}));
    expect(outcome.fillRate).toBeCloseTo(90 / 280, 12);
    expect(outcome.stockoutDays).toBe(19);
    // Reviews on days 0, 7, 14, 21 (nothing ordered) would receive on days 2, 9, 16, 23: cycles
    // [0, 2) [2, 9) [9, 16) [16, 23) [23, 28); the last three run short (from day 9 on): 2 / 5.
    expect(outcome.cycles).toBe(5);
    expect(outcome.stockoutCycles).toBe(3);
    expect(outcome.cycleService).toBeCloseTo(0.4, 12);
    // Inventory at day ends 80, 70, .., 0 (9 days), then 0: mean 360 / 28 units, x 2 money.
    expect(outcome.averageInventoryValue).toBeCloseTo((2 * 360) / 28, 12);
  });

  it('counts one cycle per review, whether or not the review ordered: lumpy demand by hand', () => {
    // One order of 30 units on day 10, none else; order-up-to 20 from a shelf of 20, lead 2.
    // Reviews 0, 7, 14, 21 -> cycle starts 2, 9, 16, 23. Day 10 sells 20 of 30: a stockout in
    // [9, 16). Review 14 orders 20 (arrives day 16). Cycles [0,2) [2,9) [9,16) [16,23) [23,28):
    // 1 of 5 short -> 0.8. From receipt to receipt it would be [0,16) [16,28): 1 of 2 short.
    const daily = new Float64Array(28);
    daily[10] = 30;
    const outcome = replayPolicy(base({ daily, initialOnHand: 20, decide: (_day, stock) => Math.max(0, 20 - stock.onHand - stock.onOrder) }));
    expect(outcome.orders).toBe(1);
    expect(outcome.cycles).toBe(5);
    expect(outcome.stockoutCycles).toBe(1);
    expect(outcome.cycleService).toBeCloseTo(0.8, 12);
    expect(outcome.fillRate).toBeCloseTo(20 / 30, 12);
  });

  it('with no lead time a cycle starts at every review', () => {
    // Reviews 0, 7, 14, 21 receive at once: cycles [0,7) [7,14) [14,21) [21,28); 10 a day from 90
    // with no orders runs short from day 9: 3 of 4 cycles short.
    const outcome = replayPolicy(base({ leadTimeDays: 0 }));
    expect(outcome.cycles).toBe(4);
    expect(outcome.stockoutCycles).toBe(3);
  });

  it('backorders are served from the next receipt and count as filled, but not on time', () => {
    // 90 on hand covers days 0..8; an order of 100 on day 7 with a 2-day lead time arrives on day 9.
    const orders = (day: number) => (day === 107 ? 100 : 0);
    const lost = replayPolicy(base({ endDay: 114, daily: new Float64Array(14).fill(10), decide: (day) => orders(day) }));
    const waiting = replayPolicy(base({ endDay: 114, daily: new Float64Array(14).fill(10), decide: (day) => orders(day), isBackorder: true }));
    expect(lost.demand).toBe(140);
    expect(lost.fillRate).toBe(1); // receipt on day 9 is before the shelf empties (90 covers days 0..8)
    expect(waiting.fillRate).toBe(1);
    const late = (day: number) => (day === 107 ? 100 : 0);
    const slow = replayPolicy(base({ endDay: 114, daily: new Float64Array(14).fill(10), decide: late, leadTimeDays: 4, isBackorder: true }));
    // Receipt on day 11: days 9 and 10 (20 units) wait; filled later, fill rate on time 120 / 140.
    expect(slow.fillRate).toBeCloseTo(120 / 140, 12);
    expect(slow.filled).toBe(140);
    expect(slow.stockoutDays).toBe(2);
  });
});
