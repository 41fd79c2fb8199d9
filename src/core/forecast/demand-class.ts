/** The four demand patterns of Syntetos, Boylan & Croston (2005). */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'none';

/** Cut-offs of Syntetos, Boylan & Croston (2005): average inter-demand interval and squared CV of sizes. */
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export interface DemandPattern {
  readonly demandClass: DemandClass;
  /** Average inter-demand interval in periods: periods / periods with demand (Infinity without demand). */
  readonly adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes (population variance); 0 with one size. */
  readonly cv2: number;
  /** Periods with positive demand. */
  readonly demandPeriods: number;
  /** Zero periods at the end of the series (since the last demand). */
  readonly trailingZeros: number;
}

/**
 * Classifies a demand series by ADI and CV² with the Syntetos–Boylan cut-offs 1.32 and 0.49
 * (Syntetos, Boylan & Croston 2005, "On the categorization of demand patterns", JORS 56):
 * smooth (ADI < 1.32, CV² < 0.49), erratic (ADI < 1.32, CV² >= 0.49), intermittent (ADI >= 1.32,
 * CV² < 0.49), lumpy (both above); `none` when no period has demand. Negative values (returns)
 * count as no demand. O(n).
 *
 * @example classifyDemand(Float64Array.of(0, 3, 0, 0, 3, 0)).demandClass // 'intermittent' (ADI 3, CV² 0)
 */
export function classifyDemand(y: Float64Array): DemandPattern {
  const n = y.length;
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  let trailingZeros = 0;
  for (let t = 0; t < n; t++) {
    if (y[t] > 0) {
      count++;
      sum += y[t];
      sumSquares += y[t] * y[t];
      trailingZeros = 0;
    } else {
      trailingZeros++;
    }
  }
  if (count === 0) return { demandClass: 'none', adi: Infinity, cv2: 0, demandPeriods: 0, trailingZeros };
  const adi = n / count;
  const mean = sum / count;
  const cv2 = Math.max(0, sumSquares / count - mean * mean) / (mean * mean);
  const isFrequent = adi < ADI_CUTOFF;
  const isVariable = cv2 >= CV2_CUTOFF;
  const demandClass: DemandClass = isFrequent
    ? (isVariable ? 'erratic' : 'smooth')
    : (isVariable ? 'lumpy' : 'intermittent');
  return { demandClass, adi, cv2, demandPeriods: count, trailingZeros };
}
