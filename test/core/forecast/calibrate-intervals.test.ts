import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalCalibration } from '../../../src/core/forecast/calibrate-intervals.js';
import { forecastSeries } from '../../../src/core/forecast/forecast-series.js';
import { normalQuantile } from '../../../src/core/forecast/normal.js';
import { seededRandom } from '../../../src/core/random.js';

const NO_PRIOR = { firstOrigin: 0, priorOrigins: 0, pool: 0 };

describe('intervalCalibration: known answers', () => {
  it('when every relative error is twice the model scale, the 80 % factor is 2 / z(0.9)', () => {
    // y alternates 10, 12; every origin forecasts 11; mean 11, scale 0.5: score |±1| / (0.5 / 11 * 11) = 2.
    const y = Float64Array.from({ length: 10 }, (_, t) => (t % 2 === 0 ? 10 : 12));
    const origins = new Float64Array(10).fill(11);
    const [f80, f95] = intervalCalibration(y, origins, Float64Array.of(11), Float64Array.of(0.5), [80, 95], NO_PRIOR);
    // Tolerance 1e-6: normalQuantile is a rational approximation (relative error about 1e-8).
    expect(f80[0]).toBeCloseTo(2 / 1.2815515655446004, 6); // 1.5606
    expect(f95[0]).toBeCloseTo(2 / 1.959963984540054, 6); // 1.0204
  });

  it('takes the conformal rank ceil((k + 1) L) of the scores and shrinks towards 1 by the prior', () => {
    // Forecast 10 from every origin, y[t] = 10 + t for t = 0..9, mean 10, scale 1: scores 0, 1, .., 9 (k = 10).
    // 80 %: rank ceil(11 * 0.8) = 9 -> score 8, r = 8 / 1.28155 = 6.2424; prior 8: (10 r + 8) / 18 = 3.9124.
    // 95 %: rank ceil(11 * 0.95) = 11 > k -> the largest, 9, r = 9 / 1.95996 = 4.5919; (10 r + 8) / 18 = 2.9955.
    const y = Float64Array.from({ length: 10 }, (_, t) => 10 + t);
    const origins = new Float64Array(10).fill(10);
    const options = { firstOrigin: 0, priorOrigins: 8, pool: 0 };
    const [f80, f95] = intervalCalibration(y, origins, Float64Array.of(10), Float64Array.of(1), [80, 95], options);
    expect(f80[0]).toBeCloseTo((10 * (8 / 1.2815515655446004) + 8) / 18, 6);
    expect(f95[0]).toBeCloseTo((10 * (9 / 1.959963984540054) + 8) / 18, 6);
  });

  it('never narrows: errors smaller than the model expects give factor 1', () => {
    const y = Float64Array.from({ length: 20 }, (_, t) => 100 + (t % 2));
    const origins = new Float64Array(20).fill(100.5);
    const [f80] = intervalCalibration(y, origins, Float64Array.of(100), Float64Array.of(10), [80], NO_PRIOR);
    expect(f80[0]).toBe(1);
  });

  it('skips origins before firstOrigin, and steps with no score or no positive scale keep 1', () => {
    // Steps 1 and 2 (horizon 2): origin t forecasts y[t] and y[t + 1]; 3 observations.
    const y = Float64Array.of(10, 20, 10);
    const origins = Float64Array.of(10, 10, 10, 10, 10, NaN);
    const mean = Float64Array.of(10, 10);
    // From origin 2 on only step 1 has an error (|10 - 10| = 0): factor max(1, 0) = 1; step 2 has none.
    const late = intervalCalibration(y, origins, mean, Float64Array.of(1, 1), [80], { firstOrigin: 2, priorOrigins: 0, pool: 0 });
    expect([...late[0]]).toEqual([1, 1]);
    const zeroScale = intervalCalibration(y, origins, mean, Float64Array.of(0, 0), [80], NO_PRIOR);
    expect([...zeroScale[0]]).toEqual([1, 1]);
  });

  it('uses only the training part: forecasts of points past the end of y are never read', () => {
    const y = Float64Array.from({ length: 24 }, (_, t) => 50 + 10 * Math.sin(t) + t);
    const horizon = 6;
    const origins = new Float64Array(y.length * horizon);
    for (let t = 0; t < y.length; t++) for (let j = 0; j < horizon; j++) origins[t * horizon + j] = t + j < y.length ? 50 + t : NaN;
    const poisoned = origins.slice();
    for (let t = 0; t < y.length; t++) for (let j = 0; j < horizon; j++) if (t + j >= y.length) poisoned[t * horizon + j] = 1e9;
    const mean = new Float64Array(horizon).fill(75);
    const scale = new Float64Array(horizon).fill(3);
    expect(intervalCalibration(y, poisoned, mean, scale, [80, 95])).toEqual(intervalCalibration(y, origins, mean, scale, [80, 95]));
  });
});

