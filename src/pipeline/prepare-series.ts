import {
  buildDemandSeries, defaultAsOf, detectFrequency, type DemandSeries,
} from '../core/series/build-series.js';
import { SEASON_PERIOD, parseIsoDay, type Frequency } from '../core/series/calendar.js';
import type { SalesTable } from '../core/series/sales-table.js';
import { DEFAULTS, type RunSettings } from './settings.js';

export interface PreparedSeries {
  readonly freq: Frequency;
  readonly asOfDay: number;
  readonly horizon: number;
  readonly seasonPeriod: number;
  readonly series: DemandSeries[];
}

/** Resolves frequency, as-of date, horizon and season, and turns sales rows into demand series. */
export function prepareSeries(table: SalesTable, settings: RunSettings): PreparedSeries {
  const freq = settings.freq === 'auto' ? detectFrequency(table) : settings.freq;
  const asOfDay = settings.asOf === undefined ? defaultAsOf(table) : parseIsoDay(settings.asOf);
  const horizon = settings.horizon ?? DEFAULTS.horizon[freq];
  const seasonPeriod = settings.season ?? SEASON_PERIOD[freq];
  const series = buildDemandSeries(table, { freq, asOfDay, seriesEnd: settings.seriesEnd });
  return { freq, asOfDay, horizon, seasonPeriod, series };
}
