import path from 'node:path';
import type { Shard } from '../core/shard-of-sku.js';
import { fileHash } from '../io/write/file-hash.js';
import { VERSION } from '../version.js';
import type { PlanStageResult } from './plan-stage.js';
import { summaryTables } from './summary-tables.js';

/** Which command runs the plan: `plan` writes the whole set, the others one file each. */
export type PlanMode = 'plan' | 'reorder' | 'alerts' | 'rebalance';

export type SummaryInputs = Record<string, { file: string; sha256: string; bytes: number; rows: number }>;

export interface PlanSummary {
  readonly version: string;
  readonly command: PlanMode;
  /** Present in the set of `plan --shard K/N` only. */
  readonly shard?: Shard;
  readonly started_at: string;
  readonly finished_at: string;
  readonly as_of: string;
  readonly freq: string;
  readonly horizon: number;
  readonly method: string;
  readonly levels: readonly number[];
  readonly series_end: string;
  readonly inputs: SummaryInputs;
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

/** What summary.json says about the run itself, beside the counts and totals of the plan. */
export interface SummaryFacts {
  readonly command: PlanMode;
  readonly shard?: Shard;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly asOf: string;
  readonly freq: string;
  readonly horizon: number;
  readonly method: string;
  readonly levels: readonly number[];
  readonly seriesEnd: string;
  readonly inputs: SummaryInputs;
  readonly durations: Record<string, number>;
  readonly salesRows: number;
  /** The method label of every series forecast. */
  readonly methods: readonly string[];
}

/**
 * summary.json of a plan: run facts, counts, totals and roll-ups of the plan's result. `plan`
 * and `merge` both call it, so a merged set's summary is the unsharded run's.
 */
export function planSummary(result: PlanStageResult, facts: SummaryFacts): PlanSummary {
  const ordering = result.lines.filter((line) => line.orderQty > 0);
  const sum = (values: number[]) => Math.round(values.reduce((s, v) => s + v, 0) * 100) / 100;
  const series = facts.methods.length;
  return {
    version: VERSION,
    command: facts.command,
    ...(facts.shard ? { shard: { index: facts.shard.index, count: facts.shard.count } } : {}),
    started_at: facts.startedAt.toISOString(),
    finished_at: facts.finishedAt.toISOString(),
    as_of: facts.asOf,
    freq: facts.freq,
    horizon: facts.horizon,
    method: facts.method,
    levels: facts.levels,
    series_end: facts.seriesEnd,
    inputs: facts.inputs,
    durations_ms: facts.durations,
    counts: {
      series,
      sales_rows: facts.salesRows,
      forecast_rows: series * facts.horizon,
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
    methods: countBy(facts.methods),
    defaults_used: result.defaultsUsed,
    orders_by_supplier: result.orders.map((o) => ({
      supplier: o.supplier, lines: o.lines.length, units: o.totalQty, value: Math.round(o.totalValue * 100) / 100,
    })),
    ...summaryTables(result.lines, result.alerts),
  };
}

/** The `inputs` section: file name, SHA-256, size and rows read of every input file given. */
export async function summaryInputs(
  files: Readonly<Record<string, string | undefined>>, rows: Readonly<Record<string, number>>,
): Promise<SummaryInputs> {
  const inputs: SummaryInputs = {};
  for (const [name, file] of Object.entries(files)) {
    if (!file) continue;
    const hash = await fileHash(file);
    inputs[name] = { file: path.basename(file), sha256: hash.sha256, bytes: hash.bytes, rows: rows[name] ?? 0 };
  }
  return inputs;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
