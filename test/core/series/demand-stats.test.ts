import { describe, expect, it } from 'vitest';
import { classifyDemand, demandStats } from '../../../src/core/series/demand-stats.js';

describe('classifyDemand (Syntetos, Boylan & Croston 2005 cut-offs 1.32 / 0.49)', () => {
  it('puts each quadrant and the boundaries where the paper does', () => {
    expect(classifyDemand(1, 0.2)).toBe('smooth');
    expect(classifyDemand(1.31, 0.49)).toBe('erratic');
    expect(classifyDemand(1.32, 0.48)).toBe('intermittent');
    expect(classifyDemand(3, 1)).toBe('lumpy');
    expect(classifyDemand(NaN, NaN)).toBe('none');
  });
});

describe('demandStats', () => {
  it('has ADI 1 and CV² 0 for constant demand every period', () => {
    const stats = demandStats(Float64Array.of(3, 3, 3, 3), NaN, NaN);
    expect(stats).toMatchObject({ adi: 1, cv2: 0, zeroShare: 0, nonZeroPeriods: 4, totalDemand: 12, demandClass: 'smooth' });
  });

  it('counts the first interval from the start of the series and ignores trailing zeros in ADI', () => {
    // Non-zero at positions 3 and 4 (1-based): intervals 3, 1 -> ADI 2; sizes 1 and 5: mean 3,
    // population variance (4 + 4) / 2 = 4, CV² = 4 / 9.
    const stats = demandStats(Float64Array.of(0, 0, 1, 5, 0, 0), NaN, NaN);
    expect(stats.adi).toBe(2);
    expect(stats.cv2).toBeCloseTo(4 / 9, 12);
    expect(stats.demandClass).toBe('intermittent');
  });

  it('reports no demand for an all-zero or empty series', () => {
    expect(demandStats(new Float64Array(5), NaN, NaN)).toMatchObject({ demandClass: 'none', zeroShare: 1, nonZeroPeriods: 0 });
    expect(demandStats(new Float64Array(0), NaN, NaN).demandClass).toBe('none');
  });
});
