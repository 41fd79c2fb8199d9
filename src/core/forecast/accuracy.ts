/**
 * Forecast accuracy of one series, with exactly the definitions of the benchmark's reference scorer
 * (datasets/reference/baselines.md, "Metrics" and "Intervals", and score.py): MASE and RMSSE scaled
 * by the in-sample seasonal-naive errors of the training part (Hyndman & Koehler 2006; the M5
 * RMSSE with seasonal lag m), sMAPE in percent, WAPE, bias = mean(forecast - actual) (positive =
 * over-forecast), scaled bias = bias / mean(training data), scaled pinball loss of interval bounds
 * read as quantiles (hi80 = 90 %, hi95 = 97.5 %, lo80 = 10 %, lo95 = 2.5 %) divided by the MASE
 * scale, and interval coverage. Undefined measures (zero scale) are NaN and left out of averages.
 */

/** Bounds of the central 80 % and 95 % intervals for each forecast period. */
export interface IntervalBounds {
  readonly lo80: Float64Array;
  readonly hi80: Float64Array;
  readonly lo95: Float64Array;
  readonly hi95: Float64Array;
}

export interface SeriesAccuracy {
  readonly mase: number;
  readonly rmsse: number;
  /** Percent, 0..200. */
  readonly smape: number;
  /** sum |e| / sum |actual| for this series (NaN when all actuals are 0). */
  readonly wape: number;
  /** mean(forecast - actual), units per period. */
  readonly bias: number;
  readonly scaledBias: number;
  readonly mae: number;
  readonly rmse: number;
  /** Scaled pinball loss at 90 % (hi80) and 97.5 % (hi95); NaN without bounds or scale. */
  readonly spl90: number;
  readonly spl975: number;
  /** Scaled pinball loss at 10 % (lo80) and 2.5 % (lo95). */
  readonly spl10: number;
  readonly spl25: number;
  /** Periods inside the 80 % / 95 % band (NaN without bounds), and periods scored. */
  readonly inside80: number;
  readonly inside95: number;
  readonly periods: number;
  /** Sums for pooled WAPE. */
  readonly absErrorSum: number;
  readonly actualSum: number;
}

/**
 * In-sample seasonal-naive scales of a training series: mean |x_t - x_{t-m}| and mean
 * (x_t - x_{t-m})^2 over t = m+1..n (denominator max(1, n - m), as score.py), and mean(x).
 *
 * @example seasonalScales(Float64Array.of(1, 2, 4, 8), 1) // { mae: 7/3, mse: 7, mean: 3.75 }
 */
export function seasonalScales(train: Float64Array, seasonPeriod: number): { mae: number; mse: number; mean: number } {
  const n = train.length;
  const m = Math.max(1, Math.floor(seasonPeriod));
  let absSum = 0;
  let squareSum = 0;
  for (let t = m; t < n; t++) {
    const d = train[t] - train[t - m];
    absSum += Math.abs(d);
    squareSum += d * d;
  }
  let sum = 0;
  for (let t = 0; t < n; t++) sum += train[t];
  const denominator = Math.max(1, n - m);
  return { mae: absSum / denominator, mse: squareSum / denominator, mean: n > 0 ? sum / n : 0 };
}

/**
 * Pinball (quantile) loss of bound q at probability level p for actual y: p (y - q) when y >= q,
 * else (1 - p) (q - y). Koenker & Bassett (1978); Gneiting (2011).
 *
 * @example pinballLoss(10, 7, 0.9) // 2.7
 */
export function pinballLoss(actual: number, bound: number, level: number): number {
  return actual >= bound ? level * (actual - bound) : (1 - level) * (bound - actual);
}

/**
 * Accuracy of forecasts `forecast` (and optional interval bounds) against `actual`, scaled on
 * `train`. O(n + h).
 *
 * @example forecastAccuracy(train, Float64Array.of(3, 5), Float64Array.of(4, 4), 12).mase
 */
