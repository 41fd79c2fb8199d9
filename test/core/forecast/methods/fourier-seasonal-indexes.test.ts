import { describe, expect, it } from 'vitest';
import { fourierSeasonalIndexes } from '../../../../src/core/forecast/methods/fourier-seasonal-indexes.js';
import { reseasonalize } from '../../../../src/core/forecast/methods/seasonally-adjusted.js';
import type { MethodFit } from '../../../../src/core/forecast/contract.js';

describe('fourierSeasonalIndexes', () => {
  it('recovers a yearly sinusoid from three years of weekly data', () => {
    // y_t = 100 (1 + 0.3 sin(2 pi t / 52)): the 2x52 centred moving average of a whole-period sinusoid is 100,
    // so the ratios are exactly 1 + 0.3 sin(2 pi j / 52) and one harmonic reproduces them.
    const y = Float64Array.from({ length: 156 }, (_, t) => 100 * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 52)));
    const indexes = fourierSeasonalIndexes(y, 52);
    expect(indexes).not.toBeNull();
    for (let j = 0; j < 52; j++) expect(indexes![j]).toBeCloseTo(1 + 0.3 * Math.sin((2 * Math.PI * j) / 52), 6);
  });

  it('returns null for a series without a yearly pattern (a flat profile wins)', () => {
    expect(fourierSeasonalIndexes(new Float64Array(120).fill(40), 52)).toBeNull();
    // Alternating 30 / 50: a period-2 pattern, nothing a yearly harmonic explains.
    expect(fourierSeasonalIndexes(Float64Array.from({ length: 120 }, (_, t) => (t % 2 === 0 ? 30 : 50)), 52)).toBeNull();
  });

  it('returns null below two seasons or with a zero moving average', () => {
    expect(fourierSeasonalIndexes(new Float64Array(100).fill(5), 52)).toBeNull();
    expect(fourierSeasonalIndexes(new Float64Array(120), 52)).toBeNull();
  });
});

describe('reseasonalize', () => {
  it('multiplies means and fitted values by the index, variances by its square, cumulative variances by the mean square', () => {
    const fit: MethodFit = {
      label: 'theta', mean: Float64Array.of(10, 10), fitted: Float64Array.of(NaN, 9, 11),
      variance: Float64Array.of(4, 4), cumulativeVariance: Float64Array.of(4, 10), aicc: NaN,
    };
    // n = 3, m = 2: future periods 3 and 4 have indexes s[1] = 1.5 and s[0] = 0.5.
    const out = reseasonalize(fit, Float64Array.of(0.5, 1.5), 3, 'fourier');
    expect(out.label).toBe('fourier(theta)');
    expect(Array.from(out.mean)).toEqual([15, 5]);
    expect(Array.from(out.variance)).toEqual([9, 1]);
    // cumulative: 4 * 1.5^2 = 9; 10 * (1.5^2 + 0.5^2) / 2 = 12.5
    expect(Array.from(out.cumulativeVariance)).toEqual([9, 12.5]);
    expect(Array.from(out.fitted)).toEqual([NaN, 13.5, 5.5]);
  });
});
