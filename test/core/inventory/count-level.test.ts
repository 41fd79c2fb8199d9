import { describe, expect, it } from 'vitest';
import { countLevel } from '../../../src/core/inventory/count-level.js';

const one = (x: number) => Float64Array.of(x);

describe('countLevel', () => {
  it('Poisson quantile at a cycle service level equals R', () => {
    // R: qpois(0.95, 2) = 5; ppois(4:5, 2) = 0.9473469827 0.9834363915
    expect(countLevel(one(2), one(2), one(1), { cycleServiceLevel: 0.95 })).toBe(5);
    expect(countLevel(one(2), one(2), one(1), { cycleServiceLevel: 0.9473 })).toBe(4);
  });

  it('negative binomial quantile for over-dispersed demand equals R', () => {
    // mean 10, variance 30: size = 10^2 / (30 - 10) = 5. R: qnbinom(0.95, size = 5, mu = 10) = 20;
    // pnbinom(19:20, size = 5, mu = 10) = 0.9406487857 0.9537991674
    expect(countLevel(one(10), one(30), one(1), { cycleServiceLevel: 0.95 })).toBe(20);
    expect(countLevel(one(10), one(30), one(1), { cycleServiceLevel: 0.954 })).toBe(21);
  });

  it('a fill-rate target uses the expected shortfall E[(D - s)^+]', () => {
    // R: f <- function(s) sum(pmax(0, (0:2000) - s) * dpois(0:2000, 6)); sapply(6:10, f)
    //    0.9637388 0.5700416 0.3140214 0.1612589 0.0773349
    expect(countLevel(one(6), one(6), one(1), { shortfallAllowed: 0.35 })).toBe(8);
    expect(countLevel(one(6), one(6), one(1), { shortfallAllowed: 0.3140 })).toBe(9);
    expect(countLevel(one(6), one(6), one(1), { shortfallAllowed: 1 })).toBe(6);
  });

  it('a cycle service level is the plain quantile, with the mass at zero counted as served', () => {
    // mean 1.5, variance 3 (size 1.5, prob 0.5): R: pnbinom(0:6, size = 1.5, prob = 0.5) =
    // 0.3536 0.6187 0.7845 0.8812 0.9356 0.9655 0.9817 -> 0.95 at 5, 0.3 at 0.
    expect(countLevel(one(1.5), one(3), one(1), { cycleServiceLevel: 0.95 })).toBe(5);
    expect(countLevel(one(1.5), one(3), one(1), { cycleServiceLevel: 0.3 })).toBe(0);
  });

  it('mixes the nodes with their weights', () => {
    // Half Poisson(0), half Poisson(2): P(D <= 4) = 0.5 + 0.5 * 0.9473 = 0.9737 >= 0.95; P(D <= 3) = 0.5 + 0.5 * 0.8571 = 0.9286
    expect(countLevel(Float64Array.of(0, 2), Float64Array.of(0, 2), Float64Array.of(0.5, 0.5), { cycleServiceLevel: 0.95 })).toBe(4);
  });

  it('gives up (undefined) where probabilities would underflow', () => {
    expect(countLevel(one(5000), one(6000), one(1), { cycleServiceLevel: 0.95 })).toBeUndefined();
  });
});
