import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectPeriodLists } from '../../../src/core/series/period-lists.js';

/** Slot -> sorted [period, net] pairs, read out of the lists. */
function listsOf(slots: number, lists: ReturnType<typeof collectPeriodLists>): number[][][] {
  return Array.from({ length: slots }, (_, s) => {
    const pairs: number[][] = [];
    for (let i = lists.start[s]; i < lists.start[s] + lists.size[s]; i++) pairs.push([lists.entries[2 * i], lists.entries[2 * i + 1]]);
    return pairs;
  });
}

describe('collectPeriodLists', () => {
  it('nets the doc example by hand', () => {
    const lists = collectPeriodLists(
      { slot: Int32Array.of(0, 1, 0, 0), day: Int32Array.of(10, 11, 12, 10), quantity: Float64Array.of(2, 5, 3, -1), periodOfDay: Int32Array.of(10, 11, 12), minDay: 10 },
      Int32Array.of(3, 1));
    // slot 0: period 10 = 2 - 1 = 1, period 12 = 3; slot 1: period 11 = 5
    expect(listsOf(2, lists)).toEqual([[[10, 1], [12, 3]], [[11, 5]]]);
  });

  it('equals per-slot sums from a Map, sorted by period, for any row order', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: -1, max: 4 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: -3, max: 9 })), { maxLength: 200 }),
      (rows) => {
        const slots = 5;
        const rowsPerSlot = new Int32Array(slots);
        for (const [s] of rows) if (s >= 0) rowsPerSlot[s]++;
        const lists = collectPeriodLists({
          slot: Int32Array.from(rows, (r) => r[0]), day: Int32Array.from(rows, (r) => r[1]), quantity: Float64Array.from(rows, (r) => r[2]),
          // weekly-like periods: days 0..40 map to period floor(day / 3)
          periodOfDay: Int32Array.from({ length: 41 }, (_, d) => Math.floor(d / 3)), minDay: 0,
        }, rowsPerSlot);
        const expected = Array.from({ length: slots }, (_, s) => {
          const sums = new Map<number, number>();
          for (const [slot, d, q] of rows) if (slot === s) sums.set(Math.floor(d / 3), (sums.get(Math.floor(d / 3)) ?? 0) + q);
          return [...sums].sort((a, b) => a[0] - b[0]);
        });
        expect(listsOf(slots, lists)).toEqual(expected);
      },
    ), { numRuns: 300 });
  });
});
