import { smoothingVarianceFactor, squaredVariation, type DemandLevel } from './croston-level.js';

/**
 * The Teunter–Syntetos–Babai method (Teunter, Syntetos & Babai 2011, "Intermittent demand:
 * linking forecasting to inventory obsolescence", EJOR 214): the demand probability p is smoothed
 * every period (towards 1 after a demand, towards 0 otherwise, weight beta) and the demand size z
 * only in periods with demand (weight alpha); the rate forecast is p * z, so it decays through
 * long runs of zeros, unlike Croston's. Initialised with the share of periods with demand and the
 * mean non-zero size. The rate's relative variance is beta/(2-beta) (1-p)/p + alpha/(2-alpha) CV²(sizes)
 * (exponentially weighted means of Bernoulli occurrences and of sizes, Brown 1963). O(n).
 *
 * @example tsbLevel(Float64Array.of(4, 0, 0, 0), 0.1, 0.5).level // p: 0.25 -> 0.625 -> 0.3125 -> 0.15625 -> 0.078125; z = 4: 0.3125
 */
export function tsbLevel(y: Float64Array, alpha: number, beta: number): DemandLevel {
  const n = y.length;
  const fitted = new Float64Array(n).fill(NaN);
  let occurrences = 0;
  let sizeSum = 0;
  let sizeSquares = 0;
  for (let t = 0; t < n; t++) {
    if (y[t] > 0) {
      occurrences++;
      sizeSum += y[t];
      sizeSquares += y[t] * y[t];
    }
  }
  if (occurrences === 0) return { level: 0, fitted, levelVariance: 0 };
  let probability = occurrences / n;
  let size = sizeSum / occurrences;
  for (let t = 0; t < n; t++) {
    fitted[t] = probability * size;
    if (y[t] > 0) {
      probability += beta * (1 - probability);
      size += alpha * (y[t] - size);
    } else {
      probability -= beta * probability;
    }
  }
  const level = probability * size;
  // Relative variance of p z: p smoothed every period from Bernoulli(p) occurrences, z from sizes.
  const share = occurrences / n;
  const levelVariance = (smoothingVarianceFactor(beta) * (1 - share)) / share
    + smoothingVarianceFactor(alpha) * squaredVariation(occurrences, sizeSum, sizeSquares);
  return { level, fitted, levelVariance };
}
