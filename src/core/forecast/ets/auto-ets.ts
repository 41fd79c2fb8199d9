import type { EtsFit, EtsSpec, EtsTrendType } from './ets-model.js';
import { tryFitEts } from './fit-ets.js';
import { fitFixedSes } from './fit-fixed-ses.js';
import { hasSeasonalPattern } from './has-seasonal-pattern.js';

export interface AutoEtsOptions {
  /** Consider multiplicative error and season (only ever for strictly positive data). Default true. */
  readonly allowMultiplicative?: boolean;
  /**
   * Cap on likelihood evaluations per optimisation stage of each candidate. Default 300, chosen
   * by a backtest on the M3 monthly training parts (origin 18 months before their end): mean
   * sMAPE 15.55 / MASE 0.961 with 300, 15.57 / 0.964 with 150, 15.64 / 0.972 with 1000 (at
   * tolerance 1e-8). Closer optima of the one-step likelihood do not forecast 18 months better.
   */
  readonly maxEvaluations?: number;
  /**
   * Relative tolerance that stops each optimisation. Default 1e-6, by the same backtest:
   * sMAPE 15.42 / MASE 0.957 with 1e-6, 15.55 / 0.961 with 1e-8, 15.49 / 0.966 with 1e-5;
   * 12 % fewer evaluations than 1e-8.
   */
  readonly relativeTolerance?: number;
  /**
   * Relative tolerance that stops the optimisations comparing the candidates (default
   * {@link SCREENING_TOLERANCE}); the winner is refitted at `relativeTolerance`.
   */
  readonly screeningTolerance?: number;
  /**
   * How many of the best screened candidates are refitted in full before the final choice
   * (default {@link SCREENING_REFITS}); 1 refits only the screening's winner.
   */
  readonly refitCandidates?: number;
  /** Trends that compete (default none, additive and damped). */
  readonly trends?: readonly EtsTrendType[];
}

/**
 * Longest season (in periods) whose initial indices are estimated with the other parameters, as
 * in R's `ets`; longer ones (weekly data, m = 52) keep their decomposition indices.
 *
 * @example MAX_FREE_SEASON // 24
 */
export const MAX_FREE_SEASON = 24;

/**
 * Full cycles of data from which a season is treated as long data is: its initial indices come
 * from the classical decomposition and are not re-estimated, and an F test decides whether the
 * series is seasonal (the fast path for long daily series: 730 days are 104 weekly cycles). With
 * 20 cycles or more each index is an average over 20 values or more, and the test has power.
 * On the online retail data (346 days, m = 7) this kept RMSSE 0.8414 -> 0.8409 and SPL90
 * 0.5785 -> 0.5784 and cut the likelihood evaluations of daily series 3.7-fold (2,007 -> 540
 * per series on the 5M-row benchmark's demand). M3 monthly series have at most 10.5 cycles.
 *
 * @example LONG_SEASONS // 20
 */
export const LONG_SEASONS = 20;

/**
 * Relative tolerance of the criterion at which the candidate models' optimisations stop. The
 * criterion is -2 log-likelihood, about 1,000-2,500 for M3 monthly series, so 1e-4 stops when
 * the simplex agrees within ~0.1-0.25, where AICc differences do not rank models in earnest;
 * the winner is then refitted at the tighter tolerance. Chosen on the accuracy benchmark (scores
 * at full precision, relative to 1e-6 throughout): M3 monthly sMAPE 13.678 -> 13.683, MASE
 * 0.8421 -> 0.8425 with 1,723 instead of 3,130 likelihood evaluations per series; carparts RMSSE
 * 0.4731 -> 0.4737, SPL90 0.2082 -> 0.2086; online retail unchanged to four decimals. 1e-3 moves
 * carparts' SPL90 by 0.3 %, an absolute tolerance of 0.1 its RMSSE by 0.24 %.
 *
 * @example SCREENING_TOLERANCE // 1e-4
 */
export const SCREENING_TOLERANCE = 1e-4;

/**
 * How many of the screening's best candidates (by their screened AICc) are refitted in full, the
 * lowest full-fit AICc among them winning. The screening misranks models: on the M3 monthly
 * training series (1428, m = 12) its winner is the winner of fitting every candidate in full on
 * 1169 series; the full-fit winner is its second on 166 more and its third on 37 (1372 within
 * the top 3, 1397 within the top 4). The errors are not small: a seasonal candidate screened with
 * its indices held at decomposition values scores a median 2.8 (90 % quantile 9.4) AICc above its
 * full fit, a non-seasonal one 0.16 (2.1), so a short seasonal series can lose to a
 * non-seasonal model 7 to 24 AICc worse in full. Refitting the top 3 cuts the series whose choice
 * is more than 2 AICc above the full-fit winner's from 66 to 25 (80 to 20 with the last 18 months
 * of each series held out) for 1,723 -> 2,342 likelihood evaluations per series, against 5,640 for
 * fitting every candidate in full. Refitting every candidate within the 90 % quantile of its
 * class's screening error agreed on 4 more series for 234 more evaluations. `bench/ets-screening.mjs`
 * measures this.
 *
 * @example SCREENING_REFITS // 3
 */
export const SCREENING_REFITS = 3;

