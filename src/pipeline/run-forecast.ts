import path from 'node:path';
import { formatDay } from '../core/series/calendar.js';
import { writeFileAtomic } from '../io/output-set/output-set.js';
import { forecastCsvChunks } from './forecast-csv-chunks.js';
import type { SeriesOutcome } from './forecast-stage.js';
import type { PipelineHooks } from './hooks.js';
import { StageTimer } from './hooks.js';
import { forecastAll, readSeries, type PreparedSeries } from './prepare-series.js';
import { refuseOutputSet } from './refuse-output-set.js';
import { checkOutputFormat, writeForecastParquet } from './parquet-outputs.js';
import type { RunSettings } from './settings.js';

export interface ForecastRun {
  readonly prepared: PreparedSeries;
  readonly outcomes: SeriesOutcome[];
  readonly summary: ForecastSummary;
  /** Path of the forecast file written, or undefined when the CSV went to stdout. */
  readonly written?: string;
  /** The CSV text, when `--out -` asked for stdout. */
  readonly csvText?: string;
}

/** `--json` summary of `stockcast forecast`; keys as in plan's summary.json. */
export interface ForecastSummary {
  readonly as_of: string;
  readonly freq: string;
  readonly horizon: number;
  readonly series: number;
  readonly sales_rows: number;
  readonly methods: Record<string, number>;
  readonly durations_ms: Record<string, number>;
}

/**
 * sales.csv -> demand series -> forecasts -> forecast.csv, for `stockcast forecast`. The file is
 * written atomically to `--out` (a folder gets forecast.csv, a path ending in .csv is the file);
 * with `--out -` the CSV text is returned for stdout.
 */
export async function runForecast(settings: RunSettings, hooks: PipelineHooks): Promise<ForecastRun> {
  checkOutputFormat(settings.outputFormat, settings.out, 'forecast');
  const target = settings.out === '-' ? undefined : forecastFileOf(settings.out);
  if (target !== undefined) refuseOutputSet(target);
  const timer = new StageTimer();
  const { table, prepared } = await readSeries(settings, hooks, timer, { stock: false });
  const outcomes = await forecastAll(table, prepared, settings, hooks, timer);
  const methods: Record<string, number> = {};
  for (const label of outcomes.map((o) => o.forecast.method).sort()) methods[label] = (methods[label] ?? 0) + 1;
  const lines = forecastCsvChunks(outcomes, prepared.freq, prepared.horizon, settings.levels);
  let written: string | undefined;
  let text: string | undefined;
  if (target !== undefined) {
    written = target;
    await writeFileAtomic(written, lines);
    if (settings.outputFormat === 'parquet') await writeForecastParquet(written);
  } else {
    text = Buffer.concat([...lines]).toString('utf8');
  }
  timer.mark('write');
  return {
    written,
    csvText: text,
    prepared,
    outcomes,
    summary: {
      as_of: formatDay(prepared.asOfDay),
      freq: prepared.freq,
      horizon: prepared.horizon,
      series: outcomes.length,
      sales_rows: table.rowCount,
      methods,
      durations_ms: timer.finish(),
    },
  };
}

/** `--out` ending in .csv is the file; any other `--out` is a folder that gets forecast.csv. */
function forecastFileOf(out: string): string {
  return /\.csv$/i.test(out) ? out : path.join(out, 'forecast.csv');
}
