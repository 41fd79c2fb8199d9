import { describe, expect, it } from 'vitest';
import { crostonLevel, smoothingVarianceFactor, squaredVariation } from '../../../../src/core/forecast/intermittent/croston-level.js';
import { croston } from '../../../../src/core/forecast/methods/croston.js';
import { sba } from '../../../../src/core/forecast/methods/sba.js';

const random = () => 0.5;

describe('crostonLevel', () => {
  it('reproduces croston(c(0,2,0,0,3,0,1), h = 1) by hand', () => {
    // R: forecast::croston(c(0,2,0,0,3,0,1), h = 1, alpha = 0.1) smooths sizes 2, 3, 1 and intervals
    // diff(c(0, 2, 5, 7)) = 2, 3, 2, each from its first value (R 4.2.2, forecast 8.20 prints 0.9521531):
    // sizes 2 -> 2 + 0.1 (3 - 2) = 2.1 -> 2.1 + 0.1 (1 - 2.1) = 1.99;
    // intervals 2 -> 2 + 0.1 (3 - 2) = 2.1 -> 2.1 + 0.1 (2 - 2.1) = 2.09; forecast 1.99 / 2.09 = 0.952153.
    const y = Float64Array.of(0, 2, 0, 0, 3, 0, 1);
    expect(crostonLevel(y, 0.1, 1).level).toBeCloseTo(1.99 / 2.09, 12);
    expect(croston(y, { horizon: 3, seasonPeriod: 1, random }).mean[2]).toBeCloseTo(1.99 / 2.09, 12);
  });

  it('gives in-sample forecasts only after the first demand, updated after each demand', () => {
    const fitted = crostonLevel(Float64Array.of(0, 2, 0, 0, 3, 0, 1), 0.1, 1).fitted;
    expect(Number.isNaN(fitted[0]) && Number.isNaN(fitted[1])).toBe(true);
    // After the first demand: size 2 / interval 2 = 1; after the second: 2.1 / 2.1 = 1.
    expect(Array.from(fitted.subarray(2))).toEqual([1, 1, 1, 1, 1].map((v) => expect.closeTo(v, 12)));
  });

  it('SBA is Croston times 1 - alpha/2 = 0.95', () => {
    const y = Float64Array.of(0, 5, 0, 0, 1, 0, 0, 0, 7, 0, 2);
    const options = { horizon: 2, seasonPeriod: 1, random };
    expect(sba(y, options).mean[0]).toBeCloseTo(0.95 * croston(y, options).mean[0], 12);
    expect(sba(y, options).label).toBe('sba');
  });

  it('gives a zero rate for a series without demand', () => {
    expect(crostonLevel(new Float64Array(5), 0.1, 1).level).toBe(0);
  });
});

describe('level variance helpers', () => {
  it('squaredVariation is the population variance over the squared mean', () => {
    // values 1 and 3: mean 2, variance 1 -> 0.25
    expect(squaredVariation(2, 4, 10)).toBeCloseTo(0.25, 12);
    expect(squaredVariation(1, 5, 25)).toBe(0);
  });

  it('Croston rate variance adds the CV² of sizes and intervals times alpha/(2-alpha)', () => {
    // sizes 2, 3, 1: mean 2, variance 2/3, CV² 1/6; intervals 2, 3, 2: mean 7/3, variance 2/9, CV² 2/49.
    const fit = crostonLevel(Float64Array.of(0, 2, 0, 0, 3, 0, 1), 0.1, 1);
    expect(fit.levelVariance).toBeCloseTo(smoothingVarianceFactor(0.1) * (1 / 6 + 2 / 49), 12);
    expect(smoothingVarianceFactor(0.1)).toBeCloseTo(0.1 / 1.9, 15);
  });
});
