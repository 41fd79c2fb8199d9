import {
  buildDemandSeries, defaultAsOf, detectFrequency, type DemandSeries,
} from '../core/series/build-series.js';
import { SEASON_PERIOD, parseIsoDay, type Frequency } from '../core/series/calendar.js';
import type { SalesTable } from '../core/series/sales-table.js';
import { forecastStage, type SeriesOutcome } from './forecast-stage.js';
import type { PipelineHooks, StageTimer } from './hooks.js';
import { loadInputs, type LoadedInputs } from './load-inputs.js';
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

/**
 * The first stages every command shares: read the inputs (warnings to the hooks), then build the
 * demand series; each stage's duration goes to `timer` ('read', 'series').
 */
export async function readSeries(
  settings: RunSettings, hooks: PipelineHooks, timer: StageTimer, needs: { stock: boolean },
): Promise<{ inputs: LoadedInputs; table: SalesTable; prepared: PreparedSeries }> {
  const inputs = await loadInputs(settings, { sales: true, stock: needs.stock });
  for (const warning of inputs.warnings) hooks.warn(warning.message);
  if (!inputs.sales) throw new Error('sales were not read');
  timer.mark('read');
  const prepared = prepareSeries(inputs.sales, settings);
  timer.mark('series');
  return { inputs, table: inputs.sales, prepared };
}

/** The forecast stage with progress reporting and its duration ('forecast'). */
export async function forecastAll(
  table: SalesTable, prepared: PreparedSeries, settings: RunSettings, hooks: PipelineHooks, timer: StageTimer,
  horizonFor?: (sku: string) => number,
): Promise<SeriesOutcome[]> {
  hooks.stageStart?.('forecast', prepared.series.length);
  const outcomes = await forecastStage(table, prepared.series, {
    freq: prepared.freq,
    method: settings.method,
    horizon: prepared.horizon,
    seasonPeriod: prepared.seasonPeriod,
    levels: settings.levels,
    seed: settings.seed,
    jobs: settings.jobs,
    isJobsDefault: settings.isJobsDefault,
    horizonFor,
    onProgress: (done) => hooks.stageTick?.(done),
  });
  hooks.stageEnd?.('forecast');
  timer.mark('forecast');
  // The outcomes keep what later stages read of each series; letting go of the list here lets
  // the demand history (350 MB for 60k two-year daily series) be collected once stats are read.
  prepared.series.length = 0;
  return outcomes;
}
