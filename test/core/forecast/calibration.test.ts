import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../src/core/forecast/forecast-series.js';
import { gammaVariate, poissonVariate } from '../../../src/core/forecast/intermittent/random-variates.js';

/** Park–Miller minimal standard generator. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

/**
 * Share of future draws inside the 80 % and 95 % intervals, for series drawn from a stationary
 * negative binomial law (Poisson rate mean * Gamma(k, 1/k)), i.e. data from the model family the
 * intermittent methods assume.
 */
function coverage(method: string, mean: number, k: number, seed: number) {
  const random = seededRandom(seed);
  const draw = () => poissonVariate(mean * (gammaVariate(k, random) / k), random);
  const series = 300;
  const length = 48;
  const horizon = 6;
  let inside80 = 0;
  let inside95 = 0;
  let below90 = 0;
  for (let s = 0; s < series; s++) {
    const y = Float64Array.from({ length }, draw);
    const result = forecastSeries(y, { method, horizon, seasonPeriod: 1, levels: [80, 95], random, paths: 400 });
    for (let h = 0; h < horizon; h++) {
      const actual = draw();
      if (result.lower[0][h] <= actual && actual <= result.upper[0][h]) inside80++;
      if (result.lower[1][h] <= actual && actual <= result.upper[1][h]) inside95++;
      if (actual <= result.upper[0][h]) below90++;
    }
  }
  const points = series * horizon;
  return { coverage80: inside80 / points, coverage95: inside95 / points, belowHi80: below90 / points };
}

describe('calibration of simulated count intervals', () => {
  // Counts make interval coverage jump in whole units, so it can only be at or above nominal;
  // a mean of 20 keeps the jumps small. Tolerances: nominal - 0.05 .. nominal + 0.08.
  for (const method of ['tsb', 'negbin', 'sba']) {
    it(`${method}: 80 % and 95 % intervals cover close to nominal on negative binomial data`, () => {
      const result = coverage(method, 20, 4, 20240501);
      expect(result.coverage80).toBeGreaterThan(0.75);
      expect(result.coverage80).toBeLessThan(0.88);
      expect(result.coverage95).toBeGreaterThan(0.9);
      expect(result.coverage95).toBeLessThan(0.99);
      expect(result.belowHi80).toBeGreaterThan(0.85);
    });
  }

  it('tsb: intervals stay honest for sparse demand (mean 0.4 per period)', () => {
    const result = coverage('tsb', 0.4, 0.5, 777);
    // The upper bound is a quantile of a discrete law: at least 90 % of actuals fall at or below hi80.
    expect(result.belowHi80).toBeGreaterThan(0.88);
    expect(result.belowHi80).toBeLessThan(0.99);
    expect(result.coverage95).toBeGreaterThan(0.93);
  });
});
