import { describe, expect, it } from 'vitest';
import { crostonLevel, smoothedLevelVariance } from '../../../../src/core/forecast/intermittent/croston-level.js';
import { croston } from '../../../../src/core/forecast/methods/croston.js';
import { sba } from '../../../../src/core/forecast/methods/sba.js';

const random = () => 0.5;

describe('crostonLevel', () => {
  it('reproduces croston(c(0,2,0,0,3,0,1), h = 1) by hand', () => {
    // R: forecast::croston(c(0,2,0,0,3,0,1), h = 1, alpha = 0.1) smooths sizes 2, 3, 1 and intervals
    // diff(c(0, 2, 5, 7)) = 2, 3, 2, each from its first value:
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

describe('smoothedLevelVariance', () => {
  it('is alpha/(2-alpha) var(y) / level^2', () => {
    // var(0, 2, 0, 2) = 4 / 3 (n - 1 denominator); 0.1 / 1.9 * 4/3 / 1^2.
    expect(smoothedLevelVariance(Float64Array.of(0, 2, 0, 2), 1, 0.1)).toBeCloseTo((0.1 / 1.9) * (4 / 3), 12);
  });
});
