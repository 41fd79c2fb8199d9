import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSimpleSmoothing } from '../../../../src/core/forecast/methods/fit-simple-smoothing.js';

describe('fitSimpleSmoothing', () => {
  it('with alpha fixed at 0.5 on 1, 2, 3 solves the initial level by hand', () => {
    // Starting from l0 = 0 the forecasts are g = 0, 0.5, 1.25, so a = y - g = 1, 1.5, 1.75 and the
    // weights of l0 are c = 1, 0.5, 0.25: l0 = sum(c a) / sum(c^2) = 2.1875 / 1.3125 = 5/3.
    // Levels: 5/3 -> 4/3 -> 5/3 -> 7/3; errors -2/3, 2/3, 4/3, SSE = 4/9 + 4/9 + 16/9 = 8/3.
    const fit = fitSimpleSmoothing(Float64Array.of(1, 2, 3), 0.5);
    expect(fit.initialLevel).toBeCloseTo(5 / 3, 12);
    expect(fit.finalLevel).toBeCloseTo(7 / 3, 12);
    expect(fit.sse).toBeCloseTo(8 / 3, 12);
    expect(Array.from(fit.fitted)).toEqual([5 / 3, 4 / 3, 5 / 3].map((v) => expect.closeTo(v, 12)));
  });

  it('on a constant series forecasts the constant with zero error', () => {
    const fit = fitSimpleSmoothing(new Float64Array(20).fill(7));
    expect(fit.finalLevel).toBeCloseTo(7, 9);
    expect(fit.sse).toBeLessThan(1e-9);
  });

  it('optimised SSE is never above the SSE at any fixed alpha', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 4, maxLength: 60 }),
      fc.double({ min: 0.0001, max: 0.9999, noNaN: true }),
      (values, alpha) => {
        const y = Float64Array.from(values);
        const best = fitSimpleSmoothing(y).sse;
        const fixed = fitSimpleSmoothing(y, alpha).sse;
        // The search is a grid plus golden section: allow a hair of relative slack.
        expect(best).toBeLessThanOrEqual(fixed * (1 + 1e-3) + 1e-9);
      },
    ), { numRuns: 200 });
  });
});
