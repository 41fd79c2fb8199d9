import { randomBytes } from 'node:crypto';
import { rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { OutputSet } from '../io/output-set/output-set.js';
import { writeParquetFromCsv, type ParquetColumnType } from '../io/parquet/write-parquet-from-csv.js';

/** `--format` (and config `format`): `parquet` adds forecast.parquet and reorder.parquet to the CSVs. */
export type OutputFormat = 'csv' | 'parquet';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'parquet'];

const TEXT_COLUMNS = new Set(['sku', 'warehouse', 'supplier', 'method', 'demand_law', 'abc_class', 'xyz_class']);
const DATE_COLUMNS = new Set(['period', 'stockout_date']);
/** reorder.csv columns that are whole numbers by construction (units rounded to packs, at least the MOQ). */
const WHOLE_COLUMNS = new Set(['order_qty', 'moq', 'pack_size', 'eoq']);
const NUMBER_COLUMNS = new Set([
  'forecast', 'on_hand', 'on_order', 'allocated', 'available', 'lead_time_days', 'demand_over_lead_time', 'safety_stock',
  'reorder_point', 'order_up_to', 'days_of_cover', 'unit_cost', 'order_value', 'position', 'transfer_in', 'transfer_out',
  'review_period_days', 'demand_sd',
]);

/**
 * Parquet type of a forecast.csv or reorder.csv column: names and labels VARCHAR, dates DATE,
 * whole-unit columns BIGINT, other numbers DOUBLE (`loNN`/`hiNN` of any level too). A column not
 * listed is VARCHAR, which holds any cell.
 */
export function parquetColumnType(column: string): ParquetColumnType {
  if (TEXT_COLUMNS.has(column)) return 'VARCHAR';
  if (DATE_COLUMNS.has(column)) return 'DATE';
  if (WHOLE_COLUMNS.has(column)) return 'BIGINT';
  if (NUMBER_COLUMNS.has(column) || /^(lo|hi)\d+(\.\d+)?$/.test(column)) return 'DOUBLE';
  return 'VARCHAR';
}

/** forecast.parquet and reorder.parquet from the set's forecast.csv and reorder.csv, inside the set (committed with it). */
export async function writePlanParquet(set: OutputSet): Promise<void> {
  for (const name of ['forecast', 'reorder']) {
    await writeParquetFromCsv(set.path(`${name}.csv`), set.path(`${name}.parquet`), parquetColumnType);
  }
}

/**
 * `stockcast forecast --format parquet`: the Parquet twin of the forecast file just written
 * (`out/forecast.csv` -> `out/forecast.parquet`), through a temporary file and a rename.
 */
export async function writeForecastParquet(csvFile: string): Promise<string> {
  const target = csvFile.replace(/\.csv$/i, '') + '.parquet';
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeParquetFromCsv(csvFile, temp, parquetColumnType);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return target;
}

/** Parquet is a file format: `-o -` (stdout) cannot take it. */
export function checkOutputFormat(format: OutputFormat, out: string, command: string): void {
  if (format === 'parquet' && out === '-') {
    throw new UsageError(`${command}: --format parquet writes files and cannot go to stdout (-o -); give -o FOLDER or drop --format parquet`);
  }
}
