import path from 'node:path';
import { formatDay } from '../core/series/calendar.js';
import { beginOutputSet, writeFileAtomic, type OutputSet } from '../io/output-set/output-set.js';
import { writeSupplierSheets, type SupplierSheet } from '../io/write/write-supplier-sheets.js';
import { forecastCsvChunks } from './forecast-csv-chunks.js';
import { StageTimer, type PipelineHooks } from './hooks.js';
import { planTableTexts } from './output-rows.js';
import { planStage, planningHorizon, serviceLevelOf, type PlanStageResult } from './plan-stage.js';
import { planSummary, summaryInputs, type PlanMode, type PlanSummary } from './plan-summary.js';
import { forecastAll, readSeries } from './prepare-series.js';
import { selectShard } from './select-shard.js';
import { checkOutputFormat, writePlanParquet } from './parquet-outputs.js';
import { writeShardData } from './shard-data.js';
import { collectGarbage } from './collect-garbage.js';
import { planInsights, writeInsights, writeSetReport } from './plan-insights.js';
import type { RunSettings } from './settings.js';
import { openPlanHistory, type HistoryNote, type PlanHistory } from './plan-history.js';

export type { PlanMode, PlanSummary } from './plan-summary.js';

export interface PlanRun {
  readonly result: PlanStageResult;
  readonly summary: PlanSummary;
  /** The output folder (plan) or file (other modes) written; undefined when the CSV went to stdout. */
  readonly written?: string;
  readonly csvText?: string;
  /** The run history write, when the run kept one. */
  readonly history?: HistoryNote;
}

const SINGLE_FILE: Record<Exclude<PlanMode, 'plan'>, string> = {
  reorder: 'reorder.csv', alerts: 'alerts.csv', rebalance: 'transfers.csv',
};

/**
 * The nightly job: read -> series -> forecast -> reorder, transfers, alerts -> outputs. In `plan`
 * mode the lock on `--out` is taken first and every file is written into a new output set that
 * replaces the previous one only when complete; on any error the previous set stays as it was.
 */
export async function runPlan(settings: RunSettings, hooks: PipelineHooks, mode: PlanMode): Promise<PlanRun> {
  const startedAt = new Date();
  const timer = new StageTimer();
  if (mode === 'plan') checkOutputFormat(settings.outputFormat, settings.out, 'plan');
  const set = mode === 'plan' && settings.out !== '-' ? await beginOutputSet(settings.out) : undefined;
  try {
    // Opened under the lock, before reading: a foreign store stops the run before any output is touched.
    const history = set ? await openPlanHistory(settings) : undefined;
    const run = await planAndWrite(settings, hooks, mode, set, timer, startedAt, history);
    let note: HistoryNote | undefined;
    // The history follows the committed set, under its lock: a run killed before COMMIT leaves the store as it was.
    await set?.commit(history && (async () => { note = await writeHistory(history, set.outDir); }));
    return note ? { ...run, history: note } : run;
  } catch (error) {
    await set?.abort();
    throw error;
  }
}

async function writeHistory(history: PlanHistory | undefined, outDir: string): Promise<HistoryNote | undefined> {
  // The write stage's buffers are garbage by now; freeing them first keeps DuckDB's buffers from adding to the peak.
  collectGarbage();
  try {
    return await history?.write(outDir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`the outputs in ${outDir} were written, but recording this run in the run history ${history?.path} failed `
      + `(the store is as it was before this run): ${message}`, { cause: error });
  }
}

