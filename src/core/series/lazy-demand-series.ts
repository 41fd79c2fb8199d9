import type { DemandSeries } from './demand-series.js';
import { demandStats, type SeriesStats } from './demand-stats.js';

/**
 * A {@link DemandSeries} whose dense `values` come from a shared source on first read (every
 * series of one `buildDemandSeries` call is filled in the same pass) and whose `stats` are
 * computed from those values on first read; both are then kept. A class so that 60k series share
 * one pair of getters on the prototype: object literals with their own getters cost several
 * microseconds each to create.
 *
 * @example
 * const series = new LazyDemandSeries(0, 0, 19723, 3, 19723, 19723, 0, () => Float64Array.of(5, 0, 0));
 * series.stats.totalDemand // 5
 */
export class LazyDemandSeries implements DemandSeries {
  #values: Float64Array | undefined;
  #stats: SeriesStats | undefined;
  readonly #firstSaleDay: number;
  readonly #lastSaleDay: number;
  readonly #slot: number;
  readonly #valuesOf: (slot: number) => Float64Array;

  /**
   * @param firstSaleDay day number of the first row with a positive quantity (NaN when none)
   * @param lastSaleDay day number of the last such row (NaN when none)
   * @param valuesOf the dense values of the series in `slot`, `length` long
   */
  constructor(
    readonly skuId: number,
    readonly warehouseId: number,
    readonly firstPeriod: number,
    readonly length: number,
    firstSaleDay: number,
    lastSaleDay: number,
    slot: number,
    valuesOf: (slot: number) => Float64Array,
  ) {
    this.#firstSaleDay = firstSaleDay;
    this.#lastSaleDay = lastSaleDay;
    this.#slot = slot;
    this.#valuesOf = valuesOf;
  }

  get values(): Float64Array {
    this.#values ??= this.#valuesOf(this.#slot);
    return this.#values;
  }

  get stats(): SeriesStats {
    this.#stats ??= demandStats(this.values, this.#firstSaleDay, this.#lastSaleDay);
    return this.#stats;
  }
}
