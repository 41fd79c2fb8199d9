import type { DemandSeries } from './demand-series.js';
import { demandStats, type SeriesStats } from './demand-stats.js';
import type { SeriesRows } from './series-rows.js';

/** Where the series of one `buildDemandSeries` call get their history, by slot. */
export interface SeriesSource {
  /** The history rows of the series in `slot` (all series are grouped on the first call). */
  rows(slot: number): SeriesRows;
  /** Its dense values in memory of their own, kept by the caller. */
  values(slot: number): Float64Array;
  /** Its dense values in a scratch buffer that the next call of this function overwrites. */
  scratchValues(slot: number): Float64Array;
}

/**
 * A {@link DemandSeries} whose history rows and dense `values` come from a shared source on
 * first read (every series of one `buildDemandSeries` call is grouped in the same pass) and whose
 * `stats` are computed on first read; values and stats are then kept. Reading `stats` or `rows`
 * does not keep dense values. A class so that 60k series share one set of getters on the
 * prototype: object literals with their own getters cost several microseconds each to create.
 *
 * @example
 * const values = Float64Array.of(5, 0, 0);
 * const series = new LazyDemandSeries(0, 0, 19723, 3, 19723, 19723, 0,
 *   { rows: () => ({ length: 3, periods: Int32Array.of(0), quantities: Int16Array.of(5) }), values: () => values, scratchValues: () => values });
 * series.stats.totalDemand // 5
 */
export class LazyDemandSeries implements DemandSeries {
  #values: Float64Array | undefined;
  #stats: SeriesStats | undefined;
  readonly #firstSaleDay: number;
  readonly #lastSaleDay: number;
  readonly #slot: number;
  readonly #source: SeriesSource;

  /**
   * @param firstSaleDay day number of the first row with a positive quantity (NaN when none)
   * @param lastSaleDay day number of the last such row (NaN when none)
   * @param source the rows and dense values of the series in `slot`, `length` periods long
   */
  constructor(
    readonly skuId: number,
    readonly warehouseId: number,
    readonly firstPeriod: number,
    readonly length: number,
    firstSaleDay: number,
    lastSaleDay: number,
    slot: number,
    source: SeriesSource,
  ) {
    this.#firstSaleDay = firstSaleDay;
    this.#lastSaleDay = lastSaleDay;
    this.#slot = slot;
    this.#source = source;
  }

  get rows(): SeriesRows {
    return this.#source.rows(this.#slot);
  }

  get values(): Float64Array {
    this.#values ??= this.#source.values(this.#slot);
    return this.#values;
  }

  get stats(): SeriesStats {
    // demandStats keeps nothing of the values, so a scratch buffer serves when none are kept.
    this.#stats ??= demandStats(this.#values ?? this.#source.scratchValues(this.#slot), this.#firstSaleDay, this.#lastSaleDay);
    return this.#stats;
  }
}
