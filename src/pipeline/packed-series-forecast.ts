import type { MethodFit } from '../core/forecast/contract.js';
import type { SeriesForecast } from '../core/forecast/forecast-series.js';
import { rebuildSimulate } from '../core/forecast/rebuild-simulate.js';
import type { ForecastBatch } from './forecast-batch.js';

const NONE = new Float64Array(0);

/**
 * The forecast of series `index` of a batch, read from the batch's buffers (see ForecastBatch in
 * forecast-batch.ts). Its arrays are views made on first read and then kept: a run of 30k series
 * that only writes forecast.csv reads the numbers straight from the buffers (`meanStart`,
 * `lowerStart`, `upperStart`) and makes none, where nine views and four objects per series,
 * made up front and kept to the end of the run, were most of what the young generation had to
 * copy. What is kept is slimmed to what is read later: means and cumulative variances over the
 * internal horizon (planning), interval bounds over the output horizon (forecast.csv), the fit's
 * label, count law or simulator (rebuilt from its state); no in-sample values, no per-period
 * variances (`fit.variance` is empty), no member fits, and `fit.mean` is the non-negative `mean`.
 */
export class PackedSeriesForecast implements SeriesForecast {
  readonly method: string;
  readonly batch: ForecastBatch;
  readonly index: number;
  readonly #levelCount: number;
  #mean: Float64Array | undefined;
  #lower: Float64Array[] | undefined;
  #upper: Float64Array[] | undefined;
  #fit: MethodFit | undefined;

  constructor(batch: ForecastBatch, index: number, levelCount: number) {
    this.batch = batch;
    this.index = index;
    this.method = batch.labels[index];
    this.#levelCount = levelCount;
  }

  /** Where this series' means start in `batch.mean`. */
  get meanStart(): number {
    return this.batch.offsets[this.index];
  }

  /** Where this series' lower bounds of level `level` (an index into the run's levels) start in `batch.bounds`. */
  lowerStart(level: number): number {
    return 2 * level * this.#boundTotal() + this.batch.boundOffsets[this.index];
  }

  /** Where this series' upper bounds of level `level` start in `batch.bounds`. */
  upperStart(level: number): number {
    return (2 * level + 1) * this.#boundTotal() + this.batch.boundOffsets[this.index];
  }

  get mean(): Float64Array {
    this.#mean ??= this.batch.mean.subarray(this.meanStart, this.batch.offsets[this.index + 1]);
    return this.#mean;
  }

  get lower(): readonly Float64Array[] {
    this.#lower ??= this.#bounds((level) => this.lowerStart(level));
    return this.#lower;
  }

  get upper(): readonly Float64Array[] {
    this.#upper ??= this.#bounds((level) => this.upperStart(level));
    return this.#upper;
  }

  get fit(): MethodFit {
    if (!this.#fit) {
      const { batch, index } = this;
      const simulator = batch.simulators[index];
      const isCount = batch.isCount[index] === 1;
      this.#fit = {
        label: batch.fitLabels[index],
        mean: this.mean,
        fitted: NONE,
        variance: NONE,
        cumulativeVariance: batch.cumulativeVariance.subarray(this.meanStart, batch.offsets[index + 1]),
        ...(isCount ? { distribution: 'count' as const } : simulator ? { simulate: rebuildSimulate(simulator), simulatorState: simulator } : {}),
        aicc: batch.aicc[index],
      };
    }
    return this.#fit;
  }

  #boundTotal(): number {
    return this.batch.boundOffsets[this.batch.labels.length];
  }

  #bounds(startOf: (level: number) => number): Float64Array[] {
    const length = this.batch.boundOffsets[this.index + 1] - this.batch.boundOffsets[this.index];
    const views: Float64Array[] = [];
    for (let level = 0; level < this.#levelCount; level++) {
      const start = startOf(level);
      views.push(this.batch.bounds.subarray(start, start + length));
    }
    return views;
  }
}

/** The forecasts of a batch, one {@link PackedSeriesForecast} per series. */
export function unpackForecasts(batch: ForecastBatch, levelCount: number): PackedSeriesForecast[] {
  const forecasts: PackedSeriesForecast[] = [];
  for (let i = 0; i < batch.labels.length; i++) forecasts.push(new PackedSeriesForecast(batch, i, levelCount));
  return forecasts;
}
