import { describe, expect, it } from 'vitest';
import { fitHoltWinters, forecastHoltWinters } from '../../../../src/core/forecast/ets/holt-winters.js';
import { variancesFromPsi } from '../../../../src/core/forecast/contract.js';
import { AIR_PASSENGERS } from './air-passengers.js';

describe('fitHoltWinters', () => {
  // R 4.2.2: hw <- HoltWinters(AirPassengers)
  //   alpha 0.2479594897, beta 0.03453372965, gamma 1, SSE 21860.18462
  //   a 477.827780540, b 3.127626566
  //   s1..s12 -27.457685355 -54.692464420 -20.174608149 12.919119850 18.873606798 75.294425815
  //           152.888368491 134.613463851 33.778349314 -18.379060112 -87.772407500 -45.827780540
  //   predict(hw, 3, prediction.interval = TRUE): fit 453.4977218 429.3905693 467.0360521
  //                                               upr 478.5801765 455.2851369 493.7706316
  const fit = fitHoltWinters(AIR_PASSENGERS, 12);

  it('finds the smoothing parameters and SSE of R HoltWinters(AirPassengers)', () => {
    expect(fit).not.toBeNull();
    if (fit === null) return;
    expect(fit.sse).toBeLessThan(21860.18462 + 0.01);
    expect(fit.sse).toBeGreaterThan(21860.18462 - 1);
    expect(fit.alpha).toBeCloseTo(0.2479594897, 3);
    expect(fit.beta).toBeCloseTo(0.03453372965, 3);
    expect(fit.gamma).toBeCloseTo(1, 4);
  });

  it('ends with R\'s coefficients a, b and s1..s12', () => {
    if (fit === null) throw new Error('no fit');
    const season = [-27.457685355, -54.69246442, -20.174608149, 12.91911985, 18.873606798, 75.294425815,
      152.888368491, 134.613463851, 33.778349314, -18.379060112, -87.7724075, -45.82778054];
    expect(fit.level).toBeCloseTo(477.82778054, 1);
    expect(fit.trend).toBeCloseTo(3.127626566, 2);
    season.forEach((value, j) => expect(fit.season[j]).toBeCloseTo(value, 1));
  });

  it('forecasts and bounds like predict.HoltWinters', () => {
    if (fit === null) throw new Error('no fit');
    const { mean, psi } = forecastHoltWinters(fit, 3);
    const { variance } = variancesFromPsi(psi, fit.residualVariance, 3);
    const expectedMean = [453.4977218, 429.3905693, 467.0360521];
    const expectedUpper = [478.5801765, 455.2851369, 493.7706316];
    for (let h = 0; h < 3; h++) {
      expect(mean[h]).toBeCloseTo(expectedMean[h], 1);
      // qnorm(0.975) = 1.959963985
      expect(mean[h] + 1.959963985 * Math.sqrt(variance[h])).toBeCloseTo(expectedUpper[h], 1);
    }
  });

  it('leaves the first season without fitted values, which start values use up', () => {
    if (fit === null) throw new Error('no fit');
    for (let t = 0; t < 12; t++) expect(fit.fitted[t]).toBeNaN();
    // R: head(fitted(hw)) xhat for Jan 1950 = 110.6432 (level 124.3169 + trend 1.145688 + season -14.819444)
    expect(fit.fitted[12]).toBeCloseTo(110.6432, 3);
  });

  it('needs two seasons and one more observation', () => {
    expect(fitHoltWinters(AIR_PASSENGERS.subarray(0, 24), 12)).toBeNull();
    expect(fitHoltWinters(AIR_PASSENGERS, 1)).toBeNull();
  });
});
