/** What shapes an order: the minimum, the pack, and an optional lower bound such as the EOQ. */
export interface OrderRules {
  /** Minimum order quantity in units (>= 1). */
  readonly moq: number;
  /** Orders are whole multiples of this many units (>= 1). */
  readonly packSize: number;
  /** Lower bound in units, e.g. the EOQ; 0 for none. */
  readonly minimumUnits?: number;
}

/**
 * Units to order for a periodic review with reorder point s and order-up-to level S: nothing
 * while the inventory position is above s or already at S; otherwise S - position, raised to
 * the lower bound (EOQ) and to the MOQ, then rounded UP to whole packs. The result is a whole
 * number, a multiple of the pack size and at least the MOQ, or 0.
 *
 * @example orderQuantity(40, 100, 12, { moq: 50, packSize: 12 }) // need 88 -> 96 (8 packs)
 */
export function orderQuantity(
  position: number, orderUpTo: number, reorderPoint: number, rules: OrderRules,
): number {
  if (position > reorderPoint) return 0;
  const need = orderUpTo - position;
  if (!(need > 1e-9)) return 0;
  const packSize = Math.max(1, Math.ceil(rules.packSize));
  const units = Math.max(need, rules.minimumUnits ?? 0, Math.max(1, Math.ceil(rules.moq)));
  // The tolerance keeps a need of exactly k packs (up to float noise) at k packs.
  return Math.ceil(units / packSize - 1e-9) * packSize;
}
