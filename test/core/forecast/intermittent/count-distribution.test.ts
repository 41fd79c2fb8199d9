import { describe, expect, it } from 'vitest';
import { countDistribution, inverseDispersion } from '../../../../src/core/forecast/intermittent/count-distribution.js';
import { seasonProfile } from '../../../../src/core/forecast/intermittent/season-profile.js';

/** Park–Miller minimal standard generator: reproducible uniforms for the simulation checks. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

describe('countDistribution', () => {
  it('is Poisson when there is neither over-dispersion nor level uncertainty', () => {
    const d = countDistribution({ mean: Float64Array.of(2, 3), inverseDispersion: 0, levelVariance: 0, isInteger: true });
    expect(Array.from(d.variance)).toEqual([2, 3]);
    expect(Array.from(d.cumulativeVariance)).toEqual([2, 5]);
  });

  it('simulated paths have the stated means, variances and cumulative variance', () => {
    // mu = 1.5, 0.5, 3; 1/k = 0.8; v = 0.1. Per period var = mu + mu^2 (1.1 * 1.8 - 1) = mu + 0.98 mu^2.
    const mean = Float64Array.of(1.5, 0.5, 3);
    const d = countDistribution({ mean, inverseDispersion: 0.8, levelVariance: 0.1, isInteger: true });
    expect(d.variance[0]).toBeCloseTo(1.5 + 0.98 * 2.25, 12);
    const random = seededRandom(12345);
    const paths = 40000;
    const sums = new Float64Array(3);
    const squares = new Float64Array(3);
    let total = 0;
    let totalSquares = 0;
    const out = new Float64Array(3);
    let allCounts = true;
    for (let p = 0; p < paths; p++) {
      d.simulate(random, out);
      let pathSum = 0;
      for (let h = 0; h < 3; h++) {
        if (!(Number.isInteger(out[h]) && out[h] >= 0)) allCounts = false;
        sums[h] += out[h];
        squares[h] += out[h] * out[h];
        pathSum += out[h];
      }
      total += pathSum;
      totalSquares += pathSum * pathSum;
    }
    expect(allCounts).toBe(true);
    for (let h = 0; h < 3; h++) {
      const m = sums[h] / paths;
      expect(Math.abs(m - mean[h]) / mean[h]).toBeLessThan(0.03);
      expect(Math.abs(squares[h] / paths - m * m - d.variance[h]) / d.variance[h]).toBeLessThan(0.08);
    }
    const m = total / paths;
    expect(Math.abs(totalSquares / paths - m * m - d.cumulativeVariance[2]) / d.cumulativeVariance[2]).toBeLessThan(0.08);
  });
});

describe('inverseDispersion', () => {
  it('matches the method of moments by hand', () => {
    // errors +-2 around f = 2: sum(e^2 - f) = 4 * (4 - 2) = 8, sum f^2 = 16, 1/k = 0.5.
    expect(inverseDispersion(Float64Array.of(0, 4, 0, 4), Float64Array.of(2, 2, 2, 2), true)).toBeCloseTo(0.5, 12);
    // Poisson-like scatter gives 0, never negative.
    expect(inverseDispersion(Float64Array.of(2, 2), Float64Array.of(2, 2), true)).toBe(0);
  });
});

describe('seasonProfile', () => {
  it('gives a closed weekday weight 0 and the open days the same weight', () => {
    const y = Float64Array.from({ length: 28 }, (_, t) => (t % 7 === 5 ? 0 : 6));
    const weights = seasonProfile(y, 7);
    expect(weights).not.toBeNull();
    // Mean 36/7 per day; open days 6 / (36/7) = 7/6.
    expect(Array.from(weights ?? [])).toEqual([7 / 6, 7 / 6, 7 / 6, 7 / 6, 7 / 6, 0, 7 / 6].map((v) => expect.closeTo(v, 12)));
  });
});
