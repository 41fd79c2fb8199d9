import { describe, expect, it } from 'vitest';
import { cumulativeMean, cumulativeVarianceAt, dailyRate, windowDemand } from '../../../src/core/inventory/demand-window.js';
import { forecastSeries } from '../../../src/core/forecast/forecast-series.js';
import { fromSeriesForecast } from '../../../src/core/inventory/from-series-forecast.js';
import { flatForecast } from './helpers.js';

describe('demand over a window', () => {
  it('walks the per-period means with fractional periods', () => {
    const mean = Float64Array.of(10, 20, 30);
    expect(cumulativeMean(mean, 1.5)).toBeCloseTo(20, 12); // 10 + 0.5 * 20
    expect(cumulativeMean(mean, 3)).toBeCloseTo(60, 12);
    // beyond the horizon the last period repeats: 60 + 1.5 * 30
    expect(cumulativeMean(mean, 4.5)).toBeCloseTo(105, 12);
    expect(cumulativeMean(mean, 0)).toBe(0);
  });

  it('interpolates the cumulative variance and extends it by the last increment', () => {
    const cv = Float64Array.of(4, 10, 18);
    expect(cumulativeVarianceAt(cv, 0.5)).toBeCloseTo(2, 12); // 0 + 0.5 * 4
    expect(cumulativeVarianceAt(cv, 1.5)).toBeCloseTo(7, 12); // 4 + 0.5 * 6
    expect(cumulativeVarianceAt(cv, 4)).toBeCloseTo(26, 12); // 18 + 1 * 8
  });

  it('a 15-day window over weekly forecasts of 70 is 150 units, variance 15/7 weeks x 49', () => {
    const forecast = flatForecast(70, 49, { daysPerPeriod: 7, periods: 10, firstPeriodStartDay: 1000 });
    const window = windowDemand(forecast, 1000, 15);
    expect(window.mean).toBeCloseTo(150, 9);
    expect(window.variance).toBeCloseTo((15 / 7) * 49, 9);
  });

  it('a window that starts inside the first period skips the elapsed days', () => {
    const forecast = flatForecast(70, 49, { daysPerPeriod: 7, periods: 10, firstPeriodStartDay: 1000 });
    // as of day 1003: 3 of 7 days elapsed; next 7 days = 4/7 of week 1 + 3/7 of week 2 = 70
    expect(windowDemand(forecast, 1003, 7).mean).toBeCloseTo(70, 9);
    expect(dailyRate(forecast, 1003)).toBeCloseTo(10, 12);
  });
});

describe('fromSeriesForecast', () => {
  it('takes means from the series forecast and variance and simulator from its fit', () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => 10 + (t % 3));
    const series = forecastSeries(y, { method: 'mean', horizon: 5, seasonPeriod: 1, levels: [80], random: () => 0.5 });
    const forecast = fromSeriesForecast(series, 'smooth', 7, 1000);
    expect(forecast.mean).toBe(series.mean);
    expect(forecast.cumulativeVariance).toBe(series.fit.cumulativeVariance);
    expect(forecast).toMatchObject({ demandClass: 'smooth', daysPerPeriod: 7, firstPeriodStartDay: 1000 });
    // the flat mean of 10, 11, 12 repeated: 11 a week, 15 days = 15/7 weeks
    expect(windowDemand(forecast, 1000, 15).mean).toBeCloseTo(11 * 15 / 7, 9);
  });
});
