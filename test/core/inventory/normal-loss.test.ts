import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalLoss, normalLossInverse } from '../../../src/core/inventory/normal-loss.js';

describe('normalLoss', () => {
  it('matches the table of G(k) (Silver, Pyke & Peterson 2017, App. II) and R', () => {
    // G(0) = phi(0) = 1/sqrt(2 pi) = 0.3989422804
    expect(normalLoss(0)).toBeCloseTo(0.3989422804, 7);
    // R: dnorm(1) - (1 - pnorm(1)) = 0.08331547059 (table: 0.0833)
    expect(normalLoss(1)).toBeCloseTo(0.08331547059, 6);
    // R: k = qnorm(0.95) = 1.644853627; dnorm(k) - k * (1 - pnorm(k)) = 0.02089295903
    expect(normalLoss(1.644853627)).toBeCloseTo(0.02089295903, 6);
  });

  it('G(-k) = G(k) + k (E[(Z + k)^+] - E[(Z - k)^+] = E[Z + k] = k)', () => {
    expect(normalLoss(-1.3) - normalLoss(1.3)).toBeCloseTo(1.3, 6);
  });

  it('is decreasing and positive', () => {
    fc.assert(fc.property(fc.double({ min: -4, max: 6, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), (k, step) => {
      expect(normalLoss(k)).toBeGreaterThan(normalLoss(k + step));
      expect(normalLoss(k + step)).toBeGreaterThanOrEqual(0);
    }));
  });
});

describe('normalLossInverse', () => {
  it('inverts G on the range used for fill rates', () => {
    fc.assert(fc.property(fc.double({ min: -3, max: 5, noNaN: true }), (k) => {
      expect(normalLossInverse(normalLoss(k))).toBeCloseTo(k, 5);
    }));
  });

  it('gives k = 1.0 for G = 0.08331547', () => {
    expect(normalLossInverse(0.08331547059)).toBeCloseTo(1, 6);
  });
});
