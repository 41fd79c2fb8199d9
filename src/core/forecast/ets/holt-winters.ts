import { minimizeNelderMead } from '../optimize/nelder-mead.js';
import { centredMovingAverage, seasonalFigure } from './seasonal-figure.js';

export interface HoltWintersFit {
  /** Smoothing of level, trend and season, each in [0, 1] (Holt-Winters' own form). */
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  /** Final level (R's coefficient `a`), trend per period (`b`). */
  readonly level: number;
  readonly trend: number;
  /** Seasonal terms of forecast steps 1..m (R's `s1`..`sm`). */
  readonly season: Float64Array;
  /** In-sample one-step forecasts; NaN over the first season (used for start values). */
  readonly fitted: Float64Array;
  /** Sum of squared one-step errors, the criterion minimised. */
  readonly sse: number;
  /** Sample variance of the one-step errors (as R's `predict.HoltWinters`). */
  readonly residualVariance: number;
}

/**
 * Additive Holt-Winters as R's `stats::HoltWinters(x)`: start values from a classical
 * decomposition of the first two seasons (level and slope: a straight line through its
 * moving-average trend; season: its seasonal figure), filtering from observation m + 1, and
 * alpha, beta, gamma in [0, 1] minimising the sum of squared one-step errors (Nelder–Mead from
 * (0.3, 0.1, 0.1), restarted once). Holt (1957); Winters (1960), Management Science 6(3).
 * Needs m >= 2 and n >= 2m + 1; returns null otherwise. O(evaluations x n).
 *
 * @example fitHoltWinters(airPassengers, 12)?.level // 477.83 (R: a = 477.827781)
 */
export function fitHoltWinters(y: Float64Array, m: number): HoltWintersFit | null {
  const n = y.length;
  if (m < 2 || n < 2 * m + 1) return null;
  const startWindow = y.subarray(0, 2 * m);
  const trendPart = centredMovingAverage(startWindow, m);
  // Straight line through the defined moving-average values, x = 1, 2, ...; intercept at x = 0.
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  let sumXX = 0;
  let sumXY = 0;
  for (let t = 0; t < trendPart.length; t++) {
    if (Number.isNaN(trendPart[t])) continue;
    count++;
    sumX += count;
    sumY += trendPart[t];
    sumXX += count * count;
    sumXY += count * trendPart[t];
  }
  const slope = count > 1 ? (count * sumXY - sumX * sumY) / (count * sumXX - sumX * sumX) : 0;
  const levelStart = count > 0 ? (sumY - slope * sumX) / count : y[0];
  const seasonStart = seasonalFigure(startWindow, m, false);
  const season = new Float64Array(n);

  const run = (alpha: number, beta: number, gamma: number, fitted: Float64Array | null): { sse: number; level: number; trend: number } => {
    let level = levelStart;
    let trend = slope;
    let sse = 0;
    season.set(seasonStart);
    for (let t = m; t < n; t++) {
      const seasonal = season[t - m];
      const forecast = level + trend + seasonal;
      if (fitted !== null) fitted[t] = forecast;
      const error = y[t] - forecast;
      sse += error * error;
      const newLevel = alpha * (y[t] - seasonal) + (1 - alpha) * (level + trend);
      trend = beta * (newLevel - level) + (1 - beta) * trend;
      level = newLevel;
      season[t] = gamma * (y[t] - level) + (1 - gamma) * seasonal;
    }
    return { sse, level, trend };
  };
  const clamp = (value: number) => (value < 0 ? 0 : value > 1 ? 1 : value);
  // Outside the unit box the error is that of the nearest point in it, inflated with the distance,
  // so the simplex is pushed back into the box rather than stalling on a flat region.
  const objective = (x: Float64Array) => {
    let outside = 0;
    for (let i = 0; i < 3; i++) outside += Math.abs(x[i] - clamp(x[i]));
    return run(clamp(x[0]), clamp(x[1]), clamp(x[2]), null).sse * (1 + outside);
  };

  let best = minimizeNelderMead(objective, Float64Array.of(0.3, 0.1, 0.1), Float64Array.of(0.1, 0.1, 0.1), { maxEvaluations: 600, relativeTolerance: 1e-10 });
  const restart = minimizeNelderMead(objective, best.x, Float64Array.of(0.05, 0.05, 0.05), { maxEvaluations: 600, relativeTolerance: 1e-10 });
  if (restart.value < best.value) best = restart;
  const alpha = clamp(best.x[0]);
  const beta = clamp(best.x[1]);
  const gamma = clamp(best.x[2]);
  const fitted = new Float64Array(n).fill(NaN);
  const final = run(alpha, beta, gamma, fitted);
  if (!Number.isFinite(final.sse)) return null;
  let mean = 0;
  for (let t = m; t < n; t++) mean += y[t] - fitted[t];
  mean /= n - m;
  let variance = 0;
  for (let t = m; t < n; t++) variance += (y[t] - fitted[t] - mean) ** 2;
  variance /= Math.max(1, n - m - 1);
  return {
    alpha,
    beta,
    gamma,
    level: final.level,
    trend: final.trend,
    season: season.slice(n - m, n),
    fitted,
    sse: final.sse,
    residualVariance: variance,
  };
}

/**
 * Forecasts of additive Holt-Winters: level + h trend + the season of step h, and error
 * variances from the psi weights alpha (1 + j beta) + gamma (1 - alpha) [j multiple of m], as
 * R's `predict.HoltWinters` (Yar & Chatfield 1990, IJF 6(1)). Returns the psi weights
 * (psi[0] = 1) for exact per-step and cumulative variances. O(h).
 *
 * @example forecastHoltWinters(fitHoltWinters(airPassengers, 12)!, 1).mean // [453.50] (R: 453.4977)
 */
export function forecastHoltWinters(fit: HoltWintersFit, h: number): { mean: Float64Array; psi: Float64Array } {
  const m = fit.season.length;
  const mean = new Float64Array(h);
  const psi = new Float64Array(h);
  for (let step = 1; step <= h; step++) {
    mean[step - 1] = fit.level + step * fit.trend + fit.season[(step - 1) % m];
    const j = step - 1;
    psi[j] = j === 0 ? 1 : fit.alpha * (1 + j * fit.beta) + (j % m === 0 ? fit.gamma * (1 - fit.alpha) : 0);
  }
  return { mean, psi };
}
