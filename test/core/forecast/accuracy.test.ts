import { describe, expect, it } from 'vitest';
import {
  forecastAccuracy, pinballLoss, seasonalScales, summarizeAccuracy,
} from '../../../src/core/forecast/accuracy.js';

describe('forecastAccuracy', () => {
  it('computes every measure on a hand example', () => {
    // train 1, 2, 4, 8 with m = 1: naive differences 1, 2, 4, MAE scale 7/3, MSE scale 21/3 = 7, mean 3.75.
    // actual 3, 5 vs forecast 4, 4: e = -1, +1.
    const train = Float64Array.of(1, 2, 4, 8);
    const r = forecastAccuracy(train, Float64Array.of(3, 5), Float64Array.of(4, 4), 1, {
      lo80: Float64Array.of(3.5, 3), hi80: Float64Array.of(5, 5), lo95: Float64Array.of(3, 2), hi95: Float64Array.of(6, 6),
    });
    expect(r.mase).toBeCloseTo(1 / (7 / 3), 12); // MAE 1 / (7/3)
    expect(r.rmsse).toBeCloseTo(Math.sqrt(1 / 7), 12); // sqrt(MSE 1 / 7)
    expect(r.smape).toBeCloseTo((200 / 7 + 200 / 9) / 2, 12); // 200|e|/(|y|+|f|): 200/7, 200/9
    expect(r.wape).toBeCloseTo(2 / 8, 12);
    expect(r.bias).toBeCloseTo(0, 12); // mean(f - y) = (1 - 1)/2
    // Pinball at 0.9 of hi80 = 5: y = 3 below: 0.1 * 2 = 0.2; y = 5: 0. Mean 0.1, / (7/3).
    expect(r.spl90).toBeCloseTo(0.1 / (7 / 3), 12);
    // At 0.975 of hi95 = 6: 0.025 * 3 + 0.025 * 1 = 0.1, mean 0.05.
    expect(r.spl975).toBeCloseTo(0.05 / (7 / 3), 12);
    expect(r.inside80).toBe(1); // 3 is below lo80 = 3.5; 5 is inside [3, 5]
    expect(r.inside95).toBe(2);
  });

  it('gives NaN scaled measures for a constant training series, and summaries skip them', () => {
    const r = forecastAccuracy(Float64Array.of(2, 2, 2), Float64Array.of(2), Float64Array.of(1), 1);
    expect(Number.isNaN(r.mase) && Number.isNaN(r.rmsse)).toBe(true);
    expect(r.scaledBias).toBeCloseTo(-0.5, 12);
    const other = forecastAccuracy(Float64Array.of(1, 3), Float64Array.of(2), Float64Array.of(1), 1);
    const summary = summarizeAccuracy([r, other]);
    expect(summary.mase).toBeCloseTo(0.5, 12); // only `other`: |2 - 1| / |3 - 1|
    expect(summary.maseExcluded).toBe(1);
  });

  it('agrees with the reference score.py on a fixture', () => {
    // python3 datasets/reference/score.py train.csv test.csv forecast.csv 2 (files in fixtures/score/) printed:
    // {"smape": 76.8557, "mase": 0.9367, "spl_lo95": 0.0305, "spl_lo80": 0.1738, "spl_hi80": 0.2961,
    //  "spl_hi95": 0.0868, "rmsse": 1.0693, "sbias": -0.4653, "cov80": 0.5556, "cov95": 0.8889}
    const train = { A: [3, 0, 5, 1, 0, 4], B: [10, 12, 9, 14, 11, 13], C: [0, 0, 2, 0, 0, 1] };
    const actual = { A: [2, 0, 6], B: [12, 15, 10], C: [0, 3, 0] };
    const rows = {
      A: [[2.5, 0, 5, 0, 7], [2.5, 0, 5, 0, 7], [2.5, 0, 5, 0, 7]],
      B: [[12, 10, 14, 9, 15.5], [12.5, 10.5, 14.5, 9.5, 16], [13, 11, 15, 10, 16.5]],
      C: [[0.5, 0, 1.5, 0, 2.5], [0.5, 0, 1.5, 0, 2.5], [0, 0, 1, 0, 2]],
    };
    const results = (['A', 'B', 'C'] as const).map((key) => {
      const column = (i: number) => Float64Array.from(rows[key].map((row) => row[i]));
      return forecastAccuracy(Float64Array.from(train[key]), Float64Array.from(actual[key]), column(0), 2, {
        lo80: column(1), hi80: column(2), lo95: column(3), hi95: column(4),
      });
    });
    const s = summarizeAccuracy(results);
    expect(s.smape).toBeCloseTo(76.8557, 4);
    expect(s.mase).toBeCloseTo(0.9367, 4);
    expect(s.rmsse).toBeCloseTo(1.0693, 4);
    expect(s.scaledBias).toBeCloseTo(-0.4653, 4);
    expect(s.spl90).toBeCloseTo(0.2961, 4);
    expect(s.spl975).toBeCloseTo(0.0868, 4);
    expect(s.coverage80).toBeCloseTo(0.5556, 4);
    expect(s.coverage95).toBeCloseTo(0.8889, 4);
    const mean = (f: (i: number) => number) => (f(0) + f(1) + f(2)) / 3;
    expect(mean((i) => results[i].spl10)).toBeCloseTo(0.1738, 4);
    expect(mean((i) => results[i].spl25)).toBeCloseTo(0.0305, 4);
  });
});

describe('seasonalScales and pinballLoss', () => {
  it('scale by the lag-m differences', () => {
    // m = 2 on 1, 5, 2, 7: differences 1, 2 -> MAE 1.5, MSE 2.5.
    expect(seasonalScales(Float64Array.of(1, 5, 2, 7), 2)).toEqual({ mae: 1.5, mse: 2.5, mean: 3.75 });
  });

  it('weights under- and over-forecasts by p and 1 - p', () => {
    expect(pinballLoss(10, 7, 0.9)).toBeCloseTo(2.7, 12);
    expect(pinballLoss(7, 10, 0.9)).toBeCloseTo(0.3, 12);
  });
});
