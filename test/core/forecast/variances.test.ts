import fc from 'fast-check';
import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { residualVariance, variancesFromPsi } from '../../../src/core/forecast/contract.js';
import { countDistribution } from '../../../src/core/forecast/intermittent/count-distribution.js';
import { seededRandom } from '../../../src/core/random.js';

// simple-statistics serves as the independent, obvious implementation the kernels are checked against.
describe('residualVariance', () => {
  it('is the mean squared one-step error where a forecast exists', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 40 }),
      (pairs) => {
        const y = Float64Array.from(pairs, ([v]) => v);
        const fitted = Float64Array.from(pairs, ([v, has], i) => (has ? v / 2 + i : NaN));
        const errors = pairs.flatMap(([v, has], i) => (has ? [(v - (v / 2 + i)) ** 2] : []));
        const expected = errors.length === 0 ? NaN : mean(errors);
        const actual = residualVariance(y, fitted);
        if (Number.isNaN(expected)) expect(actual).toBeNaN();
        else expect(actual).toBeCloseTo(expected, 6);
      }));
  });
});

describe('variancesFromPsi', () => {
  it('matches the sample variance of simulated cumulative errors of a random walk', () => {
    // Random walk: psi = 1, 1, 1: the error of the sum over 3 steps is 3 e1 + 2 e2 + e3, variance 14 sigma^2.
    const { variance, cumulativeVariance } = variancesFromPsi(Float64Array.of(1, 1, 1), 2, 3);
    expect([...variance]).toEqual([2, 4, 6]);
    expect([...cumulativeVariance]).toEqual([2, 10, 28]);
    const random = seededRandom(3);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const sums: number[] = [];
    for (let i = 0; i < 40_000; i++) {
      const [e1, e2, e3] = [normal(), normal(), normal()].map((z) => z * Math.SQRT2);
      sums.push(3 * e1 + 2 * e2 + e3);
    }
    expect(sampleVariance(sums)).toBeCloseTo(28, 0);
  });
});

describe('countDistribution', () => {
  it('gives per-period and cumulative variances that simulated paths reproduce', () => {
    const law = countDistribution({ mean: Float64Array.of(1.5, 0.5, 2), inverseDispersion: 0.4, levelVariance: 0.1, isInteger: true });
    const random = seededRandom(11);
    const path = new Float64Array(3);
    const first: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < 60_000; i++) {
      law.simulate(random, path);
      first.push(path[0]);
      total.push(path[0] + path[1] + path[2]);
    }
    expect(mean(first)).toBeCloseTo(1.5, 1);
    expect(sampleVariance(first) / law.variance[0]).toBeGreaterThan(0.95);
    expect(sampleVariance(first) / law.variance[0]).toBeLessThan(1.05);
    expect(sampleVariance(total) / law.cumulativeVariance[2]).toBeGreaterThan(0.95);
    expect(sampleVariance(total) / law.cumulativeVariance[2]).toBeLessThan(1.05);
  });
});
