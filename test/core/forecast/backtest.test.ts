import { describe, expect, it } from 'vitest';
import { backtest } from '../../../src/core/forecast/backtest.js';

const random = () => 0.5;

describe('backtest', () => {
  it('scores the naive method over rolling origins by hand', () => {
    // y = 1..10, horizon 2, 2 folds, m = 1, min training 3.
    // Origin 1: train 1..8, naive forecasts 8, 8 for actuals 9, 10: errors 1, 2, MAE 1.5; scale: naive
    //   differences all 1, so MASE 1.5. Origin 2: train 1..6 -> 6, 6 vs 7, 8: MASE 1.5 again.
    const values = Float64Array.from({ length: 10 }, (_, t) => t + 1);
    const result = backtest([{ id: 'A', values }], { methods: ['naive'], folds: 2, horizon: 2, seasonPeriod: 1, random, minTrainingLength: 3 });
    expect(result.byMethod).toHaveLength(1);
    expect(result.byMethod[0].summary.mase).toBeCloseTo(1.5, 12);
    expect(result.byMethod[0].summary.bias).toBeCloseTo(-1.5, 12); // under-forecast by 1.5 on average
    expect(result.bySeries[0]).toMatchObject({ id: 'A', method: 'naive', folds: 2, demandClass: 'smooth', label: 'naive' });
  });

  it('skips origins that leave too little history and groups by demand class', () => {
    const smooth = Float64Array.from({ length: 30 }, (_, t) => 10 + (t % 3));
    const intermittent = Float64Array.from({ length: 30 }, (_, t) => (t % 4 === 0 ? 3 : 0));
    const short = Float64Array.of(1, 2, 3);
    const result = backtest(
      [{ id: 'S', values: smooth }, { id: 'I', values: intermittent }, { id: 'X', values: short }],
      { methods: ['mean', 'croston'], folds: 3, horizon: 4, seasonPeriod: 1, random },
    );
    expect(result.bySeries.find((r) => r.id === 'X')?.folds).toBe(0);
    expect(result.bySeries.find((r) => r.id === 'S')?.folds).toBe(3);
    const classes = result.byClass.filter((row) => row.method === 'croston').map((row) => row.demandClass).sort();
    expect(classes).toEqual(['intermittent', 'smooth']);
    expect(result.byMethod.map((row) => row.summary.series)).toEqual([6, 6]);
  });
});
