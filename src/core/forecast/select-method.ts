import type { MethodFit, MethodOptions } from './contract.js';
import { historicalMean, recentMean } from './methods/moving-average.js';
import { naive } from './methods/naive.js';
import { seasonalNaive } from './methods/seasonal-naive.js';

/**
 * Automatic choice of method for one series. All-zero series get zero; very short series the
 * mean; series with two full seasons the seasonal naive; others a recent mean.
 * (Interim rule over the baselines; the forecasting engine replaces it with ETS/Theta/Croston
 * selection by demand class and information criteria.)
 */
export function selectMethod(y: Float64Array, options: MethodOptions): MethodFit {
  const n = y.length;
  let nonZero = 0;
  for (let t = 0; t < n; t++) if (y[t] !== 0) nonZero++;
  if (nonZero === 0) return { ...historicalMean(y, options), label: 'zero' };
  if (n < 3) return n === 1 ? naive(y, options) : historicalMean(y, options);
  if (options.seasonPeriod > 1 && n >= 2 * options.seasonPeriod) return seasonalNaive(y, options);
  return recentMean(y, options);
}
