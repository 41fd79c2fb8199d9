import type { DemandForecast } from './demand-window.js';
import type { ServiceTarget } from './item-master.js';
import type { ProtectionLevel } from './protection-level.js';

interface SimulationTarget {
  readonly serviceLevel: number;
  readonly serviceTarget: ServiceTarget;
  readonly cycleDemand: number;
  readonly random: () => number;
  readonly paths?: number;
}

/**
 * The protection level from simulated demand paths: each path draws a lead time, then one
 * future demand path from the forecast's simulator, and sums it over the protection interval
 * (fractional periods at both ends; days beyond the simulated horizon repeat the path's last
 * period). The level is the empirical quantile at the cycle service level, or for a fill-rate
 * target the smallest level whose mean shortfall over the paths is at most (1 - target) x demand
 * per cycle (shortfall is piecewise linear between sorted draws). O(paths x horizon).
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
  const start = Math.max(0, (startDay - forecast.firstPeriodStartDay) / forecast.daysPerPeriod);
  let sum = 0;
  let sumSq = 0;
  for (let p = 0; p < paths; p++) {
    const end = start + (leadTime() + reviewPeriodDays) / forecast.daysPerPeriod;
    simulate(target.random, path);
    const total = Math.max(0, pathSum(path, end) - pathSum(path, start));
    totals[p] = total;
    sum += total;
    sumSq += total * total;
  }
  const mean = sum / paths;
  const sd = Math.sqrt(Math.max(0, sumSq / paths - mean * mean));
  totals.sort();
  if (target.serviceTarget === 'cycle') {
    const index = Math.min(paths - 1, Math.max(0, Math.ceil(target.serviceLevel * paths) - 1));
    return { level: totals[index], mean, sd, law: 'simulated' };
  }
  const allowed = (1 - target.serviceLevel) * Math.max(0, target.cycleDemand);
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
