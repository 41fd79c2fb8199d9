import { backtestSeries, type BacktestOptions, type SeriesBacktestPart } from '../core/forecast/backtest.js';
import { hashString, seededRandom } from '../core/random.js';

/** What every series of a backtest is scored with; sent once to each worker. */
export type BacktestBatchSettings = Omit<BacktestOptions, 'random'> & { readonly seed: number };

/** Series to backtest: values back to back (transferred to a worker), their ids. */
export interface BacktestBatch {
  readonly first: number;
  readonly ids: readonly string[];
  readonly values: Float64Array;
  readonly offsets: Int32Array;
}

/** Packs the values of a batch of series (copies them). */
export function packBacktestBatch(first: number, ids: readonly string[], values: readonly Float64Array[]): BacktestBatch {
  const offsets = new Int32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) offsets[i + 1] = offsets[i] + values[i].length;
  const packed = new Float64Array(offsets[values.length]);
  for (let i = 0; i < values.length; i++) packed.set(values[i], offsets[i]);
  return { first, ids, values: packed, offsets };
}

/**
 * Backtests every series of a batch, each with its own random stream seeded from its id (so the
 * result does not depend on batches or workers). Runs in a worker or in the main thread.
 */
export function backtestBatch(batch: BacktestBatch, settings: BacktestBatchSettings): SeriesBacktestPart[] {
  return batch.ids.map((id, i) => backtestSeries(
    { id, values: batch.values.subarray(batch.offsets[i], batch.offsets[i + 1]) },
    { ...settings, random: seededRandom(hashString(id, settings.seed)) },
  ));
}
