import path from 'node:path';
import { classifyDemand } from '../core/forecast/demand-class.js';
import { forecastSeries } from '../core/forecast/forecast-series.js';
import {
  fromSeriesForecast, periodsNeeded, planReorder, replayPolicy, resolveItem,
  type ItemMaster, type ReorderLine, type ReplayOutcome,
} from '../core/inventory/index.js';
import { hashString, seededRandom } from '../core/random.js';
import { DAYS_PER_PERIOD, formatDay, periodIndex, periodIndexStart, type Frequency } from '../core/series/calendar.js';
import type { SalesTable } from '../core/series/sales-table.js';
import { writeFileAtomic } from '../io/output-set/output-set.js';
import { csvColumns, csvLines } from '../io/write/write-csv.js';
import { StageTimer, type PipelineHooks } from './hooks.js';
import { itemWithDefaults, type ItemInput } from './plan-stage.js';
import { readSeries } from './prepare-series.js';
import type { ItemDefaults, RunSettings } from './settings.js';

/** What `stockcast simulate` replays. */
export interface SimulateOptions {
  /** Weeks of history replayed, ending the day before the as-of date. */
  readonly weeks: number;
  /** Unmet demand waits (backorders) instead of being lost. */
  readonly isBackorder: boolean;
}

/** One SKU x warehouse of `simulate.csv`. */
export interface SimulateRow extends ReplayOutcome {
  readonly sku: string;
  readonly warehouse: string;
  readonly serviceTarget: string;
  readonly serviceLevel: number;
}

export interface SimulateRun {
  readonly rows: SimulateRow[];
  readonly summary: {
    readonly from: string;
    readonly to: string;
    readonly weeks: number;
    readonly freq: Frequency;
    readonly demand_after_stockout: 'lost' | 'backordered';
    readonly series: number;
    readonly totals: {
      readonly demand: number; readonly fill_rate: number; readonly cycle_service: number;
      readonly avg_inventory_value: number; readonly orders: number; readonly stockout_days: number;
    };
    readonly durations_ms: Record<string, number>;
  };
  readonly written?: string;
  readonly csvText?: string;
}

export const SIMULATE_COLUMNS = [
  'sku', 'warehouse', 'service_target', 'service_level', 'demand', 'fill_rate', 'cycle_service',
  'avg_inventory_value', 'orders', 'ordered_units', 'stockout_days',
] as const;

/**
 * `stockcast simulate`: replays the nightly policy over the last `weeks` weeks of the recorded
 * sales. For every SKU x warehouse, at each review (the item's review period) the history up to
 * that day is forecast with the run's method and `planReorder` decides the order, which arrives
 * after the item's lead time; the recorded daily demand is met from the simulated shelf (lost
 * or backordered beyond it). The shelf starts at the first review's order-up-to level. Planning
 * flags (`--service-level`, `--fill-rate`, `--lead-time`, `--review-period`) override items.csv
 * here, so a run answers "what would 97 % have cost?". simulate.csv goes to --out (a folder, a
 * .csv path, or `-` for stdout).
 */
