import type { SeriesStats } from './demand-stats.js';
import type { SeriesRows } from './series-rows.js';

/** Demand of one SKU in one warehouse per period (units), with the facts used to pick a method. */
export interface DemandSeries {
  /** Indexes into `SalesTable.skus` / `SalesTable.warehouses`. */
  readonly skuId: number;
  readonly warehouseId: number;
  /** Period index (`calendar.ts`) of `values[0]`; the first forecast period is `firstPeriod + length`. */
  readonly firstPeriod: number;
  /** Number of periods, equal to `values.length` (read it without building `values`). */
  readonly length: number;
  /**
   * Demand in units per period, zero-filled, returns netted within the period, never below 0.
   * Built on first read and then kept; the first read of any series' values, rows or stats
   * groups the rows of every series of the same `buildDemandSeries` call in one pass.
   */
  readonly values: Float64Array;
  /** Computed from `values` on first read, then kept. */
  readonly stats: SeriesStats;
  /**
   * The history rows `values` are summed from (`densifyDemand`), when the series was built from a
   * sales table: a caller that needs the values only for a while builds them into memory of its
   * own instead of keeping 8 bytes per period of every series alive.
   */
  readonly rows?: SeriesRows;
}
