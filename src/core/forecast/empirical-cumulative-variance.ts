import type { MethodFit } from './contract.js';

/** Fewer in-sample windows than this leave the model's cumulative variance alone. */
export const MIN_ERROR_WINDOWS = 8;

/**
 * The fit with its cumulative error variance raised, horizon by horizon, to the in-sample mean
 * squared error of h-period demand sums: for every origin o with a one-step forecast f_o,
 * e_h(o) = (y_o + .. + y_{o+h-1}) - h f_o, and V_h = max(model V_h, mean over o of e_h(o)^2).
 * A level forecast of intermittent demand is wrong in the same direction for many periods, so the
 * error of a lead-time sum grows faster than h times the one-step error, and the model's own
 * variance (which assumes a known rate) understates it; measuring the lead-time error directly is
 * what Prak, Teunter & Syntetos (2017, "On the calculation of safety stocks when demand is
 * forecasted", EJOR 256) and Silver, Pyke & Thomas (2017) recommend. Horizons with fewer than
 * {@link MIN_ERROR_WINDOWS} windows carry the last measured excess on. Point forecasts, per-period
 * variances (and so the forecast intervals) are unchanged: only the safety stock reads this.
 * O(n x horizon).
 *
 * @example withEmpiricalCumulativeVariance(fit, y).cumulativeVariance[3] // >= fit.cumulativeVariance[3]
 */
export function withEmpiricalCumulativeVariance(fit: MethodFit, y: Float64Array): MethodFit {
  const n = y.length;
  const horizon = fit.cumulativeVariance.length;
  const prefix = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) prefix[t + 1] = prefix[t] + y[t];
  const cumulativeVariance = Float64Array.from(fit.cumulativeVariance);
  let lastExcess = 0; // measured V_h minus the model's, carried to horizons too long to measure
  for (let h = 1; h <= horizon; h++) {
    let sum = 0;
    let windows = 0;
    for (let o = 0; o + h <= n; o++) {
      const f = fit.fitted[o];
      if (!Number.isFinite(f)) continue;
      const e = prefix[o + h] - prefix[o] - h * f;
      sum += e * e;
      windows++;
    }
    const model = fit.cumulativeVariance[h - 1];
    if (windows >= MIN_ERROR_WINDOWS) lastExcess = Math.max(0, sum / windows - model);
    cumulativeVariance[h - 1] = model + lastExcess;
  }
  return { ...fit, cumulativeVariance };
}
