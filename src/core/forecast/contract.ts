/**
 * The one contract every forecasting method honours, and helpers shared by all of them.
 * A method fits one series of demand per period and describes its forecast distribution
 * through per-step means and error variances (and, where a normal law is wrong, a simulator).
 * Intervals, fallbacks, non-negativity and labels are applied once, around all methods,
 * in `forecast-series.ts`.
 */
import type { SimulatorState } from './simulator-state.js';

export interface MethodOptions {
  /** Number of future periods to forecast (>= 1). */
  readonly horizon: number;
  /** Seasonal period in periods (7 daily, 52 weekly, 12 monthly); 1 means non-seasonal. */
  readonly seasonPeriod: number;
  /** Uniform [0, 1) random source for methods that simulate; never Math.random in core. */
  readonly random: () => number;
}

export interface MethodFit {
  /** Label written to the `method` column, e.g. `ETS(MAdM)`, `croston`, `snaive`. */
  readonly label: string;
  /** Point forecasts (expected demand) for periods 1..horizon after the last observation. */
  readonly mean: Float64Array;
  /** In-sample one-step-ahead forecasts, same length as y; NaN where the method has none. */
  readonly fitted: Float64Array;
  /** Variance of the forecast error of each single period 1..horizon. */
  readonly variance: Float64Array;
  /**
   * Variance of the error of the cumulative forecast over periods 1..h, for h = 1..horizon
   * (errors of consecutive periods are correlated; this is what safety stock needs).
   */
  readonly cumulativeVariance: Float64Array;
  /**
   * Draws one future demand path (length horizon) into `out`. Present for methods whose
   * forecast distribution is not normal (counts, intermittent demand, multiplicative errors);
   * interval and safety-stock code then uses simulated quantiles.
   */
  readonly simulate?: (random: () => number, out: Float64Array) => void;
  /**
   * The data `simulate` is built from, when the method can rebuild it in another thread
   * (`rebuildSimulate`); fits cross worker threads as data, and functions cannot.
   */
  readonly simulatorState?: SimulatorState;
  /**
   * 'count': each period's demand is a whole-unit Poisson–gamma (negative binomial) count with
   * the given mean and variance, so intervals and safety stock use exact count quantiles instead
   * of simulation. Absent: normal, or simulated when `simulate` is given.
   */
  readonly distribution?: 'count';
  /** AICc when the method was fitted by likelihood, else NaN. */
  readonly aicc: number;
  /**
   * In-sample point forecasts from every origin with the fitted parameters (no refit), for the
   * interval calibration of `calibrate-intervals.ts`: entry t * horizon + j forecasts y[t + j]
   * from y[0..t); NaN where t + j >= n. Present for the smooth methods (ETS, Theta, their
   * combinations); absent where intervals keep the model's own law (count laws, simple methods).
   * A function, so it stays in the worker thread that fitted the model.
   */
  readonly originForecasts?: (horizon: number) => Float64Array;
}

export type ForecastMethod = (y: Float64Array, options: MethodOptions) => MethodFit;

/**
 * Per-step and cumulative forecast-error variances of a linear model from its psi weights
 * (the MA(infinity) representation: error at step j = sum_{i<j} psi_i * eps_{n+j-i}, psi_0 = 1).
 * Hyndman et al. (2008), Forecasting with Exponential Smoothing, ch. 6.
 *
 * @param psi psi weights, psi[0] = 1, at least `horizon` long
 * @example variancesFromPsi(Float64Array.of(1, 1, 1), 2, 3) // random walk: [2, 4, 6], cumulative [2, 10, 28]
 */
export function variancesFromPsi(psi: Float64Array, sigma2: number, horizon: number): {
  variance: Float64Array; cumulativeVariance: Float64Array;
} {
  const variance = new Float64Array(horizon);
  const cumulativeVariance = new Float64Array(horizon);
  let sumSq = 0;
  for (let j = 0; j < horizon; j++) {
    sumSq += psi[j] * psi[j];
    variance[j] = sigma2 * sumSq;
  }
  // Cumulative error over h steps = sum_k eps_{n+k} * Psi_{h-k}, with Psi_m = psi_0 + .. + psi_m.
  let partial = 0;
  let sumPartialSq = 0;
  for (let h = 0; h < horizon; h++) {
    partial += psi[h];
    sumPartialSq += partial * partial;
    cumulativeVariance[h] = sigma2 * sumPartialSq;
  }
  return { variance, cumulativeVariance };
}

/** Mean of squared differences y - fitted where fitted is defined; NaN when none is. */
export function residualVariance(y: Float64Array, fitted: Float64Array, parameters = 0): number {
  let sum = 0;
  let count = 0;
  for (let t = 0; t < y.length; t++) {
    const f = fitted[t];
    if (Number.isNaN(f)) continue;
    const e = y[t] - f;
    sum += e * e;
    count++;
  }
  if (count === 0) return NaN;
  return sum / Math.max(1, count - parameters);
}
