/**
 * Per-series facts used to choose forecasting methods and to explain them: share of zero periods,
 * average inter-demand interval (ADI), squared coefficient of variation of demand sizes (CV²) and
 * the demand class of Syntetos, Boylan & Croston (2005).
 */

/** Demand pattern per Syntetos, Boylan & Croston (2005); `none` when no period has demand. */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'none';

/** Facts about one demand series (see {@link demandStats}); days are day numbers, demand in units. */
export interface SeriesStats {
  /** Day number of the first and last row with a positive quantity; NaN when there is none. */
  readonly firstSaleDay: number;
  readonly lastSaleDay: number;
  /** Number of periods in the series. */
  readonly periods: number;
  /** Number of periods with demand > 0. */
  readonly nonZeroPeriods: number;
  /** Share of periods with zero demand, 0..1 (1 for an empty series). */
  readonly zeroShare: number;
  /** Total demand over the series, in units. */
  readonly totalDemand: number;
  /** Average inter-demand interval in periods (NaN when no demand). */
  readonly adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes (NaN when no demand). */
  readonly cv2: number;
  readonly demandClass: DemandClass;
}

/** ADI cut-off of Syntetos, Boylan & Croston (2005): at or above it demand is intermittent. */
export const ADI_CUTOFF = 1.32;
/** CV² cut-off of Syntetos, Boylan & Croston (2005): at or above it demand sizes are erratic. */
export const CV2_CUTOFF = 0.49;

/**
 * Demand class from ADI and CV² with the cut-offs 1.32 and 0.49 of Syntetos, Boylan & Croston
 * (2005), "On the categorization of demand patterns", JORS 56(5). NaN ADI means no demand.
 *
 * @example classifyDemand(1.0, 0.2) // 'smooth'
 * @example classifyDemand(2.5, 0.8) // 'lumpy'
 */
export function classifyDemand(adi: number, cv2: number): DemandClass {
  if (!(adi >= 1)) return 'none';
  const intermittent = adi >= ADI_CUTOFF;
  const erratic = cv2 >= CV2_CUTOFF;
  if (intermittent) return erratic ? 'lumpy' : 'intermittent';
  return erratic ? 'erratic' : 'smooth';
}

/**
 * Statistics of one demand series (units per period, non-negative).
 *
 * ADI is the mean interval between non-zero demands with the first interval counted from the
 * start of the series (as Croston's decomposition in Kourentzes' `tsintermittent` does), which
 * equals (position of the last non-zero period, 1-based) / (number of non-zero periods).
 * CV² is the population variance of the non-zero sizes divided by their squared mean, so a
 * single demand has CV² = 0. One pass, O(n).
 *
 * @param values demand per period
 * @param firstSaleDay day number of the first positive sale (NaN when none), passed through
 * @param lastSaleDay day number of the last positive sale (NaN when none), passed through
 * @example demandStats(Float64Array.of(0, 4, 0, 0, 2), NaN, NaN)
 *   // nonZeroPeriods 2, zeroShare 0.6, adi 5/2 = 2.5, sizes {4, 2}: mean 3, variance 1, cv2 1/9
 */
export function demandStats(values: Float64Array, firstSaleDay: number, lastSaleDay: number): SeriesStats {
  const n = values.length;
  let count = 0;
  let sum = 0;
  let lastNonZero = -1;
  for (let t = 0; t < n; t++) {
    const v = values[t];
    if (v > 0) {
      count++;
      sum += v;
      lastNonZero = t;
    }
  }
  let adi = NaN;
  let cv2 = NaN;
  if (count > 0) {
    adi = (lastNonZero + 1) / count;
    const mean = sum / count;
    let squares = 0;
    for (let t = 0; t < n; t++) {
      const v = values[t];
      if (v > 0) squares += (v - mean) * (v - mean);
    }
    cv2 = squares / count / (mean * mean);
  }
  return {
    firstSaleDay,
    lastSaleDay,
    periods: n,
    nonZeroPeriods: count,
    zeroShare: n === 0 ? 1 : (n - count) / n,
    totalDemand: sum,
    adi,
    cv2,
    demandClass: classifyDemand(adi, cv2),
  };
}
