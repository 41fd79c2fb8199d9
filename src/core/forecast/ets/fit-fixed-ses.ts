import { etsRecursion } from './ets-recursion.js';
import { etsLabel, type EtsFit, type EtsSpec } from './ets-model.js';

/**
 * Simple exponential smoothing with a given alpha, the level starting at the first value (R's
 * `ses(y, alpha, initial = "simple")`); for constant series (alpha 0.9999, as R's `ets`) and
 * series too short to estimate anything. sigma2 is the mean squared one-step error over n - 1;
 * likelihood and information criteria are NaN (nothing was estimated). O(n).
 *
 * @example fitFixedSes(Float64Array.of(4, 6), 0.5).finalState.level // 5
 */
export function fitFixedSes(y: Float64Array, alpha: number): EtsFit {
  const n = y.length;
  const start = n > 0 ? y[0] : 0;
  const state = Float64Array.of(start, 0);
  const fitted = new Float64Array(n);
  etsRecursion(y, 0, 0, 0, 1, alpha, 0, 0, 1, state, new Float64Array(1), fitted);
  let sumSquares = 0;
  for (let t = 0; t < n; t++) sumSquares += (y[t] - fitted[t]) ** 2;
  const level = Number.isFinite(state[0]) ? state[0] : start;
  const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N', m: 1 };
  return {
    spec,
    label: etsLabel(spec),
    parameters: { alpha, beta: 0, gamma: 0, phi: 1 },
    initialState: { level: start, trend: 0, season: new Float64Array(0) },
    finalState: { level, trend: 0, season: new Float64Array(0) },
    fitted,
    sigma2: n > 1 && Number.isFinite(sumSquares) ? sumSquares / (n - 1) : 0,
    likelihood: NaN,
    parameterCount: 0,
    aic: NaN,
    aicc: NaN,
    bic: NaN,
    n,
    evaluations: 0,
  };
}
