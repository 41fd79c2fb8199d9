import { InputError } from '../../errors.js';
import { ITEM_FIELDS } from '../csv/columns.js';
import { readCsvTable } from '../csv/csv-table.js';
import type { ReadOptions, Warning } from './read-options.js';

/** One row of `items.csv` (master data). Numbers are NaN and texts undefined when not given. */
export interface ItemRow {
  readonly sku: string;
  readonly supplier?: string;
  readonly description?: string;
  readonly leadTimeDays: number;
  readonly leadTimeSdDays: number;
  readonly moq: number;
  readonly packSize: number;
  readonly unitCost: number;
  /** Cycle service level, fraction 0.5..0.9999. */
  readonly serviceLevel: number;
  /** Fill-rate target, fraction 0.5..0.9999; NaN when not given. A row gives this or `serviceLevel`, not both. */
  readonly fillRate: number;
  readonly reviewPeriodDays: number;
  readonly orderCost: number;
  /** Yearly holding cost as a fraction of unit cost, 0..1. */
  readonly holdingRate: number;
  readonly line: number;
}

export const SERVICE_LEVEL_MIN = 0.5;
export const SERVICE_LEVEL_MAX = 0.9999;

/**
 * Reads `items.csv` (interface spec; every column but `sku` optional). Checks ranges: lead times,
 * MOQ, pack size, costs >= 0; service level and fill rate 0.5..0.9999 (one of them per row) (a percentage such as 95 is a problem
 * with the hint to write 0.95); holding rate 0..1. A SKU listed twice is a problem naming both
 * lines. Defaults for missing values are the planner's business, not applied here.
 */
export async function readItems(file: string, options: ReadOptions = {}): Promise<{ rows: ItemRow[]; warnings: Warning[] }> {
  const rows: ItemRow[] = [];
  const seen = new Map<string, number>();
  const result = await readCsvTable(file, options, ITEM_FIELDS, (row) => {
    const sku = row.requiredText('sku', 'a SKU');
    const nonNegative = { min: 0 };
    const leadTimeDays = row.number('lead_time_days', nonNegative);
    const leadTimeSdDays = row.number('lead_time_sd_days', nonNegative);
    const moq = row.number('moq', nonNegative);
    const packSize = row.number('pack_size', nonNegative);
    const unitCost = row.number('unit_cost', nonNegative);
    const reviewPeriodDays = row.number('review_period_days', nonNegative);
    const orderCost = row.number('order_cost', nonNegative);
    const serviceText = row.text('service_level');
    const serviceLevel = row.number('service_level', {
      min: SERVICE_LEVEL_MIN, max: SERVICE_LEVEL_MAX,
      hint: percentHint(serviceText, 'service_level', '0.95', '95'),
    });
    const fillRate = row.number('fill_rate', {
      min: SERVICE_LEVEL_MIN, max: SERVICE_LEVEL_MAX,
      hint: percentHint(row.text('fill_rate'), 'fill_rate', '0.95', '95'),
    });
    if (Number.isFinite(fillRate) && Number.isFinite(serviceLevel)) {
      row.problem('fill_rate', 'either service_level (cycle service) or fill_rate, not both', row.text('fill_rate'));
    }
    const holdingRate = row.number('holding_rate', { min: 0, max: 1, hint: percentHint(row.text('holding_rate'), 'holding_rate', '0.25', '25') });
    if (sku === '') return;
    const earlier = seen.get(sku);
    if (earlier !== undefined) {
      row.problem('sku', `one row per SKU (first at line ${earlier})`, sku);
      return;
    }
    seen.set(sku, row.line);
    const supplier = row.text('supplier');
    const description = row.text('description');
    rows.push({
      sku,
      ...(supplier === '' ? {} : { supplier }),
      ...(description === '' ? {} : { description }),
      leadTimeDays, leadTimeSdDays, moq, packSize, unitCost, serviceLevel, fillRate, reviewPeriodDays, orderCost, holdingRate,
      line: row.line,
    });
  });
  if (result.problems.count > 0) throw new InputError(result.problems.problems, result.problems.count);
  return { rows, warnings: result.warnings.list() };
}

/** `write 95 % as 0.95` when the text looks like a percentage (a number above 1, up to 100). */
function percentHint(text: string, field: string, fraction: string, percent: string): string {
  const value = Number(text.replace('%', '').replace(',', '.'));
  return value > 1 && value <= 100 ? `${field} is a fraction: write ${percent} % as ${fraction}` : '';
}
