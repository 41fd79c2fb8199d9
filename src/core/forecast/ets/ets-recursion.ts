/**
 * The ETS filtering recursion: one pass over the data, one-step forecasts, innovations and the
 * likelihood. This is the inner loop of every ETS fit, so it allocates nothing.
 */

/** Lower clamp of the criterion, so a perfect fit does not become -Infinity (as R's `ets`). */
const PERFECT_FIT_LIKELIHOOD = -1e10;
/** Seasonal indices or levels closer to zero than this cannot divide (as R's `ets`). */
const TINY = 1e-10;
const HUGE = 1e10;

/**
 * Runs the ETS recursions of Hyndman et al. (2008, ch. 2, Table 2.1, error-correction form) over
 * `y` and returns -2 log-likelihood up to a constant, the criterion R's `ets` minimises:
 * n log(sum e_t^2) for additive errors (e_t = y_t - yhat_t), and
 * n log(sum e_t^2) + 2 sum log|yhat_t| for multiplicative errors (e_t = (y_t - yhat_t) / yhat_t).
 * The state updates in terms of y are the same for both error types:
 * with q = l + phi b and p = y (no season), y - s (additive), y / s (multiplicative):
 * l' = q + alpha (p - q), b' = phi b + beta (p - q), s' = s + gamma (y - q or y / q - s).
 *
 * Codes: error 0 additive, 1 multiplicative; trend 0 none, 1 additive (phi = 1 undamped);
 * season 0 none, 1 additive, 2 multiplicative.
 * `state` holds [level, trend] on entry and the final state on exit; `season` holds the m
 * seasonal indices of times 0..m-1 on entry and is updated in place as a ring (after the
 * call, the index for time t >= n is at `season[t % m]`). `fitted`, when given, receives the
 * one-step forecasts. Returns Infinity when the recursion breaks down (non-finite values).
 * O(n), no allocation.
 *
 * @example
 * // SES with alpha 0.5 from level 1 over [3]: yhat = 1, e = 2, criterion 1 * log(4)
 * etsRecursion(Float64Array.of(3), 0, 0, 0, 1, 0.5, 0, 0, 1, Float64Array.of(1, 0), new Float64Array(1), null) // 1.386...
 */
export function etsRecursion(
  y: Float64Array,
  errorCode: number,
  trendCode: number,
  seasonCode: number,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  state: Float64Array,
  season: Float64Array,
  fitted: Float64Array | null,
): number {
  const n = y.length;
  let level = state[0];
  let trend = trendCode === 0 ? 0 : state[1];
  let sumSquares = 0;
  // Product of |yhat| folded into a log now and then, to avoid one Math.log per observation.
  let product = 1;
  let logSum = 0;
  let slot = 0;
  for (let t = 0; t < n; t++) {
    const dampedTrend = phi * trend;
    const q = level + dampedTrend;
    let seasonal = 0;
    let forecast = q;
    if (seasonCode === 1) {
      seasonal = season[slot];
      forecast = q + seasonal;
    } else if (seasonCode === 2) {
      seasonal = season[slot];
      forecast = q * seasonal;
    }
    if (fitted !== null) fitted[t] = forecast;
    const observed = y[t];
    let error: number;
    if (errorCode === 0) {
      error = observed - forecast;
    } else {
      error = (observed - forecast) / forecast;
      product *= forecast < 0 ? -forecast : forecast;
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sumSquares += error * error;

    let p = observed;
    if (seasonCode === 1) p = observed - seasonal;
    else if (seasonCode === 2) p = Math.abs(seasonal) < TINY ? HUGE : observed / seasonal;
    const correction = p - q;
    level = q + alpha * correction;
    if (trendCode !== 0) trend = dampedTrend + beta * correction;
    if (seasonCode === 1) {
      season[slot] = seasonal + gamma * (observed - q - seasonal);
    } else if (seasonCode === 2) {
      const ratio = Math.abs(q) < TINY ? HUGE : observed / q;
      season[slot] = seasonal + gamma * (ratio - seasonal);
    }
    slot++;
    if (slot === m) slot = 0;
  }
  state[0] = level;
  state[1] = trend;
  let likelihood = n * Math.log(sumSquares);
  if (errorCode === 1) likelihood += 2 * (logSum + Math.log(product));
  if (Number.isNaN(likelihood) || likelihood === Infinity || !Number.isFinite(level)) return Infinity;
  return likelihood < PERFECT_FIT_LIKELIHOOD ? PERFECT_FIT_LIKELIHOOD : likelihood;
}
