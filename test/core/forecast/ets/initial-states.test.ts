import { describe, expect, it } from 'vitest';
import { fitFixedSes } from '../../../../src/core/forecast/ets/fit-fixed-ses.js';
import { initialStates } from '../../../../src/core/forecast/ets/initial-states.js';
import { AIR_PASSENGERS } from './air-passengers.js';
import { NILE } from './nile.js';

/** R's state vector lists s0 (the latest index, time m - 1) .. s(m-2) (time 1); ours runs 0..m-1. */
function fromR(rSeason: number[]): number[] {
  return rSeason.slice().reverse();
}

describe('initialStates', () => {
  it('matches R forecast:::initstate(AirPassengers, "A", "M")', () => {
    // R 4.2.2, forecast 8.20: l 120.9557981388, b 0.9989649843, s0..s10
    const fit = initialStates(AIR_PASSENGERS, 'A', 'M', 12);
    expect(fit.level).toBeCloseTo(120.9557981388, 6);
    expect(fit.trend).toBeCloseTo(0.9989649843, 8);
    const expected = fromR([0.89882439, 0.8011780824, 0.9217572404, 1.0604919326, 1.2199109694, 1.2265555429,
      1.1127758267, 0.9813780275, 0.9759060123, 1.0073662876, 0.8836253207]);
    expected.forEach((value, j) => expect(fit.season[j + 1]).toBeCloseTo(value, 8));
    expect(fit.season.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 10);
  });

  it('matches R forecast:::initstate(AirPassengers, "N", "A")', () => {
    // l 133.166666667; s0..s10 -28.619949495 -53.593434343 -20.642676768 16.52020202 62.823232323
    //   63.830808081 35.402777778 -4.506313131 -8.036616162 -2.241161616 -36.188131313
    const fit = initialStates(AIR_PASSENGERS, 'N', 'A', 12);
    expect(fit.level).toBeCloseTo(133.166666667, 7);
    const expected = fromR([-28.619949495, -53.593434343, -20.642676768, 16.52020202, 62.823232323, 63.830808081,
      35.402777778, -4.506313131, -8.036616162, -2.241161616, -36.188131313]);
    expected.forEach((value, j) => expect(fit.season[j + 1]).toBeCloseTo(value, 7));
  });

  it('uses a line plus one Fourier pair with fewer than three seasons, as R', () => {
    // R: forecast:::initstate(window(AirPassengers, end = c(1950, 12)), "A", "A")
    //   l 121.6854055736, b 0.9185008874, s0..s10 below
    const fit = initialStates(AIR_PASSENGERS.subarray(0, 24), 'A', 'A', 12);
    expect(fit.level).toBeCloseTo(121.6854055736, 6);
    expect(fit.trend).toBeCloseTo(0.9185008874, 8);
    const expected = fromR([-14.7074162229, -27.7889153355, -11.8704144481, 6.0480864394, 18.9665873268, 19.8850882143,
      7.8035891017, -5.2779100108, 3.6405908766, 7.5590917641, -5.5224073485]);
    expected.forEach((value, j) => expect(fit.season[j + 1]).toBeCloseTo(value, 6));
  });

  it('fits a line to the first ten values without season, as R forecast:::initstate(Nile, "A", "N")', () => {
    // l 1072.8, b 10.87272727
    const fit = initialStates(NILE, 'A', 'N', 1);
    expect(fit.level).toBeCloseTo(1072.8, 8);
    expect(fit.trend).toBeCloseTo(10.87272727, 7);
    expect(fit.season.length).toBe(0);
  });
});

describe('fitFixedSes', () => {
  it('smooths from the first value with the given alpha (hand arithmetic)', () => {
    // alpha 0.5 over 4, 6, 8: fitted 4, 4, 5; level 4 -> 4 -> 5 -> 6.5; sigma2 = (0 + 4 + 9) / 2 = 6.5
    const fit = fitFixedSes(Float64Array.of(4, 6, 8), 0.5);
    expect(Array.from(fit.fitted)).toEqual([4, 4, 5]);
    expect(fit.finalState.level).toBe(6.5);
    expect(fit.sigma2).toBe(6.5);
    expect(fit.aicc).toBeNaN();
  });

  it('survives an empty series with a zero level', () => {
    const fit = fitFixedSes(new Float64Array(0), 0.5);
    expect(fit.finalState.level).toBe(0);
    expect(fit.sigma2).toBe(0);
  });
});
