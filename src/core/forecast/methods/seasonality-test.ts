/**
 * The seasonality test of the Theta method as R's `thetaf` applies it: the autocorrelation at
 * lag m is significant at 90 % (one-sided z > 1.645) against Bartlett's standard error
 * sqrt((1 + 2 sum_{k<m} r_k^2) / n). Needs more than two full seasons and a non-constant series.
 * Assimakopoulos & Nikolopoulos (2000); Hyndman & Billah (2003). O(n m).
 *
 * @param seasonPeriod m, e.g. 12 for monthly data
 * @example isSeasonal(Float64Array.from({ length: 48 }, (_, t) => 10 + (t % 12 === 0 ? 5 : 0)), 12) // true
 */
export function isSeasonal(y: Float64Array, seasonPeriod: number): boolean {
  const n = y.length;
  const m = seasonPeriod;
  if (m < 2 || n <= 2 * m) return false;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t];
  mean /= n;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += (y[t] - mean) * (y[t] - mean);
  if (!(denominator > 0)) return false;
  let sumSquares = 0;
  let lagM = 0;
  for (let k = 1; k <= m; k++) {
    let numerator = 0;
    for (let t = 0; t + k < n; t++) numerator += (y[t] - mean) * (y[t + k] - mean);
    const r = numerator / denominator;
    if (k < m) sumSquares += r * r;
    else lagM = r;
  }
  const standardError = Math.sqrt((1 + 2 * sumSquares) / n);
  return Math.abs(lagM) / standardError > Z_90_ONE_SIDED;
}

/** qnorm(0.95). */
const Z_90_ONE_SIDED = 1.6448536269514722;
