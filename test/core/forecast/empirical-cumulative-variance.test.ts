import { describe, expect, it } from 'vitest';
import type { MethodFit } from '../../../src/core/forecast/contract.js';
import { withEmpiricalCumulativeVariance } from '../../../src/core/forecast/empirical-cumulative-variance.js';

const fitOf = (fitted: number[], cumulativeVariance: number[]): MethodFit => ({
  label: 'x', mean: new Float64Array(cumulativeVariance.length).fill(1), fitted: Float64Array.from(fitted),
  variance: new Float64Array(cumulativeVariance.length).fill(1), cumulativeVariance: Float64Array.from(cumulativeVariance), aicc: NaN,
});

describe('withEmpiricalCumulativeVariance', () => {
  it('raises V_h to the mean squared error of h-period sums, by hand', () => {
    // y = 0 4 0 4 ... (10 periods), one-step forecast 2 everywhere. h = 1: errors -2, +2 -> MSE 4.
    // h = 2: every 2-period sum is 4 = 2 x 2 -> MSE 0, the model's 5 stays. h = 3: sums 4 or 8 against 6 -> MSE 4.
    const y = Float64Array.from({ length: 10 }, (_, t) => (t % 2 === 0 ? 0 : 4));
    const out = withEmpiricalCumulativeVariance(fitOf(new Array<number>(10).fill(2), [1, 5, 1]), y);
    expect(Array.from(out.cumulativeVariance)).toEqual([4, 5, 4]);
  });

  it('skips origins without a forecast and carries the last measured excess beyond measurable horizons', () => {
    // 9 values, fitted NaN at 0: h = 1 has 8 windows (MSE 4 against model 1: excess 3); h = 2 has 7 windows (< 8).
    const y = Float64Array.from({ length: 9 }, (_, t) => (t % 2 === 0 ? 0 : 4));
    const out = withEmpiricalCumulativeVariance(fitOf([NaN, 2, 2, 2, 2, 2, 2, 2, 2], [1, 2]), y);
    expect(Array.from(out.cumulativeVariance)).toEqual([4, 5]);
    expect(Array.from(out.variance)).toEqual([1, 1]);
  });
});
