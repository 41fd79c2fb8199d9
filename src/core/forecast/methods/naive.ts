import type { ForecastMethod, MethodFit } from '../contract.js';

/**
 * Naive forecast: every future period equals the last observation (random walk).
 * Error variance grows linearly with the horizon (Hyndman & Athanasopoulos, FPP3 §5.5).
 * The in-sample one-step forecasts (the previous values) are built only when read: a nightly
 * run of 60k daily series reads none of them. O(n + h).
 *
 * @example naive(Float64Array.of(3, 5, 4), { horizon: 2, seasonPeriod: 1, random }).mean // [4, 4]
 */
export const naive: ForecastMethod = (y, { horizon }) => {
  const n = y.length;
  // residualVariance of the one-step forecasts y[t - 1], without building them; each value is
  // read once (the previous one is carried), the squares summed in the same order.
  let sumSquares = 0;
  let count = 0;
  let previous = n > 0 ? y[0] : 0;
  for (let t = 1; t < n; t++) {
    const value = y[t];
    if (!Number.isNaN(previous)) {
      const e = value - previous;
      sumSquares += e * e;
      count++;
    }
    previous = value;
  }
  const sigma2 = n > 1 ? (count === 0 ? NaN : sumSquares / count) : 0;
  return new NaiveFit(y, horizon, sigma2);
};

/**
 * The fit of {@link naive}. A class, so that the lazy `fitted` getter is shared on the prototype:
 * an object literal with a getter and a spread of the variances cost microseconds per series.
 */
class NaiveFit implements MethodFit {
  readonly label = 'naive';
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly cumulativeVariance: Float64Array;
  readonly aicc = NaN;
  readonly #y: Float64Array;
  #fitted: Float64Array | undefined;

  constructor(y: Float64Array, horizon: number, sigma2: number) {
    this.#y = y;
    this.mean = new Float64Array(horizon).fill(y.length > 0 ? y[y.length - 1] : 0);
    // variancesFromPsi with every psi weight 1: the step-h error variance is h sigma2, the
    // cumulative one (1^2 + 2^2 + ... + h^2) sigma2; the integer sums are exact, so the values
    // are the same bits as that function's running sums.
    this.variance = new Float64Array(horizon);
    this.cumulativeVariance = new Float64Array(horizon);
    let sumPartialSquares = 0;
    for (let h = 1; h <= horizon; h++) {
      sumPartialSquares += h * h;
      this.variance[h - 1] = sigma2 * h;
      this.cumulativeVariance[h - 1] = sigma2 * sumPartialSquares;
    }
  }

  get fitted(): Float64Array {
    if (!this.#fitted) {
      const y = this.#y;
      this.#fitted = new Float64Array(y.length).fill(NaN);
      for (let t = 1; t < y.length; t++) this.#fitted[t] = y[t - 1];
    }
    return this.#fitted;
  }
}
