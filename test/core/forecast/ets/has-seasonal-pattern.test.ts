import { describe, expect, it } from 'vitest';
import { hasSeasonalPattern } from '../../../../src/core/forecast/ets/has-seasonal-pattern.js';

function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 16807) % 2147483647) / 2147483647);
}

describe('hasSeasonalPattern', () => {
  it('finds a yearly cycle in three years of noisy weekly data', () => {
    const random = seeded(3);
    const y = Float64Array.from({ length: 156 }, (_, t) => 100 + 15 * Math.sin((2 * Math.PI * t) / 52) + 20 * (random() - 0.5));
    expect(hasSeasonalPattern(y, 52)).toBe(true);
  });

  it('rarely flags white noise (1 % level): at most 2 of 50 seeds', () => {
    let flagged = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const random = seeded(seed * 7919);
      const y = Float64Array.from({ length: 156 }, () => 50 + 10 * (random() - 0.5));
      if (hasSeasonalPattern(y, 52)) flagged++;
    }
    expect(flagged).toBeLessThanOrEqual(2);
  });

  it('works with only two cycles (detrending by a straight line), where a moving average leaves one value per week', () => {
    const random = seeded(9);
    const y = Float64Array.from({ length: 104 }, (_, t) => 100 + 0.3 * t + 15 * Math.sin((2 * Math.PI * t) / 52) + 20 * (random() - 0.5));
    expect(hasSeasonalPattern(y, 52)).toBe(true);
    let flagged = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const noise = seeded(seed * 104729);
      const z = Float64Array.from({ length: 104 }, (_, t) => 50 + 0.1 * t + 10 * (noise() - 0.5));
      if (hasSeasonalPattern(z, 52)) flagged++;
    }
    expect(flagged).toBeLessThanOrEqual(2);
  });

  it('does not mistake a straight trend for a season', () => {
    const y = Float64Array.from({ length: 120 }, (_, t) => 10 + 2 * t);
    expect(hasSeasonalPattern(y, 52)).toBe(false);
  });

  it('needs two full cycles', () => {
    const y = Float64Array.from({ length: 103 }, (_, t) => Math.sin((2 * Math.PI * t) / 52));
    expect(hasSeasonalPattern(y, 52)).toBe(false);
  });
});
