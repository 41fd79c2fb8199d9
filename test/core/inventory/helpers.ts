import type { DemandClass, DemandForecast } from '../../../src/core/inventory/demand-window.js';

/** A flat forecast: `rate` units per period, independent per-period errors of variance `variancePerPeriod`. */
export function flatForecast(rate: number, variancePerPeriod: number, options: {
  periods?: number; daysPerPeriod?: number; demandClass?: DemandClass; firstPeriodStartDay?: number;
} = {}): DemandForecast {
  const periods = options.periods ?? 60;
  const cumulativeVariance = new Float64Array(periods);
  for (let h = 0; h < periods; h++) cumulativeVariance[h] = variancePerPeriod * (h + 1);
  return {
    mean: new Float64Array(periods).fill(rate),
    cumulativeVariance,
    demandClass: options.demandClass ?? 'smooth',
    daysPerPeriod: options.daysPerPeriod ?? 1,
    firstPeriodStartDay: options.firstPeriodStartDay ?? 20000,
  };
}

/** Deterministic uniform source: the project's own seeded generator. */
export { seededRandom } from '../../../src/core/random.js';
