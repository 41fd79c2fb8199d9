import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { etsLikelihood } from '../../../../src/core/forecast/ets/ets-likelihood.js';
import { etsRecursion } from '../../../../src/core/forecast/ets/ets-recursion.js';
import { AIR_PASSENGERS } from './air-passengers.js';

/** Both kernels from copies of the same start; returns [criterion, state, season] of each. */
function runBoth(y: Float64Array, codes: [number, number, number], m: number, parameters: [number, number, number, number],
  level: number, trend: number, season0: Float64Array) {
  const run = (kernel: 'general' | 'specialised') => {
    const state = Float64Array.of(level, trend);
    const season = season0.slice();
    const [alpha, beta, gamma, phi] = parameters;
    const value = kernel === 'general'
      ? etsRecursion(y, codes[0], codes[1], codes[2], m, alpha, beta, gamma, phi, state, season, null)
      : etsLikelihood(y, codes[0], codes[1], codes[2], m, alpha, beta, gamma, phi, state, season);
    // Signed zeros are the one difference allowed: without a trend, etsRecursion's level + phi * 0
    // turns a level of -0 into +0, the specialised loop keeps -0 (the same number).
    const plusZero = (values: Float64Array) => Array.from(values, (v) => (v === 0 ? 0 : v));
    return { value, state: plusZero(state), season: plusZero(season) };
  };
  return { general: run('general'), specialised: run('specialised') };
}

const COMPONENTS: [number, number, number][] = [];
for (const error of [0, 1]) for (const trend of [0, 1]) for (const season of [0, 1, 2]) COMPONENTS.push([error, trend, season]);

describe('etsLikelihood', () => {
  it('equals etsRecursion bit for bit on AirPassengers for every error, trend and season', () => {
    const y = Float64Array.from(AIR_PASSENGERS);
    const season0 = Float64Array.from({ length: 12 }, (_, j) => 1 + 0.2 * Math.sin((2 * Math.PI * j) / 12));
    for (const codes of COMPONENTS) {
      const start = codes[2] === 1 ? season0.map((s) => 100 * (s - 1)) : season0;
      const { general, specialised } = runBoth(y, codes, 12, [0.3, 0.01, 0.1, 0.95], 120, 1.5, start);
      expect(specialised, `codes ${codes.join(',')}`).toEqual(general);
      expect(Number.isFinite(general.value)).toBe(true);
    }
  });

  it('equals etsRecursion bit for bit on random data, parameters and starts, including breakdowns', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: -5, max: 500, noNaN: true }), { minLength: 1, maxLength: 60 }),
      fc.constantFrom(...COMPONENTS),
      fc.integer({ min: 2, max: 12 }),
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.8, max: 1, noNaN: true })),
      fc.double({ min: -10, max: 500, noNaN: true }),
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.array(fc.double({ min: -2, max: 3, noNaN: true }), { minLength: 12, maxLength: 12 }),
      (values, codes, m, parameters, level, trend, seasonValues) => {
        const y = Float64Array.from(values);
        const season0 = Float64Array.from(seasonValues.slice(0, m));
        const { general, specialised } = runBoth(y, codes, m, parameters, level, trend, season0);
        expect(specialised).toEqual(general);
      },
    ), { numRuns: 2000 });
  });

  it('when the components have no specialised loop, falls back to etsRecursion', () => {
    const y = Float64Array.of(3, 4, 5);
    const { general, specialised } = runBoth(y, [0, 2, 0], 1, [0.5, 0.1, 0, 1], 1, 0, new Float64Array(1));
    expect(specialised).toEqual(general);
  });
});
