import { describe, expect, it } from 'vitest';
import { economicOrderQuantity } from '../../../src/core/inventory/economic-order-quantity.js';

describe('economicOrderQuantity', () => {
  it('is the Harris square-root formula', () => {
    // D = 1200 units/yr, A = 100 per order, r = 0.25/yr, v = 48: sqrt(2*1200*100 / (0.25*48)) = sqrt(20000) = 141.421356
    expect(economicOrderQuantity(1200, 100, 0.25, 48)).toBeCloseTo(141.421356, 5);
    // Quadrupling demand doubles the EOQ: sqrt(2*4800*100/12) = 282.842712
    expect(economicOrderQuantity(4800, 100, 0.25, 48)).toBeCloseTo(282.842712, 5);
  });

  it('when order cost, holding rate, unit cost or demand is missing, there is no bound (0)', () => {
    expect(economicOrderQuantity(1200, 0, 0.25, 48)).toBe(0);
    expect(economicOrderQuantity(1200, 100, 0, 48)).toBe(0);
    expect(economicOrderQuantity(1200, 100, 0.25, 0)).toBe(0);
    expect(economicOrderQuantity(0, 100, 0.25, 48)).toBe(0);
    expect(economicOrderQuantity(NaN, 100, 0.25, 48)).toBe(0);
  });
});
