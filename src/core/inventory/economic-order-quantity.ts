/**
 * Economic order quantity of Harris (1913) / Wilson: sqrt(2 D A / (r v)) units, with D the
 * yearly demand in units, A the cost of one order, r the yearly holding rate and v the unit
 * cost (Silver, Pyke & Peterson 2017, eq. 4.4). Returns 0 (no lower bound) when any input is
 * missing or not positive.
 *
 * @example economicOrderQuantity(1200, 100, 0.25, 48) // sqrt(2 * 1200 * 100 / 12) = 141.42
 */
export function economicOrderQuantity(
  yearlyDemandUnits: number, orderCost: number, holdingRate: number, unitCost: number,
): number {
  if (!(yearlyDemandUnits > 0 && orderCost > 0 && holdingRate > 0 && unitCost > 0)) return 0;
  return Math.sqrt((2 * yearlyDemandUnits * orderCost) / (holdingRate * unitCost));
}
