/**
 * Classical seasonal decomposition (moving-average trend, averaged seasonal figure), used for
 * starting values of seasonal exponential smoothing.
 */

/**
 * Centred moving average of order m (a 2 x m MA when m is even), the trend of the classical
 * decomposition. Positions without a full window are NaN. Kendall & Stuart (1983); as R's
 * `decompose` (`filter` with weights c(0.5, 1, ..., 1, 0.5) / m for even m). O(n m).
 *
 * @example centredMovingAverage(Float64Array.of(1, 2, 3, 4, 5), 2) // [NaN, 2, 3, 4, NaN]
 */
export function centredMovingAverage(y: Float64Array, m: number): Float64Array {
  const n = y.length;
  const trend = new Float64Array(n).fill(NaN);
  const half = Math.floor(m / 2);
  const isEven = m % 2 === 0;
  for (let t = half; t < n - half; t++) {
    let sum = 0;
    if (isEven) {
      sum = 0.5 * (y[t - half] + y[t + half]);
      for (let k = t - half + 1; k < t + half; k++) sum += y[k];
    } else {
      for (let k = t - half; k <= t + half; k++) sum += y[k];
    }
    trend[t] = sum / m;
  }
  return trend;
}

/**
 * The seasonal figure of the classical decomposition: for each position j = 0..m-1 in the
 * cycle (counted from the first observation), the mean of the detrended values y - trend
 * (additive) or y / trend (multiplicative) at that position, normalised to sum 0 (additive) or
 * to mean 1 (multiplicative). Needs at least two full cycles (n >= 2m). As R's `decompose`
 * (Makridakis, Wheelwright & Hyndman 1998, "Forecasting: methods and applications", §4/2).
 * O(n m).
 *
 * @example seasonalFigure(Float64Array.of(1, 3, 1, 3, 1, 3), 2, false) // [-1, 1]
 */
export function seasonalFigure(y: Float64Array, m: number, isMultiplicative: boolean): Float64Array {
  const trend = centredMovingAverage(y, m);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(trend[t])) continue;
    const detrended = isMultiplicative ? y[t] / trend[t] : y[t] - trend[t];
    if (!Number.isFinite(detrended)) continue;
    sums[t % m] += detrended;
    counts[t % m] += 1;
  }
  const figure = new Float64Array(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    figure[j] = counts[j] > 0 ? sums[j] / counts[j] : isMultiplicative ? 1 : 0;
    total += figure[j];
  }
  const centre = total / m;
  for (let j = 0; j < m; j++) {
    if (isMultiplicative) figure[j] = centre !== 0 ? figure[j] / centre : 1;
    else figure[j] -= centre;
  }
  return figure;
}
