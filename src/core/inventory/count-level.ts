/** What a count-law level must achieve: a cycle service level, or at most this many units short per cycle. */
export type CountTarget = { readonly cycleServiceLevel: number } | { readonly shortfallAllowed: number };

/**
 * The smallest whole stock level that meets the target when demand over the protection interval
 * is a count: for each lead-time node a negative binomial with the node's mean and variance
 * (Poisson when the variance does not exceed the mean), mixed with the node weights. The
 * negative binomial is the usual law for slow and intermittent demand (Silver, Pyke & Peterson
 * 2017 §7.8; Syntetos, Babai & Gardner 2015). Shortfall uses
 * E[(D - s)^+] = E[D] - sum_{k < s} P(D > k). Returns undefined when a probability would underflow
 * (means in the hundreds or more, where the normal law serves). O(nodes x level).
 *
 * @example countLevel(Float64Array.of(2), Float64Array.of(2), Float64Array.of(1), { cycleServiceLevel: 0.95 }) // 5 (Poisson(2): F(4) = 0.947, F(5) = 0.983)
 */
export function countLevel(
  means: Float64Array, variances: Float64Array, weights: Float64Array, target: CountTarget,
): number | undefined {
  const nodes = means.length;
  const pmf = new Float64Array(nodes);
  const stepSize = new Float64Array(nodes); // NB: (1 - p); Poisson: mean
  const shape = new Float64Array(nodes); // NB: r; Poisson: NaN
  let mixMean = 0;
  let upper = 0;
  for (let i = 0; i < nodes; i++) {
    const mean = Math.max(0, means[i]);
    const variance = Math.max(0, variances[i]);
    mixMean += weights[i] * mean;
    upper = Math.max(upper, mean + 40 * Math.sqrt(Math.max(variance, mean)) + 50);
    if (mean === 0) {
      pmf[i] = 1;
      stepSize[i] = 0;
      shape[i] = NaN;
    } else if (variance > mean * (1 + 1e-9)) {
      const p = mean / variance;
      const r = (mean * mean) / (variance - mean);
      const logPmf0 = r * Math.log(p);
      if (logPmf0 < -700) return undefined;
      pmf[i] = Math.exp(logPmf0);
      stepSize[i] = 1 - p;
      shape[i] = r;
    } else {
      if (mean > 700) return undefined;
      pmf[i] = Math.exp(-mean);
      stepSize[i] = mean;
      shape[i] = NaN;
    }
  }
  let cdf = 0; // P(D <= k) of the mixture
  let shortfall = mixMean; // E[(D - k)^+] at k = 0
  for (let k = 0; k <= upper; k++) {
    let massAtK = 0;
    for (let i = 0; i < nodes; i++) massAtK += weights[i] * pmf[i];
    if ('cycleServiceLevel' in target) {
      cdf += massAtK;
      if (cdf >= target.cycleServiceLevel - 1e-12) return k;
    } else {
      if (shortfall <= target.shortfallAllowed + 1e-12) return k;
      cdf += massAtK;
      shortfall -= 1 - cdf;
    }
    for (let i = 0; i < nodes; i++) {
      // pmf(k + 1) from pmf(k): NB (k + r) / (k + 1) (1 - p); Poisson mean / (k + 1).
      pmf[i] *= Number.isNaN(shape[i]) ? stepSize[i] / (k + 1) : ((k + shape[i]) / (k + 1)) * stepSize[i];
    }
  }
  return Math.ceil(upper);
}
