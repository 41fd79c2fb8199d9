import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { etsRecursion } from '../../../../src/core/forecast/ets/ets-recursion.js';
import { AIR_PASSENGERS } from './air-passengers.js';

/**
 * The recursions written the obvious way, as in Hyndman et al. (2008) Table 2.1 and R's
 * etscalc.c: a state vector [l, b, s_1..s_m] whose seasonal part is shifted every step.
 */
function slowRecursion(y: number[], error: 'A' | 'M', trend: 'N' | 'A', season: 'N' | 'A' | 'M', m: number,
  alpha: number, beta: number, gamma: number, phi: number, level0: number, trend0: number, season0: number[]) {
  let level = level0;
  let slope = trend === 'N' ? 0 : trend0;
  // seasons[0] is the index of the coming period, seasons[m-1] the latest updated.
  const seasons = season === 'N' ? [] : season0.slice();
  const fitted: number[] = [];
  let sse = 0;
  let logSum = 0;
  for (const value of y) {
    const q = level + phi * slope;
    const s = season === 'N' ? 0 : seasons[0];
    const forecast = season === 'M' ? q * s : q + s;
    fitted.push(forecast);
    const e = error === 'A' ? value - forecast : (value - forecast) / forecast;
    sse += e * e;
    logSum += Math.log(Math.abs(forecast));
    let newLevel: number;
    let newSlope = 0;
    let newSeason = 0;
    if (error === 'A') {
      const innovation = e;
      const seasonScale = season === 'M' ? s : 1;
      newLevel = q + (alpha * innovation) / seasonScale;
      newSlope = phi * slope + (beta * innovation) / seasonScale;
      newSeason = season === 'M' ? s + (gamma * innovation) / q : s + gamma * innovation;
    } else {
      // Multiplicative error forms of Table 2.1 (e is relative).
      const base = season === 'A' ? q + s : q;
      newLevel = season === 'A' ? q + alpha * base * e : q * (1 + alpha * e);
      newSlope = phi * slope + beta * (season === 'A' ? base : q) * e;
      newSeason = season === 'M' ? s * (1 + gamma * e) : s + gamma * base * e;
    }
    level = newLevel;
    slope = newSlope;
    if (season !== 'N') {
      seasons.shift();
      seasons.push(newSeason);
    }
  }
  const lik = y.length * Math.log(sse) + (error === 'M' ? 2 * logSum : 0);
  return { fitted, lik, level, slope, seasons };
}

describe('etsRecursion', () => {
  it('reproduces the likelihood R reports for ets(AirPassengers) = ETS(MAdM) at its own estimates', () => {
    // R 4.2.2, forecast 8.20: fit <- ets(AirPassengers); fit$par; fit$loglik
    //   alpha 7.095519162e-01 beta 2.040891933e-02 gamma 1.004683097e-04 phi 9.799999267e-01
    //   l 1.209939355e+02 b 1.770540197e+00 s0..s10 below; loglik -679.58321623696, so -2 loglik = 1359.16643247
    const s = [8.944474757e-01, 7.993220283e-01, 9.216595984e-01, 1.059201930e+00, 1.220300697e+00, 1.231798507e+00,
      1.110500181e+00, 9.786127608e-01, 9.803820735e-01, 1.011030088e+00, 8.868922872e-01];
    // R's s0 is the index of time m - 1 (latest), s10 of time 1; time 0's makes them sum to m.
    const season = new Float64Array(12);
    let sum = 0;
    for (let j = 1; j < 12; j++) {
      season[j] = s[11 - j];
      sum += season[j];
    }
    season[0] = 12 - sum;
    const criterion = etsRecursion(AIR_PASSENGERS, 1, 1, 2, 12, 7.095519162e-01, 2.040891933e-02, 1.004683097e-04,
      9.799999267e-01, Float64Array.of(1.209939355e+02, 1.770540197e+00), season, null);
    expect(criterion).toBeCloseTo(1359.16643247, 5);
  });

  it('computes SES by hand on a five-point series', () => {
    // alpha 0.5, l0 = 10, y = 12, 11, 15, 13, 14:
    // yhat = 10, 11, 11, 13, 13; e = 2, 0, 4, 0, 1; SSE = 21; criterion = 5 ln 21 = 15.2226
    const y = Float64Array.of(12, 11, 15, 13, 14);
    const fitted = new Float64Array(5);
    const state = Float64Array.of(10, 0);
    const criterion = etsRecursion(y, 0, 0, 0, 1, 0.5, 0, 0, 1, state, new Float64Array(1), fitted);
    expect(Array.from(fitted)).toEqual([10, 11, 11, 13, 13]);
    expect(state[0]).toBe(13.5);
    expect(criterion).toBeCloseTo(5 * Math.log(21), 12);
  });

  it('agrees with the slow textbook recursions for every model, parameter set and series', () => {
    const models = [
      ['A', 'N', 'N'], ['A', 'A', 'N'], ['A', 'N', 'A'], ['A', 'A', 'A'],
      ['M', 'N', 'N'], ['M', 'A', 'N'], ['M', 'N', 'A'], ['M', 'A', 'A'], ['M', 'N', 'M'], ['M', 'A', 'M'],
    ] as const;
    fc.assert(fc.property(
      fc.constantFrom(...models),
      fc.integer({ min: 2, max: 7 }),
      fc.array(fc.double({ min: 50, max: 150, noNaN: true }), { minLength: 8, maxLength: 40 }),
      fc.double({ min: 0.01, max: 0.9, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.8, max: 1, noNaN: true }),
      ([error, trend, season], m, values, alpha, betaShare, gammaShare, phi) => {
        const beta = trend === 'N' ? 0 : alpha * betaShare;
        const gamma = season === 'N' ? 0 : (1 - alpha) * gammaShare;
        const period = season === 'N' ? 1 : m;
        const season0 = Array.from({ length: period }, (_, j) => (season === 'M' ? 1 + 0.1 * Math.sin(j) : 5 * Math.sin(j)));
        const slow = slowRecursion(values, error, trend, season, period, alpha, beta, gamma, phi, 100, 0.5, season0);
        const fitted = new Float64Array(values.length);
        const state = Float64Array.of(100, 0.5);
        const ring = Float64Array.from(season0);
        const fast = etsRecursion(Float64Array.from(values), error === 'A' ? 0 : 1, trend === 'N' ? 0 : 1,
          season === 'N' ? 0 : season === 'A' ? 1 : 2, period, alpha, beta, gamma, phi, state, ring, fitted);
        for (let t = 0; t < values.length; t++) expect(fitted[t]).toBeCloseTo(slow.fitted[t], 8);
        expect(fast).toBeCloseTo(slow.lik, 6);
        expect(state[0]).toBeCloseTo(slow.level, 8);
        // The ring holds the index of time t at t % period; the slow version in order of use.
        for (let j = 0; j < slow.seasons.length; j++) {
          expect(ring[(values.length + j) % period]).toBeCloseTo(slow.seasons[j], 8);
        }
      },
    ), { numRuns: 300 });
  });

  it('returns Infinity rather than NaN when the recursion breaks down', () => {
    const y = Float64Array.of(1, 2, 3);
    const criterion = etsRecursion(y, 1, 0, 0, 1, 0.5, 0, 0, 1, Float64Array.of(0, 0), new Float64Array(1), null);
    expect(criterion).toBe(Infinity);
  });
});
