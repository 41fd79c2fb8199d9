/** Result of fitting simple exponential smoothing (ETS(ANN)) by least squares. */
export interface SimpleSmoothingFit {
  /** Smoothing parameter in [0.0001, 0.9999]. */
  readonly alpha: number;
  /** Level before the first observation (l_0), in the units of y. */
  readonly initialLevel: number;
  /** Level after the last observation (l_n): the flat point forecast. */
  readonly finalLevel: number;
  /** One-step forecasts l_{t-1} for t = 1..n (fitted[0] = initialLevel). */
  readonly fitted: Float64Array;
  /** Sum of squared one-step errors. */
  readonly sse: number;
  /**
   * Residual variance SSE / (n - 2) (two estimated parameters, alpha and l_0), which reproduces
   * the intervals of R's `thetaf`/`ses`; SSE / n when the series is too short for that.
   */
  readonly sigma2: number;
}

const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 0.9999;
const GRID_POINTS = 24;
const GOLDEN_STEPS = 28;

/**
 * Fits simple exponential smoothing (l_t = l_{t-1} + alpha (y_t - l_{t-1}), forecast l_n) by
 * minimising the in-sample one-step SSE over alpha and l_0, as R's `ses(y, initial = "optimal")`
 * does through `ets(y, "ANN", opt.crit = "mse")`. For a fixed alpha the errors are linear in l_0,
 * so l_0 is solved exactly; alpha is found by a grid then golden-section search.
 * Hyndman, Koehler, Ord & Snyder (2008), Forecasting with Exponential Smoothing, ch. 2 and 5.
 * O(n) per alpha evaluated, about 50 evaluations.
 *
 * @param fixedAlpha when given, only l_0 is optimised
 * @example fitSimpleSmoothing(Float64Array.of(3, 3, 3)).finalLevel // 3
 */
export function fitSimpleSmoothing(y: Float64Array, fixedAlpha?: number): SimpleSmoothingFit {
  const n = y.length;
  if (n === 0) {
    return { alpha: fixedAlpha ?? 0.5, initialLevel: 0, finalLevel: 0, fitted: new Float64Array(0), sse: 0, sigma2: 0 };
  }
  let alpha: number;
  if (fixedAlpha !== undefined) {
    alpha = Math.min(ALPHA_MAX, Math.max(ALPHA_MIN, fixedAlpha));
  } else {
    alpha = minimiseAlpha(y);
  }
  const initialLevel = profileLevel(y, alpha).initialLevel;
  const fitted = new Float64Array(n);
  let level = initialLevel;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    fitted[t] = level;
    const error = y[t] - level;
    sse += error * error;
    level += alpha * error;
  }
  const sigma2 = n > 2 ? sse / (n - 2) : sse / n;
  return { alpha, initialLevel, finalLevel: level, fitted, sse, sigma2 };
}

/**
 * For a given alpha: fitted_t = c_t * l_0 + g_t with c_t = (1 - alpha)^t and g_t the forecast
 * started from l_0 = 0, so SSE(l_0) is a parabola with its minimum at sum(c a) / sum(c^2).
 */
function profileLevel(y: Float64Array, alpha: number): { initialLevel: number; sse: number } {
  let g = 0;
  let c = 1;
  let sumAA = 0;
  let sumCA = 0;
  let sumCC = 0;
  for (let t = 0; t < y.length; t++) {
    const a = y[t] - g;
    sumAA += a * a;
    sumCA += c * a;
    sumCC += c * c;
    g += alpha * a;
    c *= 1 - alpha;
  }
  const initialLevel = sumCC > 0 ? sumCA / sumCC : 0;
  return { initialLevel, sse: Math.max(0, sumAA - (sumCA * sumCA) / sumCC) };
}

function minimiseAlpha(y: Float64Array): number {
  const sse = (alpha: number) => profileLevel(y, alpha).sse;
  // SSE(alpha) can have several local minima: scan a grid, then refine around the best point.
  let bestIndex = 0;
  let bestValue = Infinity;
  const grid = new Float64Array(GRID_POINTS);
  for (let i = 0; i < GRID_POINTS; i++) {
    grid[i] = ALPHA_MIN + ((ALPHA_MAX - ALPHA_MIN) * i) / (GRID_POINTS - 1);
    const value = sse(grid[i]);
    if (value < bestValue) {
      bestValue = value;
      bestIndex = i;
    }
  }
  let low = grid[Math.max(0, bestIndex - 1)];
  let high = grid[Math.min(GRID_POINTS - 1, bestIndex + 1)];
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = high - ratio * (high - low);
  let x2 = low + ratio * (high - low);
  let f1 = sse(x1);
  let f2 = sse(x2);
  for (let step = 0; step < GOLDEN_STEPS; step++) {
    if (f1 <= f2) {
      high = x2;
      x2 = x1;
      f2 = f1;
      x1 = high - ratio * (high - low);
      f1 = sse(x1);
    } else {
      low = x1;
      x1 = x2;
      f1 = f2;
      x2 = low + ratio * (high - low);
      f2 = sse(x2);
    }
  }
  const refined = f1 <= f2 ? x1 : x2;
  return Math.min(f1, f2) <= bestValue ? refined : grid[bestIndex];
}
