import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../src/core/forecast/forecast-series.js';
import { seededRandom } from '../../src/core/random.js';
import { forecastBatch } from '../../src/pipeline/forecast-batch.js';
import { unpackForecasts } from '../../src/pipeline/packed-series-forecast.js';

describe('PackedSeriesForecast', () => {
  const ys = [
    Float64Array.from({ length: 30 }, (_, t) => 10 + (t % 7)),
    Float64Array.from({ length: 50 }, (_, t) => (t % 9 === 0 ? 4 : 0)),
    Float64Array.of(3),
  ];
  for (const method of ['naive', 'ets', 'croston', 'negbin']) {
    it(`${method}: reads back from the batch exactly what forecastSeries gave, bounds over the output horizon`, () => {
      const horizons = [9, 4, 12];
      const levels = [95, 80, 50];
      const batch = forecastBatch({ first: 0, series: ys, horizons: Int32Array.from(horizons), seeds: Uint32Array.of(1, 2, 3) },
        { method, seasonPeriod: 7, levels, boundsHorizon: 6 });
      const packed = unpackForecasts(batch, levels.length);
      packed.forEach((forecast, i) => {
        const plain = forecastSeries(ys[i], { method, horizon: horizons[i], seasonPeriod: 7, levels, random: seededRandom(i + 1) });
        const bounds = Math.min(6, horizons[i]);
        expect(forecast.method).toBe(plain.method);
        expect([...forecast.mean]).toEqual([...plain.mean]);
        expect(forecast.fit.mean).toBe(forecast.mean);
        expect([...forecast.fit.cumulativeVariance]).toEqual([...plain.fit.cumulativeVariance]);
        expect(forecast.fit.label).toBe(plain.fit.label);
        expect(forecast.fit.distribution).toBe(plain.fit.distribution);
        expect(forecast.fit.simulate === undefined).toBe(plain.fit.simulate === undefined || plain.fit.distribution === 'count');
        for (let j = 0; j < levels.length; j++) {
          expect([...forecast.lower[j]]).toEqual([...plain.lower[j].subarray(0, bounds)]);
          expect([...forecast.upper[j]]).toEqual([...plain.upper[j].subarray(0, bounds)]);
          expect(forecast.batch.bounds[forecast.lowerStart(j)]).toBe(plain.lower[j][0]);
          expect(forecast.batch.bounds[forecast.upperStart(j) + bounds - 1]).toBe(plain.upper[j][bounds - 1]);
        }
        expect(forecast.batch.mean[forecast.meanStart]).toBe(plain.mean[0]);
        // Views are made once.
        expect(forecast.lower).toBe(forecast.lower);
        expect(forecast.fit).toBe(forecast.fit);
      });
    });
  }
});
