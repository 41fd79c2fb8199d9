/**
 * The sales history as read from `sales.csv`, held column by column so that millions of rows
 * cost a few typed arrays instead of an object each. Produced by `io/read-sales.ts`, consumed by
 * the series builders in this folder.
 */
export interface SalesTable {
  /** Distinct SKU names in order of first appearance; a row's `skuId` indexes this list. */
  readonly skus: readonly string[];
  /** Distinct warehouse names in order of first appearance (`['MAIN']` without a warehouse column). */
  readonly warehouses: readonly string[];
  /** Per row: index into `skus`. */
  readonly skuId: Int32Array;
  /** Per row: index into `warehouses`. */
  readonly warehouseId: Int32Array;
  /** Per row: calendar date as a day number (days since 1970-01-01, see `calendar.ts`). */
  readonly day: Int32Array;
  /** Per row: units sold; negative for returns. */
  readonly quantity: Float64Array;
  /** Number of rows; every per-row array has exactly this length. */
  readonly rowCount: number;
  /** Smallest and largest day number over all rows (NaN when there are no rows). */
  readonly minDay: number;
  readonly maxDay: number;
  /** False when the file had no warehouse column and every row was put in warehouse `MAIN`. */
  readonly hasWarehouseColumn: boolean;
  /** Per SKU (indexed like `skus`): first non-empty description seen, '' when none; absent without a description column. */
  readonly descriptions?: readonly string[];
}
