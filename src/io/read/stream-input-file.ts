import type { FieldSpec } from '../csv/columns.js';
import type { ProblemLog } from '../csv/csv-problems.js';
import { streamCsv, type CsvSink, type CsvSummary } from '../csv/csv-stream.js';
import type { ByteRange } from '../csv/decode.js';
import { resolveDateFormat } from '../csv/parse-date.js';
import { streamParquet } from '../parquet/stream-parquet.js';
import type { ReadOptions } from './read-options.js';

/** True for a file name ending in `.parquet` (any case): it is read as Parquet, anything else as CSV. */
export function isParquetFile(file: string): boolean {
  return /\.parquet$/i.test(file);
}

/**
 * The one entry point every input reader (sales, stock, items, lanes, stock history) streams its
 * rows through: a `.parquet` file is read by DuckDB and handed to the sink as the same text cells
 * a CSV file would give ({@link streamParquet}), so column matching, `--map`, validation and
 * every number and date rule behave the same; anything else goes to {@link streamCsv} (only the
 * bytes `range` of it when given).
 */
export async function streamInputFile(
  file: string,
  encoding: string,
  problems: ProblemLog,
  sink: CsvSink,
  fields: readonly FieldSpec[],
  options: ReadOptions,
  range?: ByteRange,
): Promise<CsvSummary> {
  if (!isParquetFile(file)) return streamCsv(file, encoding, problems, sink, range);
  return streamParquet(file, problems, sink, {
    fields,
    map: options.map,
    dateFormat: resolveDateFormat(options.dateFormat),
    decimalComma: options.decimalComma,
  });
}