/**
 * Automatic ETS: fits every admissible model and returns the one with the smallest AICc, as
 * R's `forecast::ets` (Hyndman et al. 2002, IJF 18(3); Hyndman et al. 2008, §7.2). Candidates:
 * error A or M, trend N, A or Ad, season N, A or M; multiplicative parts only for strictly
 * positive data; no additive error with multiplicative season (infinite variance); seasonal
 * models only with m > 1 and two full seasons of data. For m > 24, where R gives up on the
 * season, and for series of {@link LONG_SEASONS} cycles or more, the initial seasonal indices
 * come from a classical decomposition and are not re-estimated (smoothing parameters, level and
 * trend are), and whether the series is seasonal at all is decided by an F test of the seasonal
 * means ({@link hasSeasonalPattern}): if it is, only seasonal models compete, else only
 * non-seasonal ones. A constant series gets SES with
 * alpha 0.9999 (as R); a series too
 * short for any model gets SES with alpha 0.5 from the first value. Never returns NaN forecasts.
 * The candidates are compared after a cheaper fit, and only the best {@link SCREENING_REFITS} are
 * refitted in full, each refit replacing its screening fit when it reaches an AICc no higher, and
 * the lowest AICc among them wins: the screening optimisations stop
 * at {@link SCREENING_TOLERANCE}, and where the seasonal indices are free (shorter series,
 * m <= 24) they hold the indices at the decomposition values (each fit's first optimiser stage;
 * the indices still count as estimated in the AICc), while a seasonal winner's refit estimates
 * them too, as R does ({@link tryFitEts}'s second stage). That second stage, in 13-16 dimensions,
 * costs as much as all first stages together: screening without it halves the work of a monthly
 * series (M3 monthly through `forecast --method auto`: 5,640 -> 3,130 likelihood evaluations per
 * series; sMAPE 13.678 -> 13.656, MASE 0.8421 -> 0.8409; carparts and online retail unchanged
 * to four decimals), the screening tolerance nearly halves it again (-> 1,723), and refitting the
 * best three rather than one adds a third back (-> 2,342), for choices closer to the full fit's.
 * The result's `evaluations` counts the likelihood evaluations over all candidates.
 *
 * @example autoEts(airPassengers, 12).label // 'ETS(MAdM)'
 */
export function autoEts(y: Float64Array, m: number, options: AutoEtsOptions = {}): EtsFit {
  const n = y.length;
  if (n === 0) return fitFixedSes(y, 0.5);
  let isConstant = true;
  let isPositive = true;
  for (let t = 0; t < n; t++) {
    if (y[t] !== y[0]) isConstant = false;
    if (!(y[t] > 0)) isPositive = false;
  }
  if (isConstant) return fitFixedSes(y, 0.9999);
  const allowMultiplicative = (options.allowMultiplicative ?? true) && isPositive;
  const period = Math.max(1, Math.floor(m));
  const canBeSeasonal = period > 1 && n >= 2 * period;
  const isSeasonFixed = period > MAX_FREE_SEASON || n >= LONG_SEASONS * period;
  let seasons: readonly ('N' | 'A' | 'M')[] = ['N'];
  if (canBeSeasonal) {
    const seasonal: ('A' | 'M')[] = allowMultiplicative ? ['A', 'M'] : ['A'];
    if (!isSeasonFixed) seasons = ['N', ...seasonal];
    else if (hasSeasonalPattern(y, period)) seasons = seasonal;
  }
  const errors: readonly ('A' | 'M')[] = allowMultiplicative ? ['A', 'M'] : ['A'];
  const trends = options.trends ?? ['N', 'A', 'Ad'];
  const fitOptions = {
    maxEvaluations: options.maxEvaluations ?? 300,
    relativeTolerance: options.relativeTolerance ?? 1e-6,
  };
  const screenOptions = {
    ...fitOptions, relativeTolerance: options.screeningTolerance ?? SCREENING_TOLERANCE, isSeasonFixed: true,
  };
  const screened: EtsFit[] = [];
  let evaluations = 0;
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        const spec: EtsSpec = { error, trend, season, m: season === 'N' ? 1 : period };
        const fit = tryFitEts(y, spec, screenOptions);
        if (fit === null || !Number.isFinite(fit.aicc)) continue;
        evaluations += fit.evaluations;
        screened.push(fit);
      }
    }
  }
  if (screened.length === 0) return fitFixedSes(y, 0.5);
  // Stable sort: among equal screened AICc the earlier candidate (simpler model) stays first.
  screened.sort((a, b) => a.aicc - b.aicc);
  const refits = Math.max(1, Math.floor(options.refitCandidates ?? SCREENING_REFITS));
  let best: EtsFit | null = null;
  for (const candidate of screened.slice(0, refits)) {
    let fit = candidate;
    const refit = tryFitEts(y, candidate.spec, { ...fitOptions, isSeasonFixed });
    if (refit !== null) {
      evaluations += refit.evaluations;
      if (Number.isFinite(refit.aicc) && refit.aicc <= candidate.aicc) fit = refit;
    }
    if (best === null || fit.aicc < best.aicc) best = fit;
  }
  if (best === null) return fitFixedSes(y, 0.5);
  return { ...best, evaluations };
}
