import { describe, expect, it } from 'vitest';
import { tsbLevel } from '../../../../src/core/forecast/intermittent/tsb-level.js';
import { windowLevel } from '../../../../src/core/forecast/intermittent/window-level.js';

describe('tsbLevel', () => {
  it('follows the TSB recursion by hand', () => {
    // y = 4, 0, 0, 0 with alpha 0.1, beta 0.5: start p = 1/4 (share with demand), z = 4 (mean size).
    // t0 demand: p = 0.25 + 0.5 (1 - 0.25) = 0.625, z = 4 + 0.1 (4 - 4) = 4
    // t1..t3 no demand: p = 0.3125, 0.15625, 0.078125; forecast p z = 0.3125.
    const fit = tsbLevel(Float64Array.of(4, 0, 0, 0), 0.1, 0.5);
    expect(fit.level).toBeCloseTo(0.3125, 12);
    expect(Array.from(fit.fitted)).toEqual([1, 2.5, 1.25, 0.625].map((v) => expect.closeTo(v, 12)));
  });

  it('smooths sizes only in periods with demand', () => {
    // p starts at 2/4 and z at (2 + 6) / 2 = 4; beta 0 keeps p = 0.5;
    // z: t0 4 + 0.5 (2 - 4) = 3, t2 3 + 0.5 (6 - 3) = 4.5; forecast 0.5 * 4.5 = 2.25.
    expect(tsbLevel(Float64Array.of(2, 0, 6, 0), 0.5, 0).level).toBeCloseTo(2.25, 12);
  });
});

describe('windowLevel', () => {
  it('averages the last window periods and forecasts trailing means in-sample', () => {
    const fit = windowLevel(Float64Array.of(0, 3, 0, 1), 2);
    expect(fit.level).toBe(0.5);
    expect(Number.isNaN(fit.fitted[0])).toBe(true);
    expect(Array.from(fit.fitted.subarray(1))).toEqual([0, 1.5, 1.5]);
  });
});