async function planAndWrite(
  settings: RunSettings, hooks: PipelineHooks, mode: PlanMode, set: OutputSet | undefined, timer: StageTimer, startedAt: Date,
  history: PlanHistory | undefined,
): Promise<PlanRun> {
  const { inputs, table, prepared, shard } = selectShard(settings, await readSeries(settings, hooks, timer, { stock: true }));
  const captured = history && await history.capture(table, prepared.series, prepared.freq, prepared.seasonPeriod);
  const itemDefaults = settings.itemDefaults;
  const horizonFor = planningHorizon(inputs.items, { freq: prepared.freq, itemDefaults });
  const outcomes = await forecastAll(table, prepared, settings, hooks, timer, horizonFor);

  const result = planStage(outcomes, inputs.stock, inputs.items, inputs.lanes.length > 0 ? inputs.lanes : null, {
    freq: prepared.freq,
    asOfDay: prepared.asOfDay,
    seed: settings.seed,
    itemDefaults,
    deadStockDays: settings.deadStockDays,
    overstockDays: settings.overstockDays,
  });
  timer.mark('plan');
  collectGarbage();
  reportPlanWarnings(result, hooks, settings.files.items !== undefined);

  const asOf = formatDay(prepared.asOfDay);
  const serviceLevel = serviceLevelOf(inputs.items, settings.itemDefaults);
  const insights = planInsights(result, outcomes, { ...settings, freq: prepared.freq, serviceLevel });
  const { reorder: reorderText, alerts: alertsText, transfers: transfersText } = planTableTexts(result, insights.classOf);

  let written: string | undefined;
  let csvText: string | undefined;
  if (set) {
    await set.writeLines('forecast.csv', forecastCsvChunks(outcomes, prepared.freq, prepared.horizon, settings.levels));
    await set.writeText('reorder.csv', reorderText);
    if (settings.outputFormat === 'parquet') await writePlanParquet(set);
    await set.writeText('alerts.csv', alertsText);
    await set.writeText('transfers.csv', transfersText);
    await writeSupplierSheets(set, supplierSheets(result, inputs.items, asOf));
    await writeInsights(set, insights);
    await writeShardData(set, { settings, prepared, selection: shard, outcomes, result, items: inputs.items, serviceLevel });
    written = set.outDir;
  } else if (mode !== 'plan') {
    const text = mode === 'reorder' ? reorderText : mode === 'alerts' ? alertsText : transfersText;
    if (settings.out === '-') csvText = text;
    else {
      written = /\.csv$/i.test(settings.out) ? settings.out : path.join(settings.out, SINGLE_FILE[mode]);
      await writeFileAtomic(written, text);
    }
  }
  timer.mark('write');

  const durations = timer.finish();
  const summary = { ...planSummary(result, {
    command: mode, shard: settings.shard, startedAt, asOf, freq: prepared.freq, horizon: prepared.horizon,
    method: settings.method, levels: settings.levels, seriesEnd: settings.seriesEnd,
    inputs: await summaryInputs(settings.files, shard.inputRows), durations, salesRows: table.rowCount,
    methods: outcomes.map((o) => o.forecast.method), finishedAt: new Date(),
  }), kpis: insights.kpis, abc_xyz: insights.abcXyz };
  if (set) await set.writeText('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  if (set) {
    const accuracyTrend = history && captured ? await history.trend(captured.actuals, prepared.freq) : undefined;
    await writeSetReport(set, outcomes, { ...settings, freq: prepared.freq, horizon: prepared.horizon, accuracyTrend });
  }
  if (history && captured) {
    history.prepare({ outcomes, result, scales: captured.scales, summary, freq: prepared.freq, seasonPeriod: prepared.seasonPeriod, horizon: prepared.horizon });
  }
  return { result, summary, written, csvText };
}

/** One sheet per supplier with an order, lines by SKU then warehouse, descriptions from items.csv. */
export function supplierSheets(result: PlanStageResult, items: readonly { sku: string; description?: string }[], orderDate: string): SupplierSheet[] {
  const descriptions = new Map(items.map((item) => [item.sku, item.description ?? '']));
  return result.orders.map((order) => ({
    supplier: order.supplier,
    orderDate,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      description: descriptions.get(line.sku) ?? '',
      warehouse: line.warehouse,
      orderQty: line.orderQty,
      packSize: line.packSize,
      unitCost: line.unitCost,
      orderValue: line.orderValue,
    })),
  }));
}

function reportPlanWarnings(result: PlanStageResult, hooks: PipelineHooks, hasItems: boolean): void {
  const fields = Object.entries(result.defaultsUsed).filter(([field]) => field !== 'serviceTarget');
  if (!hasItems) {
    hooks.warn('no items.csv: every SKU uses the documented default master data (see README, "Input files")');
    return;
  }
  if (fields.length > 0) {
    const list = fields.map(([field, count]) => `${snakeCase(field)} (${count} SKU${count === 1 ? '' : 's'})`).join(', ');
    hooks.warn(`items.csv: documented defaults used where a cell is empty or a SKU has no row: ${list} (see README, "Input files")`);
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
