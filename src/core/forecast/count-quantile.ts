import { normalQuantile } from './normal.js';

/**
 * Quantile of a count law with the given mean and variance: negative binomial when the variance
 * exceeds the mean (r = mean^2 / (variance - mean), p = mean / variance), Poisson otherwise; the
 * smallest k with P(D <= k) >= probability. Used for the forecast intervals of count methods,
 * whose per-period law is Poisson–gamma (Syntetos & Boylan 2021, Intermittent Demand
 * Forecasting, ch. 4). Far in the tail of large means the pmf recursion would underflow, so above
 * a mean of 500 a normal approximation with continuity correction is used. O(k).
 *
 * @example countQuantile(2, 2, 0.95) // 5 (Poisson(2): F(4) = 0.947, F(5) = 0.983)
 */
export function countQuantile(mean: number, variance: number, probability: number): number {
  if (!(mean > 0)) return 0;
  if (!(probability > 0)) return 0;
  const spread = Math.max(variance, mean);
  if (mean > 500) {
    return Math.max(0, Math.ceil(mean + normalQuantile(Math.min(probability, 1 - 1e-12)) * Math.sqrt(spread) - 0.5));
  }
  let pmf: number;
  let step: number;
  let shape: number;
  if (variance > mean * (1 + 1e-9)) {
    const p = mean / variance;
    shape = (mean * mean) / (variance - mean);
    pmf = Math.exp(shape * Math.log(p));
    step = 1 - p;
  } else {
    shape = NaN;
    pmf = Math.exp(-mean);
    step = mean;
  }
  const limit = mean + 60 * Math.sqrt(spread) + 50;
  let cdf = 0;
  for (let k = 0; k <= limit; k++) {
    cdf += pmf;
    if (cdf >= probability - 1e-12) return k;
    pmf *= Number.isNaN(shape) ? step / (k + 1) : ((k + shape) / (k + 1)) * step;
  }
  return Math.ceil(limit);
}
