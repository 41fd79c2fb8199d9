/**
 * What a count-law level must achieve: a cycle service level, or at most this many units short
 * per cycle. For a fill-rate target, `start` (optional) is the demand law over the lead time
 * alone: the shortfall per cycle is then E[(D_{L+R} - s)^+] - E[(D_L - s)^+], the units short at
 * the end of the cycle minus those already short when it began (see `protectionLevel`).
 */
export type CountTarget =
  | { readonly cycleServiceLevel: number }
  | { readonly shortfallAllowed: number; readonly start?: CountLaw };

/** Mean and variance (per lead-time node) of a count demand, and the node weights. */
export interface CountLaw {
  readonly means: Float64Array;
  readonly variances: Float64Array;
  readonly weights: Float64Array;
}

/**
 * The smallest whole stock level that meets the target when demand over the protection interval
 * is a count: for each lead-time node a negative binomial with the node's mean and variance
 * (Poisson when the variance does not exceed the mean), mixed with the node weights. The
 * negative binomial is the usual law for slow and intermittent demand (Silver, Pyke & Thomas
 * 2017 ch. 7; Syntetos, Babai & Gardner 2015). Shortfall uses
 * E[(D - s)^+] = E[D] - sum_{k < s} P(D > k). Returns undefined when a probability would underflow
 * (means in the hundreds or more, where the normal law serves). O(nodes x level).
 *
 * @example countLevel(Float64Array.of(2), Float64Array.of(2), Float64Array.of(1), { cycleServiceLevel: 0.95 }) // 5 (Poisson(2): F(4) = 0.947, F(5) = 0.983)
 */
export function countLevel(
  means: Float64Array, variances: Float64Array, weights: Float64Array, target: CountTarget,
): number | undefined {
  const end = countWalker({ means, variances, weights });
  if (end === undefined) return undefined;
  const startLaw = 'shortfallAllowed' in target ? target.start : undefined;
  const start = startLaw === undefined ? null : countWalker(startLaw);
  if (start === undefined) return undefined;
  for (let k = 0; k <= end.upper; k++) {
    if ('cycleServiceLevel' in target) {
      if (end.cdf + end.massAtK() >= target.cycleServiceLevel - 1e-12) return k;
    } else {
      const shortfall = end.shortfall - (start ? start.shortfall : 0);
      if (shortfall <= target.shortfallAllowed + 1e-12) return k;
    }
    end.step(k);
    start?.step(k);
  }
  return Math.ceil(end.upper);
}

/**
 * Walks a mixture of negative binomial / Poisson laws up from k = 0, keeping P(D <= k - 1) in
 * `cdf` and E[(D - k)^+] in `shortfall`; pmf(k + 1) from pmf(k) by the recurrences
 * NB (k + r) / (k + 1) (1 - p), Poisson mean / (k + 1).
 */
function countWalker(law: CountLaw): {
  cdf: number; shortfall: number; upper: number; massAtK: () => number; step: (k: number) => void;
} | undefined {
  const { means, variances, weights } = law;
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
  const walker = {
    cdf: 0,
    shortfall: mixMean,
    upper,
    massAtK: (): number => {
      let mass = 0;
      for (let i = 0; i < nodes; i++) mass += weights[i] * pmf[i];
      return mass;
    },
    step: (k: number): void => {
      walker.cdf += walker.massAtK();
      walker.shortfall = Math.max(0, walker.shortfall - (1 - walker.cdf));
      for (let i = 0; i < nodes; i++) {
        pmf[i] *= Number.isNaN(shape[i]) ? stepSize[i] / (k + 1) : ((k + shape[i]) / (k + 1)) * stepSize[i];
      }
    },
  };
  return walker;
}
