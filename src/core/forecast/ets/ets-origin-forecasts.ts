import type { EtsFit } from './ets-model.js';

/** Seasonal indices or levels closer to zero than this cannot divide (as in `etsRecursion`). */
const TINY = 1e-10;
const HUGE = 1e10;

/**
 * In-sample forecasts of a fitted ETS model from every origin, with its parameters and initial
 * states fixed (no refit): runs the recursion of `etsRecursion` once over `y` and, before each
 * observation t, writes the point forecasts of y[t], .., y[t + horizon - 1] made from the state
 * at that time (Hyndman et al. 2008, Table 2.1). Entry `t * horizon + j` is the (j + 1)-step
 * forecast of y[t + j] from the origin after y[0..t); NaN where t + j >= n. Column 0 is the
 * fit's one-step `fitted`. These are the errors Williams & Goodman (1971) collect for empirical
 * intervals. O(n horizon).
 *
 * @example etsOriginForecasts(fit, y, 18)[5 * 18 + 2] // 3-step forecast of y[7] from y[0..5)
 */
export function etsOriginForecasts(fit: EtsFit, y: Float64Array, horizon: number): Float64Array {
  const n = y.length;
  const { spec, parameters, initialState } = fit;
  const { alpha, beta, gamma, phi } = parameters;
  const seasonCode = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const hasTrend = spec.trend !== 'N';
  const m = seasonCode === 0 ? 1 : spec.m;
  const season = new Float64Array(m);
  if (seasonCode !== 0) season.set(initialState.season.subarray(0, m));
  const out = new Float64Array(n * horizon).fill(NaN);
  let level = initialState.level;
  let trend = hasTrend ? initialState.trend : 0;
  let slot = 0;
  for (let t = 0; t < n; t++) {
    // Forecasts from this origin: level + (phi + .. + phi^(j+1)) trend, with the season of t + j.
    const steps = Math.min(horizon, n - t);
    let phiPower = 1;
    let phiSum = 0;
    for (let j = 0; j < steps; j++) {
      phiPower *= phi;
      phiSum += phiPower;
      const base = level + phiSum * trend;
      const s = seasonCode === 0 ? 0 : season[(slot + j) % m];
      out[t * horizon + j] = seasonCode === 2 ? base * s : base + s;
    }
    // One step of the recursion, exactly as etsRecursion, so column 0 equals `fitted`.
    const dampedTrend = phi * trend;
    const q = level + dampedTrend;
    const seasonal = seasonCode === 0 ? 0 : season[slot];
    const observed = y[t];
    let p = observed;
    if (seasonCode === 1) p = observed - seasonal;
    else if (seasonCode === 2) p = Math.abs(seasonal) < TINY ? HUGE : observed / seasonal;
    const correction = p - q;
    level = q + alpha * correction;
    if (hasTrend) trend = dampedTrend + beta * correction;
    if (seasonCode === 1) {
      season[slot] = seasonal + gamma * (observed - q - seasonal);
    } else if (seasonCode === 2) {
      const ratio = Math.abs(q) < TINY ? HUGE : observed / q;
      season[slot] = seasonal + gamma * (ratio - seasonal);
    }
    slot++;
    if (slot === m) slot = 0;
  }
  return out;
}