export async function runSimulate(settings: RunSettings, hooks: PipelineHooks, options: SimulateOptions): Promise<SimulateRun> {
  const timer = new StageTimer();
  const { inputs, table, prepared } = await readSeries(settings, hooks, timer, { stock: true });
  const endDay = prepared.asOfDay;
  const startDay = endDay - 7 * options.weeks;
  const daily = dailyDemand(table, endDay);
  const itemBySku = new Map<string, ItemInput>(inputs.items.map((item) => [item.sku, item]));
  const unitCostByKey = new Map(inputs.stock.map((s) => [`${s.sku}\u0000${s.warehouse}`, s.unitCost]));
  const keys = [...daily.entries()].sort(([a], [b]) => compareKeys(table, a, b));
  hooks.stageStart?.('simulate', keys.length);
  const rows: SimulateRow[] = [];
  keys.forEach(([key, record], done) => {
    const skuId = Math.floor(key / table.warehouses.length);
    const sku = table.skus[skuId];
    const warehouse = table.warehouses[key % table.warehouses.length];
    const given = whatIf(itemBySku.get(sku) ?? { sku }, settings.itemDefaults);
    const { item } = resolveItem(itemWithDefaults(given, settings.itemDefaults), unitCostByKey.get(`${sku}\u0000${warehouse}`));
    const random = seededRandom(hashString(`${sku}\u0000${warehouse}`, settings.seed ^ 0x27d4eb2f));
    const plan = (day: number, stock: { onHand: number; onOrder: number }) =>
      planAt(record, table.minDay, day, stock, item, prepared.freq, prepared.seasonPeriod, settings.method, random);
    const outcome = replayPolicy({
      daily: record,
      firstDay: table.minDay,
      startDay,
      endDay,
      reviewPeriodDays: item.reviewPeriodDays,
      leadTimeDays: item.leadTimeDays,
      unitCost: item.unitCost,
      initialOnHand: plan(startDay, { onHand: 0, onOrder: 0 })?.orderUpTo ?? 0,
      isBackorder: options.isBackorder,
      decide: (day, stock) => plan(day, stock)?.orderQty ?? 0,
    });
    rows.push({ sku, warehouse, serviceTarget: item.serviceTarget, serviceLevel: item.serviceLevel, ...outcome });
    hooks.stageTick?.(done + 1);
  });
  hooks.stageEnd?.('simulate');
  timer.mark('simulate');

  const csvRows = rows.map((r) => [
    r.sku, r.warehouse, r.serviceTarget, r.serviceLevel, r.demand, round(r.fillRate, 4), round(r.cycleService, 4),
    round(r.averageInventoryValue, 2), r.orders, r.orderedUnits, r.stockoutDays,
  ]);
  const lines = csvLines(csvColumns(...SIMULATE_COLUMNS), csvRows);
  let written: string | undefined;
  let csvText: string | undefined;
  if (settings.out === '-') {
    csvText = [...lines].join('');
  } else {
    written = /\.csv$/i.test(settings.out) ? settings.out : path.join(settings.out, 'simulate.csv');
    await writeFileAtomic(written, lines);
  }
  timer.mark('write');
  const sum = (pick: (r: SimulateRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const demand = sum((r) => r.demand);
  const cycles = sum((r) => r.cycles);
  return {
    rows,
    written,
    csvText,
    summary: {
      from: formatDay(startDay),
      to: formatDay(endDay - 1),
      weeks: options.weeks,
      freq: prepared.freq,
      demand_after_stockout: options.isBackorder ? 'backordered' : 'lost',
      series: rows.length,
      totals: {
        demand,
        fill_rate: demand > 0 ? round(sum((r) => r.fillRate * r.demand) / demand, 4) : 1,
        cycle_service: cycles > 0 ? round(1 - sum((r) => r.stockoutCycles) / cycles, 4) : 1,
        avg_inventory_value: round(sum((r) => r.averageInventoryValue), 2),
        orders: sum((r) => r.orders),
        stockout_days: sum((r) => r.stockoutDays),
      },
      durations_ms: timer.finish(),
    },
  };
}

/** Planning flags given for this run win over items.csv (a what-if), not only over its empty cells. */
function whatIf(given: ItemInput, flags: ItemDefaults): ItemInput {
  const target = flags.fillRate !== undefined ? { fillRate: flags.fillRate, serviceLevel: NaN }
    : flags.serviceLevel !== undefined ? { serviceLevel: flags.serviceLevel, fillRate: NaN } : {};
  return {
    ...given,
    ...target,
    ...(flags.leadTimeDays === undefined ? {} : { leadTimeDays: flags.leadTimeDays }),
    ...(flags.reviewPeriodDays === undefined ? {} : { reviewPeriodDays: flags.reviewPeriodDays }),
  };
}

/** The policy's reorder line on `day` from the recorded demand before it (whole periods only); undefined without history. */
function planAt(
  record: Float64Array, firstDay: number, day: number, stock: { onHand: number; onOrder: number },
  item: ItemMaster, freq: Frequency, seasonPeriod: number, method: string, random: () => number,
): ReorderLine | undefined {
  const firstPeriod = periodIndex(firstDay, freq);
  const endPeriod = periodIndex(day, freq); // the period containing `day` is not complete yet
  const length = endPeriod - firstPeriod;
  if (length <= 0) return undefined;
  const y = new Float64Array(length);
  const lastDay = Math.min(day, firstDay + record.length);
  for (let d = firstDay; d < lastDay; d++) {
    const p = periodIndex(d, freq) - firstPeriod;
    if (p < length) y[p] += record[d - firstDay];
  }
  const daysPerPeriod = DAYS_PER_PERIOD[freq];
  const forecast = forecastSeries(y, { method, horizon: periodsNeeded(item, daysPerPeriod), seasonPeriod, levels: [], random, paths: 200 });
  const demandClass = forecast.method === 'zero' ? 'none' : classifyDemand(y).demandClass;
  return planReorder({
    sku: '', warehouse: '', item, random,
    stock: { onHand: stock.onHand, onOrder: stock.onOrder, allocated: 0 },
    asOfDay: day,
    forecast: fromSeriesForecast(forecast, demandClass, daysPerPeriod, Math.min(day, periodIndexStart(endPeriod, freq))),
  });
}

/** Recorded demand per day and SKU x warehouse (key skuId x warehouses + warehouseId), returns netted per day, never below 0. */
function dailyDemand(table: SalesTable, endDay: number): Map<number, Float64Array> {
  const days = Math.max(0, endDay - table.minDay);
  const byKey = new Map<number, Float64Array>();
  const warehouses = table.warehouses.length;
  for (let row = 0; row < table.rowCount; row++) {
    const day = table.day[row];
    if (day >= endDay) continue;
    const key = table.skuId[row] * warehouses + table.warehouseId[row];
    let record = byKey.get(key);
    if (!record) {
      record = new Float64Array(days);
      byKey.set(key, record);
    }
    record[day - table.minDay] += table.quantity[row];
  }
  for (const record of byKey.values()) for (let i = 0; i < record.length; i++) if (record[i] < 0) record[i] = 0;
  return byKey;
}

function compareKeys(table: SalesTable, a: number, b: number): number {
  const w = table.warehouses.length;
  const skuA = table.skus[Math.floor(a / w)];
  const skuB = table.skus[Math.floor(b / w)];
  if (skuA !== skuB) return skuA < skuB ? -1 : 1;
  const whA = table.warehouses[a % w];
  const whB = table.warehouses[b % w];
  return whA < whB ? -1 : whA > whB ? 1 : 0;
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
