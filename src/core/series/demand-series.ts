import type { SeriesStats } from './demand-stats.js';

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
   * Built on first read and then kept; the first read fills every series of the same
   * `buildDemandSeries` call in one pass over the rows.
   */
  readonly values: Float64Array;
  /** Computed from `values` on first read (so it builds them too), then kept. */
  readonly stats: SeriesStats;
}
