import { describe, expect, it } from 'vitest';
import { stockCover } from '../../../src/core/inventory/stock-cover.js';
import { flatForecast } from './helpers.js';

describe('stockCover', () => {
  it('25 units at 10 a day last 2.5 days and run out on the third day', () => {
    const forecast = flatForecast(70, 0, { daysPerPeriod: 7, firstPeriodStartDay: 500 });
    expect(stockCover(25, forecast, 500)).toEqual({ days: 2.5, stockoutDay: 502 });
  });

  it('walks a changing forecast: 100 units over weeks of 70 then 140', () => {
    const forecast = { ...flatForecast(70, 0, { daysPerPeriod: 7, periods: 3, firstPeriodStartDay: 0 }), mean: Float64Array.of(70, 140, 140) };
    // week 1 uses 70, then 30 left at 20 a day = 1.5 days -> 8.5 days
    const cover = stockCover(100, forecast, 0);
    expect(cover.days).toBeCloseTo(8.5, 9);
    expect(cover.stockoutDay).toBe(8);
  });

  it('carries the last period past the horizon', () => {
    const forecast = flatForecast(1, 0, { periods: 5, firstPeriodStartDay: 0 });
    expect(stockCover(12, forecast, 0).days).toBeCloseTo(12, 9);
  });

  it('when nothing is expected to sell, the cover is infinite and there is no stockout day', () => {
    expect(stockCover(10, flatForecast(0, 0), 20000)).toEqual({ days: Infinity, stockoutDay: null });
  });

  it('when nothing is available, the cover is 0 and the stockout is today', () => {
    expect(stockCover(-3, flatForecast(5, 0), 20000)).toEqual({ days: 0, stockoutDay: 20000 });
  });
});
