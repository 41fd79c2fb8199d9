/** How the demand law over the protection interval was modelled. */
export type DemandLaw = 'normal' | 'count' | 'simulated' | 'none';

/** The answer of `protectionLevel`, in units. */
export interface ProtectionLevel {
  /** Stock level (units, not rounded) that meets the target over lead time + review period. */
  readonly level: number;
  /** Expected demand over lead time + review period, mixed over lead times (units). */
  readonly mean: number;
  /** Standard deviation of that demand, forecast error and lead-time variability together (units). */
  readonly sd: number;
  readonly law: DemandLaw;
}
