import { etsRecursion } from './ets-recursion.js';
import { etsLabel, type EtsFit, type EtsSpec } from './ets-model.js';
import { tryFitEts } from './fit-ets.js';
import { hasSeasonalPattern } from './seasonality-test.js';

export interface AutoEtsOptions {
  /** Consider multiplicative error and season (only ever for strictly positive data). Default true. */
  readonly allowMultiplicative?: boolean;
  /**
   * Cap on likelihood evaluations per optimisation stage of each candidate (default 300: on M3
   * monthly, raising it to 2000 improves likelihoods slightly and forecasts not at all).
   */
  readonly maxEvaluations?: number;
}

/** Longest season whose initial indices are estimated with the other parameters (as R's `ets`). */
export const MAX_FREE_SEASON = 24;

/**
 * Automatic ETS: fits every admissible model and returns the one with the smallest AICc, as
 * R's `forecast::ets` (Hyndman et al. 2002, IJF 18(3); Hyndman et al. 2008, §7.2). Candidates:
 * error A or M, trend N, A or Ad, season N, A or M; multiplicative parts only for strictly
 * positive data; no additive error with multiplicative season (infinite variance); seasonal
 * models only with m > 1 and two full seasons of data. For m > 24, where R gives up on the
 * season, the initial seasonal indices come from a classical decomposition and are not
 * re-estimated (smoothing parameters, level and trend are), and whether the series is seasonal
 * at all is decided by an F test of the seasonal means ({@link hasSeasonalPattern}): if it is,
 * only seasonal models compete, else only non-seasonal ones. A constant series gets SES with
 * alpha 0.9999 (as R); a series too
 * short for any model gets SES with alpha 0.5 from the first value. Never returns NaN forecasts.
 * The result's `evaluations` counts the likelihood evaluations over all candidates.
 *
 * @example autoEts(airPassengers, 12).label // 'ETS(M,Ad,M)'
 */
export function autoEts(y: Float64Array, m: number, options: AutoEtsOptions = {}): EtsFit {
  const n = y.length;
  if (n === 0) return fixedSesFit(y, 0.5);
  let isConstant = true;
  let isPositive = true;
  for (let t = 0; t < n; t++) {
    if (y[t] !== y[0]) isConstant = false;
    if (!(y[t] > 0)) isPositive = false;
  }
  if (isConstant) return fixedSesFit(y, 0.9999);
  const allowMultiplicative = (options.allowMultiplicative ?? true) && isPositive;
  const period = Math.max(1, Math.floor(m));
  const canBeSeasonal = period > 1 && n >= 2 * period;
  const isSeasonFixed = period > MAX_FREE_SEASON;
  let seasons: readonly ('N' | 'A' | 'M')[] = ['N'];
  if (canBeSeasonal) {
    const seasonal: ('A' | 'M')[] = allowMultiplicative ? ['A', 'M'] : ['A'];
    if (!isSeasonFixed) seasons = ['N', ...seasonal];
    else if (hasSeasonalPattern(y, period)) seasons = seasonal;
  }
  const errors: readonly ('A' | 'M')[] = allowMultiplicative ? ['A', 'M'] : ['A'];
  const trends = ['N', 'A', 'Ad'] as const;
  let best: EtsFit | null = null;
  let evaluations = 0;
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        const spec: EtsSpec = { error, trend, season, m: season === 'N' ? 1 : period };
        const fit = tryFitEts(y, spec, { isSeasonFixed, maxEvaluations: options.maxEvaluations ?? 300 });
        if (fit === null || !Number.isFinite(fit.aicc)) continue;
        evaluations += fit.evaluations;
        if (best === null || fit.aicc < best.aicc) best = fit;
      }
    }
  }
  return best === null ? fixedSesFit(y, 0.5) : { ...best, evaluations };
}

/**
 * Fits `spec` when possible, else falls back along ETS(A,Ad,N) / ETS(A,N,N) / SES with a fixed
 * alpha, so the result always has finite forecasts. The label names the model actually fitted.
 *
 * @example fitEts(y, { error: 'M', trend: 'A', season: 'M', m: 12 }).label // 'ETS(M,A,M)' when it fits
 */
export function fitEts(y: Float64Array, spec: EtsSpec, options: { readonly isSeasonFixed?: boolean; readonly maxEvaluations?: number } = {}): EtsFit {
  const first = tryFitEts(y, spec, options);
  if (first !== null && Number.isFinite(first.aicc)) return first;
  for (const fallback of [{ error: 'A', trend: spec.trend, season: 'N', m: 1 }, { error: 'A', trend: 'N', season: 'N', m: 1 }] as const) {
    const fit = tryFitEts(y, fallback, options);
    if (fit !== null && Number.isFinite(fit.aicc)) return fit;
  }
  return fixedSesFit(y, 0.5);
}

/**
 * Simple exponential smoothing with a given alpha, level starting at the first value; used for
 * constant and very short series. The AICc is NaN (nothing was estimated by likelihood).
 */
function fixedSesFit(y: Float64Array, alpha: number): EtsFit {
  const n = y.length;
  const start = n > 0 ? y[0] : 0;
  const state = Float64Array.of(start, 0);
  const fitted = new Float64Array(n);
  etsRecursion(y, 0, 0, 0, 1, alpha, 0, 0, 1, state, new Float64Array(1), fitted);
  let sumSquares = 0;
  for (let t = 0; t < n; t++) sumSquares += (y[t] - fitted[t]) ** 2;
  const level = Number.isFinite(state[0]) ? state[0] : start;
  const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N', m: 1 };
  return {
    spec,
    label: etsLabel(spec),
    parameters: { alpha, beta: 0, gamma: 0, phi: 1 },
    initialState: { level: start, trend: 0, season: new Float64Array(0) },
    finalState: { level, trend: 0, season: new Float64Array(0) },
    fitted,
    sigma2: n > 1 && Number.isFinite(sumSquares) ? sumSquares / (n - 1) : 0,
    likelihood: NaN,
    parameterCount: 0,
    aic: NaN,
    aicc: NaN,
    bic: NaN,
    n,
    evaluations: 0,
  };
}
