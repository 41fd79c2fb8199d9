import { DAYS_PER_PERIOD, type Frequency } from '../../core/series/calendar.js';
import type { SetSummary, SetTable } from '../../io/read/read-output-set.js';

/** One SKU x warehouse in the page's table (every line of inventory.csv). */
export type TableRow = readonly (string | number | null)[];

/** The columns of {@link TableRow}, in order. */
export const TABLE_COLUMNS = [
  'sku', 'warehouse', 'supplier', 'abc', 'xyz', 'on_hand', 'reorder_point', 'order_qty', 'order_value', 'days_of_cover',
  'yearly_value', 'money_at_stake', 'alerts', 'chart',
] as const;

/** A charted SKU x warehouse: history, forecast with bands, projected stock. */
export interface ChartedItem {
  readonly index: number;
  readonly sku: string;
  readonly warehouse: string;
  readonly supplier: string;
  readonly abc: string;
  readonly xyz: string;
  readonly alerts: string;
  readonly moneyAtStake: number;
  readonly onHand: number;
  readonly onOrder: number;
  readonly available: number;
  readonly reorderPoint: number;
  readonly orderUpTo: number;
  readonly orderQty: number;
  readonly orderValue: number;
  readonly leadTimeDays: number;
  readonly daysOfCover: number | null;
  readonly history: readonly { readonly period: string; readonly quantity: number }[];
  readonly forecast: readonly {
    readonly period: string; readonly mean: number;
    readonly lo80: number; readonly hi80: number; readonly lo95: number; readonly hi95: number;
  }[];
  /** Projected on-hand at the end of each forecast period. */
  readonly projected: readonly { readonly period: string; readonly stock: number }[];
  /** Index into `forecast` of the period the suggested order arrives in; null without order or past the horizon. */
  readonly arrivalIndex: number | null;
}

export interface ReportModel {
  readonly asOf: string;
  readonly freq: Frequency;
  readonly version: string;
  readonly horizon: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly totals: Readonly<Record<string, number>>;
  readonly kpis: Readonly<Record<string, number | null>>;
  /** Where forecast_accuracy comes from, when a backtest was given. */
  readonly accuracyNote?: string;
  readonly abcXyz: {
    readonly abcLimits: readonly number[];
    readonly xyzLimits: readonly number[];
    readonly cells: Readonly<Record<string, { readonly count: number; readonly value: number }>>;
  };
  readonly ordersBySupplier: readonly { readonly supplier: string; readonly lines: number; readonly units: number; readonly value: number }[];
  readonly table: readonly TableRow[];
  readonly charted: readonly ChartedItem[];
  /** Cumulative share of the yearly value against the share of items (at most ~200 points). */
  readonly pareto: readonly { readonly items: number; readonly value: number }[];
}

const key = (sku: string, warehouse: string) => `${sku}\u0000${warehouse}`;

/**
 * The lines charted in the report: the `top` with the most money at stake (value at risk or in
 * excess from the alerts, plus the order value), largest first, ties by SKU then warehouse;
 * lines with nothing at stake are never charted. Returns their keys (sku U+0000 warehouse).
 */
export function chartedKeys(inventory: SetTable, top: number): string[] {
  const at = columnIndex(inventory.header);
  const ranked: { key: string; money: number; order: number }[] = [];
  inventory.rows.forEach((cells, order) => {
    const money = Number(cells[at('money_at_stake')]);
    if (money > 0) ranked.push({ key: key(cells[at('sku')], cells[at('warehouse')]), money, order });
  });
  ranked.sort((a, b) => b.money - a.money || a.order - b.order);
  return ranked.slice(0, Math.max(0, top)).map((r) => r.key);
}

/**
 * Everything report.html shows, from an output set's summary.json, inventory.csv and the
 * forecast.csv rows of the charted lines. Pure: the same files give the same model.
 */
