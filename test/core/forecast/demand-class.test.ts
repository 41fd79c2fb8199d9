import { describe, expect, it } from 'vitest';
import { classifyDemand } from '../../../src/core/forecast/demand-class.js';

describe('classifyDemand', () => {
  it('puts series in the four Syntetos–Boylan quadrants', () => {
    // ADI = n / periods with demand; CV² of sizes with the population variance.
    expect(classifyDemand(Float64Array.of(5, 6, 5, 6)).demandClass).toBe('smooth'); // ADI 1, CV² 1/121
    expect(classifyDemand(Float64Array.of(1, 9, 1, 9)).demandClass).toBe('erratic'); // ADI 1, CV² 16/25 = 0.64
    expect(classifyDemand(Float64Array.of(0, 3, 0, 0, 3, 0)).demandClass).toBe('intermittent'); // ADI 3, CV² 0
    expect(classifyDemand(Float64Array.of(0, 1, 0, 0, 9, 0)).demandClass).toBe('lumpy'); // ADI 3, CV² 0.64
    expect(classifyDemand(new Float64Array(4)).demandClass).toBe('none');
  });

  it('uses the cut-offs 1.32 and 0.49 exactly', () => {
    // 4 periods with demand out of 5: ADI 1.25 < 1.32 -> frequent; 3 of 4: 1.333 -> intermittent.
    expect(classifyDemand(Float64Array.of(2, 2, 0, 2, 2)).demandClass).toBe('smooth');
    expect(classifyDemand(Float64Array.of(2, 0, 2, 2)).demandClass).toBe('intermittent');
  });

  it('counts trailing zeros and ignores returns', () => {
    const pattern = classifyDemand(Float64Array.of(4, -1, 0, 0));
    expect(pattern.trailingZeros).toBe(3);
    expect(pattern.adi).toBe(4);
  });
});