describe('forecastSeries with calibrated intervals', () => {
  const seasonal = Float64Array.from({ length: 72 }, (_, t) => 200 + 2 * t + 40 * Math.sin((2 * Math.PI * t) / 12) + 25 * Math.sin(t * 7.3));

  it('leaves point forecasts and labels alone and only widens the model bands', () => {
    for (const method of ['combo', 'theta', 'ets', 'auto']) {
      const options = { method, horizon: 18, seasonPeriod: 12, levels: [80, 95], paths: 200 };
      const calibrated = forecastSeries(seasonal, { ...options, random: seededRandom(3) });
      const model = forecastSeries(seasonal, { ...options, random: seededRandom(3), calibration: null });
      expect(calibrated.method).toBe(model.method);
      expect([...calibrated.mean]).toEqual([...model.mean]);
      for (let i = 0; i < 2; i++) {
        for (let h = 0; h < 18; h++) {
          expect(calibrated.upper[i][h]).toBeGreaterThanOrEqual(model.upper[i][h] - 1e-9);
          expect(calibrated.lower[i][h]).toBeLessThanOrEqual(model.lower[i][h] + 1e-9);
        }
      }
    }
  });

  it('does not read the part after the training data (same bands whatever follows in the buffer)', () => {
    const a = Float64Array.from({ length: 90 }, (_, t) => (t < 72 ? seasonal[t] : 0));
    const b = Float64Array.from({ length: 90 }, (_, t) => (t < 72 ? seasonal[t] : 1e6));
    const options = { method: 'combo', horizon: 18, seasonPeriod: 12, levels: [80, 95], random: seededRandom(1) };
    const fromA = forecastSeries(a.subarray(0, 72), options);
    const fromB = forecastSeries(b.subarray(0, 72), { ...options, random: seededRandom(1) });
    expect(fromA.upper.map((u) => [...u])).toEqual(fromB.upper.map((u) => [...u]));
    expect(fromA.lower.map((u) => [...u])).toEqual(fromB.lower.map((u) => [...u]));
  });

  it('gives the same bands for the first steps whatever the horizon (plan forecasts further than forecast.csv shows)', () => {
    const options = { method: 'combo', seasonPeriod: 12, levels: [80, 95], random: seededRandom(2) };
    const short = forecastSeries(seasonal, { ...options, horizon: 6 });
    const long = forecastSeries(seasonal, { ...options, horizon: 20, random: seededRandom(2) });
    for (let i = 0; i < 2; i++) {
      expect([...short.upper[i]]).toEqual([...long.upper[i].subarray(0, 6)]);
      expect([...short.lower[i]]).toEqual([...long.lower[i].subarray(0, 6)]);
    }
  });

  it('keeps count-law intervals as they were (tsb)', () => {
    const y = Float64Array.from({ length: 48 }, (_, t) => (t % 3 === 0 ? 2 + (t % 5) : 0));
    const options = { method: 'tsb', horizon: 6, seasonPeriod: 12, levels: [80, 95] };
    const calibrated = forecastSeries(y, { ...options, random: seededRandom(5) });
    const model = forecastSeries(y, { ...options, random: seededRandom(5), calibration: null });
    expect(calibrated.upper.map((u) => [...u])).toEqual(model.upper.map((u) => [...u]));
    expect(calibrated.lower.map((u) => [...u])).toEqual(model.lower.map((u) => [...u]));
  });

  it('property: calibrated bands are nested around the forecast and monotone in the level', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 6, maxLength: 60 }),
      fc.constantFrom('combo', 'theta', 'auto'),
      fc.integer({ min: 1, max: 12 }),
      (values, method, horizon) => {
        const y = Float64Array.from(values);
        const levels = [50, 80, 95, 99];
        const result = forecastSeries(y, { method, horizon, seasonPeriod: 12, levels, random: seededRandom(9), paths: 100 });
        const isNormal = result.fit.distribution !== 'count' && result.fit.simulate === undefined;
        for (let h = 0; h < horizon; h++) {
          for (let i = 1; i < levels.length; i++) {
            expect(result.lower[i][h]).toBeLessThanOrEqual(result.lower[i - 1][h]);
            expect(result.upper[i][h]).toBeGreaterThanOrEqual(result.upper[i - 1][h]);
          }
          if (isNormal) {
            expect(result.lower[0][h]).toBeLessThanOrEqual(result.mean[h] + 1e-9 * (1 + result.mean[h]));
            expect(result.upper[0][h]).toBeGreaterThanOrEqual(result.mean[h] - 1e-9 * (1 + result.mean[h]));
          }
        }
      },
    ), { numRuns: 150, seed: 20261203 });
  });
});

describe('intervalCalibration: the order statistic', () => {
  it('property: equals the factor computed from fully sorted scores', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 80 }),
      fc.integer({ min: 1, max: 99 }),
      (errors, level) => {
        // Forecast 100 from every origin, mean 100, scale 1: the scores are the absolute errors.
        const y = Float64Array.from(errors, (e, t) => (t % 2 === 0 ? 100 + e : 100 - e));
        const origins = new Float64Array(y.length).fill(100);
        const [factor] = intervalCalibration(y, origins, Float64Array.of(100), Float64Array.of(1), [level], NO_PRIOR);
        const sorted = y.map((value) => Math.abs(value - 100)).sort();
        const rank = Math.min(sorted.length, Math.ceil(((sorted.length + 1) * level) / 100));
        const z = normalQuantile(0.5 + level / 200);
        expect(factor[0]).toBe(Math.max(1, sorted[rank - 1] / z));
      },
    ), { numRuns: 300, seed: 7 });
  });
});
