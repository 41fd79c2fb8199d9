import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MethodFit } from '../../../../src/core/forecast/contract.js';
import { forecastSeries } from '../../../../src/core/forecast/forecast-series.js';
import { ets } from '../../../../src/core/forecast/methods/ets.js';
import { holtWinters } from '../../../../src/core/forecast/methods/holt-winters.js';
import { AIR_PASSENGERS } from '../ets/air-passengers.js';

function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 16807) % 2147483647) / 2147483647);
}

const seasonal = (n: number, scale: number) =>
  Float64Array.from({ length: n }, (_, t) => scale * (10 + 3 * Math.sin((2 * Math.PI * t) / 12) + (t % 5) / 2));

/** Series every method must survive (STYLE.md: zeros, one sale, constant, short, returns, huge). */
const AWKWARD: Record<string, Float64Array> = {
  'all zeros': new Float64Array(36),
  'a single sale': Float64Array.from({ length: 36 }, (_, t) => (t === 20 ? 5 : 0)),
  'one observation': Float64Array.of(4),
  'two observations': Float64Array.of(4, 6),
  'no observations': new Float64Array(0),
  constant: new Float64Array(40).fill(3),
  'shorter than two seasons': Float64Array.of(5, 7, 6, 8, 7, 9, 8, 10, 9, 11),
  'with returns (negative values)': Float64Array.from({ length: 30 }, (_, t) => (t % 7 === 3 ? -2 : 4 + (t % 3))),
  'huge values': seasonal(48, 1e12),
  'trending below zero': Float64Array.from({ length: 40 }, (_, t) => 50 - 3 * t + (t % 4)),
  'tiny positive values': seasonal(48, 1e-9),
  'intermittent counts': Float64Array.from({ length: 48 }, (_, t) => [0, 0, 3, 0, 1, 0, 0, 0, 7, 0, 0, 2][t % 12]),
};

function expectSound(fit: MethodFit, n: number, horizon: number) {
  expect(fit.mean.length).toBe(horizon);
  expect(fit.variance.length).toBe(horizon);
  expect(fit.cumulativeVariance.length).toBe(horizon);
  expect(fit.fitted.length).toBe(n);
  expect(fit.label.length).toBeGreaterThan(0);
  for (let h = 0; h < horizon; h++) {
    expect(Number.isFinite(fit.mean[h])).toBe(true);
    expect(Number.isFinite(fit.variance[h])).toBe(true);
    expect(fit.variance[h]).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(fit.cumulativeVariance[h])).toBe(true);
    if (h > 0) expect(fit.cumulativeVariance[h]).toBeGreaterThanOrEqual(fit.cumulativeVariance[h - 1] * (1 - 1e-12));
  }
  if (fit.simulate) {
    const path = new Float64Array(horizon);
    fit.simulate(seeded(5), path);
    for (let h = 0; h < horizon; h++) expect(Number.isFinite(path[h])).toBe(true);
  }
}

describe.each([
  ['ets', ets],
  ['hw', holtWinters],
] as const)('method %s honours the contract', (_name, method) => {
  it.each(Object.entries(AWKWARD))('on a series that is %s', (_label, y) => {
    for (const seasonPeriod of [1, 12]) {
      const fit = method(y, { horizon: 14, seasonPeriod, random: seeded(1) });
      expectSound(fit, y.length, 14);
      const forecast = forecastSeries(y, { method: _name, horizon: 14, seasonPeriod, levels: [80, 95], random: seeded(2), paths: 200 });
      for (let h = 0; h < 14; h++) {
        expect(forecast.mean[h]).toBeGreaterThanOrEqual(0);
        expect(forecast.lower[1][h]).toBeLessThanOrEqual(forecast.lower[0][h] + 1e-9 * (1 + Math.abs(forecast.lower[0][h])));
        expect(forecast.upper[0][h]).toBeLessThanOrEqual(forecast.upper[1][h] + 1e-9 * (1 + Math.abs(forecast.upper[1][h])));
        expect(forecast.lower[0][h]).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('stays finite on random positive series of any length and season', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0.5, max: 1000, noNaN: true }), { minLength: 1, maxLength: 60 }),
      fc.constantFrom(1, 4, 12),
      (values, seasonPeriod) => {
        const y = Float64Array.from(values);
        expectSound(method(y, { horizon: 8, seasonPeriod, random: seeded(3) }), y.length, 8);
      },
    ), { numRuns: 40 });
  });
});

describe('ets method', () => {
  it('labels the chosen model and reports its AICc', () => {
    const fit = ets(AIR_PASSENGERS, { horizon: 12, seasonPeriod: 12, random: seeded(1) });
    expect(fit.label).toMatch(/^ETS\(MA(d)?M\)$/);
    expect(fit.aicc).toBeLessThan(1400.638 + 0.01);
    expect(fit.simulate).toBeDefined();
  });

  it('keeps a zero series at zero with zero variance', () => {
    const fit = ets(new Float64Array(24), { horizon: 6, seasonPeriod: 12, random: seeded(1) });
    expect(Array.from(fit.mean)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(fit.variance)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('hw method', () => {
  it('is classical Holt-Winters with two seasons of data, Holt\'s trend without', () => {
    expect(holtWinters(AIR_PASSENGERS, { horizon: 3, seasonPeriod: 12, random: seeded(1) }).label).toBe('hw');
    expect(holtWinters(AIR_PASSENGERS.subarray(0, 20), { horizon: 3, seasonPeriod: 12, random: seeded(1) }).label).toBe('ETS(AAN)');
  });
});
