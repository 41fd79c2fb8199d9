import { describe, expect, it } from 'vitest';
import { fitSimpleSmoothing } from '../../../../src/core/forecast/methods/fit-simple-smoothing.js';
import { theta } from '../../../../src/core/forecast/methods/theta.js';

const random = () => 0.5;

describe('theta', () => {
  it('is SES plus half the least-squares slope as drift (Hyndman & Billah 2003)', () => {
    // y = 2, 4, 3, 5, 4, 6 at t = 0..5: mean t 2.5, mean y 4,
    // slope = sum((t - 2.5)(y - 4)) / sum((t - 2.5)^2) = 11 / 17.5 = 0.628571..., half 0.3142857.
    const y = Float64Array.of(2, 4, 3, 5, 4, 6);
    const ses = fitSimpleSmoothing(y);
    const a = ses.alpha;
    const fit = theta(y, { horizon: 3, seasonPeriod: 1, random });
    const start = (1 - Math.pow(1 - a, 6)) / a;
    for (let h = 0; h < 3; h++) {
      expect(fit.mean[h]).toBeCloseTo(ses.finalLevel + (11 / 17.5 / 2) * (h + start), 10);
      // SES state-space variance sigma2 (1 + h alpha^2), sigma2 = SSE / (n - 3).
      expect(fit.variance[h]).toBeCloseTo((ses.sse / 3) * (1 + h * a * a), 10);
    }
    expect(fit.label).toBe('theta');
    expect(fit.fitted.length).toBe(6);
  });

  it('on a straight line forecasts half the slope per period beyond the last point', () => {
    // SES tracks the line (alpha -> 0.9999, l_n ~ 6); drift 0.5 with start term ~1: 6.5, 7, 7.5.
    const fit = theta(Float64Array.of(1, 2, 3, 4, 5, 6), { horizon: 3, seasonPeriod: 1, random });
    expect(Array.from(fit.mean)).toEqual([6.5, 7, 7.5].map((v) => expect.closeTo(v, 2)));
  });

  it('re-seasonalises a multiplicative seasonal series', () => {
    const s = [0.6, 0.8, 1.4, 1.2];
    const y = Float64Array.from({ length: 40 }, (_, t) => 100 * s[t % 4]);
    const fit = theta(y, { horizon: 4, seasonPeriod: 4, random });
    // Seasonally adjusted data are flat at 100, so the forecast is the pattern itself.
    expect(Array.from(fit.mean)).toEqual(s.map((v) => expect.closeTo(100 * v, 6)));
  });

  it('cumulative variance of a non-seasonal series matches the SES psi weights 1, alpha, alpha, ...', () => {
    const y = Float64Array.of(5, 7, 6, 9, 4, 8, 7, 6, 9, 8);
    const fit = theta(y, { horizon: 3, seasonPeriod: 1, random });
    const a = fitSimpleSmoothing(y).alpha;
    const sigma2 = fit.variance[0];
    // Sum of 3 errors: coefficients 1 + 2a, 1 + a, 1.
    expect(fit.cumulativeVariance[2]).toBeCloseTo(sigma2 * ((1 + 2 * a) ** 2 + (1 + a) ** 2 + 1), 10);
  });
});
