/**
 * Types of the ETS (error, trend, season) exponential smoothing state space models of
 * Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing: the state
 * space approach", Springer, ch. 2, and the encoding shared by the fitting code.
 */

export type EtsErrorType = 'A' | 'M';
/** `Ad` is the additive damped trend. Multiplicative trends are not offered (unstable forecasts). */
export type EtsTrendType = 'N' | 'A' | 'Ad';
export type EtsSeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  readonly error: EtsErrorType;
  readonly trend: EtsTrendType;
  readonly season: EtsSeasonType;
  /** Seasonal period in observations; ignored (treated as 1) when season is `N`. */
  readonly m: number;
}

/** Smoothing parameters in the state space (error-correction) form. */
export interface EtsParameters {
  /** Level smoothing, in (0, 1). */
  readonly alpha: number;
  /** Trend smoothing (0 without trend), below alpha. */
  readonly beta: number;
  /** Seasonal smoothing (0 without season), below 1 - alpha. */
  readonly gamma: number;
  /** Damping (1 for an undamped or absent trend). */
  readonly phi: number;
}

/** A state: level, trend (0 without trend) and m seasonal indices in time order. */
export interface EtsState {
  readonly level: number;
  readonly trend: number;
  /**
   * `season[j]` is the seasonal index of the j-th period after the state's time, j = 0..m-1
   * (for the initial state: of observations 0..m-1; for the final state: of forecast steps 1..m).
   * Empty without season.
   */
  readonly season: Float64Array;
}

/**
 * What an ETS sample-path simulator needs, as plain data: it crosses worker threads with a fit
 * (a closure cannot), and {@link etsSimulator} rebuilds the simulator from it.
 */
export interface EtsSimulatorState {
  readonly kind: 'ets';
  readonly spec: EtsSpec;
  readonly parameters: EtsParameters;
  readonly finalState: EtsState;
  readonly sigma2: number;
  /** Steps the simulator draws at most. */
  readonly horizon: number;
}

export interface EtsFit {
  readonly spec: EtsSpec;
  /** For example `ETS(MAdM)`. */
  readonly label: string;
  readonly parameters: EtsParameters;
  readonly initialState: EtsState;
  /** State after the last observation, the origin of forecasts. */
  readonly finalState: EtsState;
  /** One-step-ahead in-sample forecasts, same length as y. */
  readonly fitted: Float64Array;
  /** Innovation variance: of y - fitted (additive errors) or of (y - fitted) / fitted (multiplicative). */
  readonly sigma2: number;
  /** -2 log-likelihood up to a constant: n log(SSE) (+ 2 sum log|fitted| for multiplicative errors). */
  readonly likelihood: number;
  /** Estimated parameters and free initial states, plus one for sigma. */
  readonly parameterCount: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Number of observations fitted. */
  readonly n: number;
  /** Likelihood evaluations the optimiser used (0 when nothing was optimised). */
  readonly evaluations: number;
}

/**
 * Integer codes of the components inside the recursion loops (see `etsRecursion`): the damped
 * and undamped additive trends share a code, phi = 1 makes the difference.
 *
 * @example SEASON_CODE.M // 2
 */
export const ERROR_CODE = { A: 0, M: 1 } as const;
/** Trend codes, see {@link ERROR_CODE}. */
export const TREND_CODE = { N: 0, A: 1, Ad: 1 } as const;
/** Season codes, see {@link ERROR_CODE}. */
export const SEASON_CODE = { N: 0, A: 1, M: 2 } as const;

/**
 * The label of a model: the error, trend and season codes of Hyndman et al. (2008) written together
 * without commas (R's `forecast::ets` prints `ETS(M,Ad,M)`), so the `method` column of a CSV
 * needs no quoting and splits on commas as planners' scripts expect.
 *
 * @example etsLabel({ error: 'M', trend: 'Ad', season: 'M', m: 12 }) // 'ETS(MAdM)'
 */
export function etsLabel(spec: EtsSpec): string {
  return `ETS(${spec.error}${spec.trend}${spec.season})`;
}