export function forecastAccuracy(
  train: Float64Array, actual: Float64Array, forecast: Float64Array, seasonPeriod: number, bounds?: IntervalBounds,
): SeriesAccuracy {
  const scales = seasonalScales(train, seasonPeriod);
  const h = actual.length;
  let absErrorSum = 0;
  let squareSum = 0;
  let errorSum = 0;
  let smapeSum = 0;
  let actualSum = 0;
  let pinball90 = 0;
  let pinball975 = 0;
  let pinball10 = 0;
  let pinball25 = 0;
  let inside80 = 0;
  let inside95 = 0;
  for (let i = 0; i < h; i++) {
    const y = actual[i];
    const f = forecast[i];
    const e = y - f;
    absErrorSum += Math.abs(e);
    squareSum += e * e;
    errorSum += e;
    actualSum += Math.abs(y);
    smapeSum += y === 0 && f === 0 ? 0 : (200 * Math.abs(e)) / (Math.abs(y) + Math.abs(f));
    if (bounds) {
      pinball90 += pinballLoss(y, bounds.hi80[i], 0.9);
      pinball975 += pinballLoss(y, bounds.hi95[i], 0.975);
      pinball10 += pinballLoss(y, bounds.lo80[i], 0.1);
      pinball25 += pinballLoss(y, bounds.lo95[i], 0.025);
      if (bounds.lo80[i] <= y && y <= bounds.hi80[i]) inside80++;
      if (bounds.lo95[i] <= y && y <= bounds.hi95[i]) inside95++;
    }
  }
  const hasScale = scales.mae > 0;
  const scaledPinball = (sum: number) => (bounds && hasScale && h > 0 ? sum / h / scales.mae : NaN);
  const bias = h > 0 ? -errorSum / h : NaN;
  return {
    mase: hasScale && h > 0 ? absErrorSum / h / scales.mae : NaN,
    rmsse: scales.mse > 0 && h > 0 ? Math.sqrt(squareSum / h / scales.mse) : NaN,
    smape: h > 0 ? smapeSum / h : NaN,
    wape: actualSum > 0 ? absErrorSum / actualSum : NaN,
    bias,
    scaledBias: scales.mean > 0 ? bias / scales.mean : NaN,
    mae: h > 0 ? absErrorSum / h : NaN,
    rmse: h > 0 ? Math.sqrt(squareSum / h) : NaN,
    spl90: scaledPinball(pinball90),
    spl975: scaledPinball(pinball975),
    spl10: scaledPinball(pinball10),
    spl25: scaledPinball(pinball25),
    inside80: bounds ? inside80 : NaN,
    inside95: bounds ? inside95 : NaN,
    periods: h,
    absErrorSum,
    actualSum,
  };
}

/** Averages over series of the measures in {@link SeriesAccuracy}; coverage and WAPE are pooled over periods. */
export interface AccuracySummary {
  readonly series: number;
  readonly mase: number;
  readonly rmsse: number;
  readonly smape: number;
  /** Pooled: sum |e| / sum |actual| over all series and periods. */
  readonly wape: number;
  readonly bias: number;
  readonly scaledBias: number;
  readonly spl90: number;
  readonly spl975: number;
  /** Share of all scored periods inside the 80 % / 95 % bands (score.py pools them this way). */
  readonly coverage80: number;
  readonly coverage95: number;
  /** Series left out of MASE (zero in-sample scale), as baselines.md counts `n_excluded`. */
  readonly maseExcluded: number;
}

/**
 * Means over series, skipping NaN per measure (as score.py skips series with a zero scale).
 * O(series).
 *
 * @example summarizeAccuracy([forecastAccuracy(train, actual, forecast, 12)]).mase
 */
export function summarizeAccuracy(results: readonly SeriesAccuracy[]): AccuracySummary {
  const mean = (pick: (r: SeriesAccuracy) => number) => {
    let sum = 0;
    let count = 0;
    for (const r of results) {
      const v = pick(r);
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    return count > 0 ? sum / count : NaN;
  };
  let absErrorSum = 0;
  let actualSum = 0;
  let inside80 = 0;
  let inside95 = 0;
  let boundedPeriods = 0;
  let maseExcluded = 0;
  for (const r of results) {
    absErrorSum += r.absErrorSum;
    actualSum += r.actualSum;
    if (!Number.isNaN(r.inside80)) {
      inside80 += r.inside80;
      inside95 += r.inside95;
      boundedPeriods += r.periods;
    }
    if (!Number.isFinite(r.mase)) maseExcluded++;
  }
  return {
    series: results.length,
    mase: mean((r) => r.mase),
    rmsse: mean((r) => r.rmsse),
    smape: mean((r) => r.smape),
    wape: actualSum > 0 ? absErrorSum / actualSum : NaN,
    bias: mean((r) => r.bias),
    scaledBias: mean((r) => r.scaledBias),
    spl90: mean((r) => r.spl90),
    spl975: mean((r) => r.spl975),
    coverage80: boundedPeriods > 0 ? inside80 / boundedPeriods : NaN,
    coverage95: boundedPeriods > 0 ? inside95 / boundedPeriods : NaN,
    maseExcluded,
  };
}
