import { describe, expect, it } from 'vitest';
import { centredMovingAverage, seasonalFigure } from '../../../../src/core/forecast/ets/seasonal-figure.js';
import { AIR_PASSENGERS } from './air-passengers.js';

describe('classical decomposition', () => {
  it('matches R decompose() on the first two years of AirPassengers', () => {
    // R: st <- decompose(ts(AirPassengers[1:24], frequency = 12)); st$figure
    //  -14.81944444 -5.65277778 7.51388889 0.01388889 -10.98611111 11.68055556
    //   22.63888889 22.18055556 9.47222222 -8.15277778 -23.56944444 -10.31944444
    const expected = [-14.81944444, -5.65277778, 7.51388889, 0.01388889, -10.98611111, 11.68055556,
      22.63888889, 22.18055556, 9.47222222, -8.15277778, -23.56944444, -10.31944444];
    const figure = seasonalFigure(AIR_PASSENGERS.subarray(0, 24), 12, false);
    expected.forEach((value, j) => expect(figure[j]).toBeCloseTo(value, 7));
  });

  it('uses a 2 x m moving average for even m and a plain one for odd m', () => {
    // Even m = 2: (0.5 y[t-1] + y[t] + 0.5 y[t+1]) / 2; odd m = 3: (y[t-1] + y[t] + y[t+1]) / 3.
    expect(Array.from(centredMovingAverage(Float64Array.of(1, 2, 4, 8), 2))).toEqual([NaN, 2.25, 4.5, NaN]);
    expect(Array.from(centredMovingAverage(Float64Array.of(1, 2, 6, 1), 3))).toEqual([NaN, 3, 3, NaN]);
  });

  it('normalises multiplicative figures to mean 1 and additive ones to sum 0', () => {
    const y = Float64Array.from({ length: 48 }, (_, t) => (100 + t) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)));
    const multiplicative = seasonalFigure(y, 12, true);
    const additive = seasonalFigure(y, 12, false);
    expect(multiplicative.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 10);
    expect(additive.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
    expect(multiplicative[3]).toBeCloseTo(1.3, 1);
  });
});
