import { normalCdf, normalPdf } from '../forecast/normal.js';

/**
 * Standard normal loss function G(k) = E[(Z - k)^+] = phi(k) - k (1 - Phi(k)): the expected
 * units short per unit of standard deviation when the stock covers the mean plus k standard
 * deviations. Silver, Pyke & Peterson (2017), Inventory and Production Management in Supply
 * Chains, 4th ed., §6.7 and Appendix II (table of G_u(k)).
 *
 * @example normalLoss(0) // 0.3989422804 (= 1 / sqrt(2 pi))
 */
export function normalLoss(k: number): number {
  if (k > 38) return 0;
  return Math.max(0, normalPdf(k) - k * (1 - normalCdf(k)));
}

/**
 * The safety factor k with G(k) = `loss` (inverse of {@link normalLoss}), by bisection on the
 * decreasing function G; k is clamped to [-4, 8]. Used for fill-rate targets, where
 * sigma * G(k) = (1 - fill rate) * demand per replenishment cycle (Silver, Pyke & Peterson 2017, eq. 6.18).
 *
 * @example normalLossInverse(0.0833) // about 1.0
 */
export function normalLossInverse(loss: number): number {
  if (!(loss > 0)) return 8;
  let low = -4;
  let high = 8;
  if (normalLoss(low) <= loss) return low;
  for (let i = 0; i < 80; i++) {
    const middle = 0.5 * (low + high);
    if (normalLoss(middle) > loss) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}
