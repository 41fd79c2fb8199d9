import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countQuantile } from '../../../src/core/forecast/count-quantile.js';

describe('countQuantile', () => {
  it('gives Poisson quantiles when the variance equals the mean', () => {
    // R: qpois(c(0.025, 0.1, 0.9, 0.95, 0.975), 2) -> 0 0 4 5 5
    expect([0.025, 0.1, 0.9, 0.95, 0.975].map((p) => countQuantile(2, 2, p))).toEqual([0, 0, 4, 5, 5]);
  });

  it('gives negative binomial quantiles when the variance exceeds the mean', () => {
    // mean 3, variance 12: size r = 9 / 9 = 1, prob p = 3 / 12 = 0.25.
    // R: qnbinom(c(0.1, 0.5, 0.9, 0.975), size = 1, prob = 0.25) -> 0 2 8 12
    expect([0.1, 0.5, 0.9, 0.975].map((p) => countQuantile(3, 12, p))).toEqual([0, 2, 8, 12]);
  });

  it('is zero for zero mean and follows the normal law for large means', () => {
    expect(countQuantile(0, 0, 0.99)).toBe(0);
    // mean 10000, sd 100: 97.5 % quantile about 10000 + 1.96 * 100 = 10196.
    expect(countQuantile(10000, 10000, 0.975)).toBeGreaterThanOrEqual(10195);
    expect(countQuantile(10000, 10000, 0.975)).toBeLessThanOrEqual(10197);
  });

  it('never falls as the probability rises', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.01, max: 400, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }),
      fc.double({ min: 0.01, max: 0.98, noNaN: true }), fc.double({ min: 0.001, max: 0.019, noNaN: true }),
      (mean, dispersion, p, dp) => countQuantile(mean, mean * dispersion, p) <= countQuantile(mean, mean * dispersion, p + dp),
    ));
  });
});
