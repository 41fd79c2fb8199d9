import { InputError } from '../../errors.js';
import { LANE_FIELDS } from '../csv/columns.js';
import { readCsvTable } from '../csv/csv-table.js';
import type { ReadOptions, Warning } from './read-options.js';

/** One row of `lanes.csv`: transfers from one warehouse to another are allowed. */
export interface LaneRow {
  readonly from: string;
  readonly to: string;
  /** Cost of moving one unit; NaN when not given. */
  readonly costPerUnit: number;
  /** Transfer time in days; NaN when not given. */
  readonly leadTimeDays: number;
  /** Cost of one shipment on the lane, whatever its size; NaN when not given (0). */
  readonly fixedCost: number;
  /** Smallest quantity worth one shipment; NaN when not given (1). */
  readonly minQty: number;
  readonly line: number;
}

/**
 * Reads `lanes.csv` (interface spec: `from`, `to`; optional `cost_per_unit`, `lead_time_days`, and
 * `fixed_cost` per shipment and `min_qty` per shipment).
 * A lane from a warehouse to itself, and the same lane twice, are problems; costs and times are >= 0.
 */
export async function readLanes(file: string, options: ReadOptions = {}): Promise<{ rows: LaneRow[]; warnings: Warning[] }> {
  const rows: LaneRow[] = [];
  const seen = new Map<string, number>();
  const result = await readCsvTable(file, options, LANE_FIELDS, (row) => {
    const from = row.requiredText('from', 'a warehouse');
    const to = row.requiredText('to', 'a warehouse');
    const costPerUnit = row.number('cost_per_unit', { min: 0 });
    const leadTimeDays = row.number('lead_time_days', { min: 0 });
    const fixedCost = row.number('fixed_cost', { min: 0 });
    const minQty = row.number('min_qty', { min: 0 });
    if (from === '' || to === '') return;
    if (from === to) {
      row.problem('to', 'a warehouse other than from', to);
      return;
    }
    const key = `${from}\u0000${to}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      row.problem('from', `one row per lane (first at line ${earlier})`, `${from} -> ${to}`);
      return;
    }
    seen.set(key, row.line);
    rows.push({ from, to, costPerUnit, leadTimeDays, fixedCost, minQty, line: row.line });
  });
  if (result.problems.count > 0) throw new InputError(result.problems.problems, result.problems.count);
  return { rows, warnings: result.warnings.list() };
}
