import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MethodFit } from '../../../src/core/forecast/contract.js';
import { combineFits } from '../../../src/core/forecast/methods/combination.js';
import { FORECAST_METHODS } from '../../../src/core/forecast/registry.js';
import { isLongSeries, selectMethod } from '../../../src/core/forecast/select-method.js';

const random = () => 0.5;
const options = (seasonPeriod: number, horizon = 6) => ({ horizon, seasonPeriod, random });

describe('selectMethod (auto)', () => {
  it('gives zero to series without demand and to dead series', () => {
    expect(selectMethod(new Float64Array(10), options(12)).label).toBe('zero');
    const stopped = Float64Array.from({ length: 60 }, (_, t) => (t < 20 ? 5 : 0));
    // ADI 3, two seasons of 12 -> dead after max(12, 24, 12) = 24 zeros; 40 trailing zeros.
    expect(selectMethod(stopped, options(12)).label).toBe('zero');
    // Same history but the last demand 20 periods back: below 24, still forecast.
    const resting = Float64Array.from({ length: 40 }, (_, t) => (t < 20 ? 5 : 0));
    expect(selectMethod(resting, options(12)).label).not.toBe('zero');
  });

  it('uses simple methods on very short series', () => {
    expect(selectMethod(Float64Array.of(4), options(12)).label).toBe('naive');
    expect(selectMethod(Float64Array.of(4, 6, 5), options(12)).label).toBe('mean');
  });

  it('combines TSB with ETS and Theta for intermittent demand (ADI >= 1.32) without closed periods', () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => (t % 3 === 0 ? 2 + (t % 4) : 0));
    const label = selectMethod(y, options(12)).label;
    expect(label).toMatch(FORECAST_METHODS.ets !== undefined ? /^combo\(tsb\+ETS\([AM](N|A|Ad)[NAM]\)\+theta\)$/ : /^combo\(tsb\+theta\)$/);
  });

  it('on long intermittent series, combines TSB and Theta with an ETS without trend', () => {
    // Two years of daily demand on about one day in four, every weekday open, sizes 1..9 rising
    // by one unit every 100 days: alone, automatic ETS picks ETS(AAN) for it.
    const y = Float64Array.from({ length: 730 }, (_, t) => ((t * 7919) % 4 === 1 ? 1 + ((t * 31) % 9) + Math.floor(t / 100) : 0));
    expect(FORECAST_METHODS.ets(y, options(7, 28)).label).toBe('ETS(AAN)');
    const fit = selectMethod(y, options(7, 28));
    expect(fit.label).toMatch(/^combo\(tsb\+ETS\([AM]N[NAM]\)\+theta\)$/);
    // The same demand over 100 days is not long: the ETS member may have a trend again.
    expect(isLongSeries(100, 7)).toBe(false);
  });

  it('calls a series long from 20 cycles and 140 periods', () => {
    expect(isLongSeries(140, 7)).toBe(true);
    expect(isLongSeries(139, 7)).toBe(false);
    expect(isLongSeries(139, 1)).toBe(false);
    expect(isLongSeries(140, 1)).toBe(true);
    expect(isLongSeries(239, 12)).toBe(false);
    expect(isLongSeries(240, 12)).toBe(true);
  });

  it('chooses TSB alone for intermittent daily demand with a closed weekday over 8+ weeks', () => {
    // Sales on days 0 and 2 of each week and every other day 4; never on day 5: ADI 70/25 = 2.8.
    const y = Float64Array.from({ length: 70 }, (_, t) => (t % 7 === 0 ? 5 + (t % 3) : t % 7 === 2 ? 3 : t % 14 === 4 ? 2 : 0));
    const fit = selectMethod(y, options(7, 14));
    expect(fit.label).toBe('tsb');
    // The closed weekday gets a zero forecast: periods n + h with (n + h) mod 7 = 5.
    for (let h = 0; h < 14; h++) if ((70 + h) % 7 === 5) expect(fit.mean[h]).toBe(0);
  });

  it('does not treat a month without demand in under 8 years as closed', () => {
    const y = Float64Array.from({ length: 48 }, (_, t) => (t % 12 === 3 ? 0 : t % 2 === 0 ? 3 : 0));
    expect(selectMethod(y, options(12)).label).not.toBe('tsb');
  });

  it('combines ETS and Theta for smooth demand, and stays non-seasonal below two seasons', () => {
    const y = Float64Array.from({ length: 20 }, (_, t) => 50 + 10 * Math.sin(t) + t);
    const fit = selectMethod(y, options(12));
    const hasEts = FORECAST_METHODS.ets !== undefined;
    expect(fit.label).toMatch(hasEts ? /^combo\(ETS\([AM](N|A|Ad)N\)\+theta\)$/ : /^theta$/);
  });

  it('fits weekly demand with a yearly cycle non-seasonally after a Fourier profile, and keeps the cycle in the forecast', () => {
    // 2.5 years of weekly demand 100 (1 + 0.3 sin(2 pi t / 52)) with a little deterministic noise.
    const y = Float64Array.from({ length: 130 }, (_, t) => 100 * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 52)) + ((t * 7) % 5) - 2);
    const fit = selectMethod(y, options(52, 26));
    expect(fit.label).toMatch(/^fourier\(combo\(ETS\([AM](N|A|Ad)N\)\+theta\)\)$/);
    // Weeks 130 + h: the peak (sin = 1) at t mod 52 = 13, the trough at 39; 130 mod 52 = 26.
    const at = (t: number) => fit.mean[t - 130];
    expect(at(130)).toBeGreaterThan(90); // 130 mod 52 = 26: sin = 0, 100
    expect(at(130)).toBeLessThan(110);
    expect(at(143)).toBeLessThan(at(130) * 0.85); // 143 mod 52 = 39: the trough, 70
  });
});

describe('combineFits', () => {
  const fitOf = (mean: number[], sd: number[]): MethodFit => ({
    label: `m${mean[0]}`,
    mean: Float64Array.from(mean),
    fitted: Float64Array.from(mean),
    variance: Float64Array.from(sd.map((s) => s * s)),
    cumulativeVariance: Float64Array.from(sd.map((s, i) => (s * (i + 1)) ** 2)),
    aicc: NaN,
  });

  it('averages the means and, assuming perfectly correlated errors, the standard deviations', () => {
    const combined = combineFits([fitOf([10, 20], [1, 2]), fitOf([14, 30], [3, 4])]);
    expect(Array.from(combined.mean)).toEqual([12, 25]);
    expect(Array.from(combined.variance)).toEqual([4, 9]); // ((1 + 3)/2)^2, ((2 + 4)/2)^2
    expect(combined.label).toBe('combo(m10+m14)');
  });

  it('keeps the combined mean between the smallest and largest member (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 }),
      (means) => {
        const combined = combineFits(means.map((mean) => fitOf(mean, [1, 1, 1])));
        for (let h = 0; h < 3; h++) {
          const column = means.map((mean) => mean[h]);
          expect(combined.mean[h]).toBeGreaterThanOrEqual(Math.min(...column) - 1e-6);
          expect(combined.mean[h]).toBeLessThanOrEqual(Math.max(...column) + 1e-6);
        }
      },
    ));
  });
});

describe('method labels', () => {
  it('never contain a comma, so the method column of forecast.csv needs no quoting (issue 12)', () => {
    fc.assert(fc.property(
      fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 60 }),
      fc.constantFrom(1, 4, 7, 12),
      (values, seasonPeriod) => {
        const label = selectMethod(Float64Array.from(values), options(seasonPeriod)).label;
        expect(label).not.toContain(',');
      },
    ), { numRuns: 150 });
  });
});

