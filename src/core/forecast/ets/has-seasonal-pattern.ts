import { normalQuantile } from '../normal.js';
import { centredMovingAverage } from './seasonal-figure.js';

/**
 * Whether a series has a stable seasonal pattern of period m: an F test of the seasonal means of
 * the detrended series (y minus its centred moving average, or minus a straight line with fewer
 * than three cycles), i.e. one-way analysis of variance
 * with the position in the cycle as the factor, at the 1 % level. The F quantile uses Paulson's
 * normal approximation from Wilson–Hilferty cube roots (F(0.99; 6, 60) 3.122 against the table's
 * 3.12; F(0.99; 6, 120) 2.960 against 2.96). Used for long seasons (m > 24) and long series (20
 * cycles or more), where the seasonal indices are not estimated by likelihood. Needs two full
 * cycles; O(n m).
 * Makridakis, Wheelwright & Hyndman (1998), "Forecasting: methods and applications", §4/2;
 * Wilson & Hilferty (1931), PNAS 17(12).
 *
 * @example hasSeasonalPattern(weeklyDemandOfThreeYears, 52) // true when the yearly cycle is clear
 */
export function hasSeasonalPattern(y: Float64Array, m: number): boolean {
  const n = y.length;
  if (m < 2 || n < 2 * m) return false;
  // With three cycles or more the centred moving average leaves two values per position at least;
  // with fewer, a straight line takes its place so that every observation counts.
  const trend = n >= 3 * m ? centredMovingAverage(y, m) : straightLine(y);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  let total = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(trend[t])) continue;
    const detrended = y[t] - trend[t];
    sums[t % m] += detrended;
    counts[t % m] += 1;
    total += detrended;
    count++;
  }
  const grandMean = total / count;
  let betweenSquares = 0;
  let groups = 0;
  for (let j = 0; j < m; j++) {
    if (counts[j] === 0) continue;
    groups++;
    betweenSquares += counts[j] * (sums[j] / counts[j] - grandMean) ** 2;
  }
  let withinSquares = 0;
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(trend[t])) continue;
    const j = t % m;
    withinSquares += (y[t] - trend[t] - sums[j] / counts[j]) ** 2;
  }
  const between = groups - 1;
  const within = count - groups;
  if (between < 1 || within < 1) return false;
  if (!(withinSquares > 0)) return betweenSquares > 0;
  const statistic = (betweenSquares / between) / (withinSquares / within);
  return statistic > fQuantile(0.99, between, within);
}

/** Least-squares straight line through y, evaluated at every t. */
function straightLine(y: Float64Array): Float64Array {
  const n = y.length;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (let t = 0; t < n; t++) meanY += y[t];
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - meanT) * (y[t] - meanY);
    sxx += (t - meanT) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return Float64Array.from({ length: n }, (_, t) => meanY + slope * (t - meanT));
}

/** F quantile from Wilson–Hilferty chi-square quantiles of numerator and denominator. */
function fQuantile(p: number, numerator: number, denominator: number): number {
  // Paulson's (1942) normal approximation of the F distribution, solved for the quantile.
  const z = normalQuantile(p);
  const a = 2 / (9 * numerator);
  const b = 2 / (9 * denominator);
  // Solve ((1 - b) f^(1/3) - (1 - a)) / sqrt(b f^(2/3) + a) = z for u = f^(1/3).
  const qa = (1 - b) ** 2 - z * z * b;
  const qb = -2 * (1 - a) * (1 - b);
  const qc = (1 - a) ** 2 - z * z * a;
  const discriminant = qb * qb - 4 * qa * qc;
  if (qa <= 0 || discriminant < 0) return Infinity;
  const u = (-qb + Math.sqrt(discriminant)) / (2 * qa);
  return u ** 3;
}
