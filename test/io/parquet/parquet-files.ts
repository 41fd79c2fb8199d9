import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/** Runs DuckDB statements (COPY ... TO 'x.parquet' to make test files), in a fresh in-memory database. */
export async function runDuckDb(...statements: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const statement of statements) await connection.run(statement);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Rows of a query as objects of JS values (DATE as `{ days }`, DECIMAL as numbers' text). */
export async function queryDuckDb(sql: string): Promise<{ names: string[]; types: string[]; rows: unknown[][] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return { names: reader.columnNames(), types: reader.columnTypes().map(String), rows: reader.getRowsJS() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Writes `select` (a SELECT statement) to `file` as Parquet. */
export function writeParquet(file: string, select: string): Promise<void> {
  return runDuckDb(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
}

/**
 * Converts a stockcast input CSV to Parquet as a data team would export it: dates as DATE,
 * numbers as integers or doubles, names as VARCHAR (a SKU like `1001` stays text).
 */
export function csvToParquet(csv: string, parquet: string): Promise<void> {
  const headers = readFileSync(csv, 'utf8').split('\n', 1)[0].split(',');
  const text = headers.filter((name) => ['sku', 'warehouse', 'description', 'supplier', 'from', 'to', 'order_id'].includes(name))
    .map((name) => `'${name}': 'VARCHAR'`).join(', ');
  return writeParquet(parquet, `SELECT * FROM read_csv('${csv.replaceAll("'", "''")}', header = true, types = {${text}})`);
}
