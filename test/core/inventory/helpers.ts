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

/** Deterministic uniform source (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
