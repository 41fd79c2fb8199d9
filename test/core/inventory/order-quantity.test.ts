import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderQuantity } from '../../../src/core/inventory/order-quantity.js';

describe('orderQuantity', () => {
  it('orders up to S rounded up to whole packs, at least the MOQ', () => {
    // need 100 - 40 = 60 -> max(60, moq 50) = 60 -> 5 packs of 12 = 60
    expect(orderQuantity(40, 100, 50, { moq: 50, packSize: 12 })).toBe(60);
    // need 100 - 45 = 55 -> 5 packs = 60 (rounded up, never down)
    expect(orderQuantity(45, 100, 50, { moq: 50, packSize: 12 })).toBe(60);
    // need 10 -> MOQ 50 -> 5 packs of 12 = 60 (the MOQ is not a multiple of the pack)
    expect(orderQuantity(90, 100, 95, { moq: 50, packSize: 12 })).toBe(60);
  });

  it('when the position is above the reorder point, nothing is ordered', () => {
    expect(orderQuantity(51, 100, 50, { moq: 1, packSize: 1 })).toBe(0);
  });

  it('when the position is at S already, nothing is ordered even with an MOQ', () => {
    expect(orderQuantity(50, 50, 50, { moq: 10, packSize: 5 })).toBe(0);
  });

  it('the EOQ is a lower bound', () => {
    // need 20, EOQ 142 -> 142 -> packs of 10 -> 150
    expect(orderQuantity(80, 100, 80, { moq: 1, packSize: 10, minimumUnits: 142 })).toBe(150);
  });

  it('a negative position (backorders) is filled too', () => {
    expect(orderQuantity(-7, 10, 5, { moq: 1, packSize: 1 })).toBe(17);
  });

  it('orders are whole packs, at least the MOQ and at least S - position', () => {
    fc.assert(fc.property(
      fc.double({ min: -100, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }),
      fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 48 }), fc.integer({ min: 0, max: 300 }),
      (position, orderUpTo, moq, packSize, eoq) => {
        const qty = orderQuantity(position, orderUpTo, orderUpTo, { moq, packSize, minimumUnits: eoq });
        if (orderUpTo - position <= 1e-9) {
          expect(qty).toBe(0);
          return;
        }
        expect(Number.isInteger(qty)).toBe(true);
        expect(qty % packSize).toBe(0);
        expect(qty).toBeGreaterThanOrEqual(moq);
        expect(qty).toBeGreaterThanOrEqual(eoq);
        expect(qty).toBeGreaterThanOrEqual(orderUpTo - position - 1e-6);
        // never a whole pack more than needed, unless the MOQ or EOQ asks for it
        expect(qty - packSize).toBeLessThan(Math.max(orderUpTo - position, moq, eoq));
      }));
  });
});
