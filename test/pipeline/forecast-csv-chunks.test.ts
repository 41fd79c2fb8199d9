import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.js';
import { csvColumns, csvLines } from '../../src/io/write/write-csv.js';
import { WRITE_BLOCK_CHARS } from '../../src/io/write/write-chunks.js';
import { forecastCsvChunks } from '../../src/pipeline/forecast-csv-chunks.js';
import { forecastRows, type SeriesOutcome } from '../../src/pipeline/forecast-stage.js';
import type { SeriesForecast } from '../../src/core/forecast/forecast-series.js';
import type { ForecastBatch } from '../../src/pipeline/forecast-batch.js';
import { PackedSeriesForecast, unpackForecasts } from '../../src/pipeline/packed-series-forecast.js';
import type { Frequency } from '../../src/core/series/calendar.js';

const text = (blocks: Iterable<Uint8Array>): string => Buffer.concat([...blocks]).toString('utf8');

/** The slow, obvious forecast.csv: row arrays through the generic CSV writer. */
function slowForecastCsv(outcomes: readonly SeriesOutcome[], freq: Frequency, horizon: number, levels: readonly number[]): string {
  const csv = forecastRows(outcomes, freq, horizon, levels);
  return [...csvLines(csvColumns(...csv.header), csv.rows)].join('');
}

/** Outcomes with only what forecast.csv reads; values of every size, some not finite. */
function outcomesOf(count: number, horizon: number, levels: readonly number[], seed: number): SeriesOutcome[] {
  const random = seededRandom(seed);
  const value = (): number => {
    const pick = random();
    if (pick < 0.02) return NaN;
    if (pick < 0.03) return Infinity;
    if (pick < 0.1) return 0;
    if (pick < 0.15) return random() * 1e-4;
    if (pick < 0.2) return random() * 1e12;
    return random() * random() * 50;
  };
  const names = ['SKU-1', 'a,b', ' lead', 'quo"te', '=cmd', 'Ünïcode'];
  return Array.from({ length: count }, (_, s) => {
    const array = () => Float64Array.from({ length: horizon }, value);
    return {
      sku: names[s % names.length],
      warehouse: s % 3 === 0 ? 'MAIN' : 'WH, 2',
      firstForecastPeriod: 20_000 + (s % 5),
      forecast: {
        method: s % 2 === 0 ? 'ets(A,N,A)' : 'croston, sba',
        mean: array(),
        lower: levels.map(array),
        upper: levels.map(array),
      },
    } as unknown as SeriesOutcome;
  });
}

/**
 * A batch packed by hand from plain forecasts, the way forecastBatch packs them: means over each
 * series' horizon, bounds over the first `boundsHorizon` periods.
 */
function packForecasts(forecasts: readonly SeriesForecast[], levelCount: number, boundsHorizon: number, first = 0): ForecastBatch {
  const count = forecasts.length;
  const offsets = new Int32Array(count + 1);
  const boundOffsets = new Int32Array(count + 1);
  forecasts.forEach((f, i) => {
    offsets[i + 1] = offsets[i] + f.mean.length;
    boundOffsets[i + 1] = boundOffsets[i] + Math.min(f.mean.length, boundsHorizon);
  });
  const boundTotal = boundOffsets[count];
  const mean = new Float64Array(offsets[count]);
  const cumulativeVariance = new Float64Array(offsets[count]);
  const bounds = new Float64Array(2 * levelCount * boundTotal);
  forecasts.forEach((f, i) => {
    mean.set(f.mean, offsets[i]);
    cumulativeVariance.set(f.fit.cumulativeVariance, offsets[i]);
    for (let j = 0; j < levelCount; j++) {
      bounds.set(f.lower[j].subarray(0, boundOffsets[i + 1] - boundOffsets[i]), 2 * j * boundTotal + boundOffsets[i]);
      bounds.set(f.upper[j].subarray(0, boundOffsets[i + 1] - boundOffsets[i]), (2 * j + 1) * boundTotal + boundOffsets[i]);
    }
  });
  return {
    first, labels: forecasts.map((f) => f.method), fitLabels: forecasts.map((f) => f.fit.label), offsets, boundOffsets, mean, bounds,
    cumulativeVariance, aicc: Float64Array.from(forecasts, (f) => f.fit.aicc), isCount: new Uint8Array(count), simulators: forecasts.map(() => null),
    recentOffsets: new Int32Array(count + 1), recent: new Float64Array(0),
  };
}

