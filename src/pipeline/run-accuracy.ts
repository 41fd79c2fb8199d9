import { existsSync } from 'node:fs';
import { formatDay, periodIndexStart } from '../core/series/calendar.js';
import { UsageError } from '../errors.js';
import { openHistoryStore } from '../io/history/history-store.js';
import { earliestForecastDay, scoreHistory, type AccuracyAnswer, type AccuracyGroup, type AccuracyGrouping } from '../io/history/query-accuracy.js';
import { formatCsv } from '../io/write/write-csv.js';
import { writeFileAtomic } from '../io/write/write-file-atomic.js';
import { StageTimer, type PipelineHooks } from './hooks.js';
import { actualSeries } from './plan-history.js';
import { readSeries } from './prepare-series.js';
import type { RunSettings } from './settings.js';

export interface AccuracyRun {
  readonly store: string;
  readonly freq: string;
  /** The last complete period of the actuals (the sales file's as-of rule). */
  readonly actualsThrough: string;
  readonly since: string | null;
  readonly by: AccuracyGrouping;
  readonly answer: AccuracyAnswer;
  /** The groups as CSV when `-o -` asked for them on stdout. */
  readonly csvText?: string;
  /** The CSV file written (`-o FILE`). */
  readonly written?: string;
}

const KEY_NAMES: Record<AccuracyGrouping, readonly string[]> = {
  sku: ['sku', 'warehouse'], supplier: ['supplier'], class: ['demand_class'], step: ['step'], run: ['as_of'],
};

/**
 * `stockcast accuracy`: the sales file read and aggregated into periods exactly as `plan` does
 * (same reader, same series builder, same as-of rule), the run history attached read-only, and
 * every stored forecast whose period is now complete scored against it.
 */
export async function runAccuracy(
  settings: RunSettings, hooks: PipelineHooks, options: { by: AccuracyGrouping; since?: string; csvOut?: string },
): Promise<AccuracyRun> {
  const storePath = settings.historyPath;
  if (storePath === undefined) throw new UsageError('no run history store: history is off (--no-history, STOCKCAST_HISTORY=off or "history": false)');
  if (!existsSync(storePath)) throw new UsageError(`${storePath}: no run history store yet (stockcast plan writes one; or name it with --history FILE)`);
  const store = await openHistoryStore(storePath, { readOnly: true });
  try {
    const { table, prepared } = await readSeries(settings, hooks, new StageTimer(), { stock: false });
    const earliest = await earliestForecastDay(store, prepared.freq, options.since);
    const actuals = earliest === undefined ? [] : actualSeries(table, prepared.series, prepared.freq, earliest);
    const answer = await scoreHistory(store, actuals, prepared.freq, options.by, options.since);
    const through = prepared.series.reduce((last, one) => Math.max(last, one.firstPeriod + one.length - 1), -Infinity);
    const csv = options.csvOut === undefined ? undefined : accuracyCsv(answer.groups, KEY_NAMES[options.by]);
    if (csv !== undefined && options.csvOut !== undefined && options.csvOut !== '-') await writeFileAtomic(options.csvOut, csv);
    return {
      ...(csv === undefined ? {} : options.csvOut === '-' ? { csvText: csv } : { written: options.csvOut }),
      store: storePath,
      freq: prepared.freq,
      actualsThrough: Number.isFinite(through) ? formatDay(periodIndexStart(through, prepared.freq)) : '',
      since: options.since ?? null,
      by: options.by,
      answer,
    };
  } finally {
    store.close();
  }
}

const MEASURE_COLUMNS = ['n', 'runs', 'mase', 'rmsse', 'bias', 'coverage80', 'coverage95'] as const;

/** The groups of an accuracy run as CSV: key columns, then the measures (empty where undefined). */
export function accuracyCsv(groups: readonly AccuracyGroup[], keyNames: readonly string[]): string {
  const rows = groups.map((group) => [
    ...keyNames.map((name) => group.key[name] ?? ''),
    ...MEASURE_COLUMNS.map((name) => (Number.isFinite(group[name]) ? group[name] : '')),
  ]);
  return formatCsv([...keyNames, ...MEASURE_COLUMNS], rows);
}
