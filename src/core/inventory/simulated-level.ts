import type { DemandForecast } from './demand-window.js';
import type { ServiceTarget } from './item-master.js';
import type { ProtectionLevel } from './protection-level-answer.js';

interface SimulationTarget {
  readonly serviceLevel: number;
  readonly serviceTarget: ServiceTarget;
  readonly cycleDemand: number;
  readonly random: () => number;
  readonly paths?: number;
  /** Fill rate: units short allowed per cycle (default (1 - serviceLevel) x cycleDemand). */
  readonly shortfallAllowed?: number;
  /** Fill rate: subtract the shortage already there when the cycle starts, E[(D_L - S)^+]. */
  readonly hasCarriedShortfall?: boolean;
}

/**
 * The protection level from simulated demand paths: each path draws a lead time, then one
 * future demand path from the forecast's simulator, and sums it over the protection interval
 * (fractional periods at both ends; days beyond the simulated horizon repeat the path's last
 * period). The level is the empirical quantile at the cycle service level, or for a fill-rate
 * target the smallest level whose mean shortfall over the paths is at most (1 - target) x demand
 * per cycle (shortfall is piecewise linear between sorted draws); with `hasCarriedShortfall` the
 * shortfall per path is (T_{L+R} - S)^+ - (T_L - S)^+ (see `protectionLevel`), found by bisection.
 * O(paths x horizon).
 *
 * @example simulatedLevel(forecast, asOf, 7, () => 14, { serviceLevel: 0.95, serviceTarget: 'cycle', cycleDemand: 3, random })
 */
export function simulatedLevel(
  forecast: DemandForecast, startDay: number, reviewPeriodDays: number,
  leadTime: () => number, target: SimulationTarget,
): ProtectionLevel {
  const simulate = forecast.simulate;
  const horizon = forecast.mean.length;
  if (!simulate || horizon === 0) return { level: 0, mean: 0, sd: 0, law: 'none' };
  const paths = Math.max(100, target.paths ?? 2000);
  const path = new Float64Array(horizon);
  const totals = new Float64Array(paths);
  const leadTotals = target.hasCarriedShortfall && target.serviceTarget !== 'cycle' ? new Float64Array(paths) : null;
  const start = Math.max(0, (startDay - forecast.firstPeriodStartDay) / forecast.daysPerPeriod);
  let sum = 0;
  let sumSq = 0;
  for (let p = 0; p < paths; p++) {
    const lead = leadTime();
    const end = start + (lead + reviewPeriodDays) / forecast.daysPerPeriod;
    simulate(target.random, path);
    const before = pathSum(path, start);
    const total = Math.max(0, pathSum(path, end) - before);
    totals[p] = total;
    if (leadTotals) leadTotals[p] = Math.max(0, pathSum(path, start + lead / forecast.daysPerPeriod) - before);
    sum += total;
    sumSq += total * total;
  }
  const mean = sum / paths;
  const sd = Math.sqrt(Math.max(0, sumSq / paths - mean * mean));
  const allowed = target.shortfallAllowed ?? (1 - target.serviceLevel) * Math.max(0, target.cycleDemand);
  if (leadTotals && target.serviceTarget !== 'cycle') {
    // Before sorting: totals[p] and leadTotals[p] belong to the same path.
    return { level: carriedShortfallLevel(totals, leadTotals, allowed), mean, sd, law: 'simulated' };
  }
  totals.sort();
  if (target.serviceTarget === 'cycle') {
    const index = Math.min(paths - 1, Math.max(0, Math.ceil(target.serviceLevel * paths) - 1));
    return { level: totals[index], mean, sd, law: 'simulated' };
  }
  // Walk down from the largest draw: shortfall(x) = sum over draws above x of (draw - x) / paths.
  let above = 0; // sum of draws strictly above the current candidate
  let countAbove = 0;
  for (let i = paths - 1; i >= 0; i--) {
    const candidate = totals[i];
    const shortfall = (above - countAbove * candidate) / paths;
    if (shortfall > allowed) {
      // The target is met between totals[i] and totals[i + 1], where shortfall is linear in x.
      return { level: candidate + (shortfall - allowed) / (countAbove / paths), mean, sd, law: 'simulated' };
    }
    above += candidate;
    countAbove++;
  }
  return { level: Math.max(0, (above - allowed * paths) / countAbove), mean, sd, law: 'simulated' };
}

/**
 * Smallest S with mean over paths of (total - S)^+ - (leadTotal - S)^+ <= allowed, by bisection
 * (the difference falls as S rises because total >= leadTotal on every path).
 */
function carriedShortfallLevel(totals: Float64Array, leadTotals: Float64Array, allowed: number): number {
  const paths = totals.length;
  const shortfall = (level: number): number => {
    let sum = 0;
    for (let p = 0; p < paths; p++) sum += Math.max(0, totals[p] - level) - Math.max(0, leadTotals[p] - level);
    return sum / paths;
  };
  let low = 0;
  let high = 0;
  for (let p = 0; p < paths; p++) high = Math.max(high, totals[p]);
  if (shortfall(low) <= allowed) return 0;
  for (let i = 0; i < 100 && high - low > 1e-9 * Math.max(1, high); i++) {
    const middle = 0.5 * (low + high);
    if (shortfall(middle) <= allowed) high = middle;
    else low = middle;
  }
  return high;
}

/** Sum of the path over the first `periods` periods (fractional), repeating the last period beyond it. */
function pathSum(path: Float64Array, periods: number): number {
  const whole = Math.floor(periods);
  const inside = Math.min(whole, path.length);
  let sum = 0;
  // Demand is never negative, whatever a simulator draws.
  for (let j = 0; j < inside; j++) sum += Math.max(0, path[j]);
  const last = Math.max(0, path[path.length - 1]);
  if (whole > path.length) sum += (whole - path.length) * last;
  const fraction = periods - whole;
  if (fraction > 0) sum += fraction * (whole < path.length ? Math.max(0, path[whole]) : last);
  return sum;
}
