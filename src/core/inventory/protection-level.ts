import { normalCdf, normalQuantile } from '../forecast/normal.js';
import { type DemandForecast, windowDemand } from './demand-window.js';
import type { ServiceTarget } from './item-master.js';
import { drawLeadTime, leadTimeNodes } from './lead-time-nodes.js';
import { normalLoss, normalLossInverse } from './normal-loss.js';
import { simulatedLevel } from './simulated-level.js';
import { countLevel } from './count-level.js';
import type { ProtectionLevel } from './protection-level-answer.js';

export type { DemandLaw, ProtectionLevel } from './protection-level-answer.js';

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
  /**
   * True when an order quantity (EOQ) makes the cycle longer than the review period; false or
   * absent for a pure (R, S) policy, whose fill-rate shortfall subtracts the shortage carried in.
   */
  readonly hasOrderQuantity?: boolean;
  /** Uniform [0, 1) source, used when the forecast simulates. */
  readonly random: () => number;
  /** Sample paths when the forecast simulates (default 2000). */
  readonly paths?: number;
  /** Below this expected demand over the interval (units) a count law replaces the normal (default 20). */
  readonly lowVolumeUnits?: number;
}

/**
 * The order-up-to level of a periodic review (R, S) policy for one SKU x warehouse: the stock
 * that covers demand over the protection interval L + R (random lead time L, review period R)
 * at a cycle service level (P(demand <= level) = target) or a fill rate (expected units short
 * per cycle = (1 - target) x demand per cycle). Silver, Pyke & Thomas (2017), Inventory and
 * Production Management in Supply Chains, 4th ed., ch. 6–7; Axsäter (2015), Inventory Control,
 * 3rd ed.
 *
 * Fill rate, by the loss function: units short in one cycle of a pure (R, S) policy (demand per
 * cycle = demand per review period) are ESPRC = E[(D_{L+R} - S)^+] - E[(D_L - S)^+] — the
 * shortage at the end of the cycle minus what was already short when the cycle's order was
 * placed, which the previous cycle counted (Silver, Pyke & Thomas 2017 ch. 7, the P2 criterion
 * of the (R, S) system; Hadley & Whitin 1963 and Axsäter 2015 give the same correction). For a
 * normal law E[(D - S)^+] = sigma G((S - mu) / sigma), G the standard normal loss function; for
 * counts and sample paths the same expectations are exact sums. The level is the smallest S with
 * ESPRC <= (1 - fill rate) x E[D_R]. Without the second term (the textbook's
 * sigma_{R+L} G(k) = (1 - P2) D R) the level is too high whenever L is long next to R, e.g. a
 * nightly review with a two-week lead time. When an EOQ makes the cycle longer than the review
 * period, the allowed shortfall is (1 - fill rate) x cycle demand and the carried-in term is left
 * out (a safe bound).
 *
 * Demand over the interval is the FORECAST-ERROR law, not the spread of past sales: mean and
 * cumulative error variance of the forecast, mixed over a discretised lognormal lead time,
 * which gives Var = E[V(L + R)] + Var(M(L + R)) — the mixture form of
 * E[L] sigma_d^2 + mu_d^2 sigma_L^2 that also follows seasonality and trend. The law used:
 * - `simulated` when the forecast has a simulator (a random lead time per path);
 * - `count` (negative binomial when over-dispersed, else Poisson) for intermittent or lumpy
 *   demand and low volumes, where a normal z·sigma is wrong (Silver, Pyke & Thomas 2017 ch. 7).
 *   A cycle service target is the plain quantile P(D_{L+R} <= S) >= target for every class: the
 *   chance of no stockout in the interval one review protects, counted per review whether or not
 *   that review ordered (a review without demand has its position at S already);
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
  // Demand law over the lead time alone, for the shortage carried into a fill-rate cycle.
  const startMeans = new Float64Array(count);
  const startVariances = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const window = windowDemand(forecast, startDay, nodes.days[i]);
    startMeans[i] = window.mean;
    startVariances[i] = window.variance;
  }
  const isPureReview = reviewPeriodDays > 0 && request.hasOrderQuantity !== true;
  const fillRate: FillRateTarget = {
    shortfallAllowed: (1 - request.serviceLevel) * Math.max(0, request.cycleDemand),
    hasCarriedShortfall: isPureReview,
  };

  if (forecast.simulate) {
    const leadTime = () => drawLeadTime(request.leadTimeDays, request.leadTimeSdDays, request.random);
    return simulatedLevel(forecast, startDay, reviewPeriodDays, leadTime, { ...request, ...fillRate });
  }
  const isIntermittent = forecast.demandClass === 'intermittent' || forecast.demandClass === 'lumpy';
  if (isIntermittent || mixMean < (request.lowVolumeUnits ?? 20)) {
    const start = { means: startMeans, variances: startVariances, weights: nodes.weights };
    const level = countLevel(means, variances, nodes.weights, request.serviceTarget === 'cycle'
      ? { cycleServiceLevel: request.serviceLevel }
      : { shortfallAllowed: fillRate.shortfallAllowed, ...(fillRate.hasCarriedShortfall ? { start } : {}) });
    if (level !== undefined) return { level, mean: mixMean, sd: mixSd, law: 'count' };
  }
  const start = fillRate.hasCarriedShortfall ? { means: startMeans, variances: startVariances } : null;
  return { level: normalMixtureLevel(means, variances, nodes.weights, request, fillRate.shortfallAllowed, start), mean: mixMean, sd: mixSd, law: 'normal' };
}

/** Units short allowed per cycle, and whether the shortage carried in from the previous cycle is subtracted. */
export interface FillRateTarget {
  readonly shortfallAllowed: number;
  readonly hasCarriedShortfall: boolean;
}

/** E[(D - level)^+] for a normal D (a point mass when sd is 0). */
function normalShortfall(level: number, mean: number, variance: number): number {
  const sd = Math.sqrt(variance);
  return sd > 0 ? sd * normalLoss((level - mean) / sd) : Math.max(0, mean - level);
}

function normalMixtureLevel(
  means: Float64Array, variances: Float64Array, weights: Float64Array,
  request: ProtectionRequest, shortfallAllowed: number,
  start: { readonly means: Float64Array; readonly variances: Float64Array } | null,
): number {
  const isCycle = request.serviceTarget === 'cycle';
  if (means.length === 1 && (isCycle || start === null)) {
    const sd = Math.sqrt(variances[0]);
    if (sd === 0) return means[0];
    const k = isCycle ? normalQuantile(request.serviceLevel) : normalLossInverse(shortfallAllowed / sd);
    return Math.max(0, means[0] + k * sd);
  }
  // Bisection on the level: F(level) rises, the shortfall per cycle falls (d/dS of
  // E[(D_{L+R} - S)^+] - E[(D_L - S)^+] is P(D_L > S) - P(D_{L+R} > S) <= 0).
  const isMet = (level: number): boolean => {
    let value = 0;
    for (let i = 0; i < means.length; i++) {
      const sd = Math.sqrt(variances[i]);
      if (isCycle) value += weights[i] * (sd > 0 ? normalCdf((level - means[i]) / sd) : level >= means[i] ? 1 : 0);
      else {
        value += weights[i] * normalShortfall(level, means[i], variances[i]);
        if (start) value -= weights[i] * normalShortfall(level, start.means[i], start.variances[i]);
      }
    }
    return isCycle ? value >= request.serviceLevel : value <= shortfallAllowed + 1e-12;
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
