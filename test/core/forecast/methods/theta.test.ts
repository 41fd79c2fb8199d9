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
      // SES state-space variance sigma2 (1 + h alpha^2), sigma2 = SSE / (n - 2).
      expect(fit.variance[h]).toBeCloseTo((ses.sse / 4) * (1 + h * a * a), 10);
    }
    expect(fit.label).toBe('theta');
    expect(fit.fitted.length).toBe(6);
  });

  it('matches R thetaf on a short trending series', () => {
    // R 4.2.2, forecast 8.20: t <- thetaf(ts(c(2,4,3,5,4,6,5,7,6,8,7,9)), h = 3)
    // t$mean  8.710856503 8.976590768 9.242325034
    // t$lower (80 %) 6.820546626 6.751194614 6.726076903; t$upper (95 %) 11.60183598 12.38004049 13.09059446
    // R finds alpha by Nelder-Mead (0.62125); our exact profile search lands within 1e-5 relative.
    const fit = theta(Float64Array.of(2, 4, 3, 5, 4, 6, 5, 7, 6, 8, 7, 9), { horizon: 3, seasonPeriod: 1, random });
    const z80 = 1.2815515655446004;
    const z95 = 1.959963984540054;
    const rMean = [8.710856503, 8.976590768, 9.242325034];
    const rLower80 = [6.820546626, 6.751194614, 6.726076903];
    const rUpper95 = [11.60183598, 12.38004049, 13.09059446];
    for (let h = 0; h < 3; h++) {
      const sd = Math.sqrt(fit.variance[h]);
      expect(Math.abs(fit.mean[h] - rMean[h]) / rMean[h]).toBeLessThan(1e-4);
      expect(Math.abs(fit.mean[h] - z80 * sd - rLower80[h]) / rLower80[h]).toBeLessThan(2e-3);
      expect(Math.abs(fit.mean[h] + z95 * sd - rUpper95[h]) / rUpper95[h]).toBeLessThan(2e-3);
    }
  });

  it('matches R thetaf on AirPassengers (seasonal test, multiplicative decomposition)', () => {
    // R: thetaf(AirPassengers, h = 12)$mean: 440.0781911 428.3842806 489.7070987 ... 447.6449087
    const air = Float64Array.of(112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170,
      158, 133, 114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209,
      191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293, 259, 229,
      203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271,
      306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337,
      360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432);
    const r = [440.0781911, 428.3842806, 489.7070987, 475.7046277, 479.6703887, 545.3662722,
      602.7520018, 601.1007631, 523.9514922, 456.6271449, 397.9537347, 447.6449087];
    const fit = theta(air, { horizon: 12, seasonPeriod: 12, random });
    for (let h = 0; h < 12; h++) expect(Math.abs(fit.mean[h] - r[h]) / r[h]).toBeLessThan(1e-5);
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
