import { seasonalFigure } from './seasonal-figure.js';
import type { EtsSeasonType, EtsTrendType } from './ets-model.js';

export interface InitialStates {
  readonly level: number;
  readonly trend: number;
  /** Seasonal indices of observations 0..m-1 (empty without season). */
  readonly season: Float64Array;
}

/**
 * Starting values of the ETS states, the heuristic of Hyndman et al. (2002, IJF 18(3), §2.6)
 * as in R's `forecast::ets`: seasonal indices from a classical decomposition (a linear trend
 * plus one Fourier pair when there are fewer than three cycles), then level and trend from a
 * straight line fitted to the first max(10, 2m) seasonally adjusted values (level: intercept
 * at time -1, i.e. just before the first observation; without trend the mean of those values).
 * Multiplicative indices are kept at or above 0.01. `minimumCyclesForDecomposition` (default 3,
 * as R) can be lowered to 2 where the indices will not be re-estimated (a one-harmonic curve is
 * a fair start for an optimiser, but a poor final shape). O(n m).
 *
 * @example initialStates(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 'A', 'N', 1) // level 0, trend 1
 */
export function initialStates(y: Float64Array, trend: EtsTrendType, season: EtsSeasonType, m: number,
  minimumCyclesForDecomposition = 3): InitialStates {
  const n = y.length;
  const isSeasonal = season !== 'N' && m > 1;
  const isMultiplicative = season === 'M';
  const seasonByTime = isSeasonal ? seasonalComponent(y, m, isMultiplicative, minimumCyclesForDecomposition) : null;
  const seasonStart = new Float64Array(isSeasonal ? m : 0);
  if (seasonByTime !== null) {
    for (let j = 0; j < m; j++) seasonStart[j] = seasonByTime[j];
    if (isMultiplicative) {
      for (let j = 0; j < m; j++) seasonStart[j] = Math.max(seasonStart[j], 0.01);
      // The first index is the one the optimiser derives from the others (indices average 1).
      let sumOthers = 0;
      for (let j = 1; j < m; j++) sumOthers += seasonStart[j];
      if (sumOthers > m - 0.01) {
        const shrink = (m - 0.01) / (sumOthers + 0.01);
        for (let j = 1; j < m; j++) seasonStart[j] *= shrink;
        sumOthers *= shrink;
      }
      seasonStart[0] = m - sumOthers;
    } else {
      let sumOthers = 0;
      for (let j = 1; j < m; j++) sumOthers += seasonStart[j];
      seasonStart[0] = -sumOthers;
    }
  }
  const count = Math.min(Math.max(10, 2 * m), n);
  const adjusted = new Float64Array(count);
  for (let t = 0; t < count; t++) {
    if (seasonByTime === null) adjusted[t] = y[t];
    else if (isMultiplicative) adjusted[t] = y[t] / Math.max(seasonByTime[t % seasonByTime.length], 0.01);
    else adjusted[t] = y[t] - seasonByTime[t % seasonByTime.length];
  }
  if (trend === 'N' || count < 2) {
    let sum = 0;
    for (let t = 0; t < count; t++) sum += adjusted[t];
    return { level: count > 0 ? sum / count : 0, trend: 0, season: seasonStart };
  }
  // Least-squares line over x = 1..count; the intercept is the value at x = 0.
  let meanX = 0;
  let meanY = 0;
  for (let t = 0; t < count; t++) {
    meanX += t + 1;
    meanY += adjusted[t];
  }
  meanX /= count;
  meanY /= count;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < count; t++) {
    sxy += (t + 1 - meanX) * (adjusted[t] - meanY);
    sxx += (t + 1 - meanX) * (t + 1 - meanX);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  let level = meanY - slope * meanX;
  let slopeStart = slope;
  // Keep the first one-step forecast away from zero (it divides multiplicative errors).
  if (Math.abs(level + slopeStart) < 1e-8) {
    level *= 1 + 1e-3;
    slopeStart *= 1 - 1e-3;
  }
  return { level, trend: slopeStart, season: seasonStart };
}

/**
 * Seasonal component by time for the first observations: the classical decomposition's figure
 * (periodic) with enough cycles (three by default); else y minus (or over) a line plus one sine-cosine pair
 * fitted by least squares, as R does for short series.
 */
function seasonalComponent(y: Float64Array, m: number, isMultiplicative: boolean, minimumCycles: number): Float64Array {
  const n = y.length;
  if (n >= minimumCycles * m) return seasonalFigure(y, m, isMultiplicative);
  // Columns: 1, t, sin(2 pi t / m), cos(2 pi t / m) (t = 1..n as R's `tslm` trend).
  const columns = m > 2 ? 4 : 3;
  const xtx = new Float64Array(columns * columns);
  const xty = new Float64Array(columns);
  const row = new Float64Array(columns);
  for (let t = 0; t < n; t++) {
    fillRow(row, t, m);
    for (let i = 0; i < columns; i++) {
      xty[i] += row[i] * y[t];
      for (let j = 0; j < columns; j++) xtx[i * columns + j] += row[i] * row[j];
    }
  }
  const coefficients = solveSymmetric(xtx, xty, columns);
  const result = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const line = coefficients[0] + coefficients[1] * (t + 1);
    result[t] = isMultiplicative ? y[t] / line : y[t] - line;
    if (!Number.isFinite(result[t])) result[t] = isMultiplicative ? 1 : 0;
  }
  return result;
}

function fillRow(row: Float64Array, t: number, m: number): void {
  const angle = (2 * Math.PI * (t + 1)) / m;
  row[0] = 1;
  row[1] = t + 1;
  if (row.length === 4) {
    row[2] = Math.sin(angle);
    row[3] = Math.cos(angle);
  } else {
    row[2] = Math.cos(angle);
  }
}

/** Gaussian elimination with partial pivoting on a small dense system; zero where singular. */
function solveSymmetric(matrix: Float64Array, rhs: Float64Array, size: number): Float64Array {
  const a = matrix.slice();
  const b = rhs.slice();
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r * size + col]) > Math.abs(a[pivot * size + col])) pivot = r;
    if (Math.abs(a[pivot * size + col]) < 1e-12) continue;
    if (pivot !== col) {
      for (let k = 0; k < size; k++) {
        const swap = a[col * size + k];
        a[col * size + k] = a[pivot * size + k];
        a[pivot * size + k] = swap;
      }
      const swap = b[col];
      b[col] = b[pivot];
      b[pivot] = swap;
    }
    for (let r = col + 1; r < size; r++) {
      const factor = a[r * size + col] / a[col * size + col];
      for (let k = col; k < size; k++) a[r * size + k] -= factor * a[col * size + k];
      b[r] -= factor * b[col];
    }
  }
  const x = new Float64Array(size);
  for (let r = size - 1; r >= 0; r--) {
    let sum = b[r];
    for (let k = r + 1; k < size; k++) sum -= a[r * size + k] * x[k];
    x[r] = Math.abs(a[r * size + r]) < 1e-12 ? 0 : sum / a[r * size + r];
  }
  return x;
}
