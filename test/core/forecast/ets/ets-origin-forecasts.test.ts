import { describe, expect, it } from 'vitest';
import { etsOriginForecasts } from '../../../../src/core/forecast/ets/ets-origin-forecasts.js';
import { etsRecursion } from '../../../../src/core/forecast/ets/ets-recursion.js';
import { fitEts } from '../../../../src/core/forecast/ets/fit-ets.js';
import { fitFixedSes } from '../../../../src/core/forecast/ets/fit-fixed-ses.js';
import { forecastEts } from '../../../../src/core/forecast/ets/forecast-ets.js';
import type { EtsFit, EtsSpec } from '../../../../src/core/forecast/ets/ets-model.js';

const y = Float64Array.from({ length: 48 }, (_, t) => 120 + 1.5 * t + 30 * Math.sin((2 * Math.PI * t) / 12) + 9 * Math.cos(t * 5.1));

/** The slow, obvious version: the recursion over y[0..t) gives the state at origin t, forecastEts forecasts from it. */
function slowOriginForecast(fit: EtsFit, t: number, steps: number): Float64Array {
  const m = fit.spec.season === 'N' ? 1 : fit.spec.m;
  const codes = { error: fit.spec.error === 'A' ? 0 : 1, trend: fit.spec.trend === 'N' ? 0 : 1, season: { N: 0, A: 1, M: 2 }[fit.spec.season] };
  const state = Float64Array.of(fit.initialState.level, fit.initialState.trend);
  const season = fit.spec.season === 'N' ? new Float64Array(1) : fit.initialState.season.slice();
  const { alpha, beta, gamma, phi } = fit.parameters;
  etsRecursion(y.subarray(0, t), codes.error, codes.trend, codes.season, m, alpha, beta, gamma, phi, state, season, null);
  const finalSeason = new Float64Array(fit.spec.season === 'N' ? 0 : m);
  for (let j = 0; j < finalSeason.length; j++) finalSeason[j] = season[(t + j) % m];
  return forecastEts({ ...fit, finalState: { level: state[0], trend: state[1], season: finalSeason } }, steps).mean;
}

describe('etsOriginForecasts', () => {
  it('SES by hand: alpha 0.5 from level 3 over 3, 5, 7 forecasts 3, 3, 4 flat from origins 0, 1, 2', () => {
    const fit = fitFixedSes(Float64Array.of(3, 5, 7), 0.5);
    const out = etsOriginForecasts(fit, Float64Array.of(3, 5, 7), 2);
    // origin 0: level 3 -> [3, 3]; after 3: level 3 -> [3, 3]; after 5: level 4 -> [4, NaN] (y[3] does not exist).
    expect([...out]).toEqual([3, 3, 3, 3, 4, NaN]);
  });

  const specs: EtsSpec[] = [
    { error: 'A', trend: 'N', season: 'N', m: 1 },
    { error: 'A', trend: 'Ad', season: 'A', m: 12 },
    { error: 'M', trend: 'A', season: 'M', m: 12 },
    { error: 'M', trend: 'Ad', season: 'N', m: 1 },
  ];
  for (const spec of specs) {
    it(`${spec.error},${spec.trend},${spec.season}: column 0 is the fitted one-step forecast and every origin equals the slow version`, () => {
      const fit = fitEts(y, spec);
      const steps = 6;
      const out = etsOriginForecasts(fit, y, steps);
      for (let t = 0; t < y.length; t++) expect(out[t * steps]).toBe(fit.fitted[t]);
      for (const t of [0, 1, 13, 30, 42]) {
        const slow = slowOriginForecast(fit, t, steps);
        for (let j = 0; j < steps; j++) {
          if (t + j < y.length) expect(out[t * steps + j]).toBeCloseTo(slow[j], 9);
          else expect(out[t * steps + j]).toBeNaN();
        }
      }
    });
  }
});
