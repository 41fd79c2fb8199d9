import fs from 'node:fs';
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import { civilFromDay, formatDay } from '../../core/series/calendar.js';
import { matchColumns, type FieldSpec } from '../csv/columns.js';
import { createProblemLog, type ProblemLog } from '../csv/csv-problems.js';
import type { CsvSink, CsvSummary } from '../csv/csv-stream.js';
import type { DateFormat } from '../csv/parse-date.js';
import { openParquetConnection, sqlIdentifier, sqlString } from './duckdb-connection.js';

/** What the Parquet reader needs to hand a reader's sink the cells a CSV file would give it. */
export interface ParquetReadOptions {
  /** The fields of the file's role (SALES_FIELDS, STOCK_FIELDS, ...), to type-check their columns. */
  readonly fields: readonly FieldSpec[];
  readonly map?: Readonly<Record<string, string>>;
  /** DATE and TIMESTAMP cells are written in this format, which the sink parses. */
  readonly dateFormat: DateFormat;
  /** Numbers are written with a decimal comma when the sink expects one. */
  readonly decimalComma?: boolean;
}

/** How the values of one field are typed: decides which Parquet types its column may have. */
type FieldKind = 'date' | 'number' | 'text';

const TEXT_FIELDS = new Set(['sku', 'warehouse', 'description', 'supplier', 'from', 'to']);
const DATE_FIELDS = new Set(['date']);

const INTEGER_TYPES = new Set([
  'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT',
]);
const DATE_TYPES = new Set([
  'DATE', 'TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS', 'TIMESTAMP WITH TIME ZONE',
]);

const EXPECTED: Readonly<Record<FieldKind, string>> = {
  date: 'a DATE, TIMESTAMP or text column',
  number: 'an integer, floating-point or decimal column',
  text: 'a text or integer column',
};

/** One column read: its SQL expression and how a value of it becomes the text a CSV cell holds. */
interface ReadColumn {
  readonly header: number;
  readonly sql: string;
  readonly toText: (value: unknown) => string;
  /** Text read through a dictionary (see {@link dictionaryColumn}): `sql` is the text expression. */
  readonly isDictionary?: boolean;
}

/**
 * Streams a Parquet file to a CSV reader's sink, chunk by chunk (DuckDB vectors of 2,048 rows),
 * so that every reader, and everything after it, treats Parquet input exactly like CSV: the sink
 * gets the column names as the header and each row's cells as text. Only the columns of known
 * fields are read; the others reach the sink as empty cells. Each field's column type is checked
 * first: dates may be DATE, TIMESTAMP (with or without time zone; the calendar date in UTC counts)
 * or text in the `--date-format`; numbers integer, floating-point or decimal; SKU, warehouse and
 * other names text or integer. Anything else is one problem per column. NULL is an empty cell.
 * Problems are positioned by 1-based data row (`sales.parquet: row 14, column 3: ...`); a file
 * that is not Parquet is one problem naming the file.
 */
