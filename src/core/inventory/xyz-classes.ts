/** XYZ class of an item: X steady demand, Y varying, Z irregular (or none). */
export type XyzClass = 'X' | 'Y' | 'Z';

/** Upper coefficients of variation of class X and class Y (0 <= x <= y). */
export interface XyzLimits {
  readonly x: number;
  readonly y: number;
}

/**
 * CV limits 0.5 and 1.0: demand with a CV up to 0.5 per period is X, up to 1.0 Y, above Z.
 * These are the limits most used in practice; the right ones depend on the period length.
 */
export const DEFAULT_XYZ_LIMITS: XyzLimits = Object.freeze({ x: 0.5, y: 1.0 });

/**
 * XYZ class from the coefficient of variation of demand per period: X when cv <= limits.x,
 * Y when cv <= limits.y, Z otherwise. A series without demand (cv NaN) is Z: nothing regular
 * to forecast. After Scholz-Reiter, Heger, Meinecke & Bergmann (2012), "Integration of demand
 * forecasts in ABC-XYZ analysis: practical investigation at an industrial company",
 * International Journal of Productivity and Performance Management 61(4), 445-451.
 *
 * @example classifyXyz(0.5, { x: 0.5, y: 1 }) // 'X'
 * @example classifyXyz(0.75, { x: 0.5, y: 1 }) // 'Y'
 * @example classifyXyz(NaN, { x: 0.5, y: 1 }) // 'Z'
 */
export function classifyXyz(cv: number, limits: XyzLimits = DEFAULT_XYZ_LIMITS): XyzClass {
  if (!(cv >= 0)) return 'Z';
  return cv <= limits.x + 1e-12 ? 'X' : cv <= limits.y + 1e-12 ? 'Y' : 'Z';
}

/**
 * Coefficient of variation of demand per period (population standard deviation over the mean,
 * zero periods included) from the facts `demandStats` keeps, without the series: with n
 * periods, k of them non-zero, total T and CV² c of the non-zero sizes, the mean of the sizes
 * is mu = T / k, the mean of the squares over all periods is (k / n) mu² (1 + c), so
 * cv = sqrt(E[x²] - m²) / m with m = T / n. NaN when there is no demand. O(1).
 *
 * @example periodDemandCv({ periods: 5, nonZeroPeriods: 2, totalDemand: 6, cv2: 1 / 9 })
 * // series 0, 4, 0, 0, 2: m = 1.2, E[x²] = 20 / 5 = 4, sd = sqrt(4 - 1.44) = 1.6 => 1.6 / 1.2 = 1.333
 */
export function periodDemandCv(stats: {
  readonly periods: number; readonly nonZeroPeriods: number; readonly totalDemand: number; readonly cv2: number;
}): number {
  const { periods: n, nonZeroPeriods: k, totalDemand: total, cv2 } = stats;
  if (!(n > 0 && k > 0 && total > 0)) return NaN;
  const mean = total / n;
  const sizeMean = total / k;
  const meanSquare = (k / n) * sizeMean * sizeMean * (1 + (Number.isFinite(cv2) ? cv2 : 0));
  return Math.sqrt(Math.max(0, meanSquare - mean * mean)) / mean;
}
