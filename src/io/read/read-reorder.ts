import path from 'node:path';
import { InputError } from '../../errors.js';
import { matchColumns, type FieldSpec } from '../csv/columns.js';
import { createDecimalMark, numberCell, trimCell, type CellContext } from '../csv/csv-cells.js';
import { createProblemLog } from '../csv/csv-problems.js';
import { streamCsv, warnStrayByteOrderMarks } from '../csv/csv-stream.js';
import { resolveEncoding } from '../csv/decode.js';
import { createWarningLog, type ReadOptions, type Warning } from './read-options.js';

/** One line of a (possibly hand-edited) reorder.csv, as `stockcast export` needs it. */
export interface ReorderFileRow {
  readonly sku: string;
  readonly warehouse: string;
  readonly supplier: string;
  readonly orderQty: number;
  /** NaN when the column is absent or empty. */
  readonly unitCost: number;
  readonly packSize: number;
  readonly line: number;
}

const REORDER_FIELDS: readonly FieldSpec[] = [
  { name: 'sku', required: true, aliases: ['item', 'article'] },
  { name: 'warehouse', required: true, aliases: ['location'] },
  { name: 'supplier', required: true, aliases: ['vendor'] },
  { name: 'order_qty', required: true, aliases: ['orderquantity', 'qty'] },
  { name: 'unit_cost', required: false, aliases: ['cost'] },
  { name: 'pack_size', required: false, aliases: [] },
];

/**
 * Reads a reorder file for `stockcast export`. Planners edit these by hand, so every row is
 * checked: order_qty must be a whole number >= 0, a present unit_cost a number >= 0; rows with
 * order_qty 0 are kept (and skipped by the sheets). Problems -> InputError (exit 3).
 */
export async function readReorder(file: string, options: ReadOptions = {}): Promise<{ rows: ReorderFileRow[]; warnings: Warning[] }> {
  const displayName = options.displayName ?? path.basename(file);
  const problems = createProblemLog(displayName);
  const warnings = createWarningLog();
  const rows: ReorderFileRow[] = [];
  let index: Readonly<Record<string, number>> = {};
  let context: CellContext | undefined;
  const text = (fields: string[], name: string) => (index[name] >= 0 ? trimCell(fields[index[name]] ?? '') : '');
  const summary = await streamCsv(file, resolveEncoding(options.encoding), problems, {
    header(headers, delimiter) {
      const match = matchColumns(headers, REORDER_FIELDS, options.map, problems);
      index = match.index;
      context = { problems, warnings, decimal: createDecimalMark(options.decimalComma, delimiter) };
      return problems.count === 0;
    },
    row(fields, line) {
      const cells = context as CellContext;
      const sku = text(fields, 'sku');
      const warehouse = text(fields, 'warehouse');
      const supplier = text(fields, 'supplier');
      if (sku === '') problems.add(line, index.sku + 1, 'sku', 'a SKU', '', 'the cell is empty');
      if (warehouse === '') problems.add(line, index.warehouse + 1, 'warehouse', 'a warehouse', '', 'the cell is empty');
      if (supplier === '') problems.add(line, index.supplier + 1, 'supplier', 'a supplier name', '', 'the cell is empty');
      const qtyText = text(fields, 'order_qty');
      const orderQty = numberCell(cells, qtyText, line, index.order_qty, 'order_qty');
      if (Number.isFinite(orderQty) && (orderQty < 0 || !Number.isInteger(orderQty))) {
        problems.add(line, index.order_qty + 1, 'order_qty', 'a whole number of units >= 0', qtyText);
      }
      const costText = text(fields, 'unit_cost');
      const unitCost = costText === '' ? NaN : numberCell(cells, costText, line, index.unit_cost, 'unit_cost');
      if (unitCost < 0) problems.add(line, index.unit_cost + 1, 'unit_cost', 'a cost >= 0', costText);
      const packText = text(fields, 'pack_size');
      const packSize = packText === '' ? NaN : numberCell(cells, packText, line, index.pack_size, 'pack_size');
      rows.push({ sku, warehouse, supplier, orderQty, unitCost, packSize, line });
    },
  });
  if (problems.count > 0) throw new InputError(problems.problems, problems.count);
  warnStrayByteOrderMarks(warnings, displayName, summary.strayByteOrderMarks);
  return { rows, warnings: warnings.list() };
}
