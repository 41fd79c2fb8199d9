import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumByPeriod } from '../../../src/core/series/sum-by-period.js';

describe('sumByPeriod', () => {
  it('sums the doc example by hand', () => {
    const buffer = sumByPeriod(
      { slot: Int32Array.of(0, 1, 0, -1), period: Int32Array.of(10, 11, 10, 12), quantity: Float64Array.of(2, 5, -1, 9) },
      { first: Int32Array.of(10, 11), last: Int32Array.of(12, 11), offset: Int32Array.of(0, 3), total: 4 }, true);
    expect(Array.from(buffer)).toEqual([1, 0, 0, 5]);
  });

  it('blocked summing equals the direct loop for any row order', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: -3, max: 9 })), { maxLength: 300 }),
      (rows) => {
        const slots = 6;
        const first = new Int32Array(slots).fill(0);
        const last = new Int32Array(slots).fill(200);
        const offset = Int32Array.from({ length: slots }, (_, s) => s * 201);
        const input = {
          slot: Int32Array.from(rows, (r) => (r[0] === 5 ? -1 : r[0])),
          period: Int32Array.from(rows, (r) => r[1]),
          quantity: Float64Array.from(rows, (r) => r[2]),
        };
        const layout = { first, last, offset, total: slots * 201 };
        expect(Array.from(sumByPeriod(input, layout, true))).toEqual(Array.from(sumByPeriod(input, layout, false)));
      },
    ), { numRuns: 200 });
  });
});
