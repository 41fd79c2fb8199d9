import type { ForecastMethod } from './contract.js';
import { combination } from './methods/combination.js';
import { croston } from './methods/croston.js';
import { ets } from './methods/ets.js';
import { holtWinters } from './methods/holt-winters.js';
import { historicalMean, recentMean } from './methods/moving-average.js';
import { naive } from './methods/naive.js';
import { negativeBinomial } from './methods/negative-binomial.js';
import { sba } from './methods/sba.js';
import { seasonalNaive } from './methods/seasonal-naive.js';
import { theta } from './methods/theta.js';
import { tsb } from './methods/tsb.js';

/**
 * Every forecasting method by the name users give to `--method`. Adding a method is adding
 * a file under `methods/` and a line here. `auto` is not a method: it chooses among these
 * (see `select-method.ts`).
 */
export const FORECAST_METHODS: Readonly<Record<string, ForecastMethod>> = {
  naive,
  snaive: seasonalNaive,
  mean: historicalMean,
  ma: recentMean,
  theta,
  ets,
  hw: holtWinters,
  croston,
  sba,
  tsb,
  negbin: negativeBinomial,
  combo: combination([ets, theta]),
};

export function isForecastMethodName(name: string): boolean {
  return name === 'auto' || Object.hasOwn(FORECAST_METHODS, name);
}

export function forecastMethodNames(): string[] {
  return ['auto', ...Object.keys(FORECAST_METHODS)];
}