describe('forecastCsvChunks', () => {
  for (const [freq, levels] of [['day', [80, 95]], ['week', [95, 80, 50]], ['month', [90]], ['day', []]] as const) {
    it(`writes the bytes of the row-by-row writer (${freq}, levels ${levels.join(',') || 'none'})`, () => {
      const outcomes = outcomesOf(40, 9, levels, levels.length + 7);
      expect(text(forecastCsvChunks(outcomes, freq, 9, levels))).toBe(slowForecastCsv(outcomes, freq, 9, levels));
    });
  }

  it('writes the same bytes when the forecasts are packed in batches (read in the batch buffers), bounds over the output horizon', () => {
    const levels = [95, 80, 50];
    const outcomes = outcomesOf(40, 12, levels, 5).map((outcome) => ({
      ...outcome,
      forecast: { ...outcome.forecast, fit: { label: 'm', cumulativeVariance: outcome.forecast.mean.map((v) => v * 2), aicc: NaN } },
    } as unknown as SeriesOutcome));
    const packedOutcomes = outcomes.map((outcome) => ({ ...outcome }));
    for (let first = 0; first < outcomes.length; first += 16) {
      const batch = packForecasts(outcomes.slice(first, first + 16).map((o) => o.forecast), levels.length, 9, first);
      unpackForecasts(batch, levels.length).forEach((forecast, i) => { packedOutcomes[first + i] = { ...packedOutcomes[first + i], forecast }; });
    }
    expect(packedOutcomes[0].forecast).toBeInstanceOf(PackedSeriesForecast);
    expect(text(forecastCsvChunks(packedOutcomes, 'week', 9, levels))).toBe(slowForecastCsv(outcomes, 'week', 9, levels));
  });

  it('yields UTF-8 blocks of about 1 MiB that join to the whole file', () => {
    const outcomes = outcomesOf(3000, 28, [80, 95], 3);
    const blocks = [...forecastCsvChunks(outcomes, 'day', 28, [80, 95])];
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks.slice(0, -1)) {
      expect(block.length).toBeGreaterThanOrEqual(WRITE_BLOCK_CHARS);
      expect(block[block.length - 1]).toBe(10);
    }
    expect(text(blocks)).toBe(slowForecastCsv(outcomes, 'day', 28, [80, 95]));
  });

  it('writes the header alone when there are no series', () => {
    expect(text(forecastCsvChunks([], 'day', 28, [80, 95]))).toBe('sku,warehouse,period,forecast,lo80,hi80,lo95,hi95,method\n');
  });
});

describe('forecastCsvChunks numbers', () => {
  const outcomeOf = (values: readonly number[]): SeriesOutcome => {
    const array = Float64Array.from(values);
    return {
      sku: 'S', warehouse: 'W', firstForecastPeriod: 20_000,
      forecast: { method: 'm', mean: array, lower: [array.slice().reverse()], upper: [array.map((value) => value * 3)] },
    } as unknown as SeriesOutcome;
  };
  const same = (values: readonly number[]): void => {
    const outcomes = [outcomeOf(values)];
    expect(text(forecastCsvChunks(outcomes, 'day', values.length, [80]))).toBe(slowForecastCsv(outcomes, 'day', values.length, [80]));
  };

  it('are written as the generic writer rounds and writes them (property)', () => {
    fc.assert(fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 200 }), same), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.double({ min: -1e10, max: 1e10 }), { minLength: 1, maxLength: 200 }), same), { numRuns: 300 });
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9999 })), { minLength: 1, maxLength: 200 }),
      (pairs) => same(pairs.map(([whole, tenThousandths]) => whole + tenThousandths / 1e4)),
    ), { numRuns: 300 });
  });

  it('handles the edges: halves, negative zero, the fast limit, not finite', () => {
    same([0, -0, -1e-5, 0.00005, 0.00015, 1.00005, -2.5e-5, 2.5, 0.1 + 0.2, 999_999_999.99995, 999_999_999.9999,
      -999_999_999.9999, 1e9 - 1e-4, 1e9, 1e13, 1e15, 1.5e21, -1e20, NaN, Infinity, -Infinity, Number.MAX_VALUE,
      -Number.MAX_VALUE, Number.MIN_VALUE, 10, 100.5, 1234567.0809]);
  });
});
