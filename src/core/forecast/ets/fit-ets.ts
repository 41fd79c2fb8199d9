import { minimizeNelderMead } from '../optimize/nelder-mead.js';
import { etsLikelihood } from './ets-likelihood.js';
import { etsRecursion } from './ets-recursion.js';
import { ERROR_CODE, SEASON_CODE, TREND_CODE, etsLabel, type EtsFit, type EtsSpec } from './ets-model.js';
import { fitFixedSes } from './fit-fixed-ses.js';
import { initialStates } from './initial-states.js';
import { isAdmissible } from './is-admissible.js';

/**
 * The "usual" region of R's `forecast::ets` defaults: lower and upper bounds of alpha, beta and
 * gamma, and of phi (beta is further kept below alpha, gamma below 1 - alpha).
 *
 * @example ETS_BOUNDS.phiUpper // 0.98
 */
export const ETS_BOUNDS = { lower: 1e-4, upper: 0.9999, phiLower: 0.8, phiUpper: 0.98 } as const;

export interface FitEtsOptions {
  /**
   * Keep the seasonal initial states at their decomposition values and estimate only the
   * smoothing parameters, level and trend (m - 1 fewer free values; used for long periods such
   * as m = 52). They still count as estimated in the AICc. Default false.
   */
  readonly isSeasonFixed?: boolean;
  /** Cap on likelihood evaluations of each optimiser stage (default 2000, as R). */
  readonly maxEvaluations?: number;
  /** Relative tolerance on the criterion that stops the optimiser (default 1e-8, as R). */
  readonly relativeTolerance?: number;
  /** Fixed smoothing parameters; those given are not estimated. */
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
  readonly phi?: number;
}

/**
 * Fits one ETS model by maximum likelihood: smoothing parameters (alpha, beta, gamma, phi) and
 * initial states (level, trend, m - 1 seasonal indices; the m-th makes additive indices sum to
 * 0 and multiplicative ones to m) minimise n log(SSE) (+ 2 sum log|yhat| for multiplicative
 * errors) by Nelder–Mead within the usual bounds 1e-4 <= alpha <= 0.9999, 1e-4 <= beta <= alpha,
 * 1e-4 <= gamma <= 1 - alpha, 0.8 <= phi <= 0.98, non-negative multiplicative indices and, for
 * seasonal models, the admissible region ({@link isAdmissible}; R's default `bounds = "both"`).
 * Starting values follow R's `forecast::ets` (alpha 0.2 / m, beta alpha / 10, gamma (1 - alpha) / 20,
 * phi 0.978, states from {@link initialStates}).
 * Returns null when the model cannot be fitted: too few observations for its parameters
 * (n - 1 or fewer), multiplicative parts with non-positive data, or no finite likelihood.
 * Hyndman, Koehler, Ord & Snyder (2008), Forecasting with Exponential Smoothing, ch. 5;
 * Hyndman et al. (2002), IJF 18(3), 439–454. O(evaluations x n).
 *
 * @example tryFitEts(Float64Array.of(10, 12, 11, 13, 12, 14, 13, 15), { error: 'A', trend: 'N', season: 'N', m: 1 })?.label // 'ETS(ANN)'
 */
