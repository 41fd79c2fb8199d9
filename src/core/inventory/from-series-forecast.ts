import type { SeriesForecast } from '../forecast/forecast-series.js';
import type { DemandClass, DemandForecast } from './demand-window.js';

/**
 * The forecast of one SKU x warehouse as the replenishment policy reads it, from the output of
 * `forecastSeries`: the non-negative means, the fit's cumulative error variance and simulator,
 * the demand class, the period length in days and the day period 1 starts on.
 *
 * @example fromSeriesForecast(forecastSeries(y, options), 'smooth', 7, periodIndexStart(lastIndex + 1, 'week'))
 */
export function fromSeriesForecast(
  forecast: SeriesForecast, demandClass: DemandClass, daysPerPeriod: number, firstPeriodStartDay: number,
): DemandForecast {
  return {
    mean: forecast.mean,
    cumulativeVariance: forecast.fit.cumulativeVariance,
    // Count laws have exact quantiles (countLevel); sample paths are for the other non-normal laws.
    simulate: forecast.fit.distribution === 'count' ? undefined : forecast.fit.simulate,
    demandClass,
    daysPerPeriod,
    firstPeriodStartDay,
  };
}
