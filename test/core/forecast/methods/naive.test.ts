import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residualVariance, variancesFromPsi } from '../../../../src/core/forecast/contract.js';
import { forecastSeries } from '../../../../src/core/forecast/forecast-series.js';
import { naive } from '../../../../src/core/forecast/methods/naive.js';
import { seededRandom } from '../../../../src/core/random.js';

const random = seededRandom(1);

/** The obvious naive method: fitted values built, residual variance and psi-weight variances from the shared helpers. */
function slowNaive(y: Float64Array, horizon: number) {
  const n = y.length;
  const fitted = new Float64Array(n).fill(NaN);
  for (let t = 1; t < n; t++) fitted[t] = y[t - 1];
  const sigma2 = n > 1 ? residualVariance(y, fitted) : 0;
  return { mean: new Float64Array(horizon).fill(n > 0 ? y[n - 1] : 0), fitted, ...variancesFromPsi(new Float64Array(horizon).fill(1), sigma2, horizon) };
}

/** Bits of a list of numbers, so that NaN equals NaN and 0 differs from -0. */
const bits = (values: Float64Array) => [...values].map((v) => Object.is(v, -0) ? '-0' : String(v));

describe('naive', () => {
  it('gives the last value, and variances of h and 1 + 4 + ... + h^2 times the mean squared difference (R: forecast::naive)', () => {
    // y = 3, 5, 4: differences 2, -1, mean square 2.5.
    const fit = naive(Float64Array.of(3, 5, 4), { horizon: 3, seasonPeriod: 1, random });
    expect([...fit.mean]).toEqual([4, 4, 4]);
    expect([...fit.variance]).toEqual([2.5, 5, 7.5]);
    expect([...fit.cumulativeVariance]).toEqual([2.5, 12.5, 35]);
    expect([...fit.fitted]).toEqual([NaN, 3, 5]);
  });

  it('is bit for bit the slow, obvious version, NaN gaps and tiny series included', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 40 }), fc.constant(NaN));
    fc.assert(fc.property(fc.array(value, { maxLength: 50 }), fc.integer({ min: 1, max: 30 }), (values, horizon) => {
      const y = Float64Array.from(values);
      const fast = naive(y, { horizon, seasonPeriod: 1, random });
      const slow = slowNaive(y, horizon);
      expect(bits(fast.mean)).toEqual(bits(slow.mean));
      expect(bits(fast.variance)).toEqual(bits(slow.variance));
      expect(bits(fast.cumulativeVariance)).toEqual(bits(slow.cumulativeVariance));
      expect(bits(fast.fitted)).toEqual(bits(slow.fitted));
    }));
  });
});

describe('forecastSeries interval nesting', () => {
  it('for levels in any order, repeated or not, a wider level contains every narrower one', () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => 5 + ((t * 7) % 11));
    fc.assert(fc.property(fc.array(fc.constantFrom(50, 80, 90, 95, 99), { minLength: 1, maxLength: 5 }), (levels) => {
      const forecast = forecastSeries(y, { method: 'naive', horizon: 4, seasonPeriod: 1, levels, random: seededRandom(2) });
      for (let i = 0; i < levels.length; i++) {
        for (let j = 0; j < levels.length; j++) {
          if (levels[i] > levels[j]) continue;
          for (let h = 0; h < 4; h++) {
            expect(forecast.lower[j][h]).toBeLessThanOrEqual(forecast.lower[i][h]);
            expect(forecast.upper[j][h]).toBeGreaterThanOrEqual(forecast.upper[i][h]);
          }
        }
      }
    }));
  });
});