export function tryFitEts(y: Float64Array, spec: EtsSpec, options: FitEtsOptions = {}): EtsFit | null {
  const n = y.length;
  const isSeasonal = spec.season !== 'N';
  const m = isSeasonal ? spec.m : 1;
  if (isSeasonal && (m < 2 || n < m + 1)) return null;
  if (spec.error === 'M' || spec.season === 'M') {
    for (let t = 0; t < n; t++) if (!(y[t] > 0)) return null;
  }
  const hasTrend = spec.trend !== 'N';
  const isDamped = spec.trend === 'Ad';
  const isSeasonFree = isSeasonal && options.isSeasonFixed !== true;
  const errorCode = ERROR_CODE[spec.error];
  const trendCode = TREND_CODE[spec.trend];
  const seasonCode = SEASON_CODE[spec.season];
  const isMultiplicativeSeason = spec.season === 'M';
  const seasonBase = isMultiplicativeSeason ? m : 0;

  const fixedAlpha = options.alpha ?? NaN;
  const fixedBeta = options.beta ?? NaN;
  const fixedGamma = options.gamma ?? NaN;
  const fixedPhi = options.phi ?? NaN;
  const isAlphaFree = options.alpha === undefined;
  const isBetaFree = hasTrend && options.beta === undefined;
  const isGammaFree = isSeasonal && options.gamma === undefined;
  const isPhiFree = isDamped && options.phi === undefined;
  const parameterDims = Number(isAlphaFree) + Number(isBetaFree) + Number(isGammaFree) + Number(isPhiFree);
  const stateDims = 1 + Number(hasTrend) + (isSeasonFree ? m - 1 : 0);
  const dims = parameterDims + stateDims;
  const countedStates = 1 + Number(hasTrend) + (isSeasonal ? m - 1 : 0);
  const estimated = parameterDims + countedStates;
  if (estimated >= n - 1) return null;

  const start0 = initialStates(y, spec.trend, spec.season, m, isSeasonal && !isSeasonFree ? 2 : 3);
  const { lower, upper, phiLower, phiUpper } = ETS_BOUNDS;
  const alphaStart = options.alpha ?? lower + (0.2 * (upper - lower)) / m;
  const betaStart = options.beta ?? lower + 0.1 * (Math.min(upper, alphaStart) - lower);
  const gammaStart = options.gamma ?? lower + 0.05 * (Math.min(upper, 1 - alphaStart) - lower);
  const phiStart = options.phi ?? (isDamped ? phiLower + 0.99 * (phiUpper - phiLower) : 1);

  let scale = 0;
  for (let t = 0; t < n; t++) scale += Math.abs(y[t]);
  scale = n > 0 ? scale / n : 1;
  if (!(scale > 0)) scale = 1;

  const start = new Float64Array(dims);
  const step = new Float64Array(dims);
  let k = 0;
  if (isAlphaFree) { start[k] = alphaStart; step[k++] = 0.1; }
  if (isBetaFree) { start[k] = betaStart; step[k++] = Math.max(0.5 * (alphaStart - betaStart), 1e-3); }
  if (isGammaFree) { start[k] = gammaStart; step[k++] = 0.1; }
  if (isPhiFree) { start[k] = phiStart; step[k++] = -0.05; }
  start[k] = start0.level;
  step[k++] = Math.max(0.1 * Math.abs(start0.level), 0.01 * scale);
  if (hasTrend) {
    start[k] = start0.trend;
    step[k++] = Math.max(0.1 * Math.abs(start0.trend), 0.001 * scale);
  }
  if (isSeasonFree) {
    for (let j = 1; j < m; j++) {
      start[k] = start0.season[j];
      step[k++] = isMultiplicativeSeason
        ? Math.max(0.1 * Math.abs(start0.season[j] - 1), 0.01)
        : Math.max(0.1 * Math.abs(start0.season[j]), 0.01 * scale);
    }
  }

  const state = new Float64Array(2);
  const season = new Float64Array(m);
  // Stage one keeps the seasonal indices at their decomposition values (see below).
  let isSeasonInVector = false;
  // Seasonal estimates are checked for admissibility at the end, and only if they fail, during
  // a second search (the check costs O(m^2), more than the likelihood of a short series).
  let isAdmissibilityChecked = false;
  const fixedSeason = start0.season;
  const parameters = new Float64Array(4);

  // Reads alpha, beta, gamma, phi and the states from a point; false outside the region.
  const unpack = (x: Float64Array): boolean => {
    let i = 0;
    const alpha = isAlphaFree ? x[i++] : fixedAlpha;
    const beta = hasTrend ? (isBetaFree ? x[i++] : fixedBeta) : 0;
    const gamma = isSeasonal ? (isGammaFree ? x[i++] : fixedGamma) : 0;
    const phi = isDamped ? (isPhiFree ? x[i++] : fixedPhi) : 1;
    if (isAlphaFree && !(alpha >= lower && alpha <= upper)) return false;
    if (isBetaFree && !(beta >= lower && beta <= alpha && beta <= upper)) return false;
    if (isGammaFree && !(gamma >= lower && gamma <= 1 - alpha && gamma <= upper)) return false;
    if (isPhiFree && !(phi >= phiLower && phi <= phiUpper)) return false;
    if (isAdmissibilityChecked && !isAdmissible(alpha, beta, gamma, phi, m)) return false;
    parameters[0] = alpha;
    parameters[1] = beta;
    parameters[2] = gamma;
    parameters[3] = phi;
    state[0] = x[i++];
    state[1] = hasTrend ? x[i++] : 0;
    if (isSeasonInVector) {
      let sum = 0;
      for (let j = 1; j < m; j++) {
        season[j] = x[i++];
        sum += season[j];
      }
      season[0] = seasonBase - sum;
      if (isMultiplicativeSeason) {
        for (let j = 0; j < m; j++) if (season[j] < 0) return false;
      }
    } else if (isSeasonal) {
      season.set(fixedSeason);
    }
    return true;
  };

  const objective = (x: Float64Array): number => {
    if (!unpack(x)) return Infinity;
    return etsLikelihood(y, errorCode, trendCode, seasonCode, m,
      parameters[0], parameters[1], parameters[2], parameters[3], state, season);
  };

  // Two stages: smoothing parameters, level and trend with the seasonal indices held at their
  // decomposition values (a few dimensions, where the simplex converges fast), then everything
  // from there. Nelder–Mead in 15-18 dimensions from the raw start stalls far from the optimum.
  const reducedDims = parameterDims + 1 + Number(hasTrend);
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const relativeTolerance = options.relativeTolerance ?? 1e-8;
  const startPoint = start.slice();
  const startStep = step.slice();
  let evaluations = 0;
  const optimise = (): { point: Float64Array; value: number } => {
    start.set(startPoint);
    step.set(startStep);
    isSeasonInVector = false;
    const reduced = minimizeNelderMead(objective, start.subarray(0, reducedDims), step.subarray(0, reducedDims), {
      maxEvaluations, relativeTolerance,
    });
    evaluations += reduced.evaluations;
    start.set(reduced.x, 0);
    if (!isSeasonFree) return { point: start.slice(0, reducedDims), value: reduced.value };
    isSeasonInVector = true;
    for (let i = 0; i < parameterDims; i++) step[i] *= 0.5;
    const full = minimizeNelderMead(objective, start, step, { maxEvaluations, relativeTolerance });
    evaluations += full.evaluations;
    return full.value <= reduced.value ? { point: full.x, value: full.value } : { point: start.slice(), value: reduced.value };
  };
  let outcome = optimise();
  if (isSeasonal && Number.isFinite(outcome.value) && unpack(outcome.point)
    && !isAdmissible(parameters[0], parameters[1], parameters[2], parameters[3], m)) {
    isAdmissibilityChecked = true;
    outcome = optimise();
  }
  if (!Number.isFinite(outcome.value) || !unpack(outcome.point)) return null;

  const initialLevel = state[0];
  const initialTrend = state[1];
  const initialSeason = season.slice();
  const fitted = new Float64Array(n);
  const likelihood = etsRecursion(y, errorCode, trendCode, seasonCode, m,
    parameters[0], parameters[1], parameters[2], parameters[3], state, season, fitted);
  if (!Number.isFinite(likelihood)) return null;

  let sumSquares = 0;
  for (let t = 0; t < n; t++) {
    const e = errorCode === 0 ? y[t] - fitted[t] : (y[t] - fitted[t]) / fitted[t];
    sumSquares += e * e;
  }
  const finalSeason = new Float64Array(isSeasonal ? m : 0);
  for (let j = 0; j < finalSeason.length; j++) finalSeason[j] = season[(n + j) % m];
  const parameterCount = estimated + 1;
  const aic = likelihood + 2 * parameterCount;
  const sigma2 = sumSquares / Math.max(1, n - estimated);
  if (!Number.isFinite(sigma2)) return null;
  return {
    spec: { ...spec, m },
    label: etsLabel(spec),
    parameters: { alpha: parameters[0], beta: parameters[1], gamma: parameters[2], phi: parameters[3] },
    initialState: { level: initialLevel, trend: initialTrend, season: initialSeason },
    finalState: { level: state[0], trend: state[1], season: finalSeason },
    fitted,
    sigma2,
    likelihood,
    parameterCount,
    aic,
    aicc: aic + (2 * parameterCount * (parameterCount + 1)) / (n - parameterCount - 1),
    bic: likelihood + Math.log(n) * parameterCount,
    n,
    evaluations,
  };
}

/**
 * Fits `spec` when possible, else falls back to additive errors without season and the same
 * trend, then to ETS(ANN), then to SES with alpha 0.5, so the result always has finite
 * forecasts. The label names the model actually fitted. O(evaluations x n).
 *
 * @example fitEts(y, { error: 'M', trend: 'A', season: 'M', m: 12 }).label // 'ETS(MAM)' when it fits
 */
export function fitEts(y: Float64Array, spec: EtsSpec, options: FitEtsOptions = {}): EtsFit {
  const first = tryFitEts(y, spec, options);
  if (first !== null && Number.isFinite(first.aicc)) return first;
  for (const fallback of [{ error: 'A', trend: spec.trend, season: 'N', m: 1 }, { error: 'A', trend: 'N', season: 'N', m: 1 }] as const) {
    const fit = tryFitEts(y, fallback, options);
    if (fit !== null && Number.isFinite(fit.aicc)) return fit;
  }
  return fitFixedSes(y, 0.5);
}
