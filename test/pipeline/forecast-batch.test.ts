import { describe, expect, it } from 'vitest';
import { forecastMethodNames } from '../../src/core/forecast/registry.js';
import { densifyDemand, type SeriesRows } from '../../src/core/series/series-rows.js';
import { forecastBatch, type BatchSettings, type SeriesBatch } from '../../src/pipeline/forecast-batch.js';

/** Rows of a series of `length` periods: (period, quantity) pairs in file order, returns included. */
function rowsOf(length: number, rows: readonly (readonly [number, number])[]): SeriesRows {
  return { length, periods: Int32Array.from(rows, (r) => r[0]), quantities: Int16Array.from(rows, (r) => r[1]) };
}

/** Smooth, seasonal, intermittent (with a return) and single-sale series, 60 periods each. */
const ROWS: SeriesRows[] = [
  rowsOf(60, Array.from({ length: 60 }, (_, t) => [t, 10 + (t % 7) * 2 + (t % 5)] as const)),
  rowsOf(60, Array.from({ length: 60 }, (_, t) => [t, t % 7 === 5 ? 30 : 4 + (t % 3)] as const)),
  rowsOf(60, [[3, 2], [11, 5], [11, -1], [20, 1], [31, 7], [44, 2], [52, 3], [58, 1]]),
  rowsOf(60, [[40, 3]]),
];

function batchOf(series: SeriesBatch['series'], first = 0): SeriesBatch {
  return { first, series, horizons: new Int32Array(series.length).fill(7), seeds: Uint32Array.from(series, (_, i) => 1000 + i) };
}

describe('forecastBatch', () => {
  it('returns each series\' last recentPeriods periods of history (all of a shorter one), from rows or values alike', () => {
    const settings: BatchSettings = { method: 'naive', seasonPeriod: 7, levels: [80], boundsHorizon: 7, recentPeriods: 24 };
    const series = [...ROWS, rowsOf(5, [[1, 4], [3, -2], [3, 1]])];
    const dense = series.map((rows) => densifyDemand(rows, new Float64Array(rows.length)));
    for (const batch of [forecastBatch(batchOf(series), settings), forecastBatch(batchOf(dense), settings)]) {
      dense.forEach((values, i) => {
        const recent = batch.recent.subarray(batch.recentOffsets[i], batch.recentOffsets[i + 1]);
        expect(Array.from(recent)).toEqual(Array.from(values.subarray(Math.max(0, values.length - 24))));
      });
    }
    expect(forecastBatch(batchOf(series), { ...settings, recentPeriods: undefined }).recent.length).toBe(0);
  });

  for (const method of forecastMethodNames()) {
    it(`${method}: series given as rows forecast exactly as their dense values, and a later batch changes nothing of an earlier one`, () => {
      const settings: BatchSettings = { method, seasonPeriod: 7, levels: [80, 95], boundsHorizon: 7 };
      const dense = ROWS.map((rows) => densifyDemand(rows, new Float64Array(rows.length)));
      const fromValues = forecastBatch(batchOf(dense), settings);
      const fromRows = forecastBatch(batchOf(ROWS), settings);
      expect(fromRows).toEqual(fromValues);
      // The rows are summed into memory reused by the next batch: nothing kept from a fit (its
      // simulator state above all) may be a view of it.
      const before = structuredClone(fromRows);
      forecastBatch(batchOf([...ROWS].reverse(), 4), settings);
      expect(fromRows).toEqual(before);
    });
  }
});
