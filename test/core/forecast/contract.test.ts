import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../src/core/forecast/forecast-series.js';
import { FORECAST_METHODS, forecastMethodNames } from '../../../src/core/forecast/registry.js';
import { rebuildSimulate } from '../../../src/core/forecast/rebuild-simulate.js';

/** Park–Miller minimal standard generator, so simulated intervals are reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

/** The shared set of awkward series every method must survive (STYLE.md, "Tests"). */
const AWKWARD: Record<string, Float64Array> = {
  'all zeros': new Float64Array(30),
  'a single sale': Float64Array.from({ length: 30 }, (_, t) => (t === 17 ? 5 : 0)),
  constant: new Float64Array(30).fill(4),
  'shorter than two seasons': Float64Array.of(3, 0, 5, 2, 4, 1, 0, 6, 2, 3),
  'one observation': Float64Array.of(7),
  'two observations': Float64Array.of(7, 0),
  'huge values': Float64Array.from({ length: 40 }, (_, t) => 1e12 * (2 + Math.sin(t / 2))),
  returns: Float64Array.from({ length: 30 }, (_, t) => (t % 5 === 3 ? -2 : t % 3)),
  'lumpy weekly pattern': Float64Array.from({ length: 60 }, (_, t) => (t % 7 === 5 ? 0 : (t * 37) % 11 === 0 ? 40 : (t * 13) % 3)),
  'smooth seasonal': Float64Array.from({ length: 60 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12) + t),
};

const methods = forecastMethodNames();

describe('every registered method and auto on the awkward series', () => {
  for (const method of methods) {
    for (const [name, y] of Object.entries(AWKWARD)) {
      for (const seasonPeriod of [1, 7, 12]) {
        it(`${method} on ${name} (m = ${seasonPeriod}) gives finite, non-negative, nested forecasts`, () => {
          const horizon = 9;
          const result = forecastSeries(y, { method, horizon, seasonPeriod, levels: [80, 95], random: seededRandom(7), paths: 200 });
          expect(result.mean.length).toBe(horizon);
          expect(result.fit.fitted.length).toBe(y.length);
          expect(result.method.length).toBeGreaterThan(0);
          for (let h = 0; h < horizon; h++) {
            const values = [result.mean[h], result.lower[0][h], result.upper[0][h], result.lower[1][h], result.upper[1][h]];
            expect(values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
            expect(result.lower[1][h]).toBeLessThanOrEqual(result.lower[0][h] + 1e-9 * (1 + result.lower[0][h]));
            expect(result.upper[0][h]).toBeLessThanOrEqual(result.upper[1][h] + 1e-9 * (1 + result.upper[1][h]));
            expect(Number.isFinite(result.fit.variance[h]) && result.fit.variance[h] >= 0).toBe(true);
            expect(Number.isFinite(result.fit.cumulativeVariance[h]) && result.fit.cumulativeVariance[h] >= 0).toBe(true);
          }
        });
      }
    }
  }

  it('auto forecasts zero, labelled zero, for a series without demand', () => {
    const result = forecastSeries(new Float64Array(24), { method: 'auto', horizon: 3, seasonPeriod: 12, levels: [80, 95], random: seededRandom(1) });
    expect(result.method).toBe('zero');
    expect(Array.from(result.upper[1])).toEqual([0, 0, 0]);
  });
});

describe('intermittent methods', () => {
  it('give in-sample forecasts equal to the one-step forecasts from the data before each period', () => {
    const y = Float64Array.of(0, 3, 0, 0, 1, 0, 4, 0, 0, 0, 2, 1, 0, 0, 5, 0);
    for (const name of ['croston', 'sba', 'tsb', 'negbin']) {
      const method = FORECAST_METHODS[name];
      const full = method(y, { horizon: 1, seasonPeriod: 1, random: seededRandom(3) });
      for (let t = 4; t < y.length; t++) {
        const prefix = method(y.subarray(0, t), { horizon: 1, seasonPeriod: 1, random: seededRandom(3) });
        // TSB starts from whole-series shares, so only Croston-type and window methods are prefix-exact.
        if (name === 'tsb') continue;
        expect(full.fitted[t]).toBeCloseTo(prefix.mean[0], 12);
      }
    }
  });
});

describe('simulators cross threads as data', () => {
  for (const method of methods) {
    it(`${method}: a fit that simulates carries the state that rebuilds the same simulator`, () => {
      for (const [name, y] of Object.entries({ ...AWKWARD, 'positive, fractional': Float64Array.from({ length: 40 }, (_, t) => 5.5 + 2.25 * Math.sin(t)) })) {
        const { fit } = forecastSeries(y, { method, horizon: 6, seasonPeriod: 12, levels: [80, 95], random: seededRandom(3), paths: 50 });
        if (!fit.simulate) continue;
        expect(fit.simulatorState, `${method} on ${name}`).toBeDefined();
        const rebuilt = rebuildSimulate(fit.simulatorState as NonNullable<typeof fit.simulatorState>);
        const own = new Float64Array(10);
        const again = new Float64Array(10);
        fit.simulate(seededRandom(11), own);
        rebuilt(seededRandom(11), again);
        expect(again).toEqual(own);
      }
    });
  }
});
