/**
 * The ETS criterion without fitted values, in loops specialised by trend and season. The
 * optimiser calls it thousands of times per series (about 2,000 times x 730 days for a daily
 * series), so the component tests of the general {@link etsRecursion} are taken out of the loop:
 * each loop below does exactly the arithmetic of `etsRecursion` for its components, in the same
 * order, so both give bit-identical results (test/core/forecast/ets/ets-likelihood.test.ts checks
 * it; the one exception is the sign of a zero level without trend, -0 here where etsRecursion's
 * level + phi * 0 gives +0), at about half the time per observation. The error type stays a branch: it is the same for
 * every step, so the processor predicts it, and it only adds work off the level's dependency chain.
 */
import { etsRecursion } from './ets-recursion.js';

const PERFECT_FIT_LIKELIHOOD = -1e10;
const TINY = 1e-10;
const HUGE = 1e10;
const FOLD_HIGH = 1e100;
const FOLD_LOW = 1e-100;

// Each loop leaves its sums here: [sum of squared errors, running product of |yhat|, sum of logs
// of folded products]. One module-level scratch array instead of an object per call.
const sums = new Float64Array(3);

/**
 * -2 log-likelihood (up to a constant) of an ETS model, as {@link etsRecursion} with
 * `fitted = null`, from loops specialised by component. Codes as in `etsRecursion`: error 0
 * additive, 1 multiplicative; trend 0 none, 1 additive (damped by phi); season 0 none,
 * 1 additive, 2 multiplicative. `state` ([level, trend]) and `season` (m indices) are updated in
 * place exactly as `etsRecursion` does. Returns Infinity when the recursion breaks down.
 * Hyndman, Koehler, Ord & Snyder (2008), ch. 2, Table 2.1. O(n), no allocation.
 *
 * @example
 * // SES with alpha 0.5 from level 1 over [3]: yhat = 1, e = 2, criterion 1 * log(4)
 * etsLikelihood(Float64Array.of(3), 0, 0, 0, 1, 0.5, 0, 0, 1, Float64Array.of(1, 0), new Float64Array(1)) // 1.386...
 */
export function etsLikelihood(
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
): number {
  const isMultiplicativeError = errorCode === 1;
  const isSpecialised = (trendCode === 0 || trendCode === 1) && (seasonCode === 0 || seasonCode === 1 || seasonCode === 2);
  if (!isSpecialised) return etsRecursion(y, errorCode, trendCode, seasonCode, m, alpha, beta, gamma, phi, state, season, null);
  if (trendCode === 0) {
    if (seasonCode === 0) noTrendNoSeason(y, isMultiplicativeError, alpha, state);
    else if (seasonCode === 1) noTrendAdditiveSeason(y, isMultiplicativeError, m, alpha, gamma, state, season);
    else noTrendMultiplicativeSeason(y, isMultiplicativeError, m, alpha, gamma, state, season);
  } else if (seasonCode === 0) trendNoSeason(y, isMultiplicativeError, alpha, beta, phi, state);
  else if (seasonCode === 1) trendAdditiveSeason(y, isMultiplicativeError, m, alpha, beta, gamma, phi, state, season);
  else trendMultiplicativeSeason(y, isMultiplicativeError, m, alpha, beta, gamma, phi, state, season);
  let likelihood = y.length * Math.log(sums[0]);
  if (isMultiplicativeError) likelihood += 2 * (sums[2] + Math.log(sums[1]));
  if (Number.isNaN(likelihood) || likelihood === Infinity || !Number.isFinite(state[0])) return Infinity;
  return likelihood < PERFECT_FIT_LIKELIHOOD ? PERFECT_FIT_LIKELIHOOD : likelihood;
}

function noTrendNoSeason(y: Float64Array, isMultiplicativeError: boolean, alpha: number, state: Float64Array): void {
  const n = y.length;
  let level = state[0];
  let sumSquares = 0;
  let product = 1;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const q = level;
    const observed = y[t];
    let error = observed - q;
    if (isMultiplicativeError) {
      error /= q;
      product *= q < 0 ? -q : q;
      if (product > FOLD_HIGH || product < FOLD_LOW) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sumSquares += error * error;
    level = q + alpha * (observed - q);
  }
  state[0] = level;
  state[1] = 0;
  sums[0] = sumSquares;
  sums[1] = product;
  sums[2] = logSum;
}

function trendNoSeason(
  y: Float64Array, isMultiplicativeError: boolean, alpha: number, beta: number, phi: number, state: Float64Array,
): void {
  const n = y.length;
  let level = state[0];
  let trend = state[1];
  let sumSquares = 0;
  let product = 1;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const dampedTrend = phi * trend;
    const q = level + dampedTrend;
    const observed = y[t];
    let error = observed - q;
    if (isMultiplicativeError) {
      error /= q;
      product *= q < 0 ? -q : q;
      if (product > FOLD_HIGH || product < FOLD_LOW) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sumSquares += error * error;
    const correction = observed - q;
    level = q + alpha * correction;
    trend = dampedTrend + beta * correction;
  }
  state[0] = level;
  state[1] = trend;
  sums[0] = sumSquares;
  sums[1] = product;
  sums[2] = logSum;
}

