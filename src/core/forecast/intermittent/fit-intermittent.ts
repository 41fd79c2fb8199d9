import type { MethodFit } from '../contract.js';
import type { DemandLevel } from './croston-level.js';
import { countDistribution, inverseDispersion } from './count-distribution.js';
import { seasonProfile } from './season-profile.js';

/** Estimates the demand rate of a (seasonally adjusted) series; see croston-level.ts and friends. */
export type LevelEstimator = (y: Float64Array) => DemandLevel;

/**
 * Wraps a demand-rate estimator into a full forecast for intermittent and count demand:
 * 1. when the series has a significant seasonal profile (closed weekdays, see `seasonProfile`),
 *    periods where the profile is 0 are dropped and the others divided by their weight;
 * 2. the estimator gives the rate per period and in-sample one-step forecasts;
 * 3. the point forecast is rate x weight of each future period;
 * 4. the distribution is negative binomial around it with a shared level multiplier
 *    (`countDistribution`), its over-dispersion fitted to the in-sample errors and its level
 *    variance from the estimator, so intervals and safety stock come from one model
 *    (R's croston gives none).
 * O(n m + h).
 *
 * @example fitIntermittent(y, 28, 7, (x) => crostonLevel(x, 0.1, 1), 'croston')
 */
export function fitIntermittent(
  y: Float64Array, horizon: number, seasonPeriod: number, estimate: LevelEstimator, label: string,
): MethodFit {
  const n = y.length;
  const m = Math.max(1, Math.floor(seasonPeriod));
  const weights = m > 1 ? seasonProfile(y, m) : null;
  let isInteger = true;
  for (let t = 0; t < n; t++) {
    if (!Number.isInteger(y[t])) {
      isInteger = false;
      break;
    }
  }
  const weightAt = (t: number) => (weights ? weights[t % m] : 1);
  let kept = 0;
  for (let t = 0; t < n; t++) if (weightAt(t) > 0) kept++;
  const adjusted = new Float64Array(kept);
  const positions = new Int32Array(kept);
  for (let t = 0, i = 0; t < n; t++) {
    const w = weightAt(t);
    if (w > 0) {
      adjusted[i] = y[t] / w;
      positions[i++] = t;
    }
  }
  const estimate_ = estimate(adjusted);
  const fitted = new Float64Array(n).fill(NaN);
  for (let i = 0; i < kept; i++) fitted[positions[i]] = estimate_.fitted[i] * weightAt(positions[i]);
  for (let t = 0; t < n; t++) if (weightAt(t) === 0) fitted[t] = 0;
  const mean = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) mean[h] = Math.max(0, estimate_.level * weightAt(n + h));
  // In-sample errors contain the level's estimation error as well as demand noise:
  // E[e^2] = f + f^2 (1/k + v) for counts, so 1/k is what remains after the level's share v.
  const levelVariance = estimate_.levelVariance;
  const distribution = countDistribution({
    mean,
    inverseDispersion: Math.max(0, inverseDispersion(y, fitted, isInteger) - levelVariance),
    levelVariance,
    isInteger,
  });
  // Whole-unit demand: per-period count quantiles (exact, and no paths to draw); the simulator
  // stays for callers that want sample paths, and for continuous quantities.
  return { label, mean, fitted, ...distribution, ...(isInteger ? { distribution: 'count' as const } : {}), aicc: NaN };
}
