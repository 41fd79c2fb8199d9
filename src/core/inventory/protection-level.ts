import { normalCdf, normalQuantile } from '../forecast/normal.js';
import { type DemandForecast, windowDemand } from './demand-window.js';
import type { ServiceTarget } from './item-master.js';
import { drawLeadTime, leadTimeNodes } from './lead-time-nodes.js';
import { normalLoss, normalLossInverse } from './normal-loss.js';
import { simulatedLevel } from './simulated-level.js';
import { countLevel } from './count-level.js';

/** How the demand law over the protection interval was modelled. */
export type DemandLaw = 'normal' | 'count' | 'simulated' | 'none';

/** One protection-level question: which forecast, from when, lead time and review period in days, which target. */
export interface ProtectionRequest {
  readonly forecast: DemandForecast;
  /** Day number the protection interval starts on (the as-of day). */
  readonly startDay: number;
  readonly leadTimeDays: number;
  readonly leadTimeSdDays: number;
  readonly reviewPeriodDays: number;
  /** Target in (0, 1), read as `serviceTarget` says. */
  readonly serviceLevel: number;
  readonly serviceTarget: ServiceTarget;
  /** Expected demand per replenishment cycle in units (fill-rate targets only). */
  readonly cycleDemand: number;
  /** Uniform [0, 1) source, used when the forecast simulates. */
  readonly random: () => number;
  /** Sample paths when the forecast simulates (default 2000). */
  readonly paths?: number;
  /** Below this expected demand over the interval (units) a count law replaces the normal (default 20). */
  readonly lowVolumeUnits?: number;
}

/** The answer of `protectionLevel`, in units. */
export interface ProtectionLevel {
  /** Stock level (units, not rounded) that meets the target over lead time + review period. */
  readonly level: number;
  /** Expected demand over lead time + review period, mixed over lead times (units). */
  readonly mean: number;
  /** Standard deviation of that demand, forecast error and lead-time variability together (units). */
  readonly sd: number;
  readonly law: DemandLaw;
}

/**
 * The order-up-to level of a periodic review (R, S) policy for one SKU x warehouse: the stock
 * that covers demand over the protection interval L + R (random lead time L, review period R)
 * at a cycle service level (P(demand <= level) = target) or a fill rate (expected units short
 * per cycle = (1 - target) x demand per cycle). Silver, Pyke & Peterson (2017) §7.4–7.6.
 *
 * Demand over the interval is the FORECAST-ERROR law, not the spread of past sales: mean and
 * cumulative error variance of the forecast, mixed over a discretised lognormal lead time,
 * which gives Var = E[V(L + R)] + Var(M(L + R)) — the mixture form of
 * E[L] sigma_d^2 + mu_d^2 sigma_L^2 that also follows seasonality and trend. The law used:
 * - `simulated` when the forecast has a simulator (a random lead time per path);
 * - `count` (negative binomial when over-dispersed, else Poisson) for intermittent or lumpy
 *   demand and low volumes, where a normal z·sigma is wrong (Silver, Pyke & Peterson §7.8);
 * - `normal` otherwise; `none` when no demand is expected.
 * O(nodes x window) for normal and count, O(paths x horizon) simulated.
 *
 * @example protectionLevel({ forecast, startDay: asOf, leadTimeDays: 14, leadTimeSdDays: 0, reviewPeriodDays: 1,
 *   serviceLevel: 0.95, serviceTarget: 'cycle', cycleDemand: 10, random }).level // mean + 1.645 sd
 */
export function protectionLevel(request: ProtectionRequest): ProtectionLevel {
  const { forecast, startDay, reviewPeriodDays } = request;
  if (forecast.demandClass === 'none') return { level: 0, mean: 0, sd: 0, law: 'none' };
  const nodes = leadTimeNodes(request.leadTimeDays, request.leadTimeSdDays);
  const count = nodes.days.length;
  const means = new Float64Array(count);
  const variances = new Float64Array(count);
  let mixMean = 0;
  let mixSecond = 0;
  for (let i = 0; i < count; i++) {
    const window = windowDemand(forecast, startDay, nodes.days[i] + reviewPeriodDays);
    means[i] = window.mean;
    variances[i] = window.variance;
    mixMean += nodes.weights[i] * window.mean;
    mixSecond += nodes.weights[i] * (window.variance + window.mean * window.mean);
  }
  const mixSd = Math.sqrt(Math.max(0, mixSecond - mixMean * mixMean));
  if (!(mixMean > 0)) return { level: 0, mean: 0, sd: 0, law: 'none' };
  const shortfallAllowed = (1 - request.serviceLevel) * Math.max(0, request.cycleDemand);

  if (forecast.simulate) {
    const leadTime = () => drawLeadTime(request.leadTimeDays, request.leadTimeSdDays, request.random);
    return simulatedLevel(forecast, startDay, reviewPeriodDays, leadTime, request);
  }
  const isIntermittent = forecast.demandClass === 'intermittent' || forecast.demandClass === 'lumpy';
  if (isIntermittent || mixMean < (request.lowVolumeUnits ?? 20)) {
    const level = countLevel(means, variances, nodes.weights, request.serviceTarget === 'cycle'
      ? { cycleServiceLevel: request.serviceLevel }
      : { shortfallAllowed });
    if (level !== undefined) return { level, mean: mixMean, sd: mixSd, law: 'count' };
  }
  return { level: normalMixtureLevel(means, variances, nodes.weights, request, shortfallAllowed), mean: mixMean, sd: mixSd, law: 'normal' };
}

function normalMixtureLevel(
  means: Float64Array, variances: Float64Array, weights: Float64Array,
  request: ProtectionRequest, shortfallAllowed: number,
): number {
  const isCycle = request.serviceTarget === 'cycle';
  if (means.length === 1) {
    const sd = Math.sqrt(variances[0]);
    if (sd === 0) return means[0];
    const k = isCycle ? normalQuantile(request.serviceLevel) : normalLossInverse(shortfallAllowed / sd);
    return Math.max(0, means[0] + k * sd);
  }
  // Mixture over lead times: bisection on the level, F(level) rising, expected shortfall falling.
  const isMet = (level: number): boolean => {
    let value = 0;
    for (let i = 0; i < means.length; i++) {
      const sd = Math.sqrt(variances[i]);
      if (isCycle) value += weights[i] * (sd > 0 ? normalCdf((level - means[i]) / sd) : level >= means[i] ? 1 : 0);
      else value += weights[i] * (sd > 0 ? sd * normalLoss((level - means[i]) / sd) : Math.max(0, means[i] - level));
    }
    return isCycle ? value >= request.serviceLevel : value <= shortfallAllowed;
  };
  let high = 1;
  for (let i = 0; i < means.length; i++) high = Math.max(high, means[i] + 12 * Math.sqrt(variances[i]) + 1);
  let low = 0;
  if (isMet(low)) return 0;
  for (let i = 0; i < 100 && high - low > 1e-9 * high; i++) {
    const middle = 0.5 * (low + high);
    if (isMet(middle)) high = middle;
    else low = middle;
  }
  return high;
}