function noTrendAdditiveSeason(
  y: Float64Array, isMultiplicativeError: boolean, m: number, alpha: number, gamma: number, state: Float64Array, season: Float64Array,
): void {
  const n = y.length;
  let level = state[0];
  let sumSquares = 0;
  let product = 1;
  let logSum = 0;
  let slot = 0;
  for (let t = 0; t < n; t++) {
    const q = level;
    const seasonal = season[slot];
    const forecast = q + seasonal;
    const observed = y[t];
    let error = observed - forecast;
    if (isMultiplicativeError) {
      error /= forecast;
      product *= forecast < 0 ? -forecast : forecast;
      if (product > FOLD_HIGH || product < FOLD_LOW) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sumSquares += error * error;
    level = q + alpha * (observed - seasonal - q);
    season[slot] = seasonal + gamma * (observed - q - seasonal);
    slot++;
    if (slot === m) slot = 0;
  }
  state[0] = level;
  state[1] = 0;
  sums[0] = sumSquares;
  sums[1] = product;
  sums[2] = logSum;
}

function trendAdditiveSeason(
  y: Float64Array, isMultiplicativeError: boolean, m: number, alpha: number, beta: number, gamma: number, phi: number,
  state: Float64Array, season: Float64Array,
): void {
  const n = y.length;
  let level = state[0];
  let trend = state[1];
  let sumSquares = 0;
  let product = 1;
  let logSum = 0;
  let slot = 0;
  for (let t = 0; t < n; t++) {
    const dampedTrend = phi * trend;
    const q = level + dampedTrend;
    const seasonal = season[slot];
    const forecast = q + seasonal;
    const observed = y[t];
    let error = observed - forecast;
    if (isMultiplicativeError) {
      error /= forecast;
      product *= forecast < 0 ? -forecast : forecast;
      if (product > FOLD_HIGH || product < FOLD_LOW) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sumSquares += error * error;
    const correction = observed - seasonal - q;
    level = q + alpha * correction;
    trend = dampedTrend + beta * correction;
    season[slot] = seasonal + gamma * (observed - q - seasonal);
    slot++;
    if (slot === m) slot = 0;
  }
  state[0] = level;
  state[1] = trend;
  sums[0] = sumSquares;
  sums[1] = product;
  sums[2] = logSum;
}

function noTrendMultiplicativeSeason(
  y: Float64Array, isMultiplicativeError: boolean, m: number, alpha: number, gamma: number, state: Float64Array, season: Float64Array,
): void {
  const n = y.length;
  let level = state[0];
  let sumSquares = 0;
  let product = 1;
  let logSum = 0;
  let slot = 0;
  for (let t = 0; t < n; t++) {
    const q = level;
    const seasonal = season[slot];
    const forecast = q * seasonal;
    const observed = y[t];
    let error = observed - forecast;
    if (isMultiplicativeError) {
      error /= forecast;
      product *= forecast < 0 ? -forecast : forecast;
      if (product > FOLD_HIGH || product < FOLD_LOW) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sumSquares += error * error;
    const p = Math.abs(seasonal) < TINY ? HUGE : observed / seasonal;
    level = q + alpha * (p - q);
    const ratio = Math.abs(q) < TINY ? HUGE : observed / q;
    season[slot] = seasonal + gamma * (ratio - seasonal);
    slot++;
    if (slot === m) slot = 0;
  }
  state[0] = level;
  state[1] = 0;
  sums[0] = sumSquares;
  sums[1] = product;
  sums[2] = logSum;
}

function trendMultiplicativeSeason(
  y: Float64Array, isMultiplicativeError: boolean, m: number, alpha: number, beta: number, gamma: number, phi: number,
  state: Float64Array, season: Float64Array,
): void {
  const n = y.length;
  let level = state[0];
  let trend = state[1];
  let sumSquares = 0;
  let product = 1;
  let logSum = 0;
  let slot = 0;
  for (let t = 0; t < n; t++) {
    const dampedTrend = phi * trend;
    const q = level + dampedTrend;
    const seasonal = season[slot];
    const forecast = q * seasonal;
    const observed = y[t];
    let error = observed - forecast;
    if (isMultiplicativeError) {
      error /= forecast;
      product *= forecast < 0 ? -forecast : forecast;
      if (product > FOLD_HIGH || product < FOLD_LOW) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sumSquares += error * error;
    const p = Math.abs(seasonal) < TINY ? HUGE : observed / seasonal;
    const correction = p - q;
    level = q + alpha * correction;
    trend = dampedTrend + beta * correction;
    const ratio = Math.abs(q) < TINY ? HUGE : observed / q;
    season[slot] = seasonal + gamma * (ratio - seasonal);
    slot++;
    if (slot === m) slot = 0;
  }
  state[0] = level;
  state[1] = trend;
  sums[0] = sumSquares;
  sums[1] = product;
  sums[2] = logSum;
}