export function reportModel(
  summary: SetSummary, inventory: SetTable, forecast: SetTable, charted: readonly string[],
): ReportModel {
  const freq = summary.freq;
  const at = columnIndex(inventory.header);
  const text = (cells: readonly string[], name: string) => cells[at(name)] ?? '';
  const number = (cells: readonly string[], name: string) => {
    const value = text(cells, name);
    return value === '' ? null : Number(value);
  };
  const chartIndex = new Map(charted.map((k, i) => [k, i]));
  const table: TableRow[] = inventory.rows.map((cells) => [
    text(cells, 'sku'), text(cells, 'warehouse'), text(cells, 'supplier'), text(cells, 'abc_class'), text(cells, 'xyz_class'),
    number(cells, 'on_hand'), number(cells, 'reorder_point'), number(cells, 'order_qty'), number(cells, 'order_value'),
    number(cells, 'days_of_cover'), number(cells, 'yearly_value'), number(cells, 'money_at_stake'), text(cells, 'alerts'),
    chartIndex.get(key(text(cells, 'sku'), text(cells, 'warehouse'))) ?? null,
  ]);

  const forecastAt = columnIndex(forecast.header);
  const forecastByKey = new Map<string, ChartedItem['forecast'][number][]>();
  for (const cells of forecast.rows) {
    const k = key(cells[forecastAt('sku')], cells[forecastAt('warehouse')]);
    const list = forecastByKey.get(k) ?? [];
    const value = (name: string) => Number(cells[forecastAt(name)] ?? NaN);
    list.push({
      period: cells[forecastAt('period')], mean: value('forecast'),
      lo80: value('lo80'), hi80: value('hi80'), lo95: value('lo95'), hi95: value('hi95'),
    });
    forecastByKey.set(k, list);
  }
  const rowByKey = new Map(inventory.rows.map((cells) => [key(text(cells, 'sku'), text(cells, 'warehouse')), cells]));
  const items = charted.flatMap((k, index): ChartedItem[] => {
    const cells = rowByKey.get(k);
    if (!cells) return [];
    return [chartedItem(index, cells, forecastByKey.get(k) ?? [], freq, text, number)];
  });

  return {
    asOf: summary.as_of,
    freq,
    version: summary.version,
    horizon: summary.horizon,
    counts: summary.counts,
    totals: summary.totals,
    kpis: summary.kpis,
    abcXyz: { abcLimits: summary.abc_xyz.abc_limits, xyzLimits: summary.abc_xyz.xyz_limits, cells: summary.abc_xyz.cells },
    ordersBySupplier: summary.orders_by_supplier,
    table,
    charted: items,
    pareto: paretoCurve(inventory.rows.map((cells) => number(cells, 'yearly_value') ?? 0)),
  };
}

function chartedItem(
  index: number, cells: readonly string[], forecast: ChartedItem['forecast'], freq: Frequency,
  text: (cells: readonly string[], name: string) => string, number: (cells: readonly string[], name: string) => number | null,
): ChartedItem {
  const history: { period: string; quantity: number }[] = [];
  const start = text(cells, 'history_start');
  const values = text(cells, 'history').split(' ').filter((v) => v !== '').map(Number);
  if (start !== '') {
    let period = start;
    for (const quantity of values) {
      history.push({ period, quantity });
      period = nextPeriod(period, freq);
    }
  }
  const available = number(cells, 'available') ?? 0;
  const onOrder = number(cells, 'on_order') ?? 0;
  const orderQty = number(cells, 'order_qty') ?? 0;
  const leadTimeDays = number(cells, 'lead_time_days') ?? 0;
  // The suggested order arrives lead_time_days after the as-of date (the first forecast period starts there).
  const arrival = Math.floor(leadTimeDays / DAYS_PER_PERIOD[freq]);
  const arrivalIndex = orderQty > 0 && arrival < forecast.length ? arrival : null;
  // Open orders carry no date in stock.csv: they count from the first period.
  let stock = available + onOrder;
  const projected = forecast.map((f, h) => {
    stock -= f.mean;
    return { period: f.period, stock: Math.round((stock + (arrivalIndex !== null && h >= arrivalIndex ? orderQty : 0)) * 100) / 100 };
  });
  return {
    index,
    sku: text(cells, 'sku'),
    warehouse: text(cells, 'warehouse'),
    supplier: text(cells, 'supplier'),
    abc: text(cells, 'abc_class'),
    xyz: text(cells, 'xyz_class'),
    alerts: text(cells, 'alerts'),
    moneyAtStake: number(cells, 'money_at_stake') ?? 0,
    onHand: number(cells, 'on_hand') ?? 0,
    onOrder,
    available,
    reorderPoint: number(cells, 'reorder_point') ?? 0,
    orderUpTo: number(cells, 'order_up_to') ?? 0,
    orderQty,
    orderValue: number(cells, 'order_value') ?? 0,
    leadTimeDays,
    daysOfCover: number(cells, 'days_of_cover'),
    history,
    forecast,
    projected,
    arrivalIndex,
  };
}

/** The ISO date starting the period after `period` (a day, a Monday-based week or a month). */
function nextPeriod(period: string, freq: Frequency): string {
  const date = new Date(`${period}T00:00:00Z`);
  if (freq === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCDate(date.getUTCDate() + (freq === 'week' ? 7 : 1));
  return date.toISOString().slice(0, 10);
}

/** The Pareto (ABC) curve: cumulative value share over item share, thinned to about 200 points. */
function paretoCurve(values: readonly number[]): ReportModel['pareto'] {
  const sorted = values.map((v) => (v > 0 ? v : 0)).sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (!(total > 0)) return [];
  const step = Math.max(1, Math.ceil(sorted.length / 200));
  const points = [{ items: 0, value: 0 }];
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i];
    if ((i + 1) % step === 0 || i === sorted.length - 1) {
      points.push({ items: Math.round(((i + 1) / sorted.length) * 10000) / 100, value: Math.round((sum / total) * 10000) / 100 });
    }
  }
  return points;
}

function columnIndex(header: readonly string[]): (name: string) => number {
  const index = new Map(header.map((name, i) => [name, i]));
  return (name) => index.get(name) ?? -1;
}
