/**
 * The sales history as read from `sales.csv`, held column by column so that millions of rows
 * cost a few typed arrays instead of an object each. Produced by `io/read/read-sales.ts`, consumed by
 * the series builders in this folder. Columns may be narrower typed arrays than their values'
 * range needs in general (7 instead of 20 bytes a row for most files); read them as numbers.
 */
export interface SalesTable {
  /** Distinct SKU names in order of first appearance; a row's `skuId` indexes this list. */
  readonly skus: readonly string[];
  /** Distinct warehouse names in order of first appearance (`['MAIN']` without a warehouse column). */
  readonly warehouses: readonly string[];
  /** Per row: index into `skus`. */
  readonly skuId: SkuIdColumn;
  /** Per row: index into `warehouses`. */
  readonly warehouseId: WarehouseIdColumn;
  /** Per row: calendar date as a day number (days since 1970-01-01, see `calendar.ts`). */
  readonly day: DayColumn;
  /** Per row: units sold; negative for returns. */
  readonly quantity: QuantityColumn;
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

/** SKU ids: Uint16Array while there are at most 65,536 SKUs, else Int32Array. */
export type SkuIdColumn = Uint16Array | Int32Array;
/** Warehouse ids: Uint8Array up to 256 warehouses, Uint16Array up to 65,536, else Int32Array. */
export type WarehouseIdColumn = Uint8Array | Uint16Array | Int32Array;
/** Quantities: Int16Array or Int32Array when every one is a whole number in that type's range, else Float64Array. */
export type QuantityColumn = Int16Array | Int32Array | Float64Array;
/** Day numbers: Uint16Array while every date lies in 1970-01-01 .. 2149-06-06, else Int32Array. */
export type DayColumn = Uint16Array | Int32Array;
