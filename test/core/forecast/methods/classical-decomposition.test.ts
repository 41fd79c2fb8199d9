import { describe, expect, it } from 'vitest';
import { multiplicativeSeasonalIndexes } from '../../../../src/core/forecast/methods/classical-decomposition.js';
import { isSeasonal } from '../../../../src/core/forecast/methods/seasonality-test.js';

describe('multiplicativeSeasonalIndexes', () => {
  it('recovers exact multiplicative indexes of a flat series', () => {
    // y_t = 10 s_(t mod 4): the 2x4 centred average of one full cycle is (0.5*5 + 10 + 15 + 10 + 0.5*5)/4 = 10
    // everywhere, so the ratios are the indexes themselves (they already average 1).
    const s = [0.5, 1, 1.5, 1];
    const y = Float64Array.from({ length: 16 }, (_, t) => 10 * s[t % 4]);
    const indexes = multiplicativeSeasonalIndexes(y, 4);
    expect(indexes).not.toBeNull();
    expect(Array.from(indexes ?? [])).toEqual(s.map((v) => expect.closeTo(v, 12)));
  });

  it('gives null when a season position is always zero', () => {
    const y = Float64Array.from({ length: 28 }, (_, t) => (t % 7 === 5 ? 0 : 4));
    expect(multiplicativeSeasonalIndexes(y, 7)).toBeNull();
  });
});

describe('isSeasonal', () => {
  it('finds a strong yearly peak and rejects white-ish noise without one', () => {
    const peaked = Float64Array.from({ length: 48 }, (_, t) => 10 + (t % 12 === 0 ? 5 : 0));
    expect(isSeasonal(peaked, 12)).toBe(true);
    const alternating = Float64Array.from({ length: 48 }, (_, t) => 10 + (t % 2));
    // lag 12 of an alternating series is +1 but so is every even lag: Bartlett's error is large.
    expect(isSeasonal(alternating, 12)).toBe(false);
  });

  it('needs more than two full seasons', () => {
    const y = Float64Array.from({ length: 24 }, (_, t) => 10 + (t % 12 === 0 ? 5 : 0));
    expect(isSeasonal(y, 12)).toBe(false);
  });
});
