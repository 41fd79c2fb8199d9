import { normalQuantile } from '../forecast/normal.js';

/** A discrete distribution of lead times in days: equally likely nodes. */
export interface LeadTimeNodes {
  /** Lead times in days, ascending, all >= 0. */
  readonly days: Float64Array;
  /** Probability of each node (they sum to 1). */
  readonly weights: Float64Array;
}

/**
 * Discretises a random supplier lead time with the given mean and standard deviation (days)
 * into `count` equally likely nodes. The law is lognormal (positive, right-skewed, the usual
 * choice for lead times; Silver, Pyke & Peterson 2017 §6.10 discuss the mix over lead times),
 * taken at the mid-quantiles (i + 0.5) / count, then shifted and scaled so that the nodes have
 * exactly the requested mean and standard deviation (only the mean when the sd is so large that
 * the scaling would make a node negative). A zero standard deviation gives one node.
 * O(count).
 *
 * @example leadTimeNodes(14, 0).days // [14]
 */
export function leadTimeNodes(meanDays: number, sdDays: number, count = 24): LeadTimeNodes {
  if (!(sdDays > 0) || !(meanDays > 0)) {
    return { days: Float64Array.of(Math.max(0, meanDays)), weights: Float64Array.of(1) };
  }
  const sigma2 = Math.log(1 + (sdDays * sdDays) / (meanDays * meanDays));
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(meanDays) - sigma2 / 2;
  const days = new Float64Array(count);
  const weights = new Float64Array(count).fill(1 / count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    days[i] = Math.exp(mu + sigma * normalQuantile((i + 0.5) / count));
    sum += days[i];
  }
  const nodeMean = sum / count;
  let sumSq = 0;
  for (let i = 0; i < count; i++) sumSq += (days[i] - nodeMean) ** 2;
  // Mid-quantile nodes understate the spread; rescale deviations to match the sd exactly,
  // unless that would make a node negative (very skewed laws, sd far above the mean): then
  // only match the mean, keeping every node positive.
  const scale = sumSq > 0 ? sdDays / Math.sqrt(sumSq / count) : 0;
  const isScalable = meanDays + (days[0] - nodeMean) * scale >= 0;
  for (let i = 0; i < count; i++) {
    days[i] = isScalable ? meanDays + (days[i] - nodeMean) * scale : days[i] * (meanDays / nodeMean);
  }
  return { days, weights };
}

/**
 * One random lead time in days from the same lognormal law as {@link leadTimeNodes} (for
 * simulated demand paths).
 *
 * @example drawLeadTime(14, 0, Math.random) // 14
 */
export function drawLeadTime(meanDays: number, sdDays: number, random: () => number): number {
  if (!(sdDays > 0) || !(meanDays > 0)) return Math.max(0, meanDays);
  const sigma2 = Math.log(1 + (sdDays * sdDays) / (meanDays * meanDays));
  const u = Math.min(1 - 1e-12, Math.max(1e-12, random()));
  return Math.exp(Math.log(meanDays) - sigma2 / 2 + Math.sqrt(sigma2) * normalQuantile(u));
}