export async function streamParquet(file: string, problems: ProblemLog, sink: CsvSink, options: ParquetReadOptions): Promise<CsvSummary> {
  const empty: CsvSummary = { hasHeader: false, rows: 0, blankLines: 0, delimiter: ',', strayByteOrderMarks: 0 };
  const { connection, close } = await openParquetConnection();
  try {
    const source = `read_parquet(${sqlString(file)})`;
    let headers: string[];
    let types: string[];
    let rowCount: number;
    try {
      const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
      const columns = described.getRowObjectsJS();
      headers = columns.map((column) => String(column.column_name));
      types = columns.map((column) => String(column.column_type));
      const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${source}`);
      rowCount = Number(counted.getRowObjectsJS()[0].n);
    } catch (error) {
      problems.add(0, 0, '', 'a Parquet file', '', notParquetHint(file, error));
      return empty;
    }

    const headerProblemsBefore = problems.problems.length;
    const isAccepted = sink.header(headers.map((header) => header.trim()), ',', rowCount);
    // The sink places header problems on line 1, the CSV header line; a Parquet file has no such line.
    for (let k = headerProblemsBefore; k < problems.problems.length; k++) problems.problems[k] = { ...problems.problems[k], line: 0 };
    if (!isAccepted || problems.count > 0) return { ...empty, hasHeader: true };

    const match = matchColumns(headers, options.fields, options.map, createProblemLog(problems.file));
    const read: ReadColumn[] = [];
    for (const spec of options.fields) {
      const column = match.index[spec.name];
      if (column === undefined || column < 0) continue;
      const kind: FieldKind = DATE_FIELDS.has(spec.name) ? 'date' : TEXT_FIELDS.has(spec.name) ? 'text' : 'number';
      const reader = readColumn(kind, types[column], sqlIdentifier(headers[column]), options);
      if (reader === undefined) {
        problems.add(0, column + 1, spec.name, EXPECTED[kind], types[column], `column ${column + 1} "${headers[column]}"`);
        continue;
      }
      read.push({ header: column, ...reader });
    }
    if (problems.count > 0) return { ...empty, hasHeader: true };
    for (let c = 0; c < read.length; c++) {
      if (read[c].isDictionary) read[c] = await dictionaryColumn(connection, source, read[c], c);
    }

    const select = read.length === 0 ? 'NULL' : read.map((column) => column.sql).join(', ');
    const result = await connection.stream(`SELECT ${select} FROM ${source}`);
    const width = headers.length;
    let row = 0;
    for (;;) {
      const chunk: DuckDBDataChunk | null = await result.fetchChunk();
      // rowCount is a call into the native binding each time it is read.
      const chunkRows = chunk === null ? 0 : chunk.rowCount;
      if (chunk === null || chunkRows === 0) break;
      const vectors = read.map((_, c) => chunk.getColumnVector(c));
      for (let r = 0; r < chunkRows; r++) {
        const fields = new Array<string>(width).fill('');
        for (let c = 0; c < read.length; c++) {
          const value = vectors[c].getItem(r);
          fields[read[c].header] = value === null ? '' : read[c].toText(value);
        }
        row++;
        sink.row(fields, row);
      }
    }
    for (let k = 0; k < problems.problems.length; k++) {
      const problem = problems.problems[k];
      if (problem.line > 0) problems.problems[k] = { ...problem, unit: 'row' };
    }
    return { hasHeader: true, rows: row, blankLines: 0, delimiter: ',', strayByteOrderMarks: 0 };
  } finally {
    close();
  }
}

/** The SQL that reads a column of `type` for a field of `kind`, or undefined when the type does not fit. */
function readColumn(kind: FieldKind, type: string, name: string, options: ParquetReadOptions): Omit<ReadColumn, 'header'> | undefined {
  const isInteger = INTEGER_TYPES.has(type);
  const isText = type === 'VARCHAR';
  const asText = (value: unknown): string => value as string;
  if (kind === 'text') {
    if (isText) return { sql: name, toText: asText, isDictionary: true };
    if (isInteger) return { sql: `CAST(${name} AS VARCHAR)`, toText: asText, isDictionary: true };
    return undefined;
  }
  if (kind === 'date') {
    if (isText) return { sql: name, toText: asText, isDictionary: true };
    if (!DATE_TYPES.has(type)) return undefined;
    return { sql: `CAST(CAST(${name} AS DATE) - DATE '1970-01-01' AS INTEGER)`, toText: dayWriter(options.dateFormat) };
  }
  const isDecimal = type.startsWith('DECIMAL');
  const comma = options.decimalComma === true;
  const numberText = (text: string): string => (comma ? text.replace('.', ',') : text);
  // FLOAT through DOUBLE would print 12.3 as 12.300000190734863; DuckDB prints it as written.
  if (type === 'FLOAT') return { sql: `CAST(${name} AS VARCHAR)`, toText: (value) => numberText(value as string) };
  if (isInteger || isDecimal || type === 'DOUBLE') {
    return { sql: `CAST(${name} AS DOUBLE)`, toText: (value) => numberText(String(value as number)) };
  }
  return undefined;
}

/**
 * Reads a text column as codes into its list of distinct values: DuckDB makes the values an ENUM
 * type and returns each row's `enum_code`, so a SKU or warehouse name is decoded from UTF-8 once
 * per distinct value instead of once per row (5M sales rows: 4.4 s -> 2.2 s of CPU to fetch them).
 */
async function dictionaryColumn(connection: DuckDBConnection, source: string, column: ReadColumn, index: number): Promise<ReadColumn> {
  const type = `input_values_${index}`;
  await connection.run(`CREATE TYPE ${type} AS ENUM (SELECT DISTINCT ${column.sql} FROM ${source} WHERE ${column.sql} IS NOT NULL)`);
  const reader = await connection.runAndReadAll(`SELECT unnest(enum_range(NULL::${type}))`);
  const values = reader.getColumnsJS()[0] as string[];
  return {
    header: column.header,
    sql: `CAST(enum_code(CAST(${column.sql} AS ${type})) AS INTEGER)`,
    toText: (code) => values[code as number],
  };
}

/** Day number -> date text in `format`, remembering the last day (rows of one date come together). */
function dayWriter(format: DateFormat): (value: unknown) => string {
  let lastDay = NaN;
  let lastText = '';
  return (value) => {
    const day = value as number;
    if (day === lastDay) return lastText;
    lastDay = day;
    lastText = formatDayAs(day, format);
    return lastText;
  };
}

function formatDayAs(day: number, format: DateFormat): string {
  if (format === 'YYYY-MM-DD') return formatDay(day);
  const [year, month, date] = civilFromDay(day);
  const yyyy = String(year).padStart(4, '0');
  const mm = String(month).padStart(2, '0');
  const dd = String(date).padStart(2, '0');
  switch (format) {
    case 'DD/MM/YYYY': return `${dd}/${mm}/${yyyy}`;
    case 'MM/DD/YYYY': return `${mm}/${dd}/${yyyy}`;
    case 'DD.MM.YYYY': return `${dd}.${mm}.${yyyy}`;
    case 'YYYY/MM/DD': return `${yyyy}/${mm}/${dd}`;
  }
}

function notParquetHint(file: string, error: unknown): string {
  if (!fs.existsSync(file)) return 'no such file';
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (/magic bytes/i.test(message)) return 'this file is not Parquet: name CSV files .csv';
  return `DuckDB could not read it: ${message}`;
}
