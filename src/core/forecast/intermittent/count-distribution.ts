import { gammaVariate, poissonVariate } from './random-variates.js';

/** Parameters of the forecast distribution of intermittent or count demand. */
export interface CountDistributionParameters {
  /** Expected demand of each future period (units per period), >= 0. */
  readonly mean: Float64Array;
  /**
   * Over-dispersion 1/k of each period's demand around its rate: rate = mean * M * G with
   * G ~ Gamma(k, 1/k). 0 gives Poisson counts (or a point mass for continuous data).
   */
  readonly inverseDispersion: number;
  /**
   * Relative variance v of the estimated level, shared by all periods of a path:
   * M ~ Gamma(1/v, v) (mean 1). Makes cumulative demand more uncertain than a sum of independent periods.
   */
  readonly levelVariance: number;
  /** True for unit counts (Poisson draws around the rate); false for continuous quantities (the rate itself). */
  readonly isInteger: boolean;
}

/**
 * A Poisson–gamma (negative binomial) forecast distribution with a shared level multiplier:
 * D_h ~ Poisson(mu_h M G_h), M ~ Gamma(mean 1, variance v) per path, G_h ~ Gamma(mean 1, variance
 * 1/k) per period. Each period alone is negative binomial with variance mu + mu^2 ((1+v)(1+1/k) - 1);
 * the cumulative demand over 1..h has variance S + (1+v)(S^2 + sum mu_j^2 / k) - S^2 with
 * S = sum mu_j (drop the Poisson term S for continuous data).
 * Negative binomial demand: Ehrenberg (1959); for slow movers, Syntetos & Boylan (2021),
 * Intermittent Demand Forecasting, ch. 4. O(h) for the variances, O(h) per simulated path.
 *
 * @example countDistribution({ mean: Float64Array.of(2), inverseDispersion: 0, levelVariance: 0, isInteger: true }).variance // [2] (Poisson)
 */
export function countDistribution(parameters: CountDistributionParameters): {
  variance: Float64Array;
  cumulativeVariance: Float64Array;
  simulate: (random: () => number, out: Float64Array) => void;
  simulatorState: CountSimulatorState;
} {
  const { mean, isInteger } = parameters;
  const inverseK = Math.max(0, parameters.inverseDispersion);
  const v = Math.max(0, parameters.levelVariance);
  const horizon = mean.length;
  const variance = new Float64Array(horizon);
  const cumulativeVariance = new Float64Array(horizon);
  const poissonPart = isInteger ? 1 : 0;
  let sum = 0;
  let sumSquares = 0;
  for (let h = 0; h < horizon; h++) {
    const mu = mean[h];
    variance[h] = poissonPart * mu + mu * mu * ((1 + v) * (1 + inverseK) - 1);
    sum += mu;
    sumSquares += mu * mu;
    cumulativeVariance[h] = poissonPart * sum + (1 + v) * (sum * sum + sumSquares * inverseK) - sum * sum;
  }
  const simulatorState: CountSimulatorState = { kind: 'count', ...parameters };
  return { variance, cumulativeVariance, simulate: countSimulator(simulatorState), simulatorState };
}

/** The parameters of a count distribution as plain data, for {@link countSimulator} in another thread. */
export interface CountSimulatorState extends CountDistributionParameters {
  readonly kind: 'count';
}

/**
 * Sample paths of the distribution of {@link countDistribution}: one level multiplier per path,
 * a gamma rate and a Poisson count (or the rate itself for continuous data) per period; periods
 * past the horizon repeat its last mean. O(out.length) per path.
 *
 * @example countSimulator({ kind: 'count', mean: Float64Array.of(2), inverseDispersion: 0, levelVariance: 0, isInteger: true })(random, out)
 */
export function countSimulator(parameters: CountDistributionParameters): (random: () => number, out: Float64Array) => void {
  const { mean, isInteger } = parameters;
  const horizon = mean.length;
  const inverseK = Math.max(0, parameters.inverseDispersion);
  const v = Math.max(0, parameters.levelVariance);
  const periodShape = inverseK > 0 ? 1 / inverseK : 0;
  const levelShape = v > 0 ? 1 / v : 0;
  return (random: () => number, out: Float64Array) => {
    const level = levelShape > 0 ? gammaVariate(levelShape, random) / levelShape : 1;
    for (let h = 0; h < out.length; h++) {
      const mu = mean[Math.min(h, horizon - 1)];
      if (!(mu > 0)) {
        out[h] = 0;
        continue;
      }
      const rate = mu * level * (periodShape > 0 ? gammaVariate(periodShape, random) / periodShape : 1);
      out[h] = isInteger ? poissonVariate(rate, random) : rate;
    }
  };
}

/**
 * Method-of-moments over-dispersion 1/k of demand around one-step forecasts f_t:
 * E[(y - f)^2] = f + f^2 / k for counts (f^2 / k for continuous data), so
 * 1/k = max(0, sum((y - f)^2 - f) / sum(f^2)). Periods where f is NaN or zero are skipped.
 * Cameron & Trivedi (2013), Regression Analysis of Count Data, §3.2.
 *
 * @example inverseDispersion(Float64Array.of(0, 4, 0, 4), Float64Array.of(2, 2, 2, 2), true) // (4*4 - 8) / 16 = 0.5
 */
export function inverseDispersion(y: Float64Array, fitted: Float64Array, isInteger: boolean): number {
  let excess = 0;
  let sumSquares = 0;
  for (let t = 0; t < y.length; t++) {
    const f = fitted[t];
    if (!(f > 0)) continue;
    const e = y[t] - f;
    excess += e * e - (isInteger ? f : 0);
    sumSquares += f * f;
  }
  return sumSquares > 0 ? Math.max(0, excess / sumSquares) : 0;
}
