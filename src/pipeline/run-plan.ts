import path from 'node:path';
import { VERSION } from '../version.js';
import { formatDay } from '../core/series/calendar.js';
import { fileHash } from '../io/file-hash.js';
import { beginOutputSet, writeFileAtomic, type OutputSet } from '../io/output-set.js';
import { formatCsv } from '../io/write-csv.js';
import { writeSupplierSheets, type SupplierSheet } from '../io/write-supplier-sheets.js';
import { forecastCsvChunks } from './forecast-csv-chunks.js';
import { StageTimer, type PipelineHooks } from './hooks.js';
import {
  ALERT_COLUMNS, REORDER_COLUMNS, TRANSFER_COLUMNS, alertRows, reorderRows, transferRows,
} from './output-rows.js';
import { planStage, planningHorizon, type PlanStageResult } from './plan-stage.js';
import { forecastAll, readSeries } from './prepare-series.js';
import { summaryTables } from './summary-tables.js';
import type { RunSettings } from './settings.js';

/** Which command runs the plan: `plan` writes the whole set, the others one file each. */
export type PlanMode = 'plan' | 'reorder' | 'alerts' | 'rebalance';

export interface PlanRun {
  readonly result: PlanStageResult;
  readonly summary: PlanSummary;
  /** The output folder (plan) or file (other modes) written; undefined when the CSV went to stdout. */
  readonly written?: string;
  readonly csvText?: string;
}

export interface PlanSummary {
  readonly version: string;
  readonly command: PlanMode;
  readonly started_at: string;
  readonly finished_at: string;
  readonly as_of: string;
  readonly freq: string;
  readonly horizon: number;
  readonly method: string;
  readonly levels: readonly number[];
  readonly series_end: string;
  readonly inputs: Record<string, { file: string; sha256: string; bytes: number; rows: number }>;
  readonly durations_ms: Record<string, number>;
  readonly counts: Record<string, number>;
  readonly totals: Record<string, number>;
  readonly alerts_by_type: Record<string, number>;
  readonly methods: Record<string, number>;
  readonly defaults_used: Record<string, number>;
  readonly orders_by_supplier: { supplier: string; lines: number; units: number; value: number }[];
  readonly orders_by_warehouse: object[];
  readonly alerts_by_severity: object[];
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
  const set = mode === 'plan' && settings.out !== '-' ? await beginOutputSet(settings.out) : undefined;
  try {
    const run = await planAndWrite(settings, hooks, mode, set, timer, startedAt);
    await set?.commit();
    return run;
  } catch (error) {
    await set?.abort();
    throw error;
  }
}

async function planAndWrite(
  settings: RunSettings, hooks: PipelineHooks, mode: PlanMode, set: OutputSet | undefined, timer: StageTimer, startedAt: Date,
): Promise<PlanRun> {
  const { inputs, table, prepared } = await readSeries(settings, hooks, timer, { stock: true });
  const itemDefaults = settings.itemDefaults;
  const horizonFor = planningHorizon(inputs.items, { freq: prepared.freq, itemDefaults });
  const outcomes = forecastAll(table, prepared, settings, hooks, timer, horizonFor);

  const result = planStage(outcomes, inputs.stock, inputs.items, inputs.lanes.length > 0 ? inputs.lanes : null, {
    freq: prepared.freq,
    asOfDay: prepared.asOfDay,
    seed: settings.seed,
    itemDefaults,
    deadStockDays: settings.deadStockDays,
    overstockDays: settings.overstockDays,
  });
  timer.mark('plan');
  reportPlanWarnings(result, hooks, settings.files.items !== undefined);

  const asOf = formatDay(prepared.asOfDay);
  const reorderText = formatCsv([...REORDER_COLUMNS], reorderRows(result.lines));
  const alertsText = formatCsv([...ALERT_COLUMNS], alertRows(result.alerts));
  const transfersText = formatCsv([...TRANSFER_COLUMNS], transferRows(result.transfers));

  let written: string | undefined;
  let csvText: string | undefined;
  if (set) {
    await set.writeLines('forecast.csv', forecastCsvChunks(outcomes, prepared.freq, prepared.horizon, settings.levels));
    await set.writeText('reorder.csv', reorderText);
    await set.writeText('alerts.csv', alertsText);
    await set.writeText('transfers.csv', transfersText);
    await writeSupplierSheets(set, supplierSheets(result, inputs.items, asOf));
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

  const summary = await buildSummary(settings, mode, result, {
    asOf, freq: prepared.freq, horizon: prepared.horizon, series: outcomes.length, salesRows: table.rowCount,
    stockRows: inputs.stock.length, itemRows: inputs.items.length, laneRows: inputs.lanes.length,
    methods: countBy(outcomes.map((o) => o.forecast.method)),
    startedAt, durations: timer.finish(),
  });
  if (set) await set.writeText('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
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

async function buildSummary(
  settings: RunSettings, mode: PlanMode, result: PlanStageResult,
  facts: {
    asOf: string; freq: string; horizon: number; series: number; salesRows: number; stockRows: number; itemRows: number;
    laneRows: number; methods: Record<string, number>; startedAt: Date; durations: Record<string, number>;
  },
): Promise<PlanSummary> {
  const inputs: PlanSummary['inputs'] = {};
  const rows: Record<string, number> = {
    sales: facts.salesRows, stock: facts.stockRows, items: facts.itemRows, lanes: facts.laneRows,
  };
  for (const [name, file] of Object.entries(settings.files)) {
    if (!file) continue;
    const hash = await fileHash(file);
    inputs[name] = { file: path.basename(file), sha256: hash.sha256, bytes: hash.bytes, rows: rows[name] ?? 0 };
  }
  const ordering = result.lines.filter((line) => line.orderQty > 0);
  const sum = (values: number[]) => Math.round(values.reduce((s, v) => s + v, 0) * 100) / 100;
  return {
    version: VERSION,
    command: mode,
    started_at: facts.startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    as_of: facts.asOf,
    freq: facts.freq,
    horizon: facts.horizon,
    method: settings.method,
    levels: settings.levels,
    series_end: settings.seriesEnd,
    inputs,
    durations_ms: facts.durations,
    counts: {
      series: facts.series,
      sales_rows: facts.salesRows,
      forecast_rows: facts.series * facts.horizon,
      sku_warehouses: result.lines.length,
      reorder_lines: ordering.length,
      alerts: result.alerts.length,
      transfers: result.transfers.length,
      suppliers: result.orders.length,
    },
    totals: {
      order_qty: sum(ordering.map((l) => l.orderQty)),
      order_value: sum(ordering.map((l) => l.orderValue)),
      transfer_qty: sum(result.transfers.map((t) => t.qty)),
      transfer_cost: sum(result.transfers.map((t) => t.cost)),
      overstock_value: sum(result.alerts.filter((a) => a.type === 'overstock').map((a) => a.excessValue)),
      dead_stock_value: sum(result.alerts.filter((a) => a.type === 'dead_stock').map((a) => a.excessValue)),
      stockout_risk_value: sum(result.alerts.filter((a) => a.type === 'stockout_risk').map((a) => a.moneyAtStake)),
    },
    alerts_by_type: countBy(result.alerts.map((a) => a.type)),
    methods: facts.methods,
    defaults_used: result.defaultsUsed,
    orders_by_supplier: result.orders.map((o) => ({
      supplier: o.supplier, lines: o.lines.length, units: o.totalQty, value: Math.round(o.totalValue * 100) / 100,
    })),
    ...summaryTables(result.lines, result.alerts),
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
