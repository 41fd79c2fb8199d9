import type { ReorderLine } from './plan-reorder.js';

/** The order lines of one supplier, with totals (what a supplier sheet shows). */
export interface SupplierOrder {
  readonly supplier: string;
  /** Lines with order_qty > 0, by SKU then warehouse. */
  readonly lines: readonly ReorderLine[];
  /** Sum of order_qty (units). */
  readonly totalQty: number;
  /** Sum of order_value (money). */
  readonly totalValue: number;
}

/**
 * Groups the lines that order something (order_qty > 0) by supplier, suppliers by name, lines
 * by SKU then warehouse, with unit and money totals per supplier. O(n log n).
 *
 * @example groupBySupplier(lines).map((order) => [order.supplier, order.totalValue]) // [['Acme', 1234.5], ...]
 */
export function groupBySupplier(lines: readonly ReorderLine[]): SupplierOrder[] {
  const groups = new Map<string, ReorderLine[]>();
  for (const line of lines) {
    if (!(line.orderQty > 0)) continue;
    const group = groups.get(line.supplier);
    if (group) group.push(line);
    else groups.set(line.supplier, [line]);
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([supplier, group]) => {
      group.sort((a, b) => compare(a.sku, b.sku) || compare(a.warehouse, b.warehouse));
      let totalQty = 0;
      let totalValue = 0;
      for (const line of group) {
        totalQty += line.orderQty;
        totalValue += line.orderValue;
      }
      return { supplier, lines: group, totalQty, totalValue };
    });
}
