import { normalQuantile } from './normal.js';

export interface IntervalCalibrationOptions {
  /** Origins before this one are skipped (their states still lean on the initial values). */
  readonly firstOrigin: number;
  /**
   * Weight of the model's own width, in origins: the factor is (k r + prior) / (k + prior) for k
   * scored origins and an empirical ratio r, so short series (few origins) keep the model's width.
   */
  readonly priorOrigins: number;
  /**
   * Scores of steps h - pool .. h + pool are pooled for step h (smooths the factors over h; with
   * pool > 0 the last steps' factors depend on the horizon).
   */
  readonly pool: number;
}

/**
 * Defaults: origins from the 13th on, a prior of 8 origins, no pooling of steps, so the factor of
 * a step does not depend on the horizon asked for (plan and forecast write the same bands).
 * Coverage on M3 monthly moves by at most 0.006 over firstOrigin 12..24, prior 0..16, pool 0..2.
 */
export const INTERVAL_CALIBRATION: IntervalCalibrationOptions = { firstOrigin: 12, priorOrigins: 8, pool: 0 };

/**
 * Width factors that calibrate a model's central intervals on its own in-sample multi-step errors:
 * the split-conformal quantile of scores (Vovk, Gammerman & Shafer 2005; Angelopoulos & Bates
 * 2021), taken per forecast step as Stankeviciute et al. (2021) do for multi-step forecasts, over
 * the errors of the fitted model run from every origin of the training data without refitting
 * (the empirical intervals of Williams & Goodman 1971; Hyndman & Athanasopoulos, FPP3 §5.5).
 *
 * The score of origin t at step h is the error relative to the model's own standard deviation,
 * moved to the level of that origin's forecast (the spread of demand grows with its level):
 * |y[t+h] - F(t, h)| / (scale[h] F(t, h) / mean[h]); origins where F(t, h) or mean[h] is not
 * positive are not scored. Scores of steps h - pool .. h + pool are pooled for step h (default
 * none). With k
 * scores, q is the ceil((k + 1) L / 100)-th smallest (the largest when that rank exceeds k), the
 * ratio r = q / z_L (z_L the normal quantile of level L) is shrunk towards 1 as
 * (k r + prior) / (k + prior), and the factor is max(1, that): in-sample errors of a fitted model
 * understate its errors after the sample (Makridakis & Winkler 1989; Chatfield 1993), so they may
 * widen an interval but never narrow it. A normal interval times the factor is mean +- q scale.
 * Steps without scores or without a positive scale keep 1 (the model's own interval).
 * Only y[0..n) is read: calibrate on the training part, never on data scored later.
 *
 * @param originForecasts entry t * horizon + h: forecast of y[t + h] from y[0..t) (`MethodFit.originForecasts`)
 * @param mean the model's point forecasts of steps 1..horizon after y
 * @param scale the model's standard deviation of the error of each step 1..horizon
 * @param levels central levels in percent, e.g. [80, 95]
 * @returns factors[i][h] (>= 1) for levels[i] and step h + 1. O(levels horizon pool n) on average.
 * @example
 * // y = 10, 12, 10, 12, .. forecast 11 from every origin, mean 11, scale 0.5: every score is 2,
 * // so the 80 % factor is 2 / 1.2816 = 1.56 (no prior) and the model's interval 11 +- 0.64 becomes 11 +- 1
 * intervalCalibration(y, origins, Float64Array.of(11), Float64Array.of(0.5), [80], { firstOrigin: 0, priorOrigins: 0, pool: 0 })[0][0] // 1.5606
 */
export function intervalCalibration(
  y: Float64Array,
  originForecasts: Float64Array,
  mean: Float64Array,
  scale: Float64Array,
  levels: readonly number[],
  options: IntervalCalibrationOptions = INTERVAL_CALIBRATION,
): Float64Array[] {
  const n = y.length;
  const horizon = scale.length;
  const factors = levels.map(() => new Float64Array(horizon).fill(1));
  const scores = new Float64Array(n * (2 * options.pool + 1));
  const isUsable = (step: number) => scale[step] > 0 && Number.isFinite(scale[step]) && mean[step] > 0 && Number.isFinite(mean[step]);
  for (let h = 0; h < horizon; h++) {
    if (!isUsable(h)) continue;
    let k = 0;
    const from = Math.max(0, h - options.pool);
    const to = Math.min(horizon - 1, h + options.pool);
    for (let step = from; step <= to; step++) {
      if (!isUsable(step)) continue;
      const relativeScale = scale[step] / mean[step];
      for (let t = Math.max(0, options.firstOrigin); t + step < n; t++) {
        const forecast = originForecasts[t * horizon + step];
        if (!(forecast > 0)) continue;
        const score = Math.abs(y[t + step] - forecast) / (relativeScale * forecast);
        if (Number.isFinite(score)) scores[k++] = score;
      }
    }
    if (k === 0) continue;
    const pooled = scores.subarray(0, k);
    levels.forEach((level, i) => {
      const rank = Math.min(k, Math.ceil(((k + 1) * level) / 100));
      const ratio = kthSmallest(pooled, rank - 1) / normalQuantile(0.5 + level / 200);
      factors[i][h] = Math.max(1, (k * ratio + options.priorOrigins) / (k + options.priorOrigins));
    });
  }
  return factors;
}

/**
 * The index-th smallest of values (0-based), by Hoare's FIND (1961): partitions in place around
 * the middle element until the index is pinned, O(length) on average. Reorders `values`.
 */
function kthSmallest(values: Float64Array, index: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (index <= j) right = j;
    else if (index >= i) left = i;
    else break;
  }
  return values[index];
}
