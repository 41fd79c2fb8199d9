import { open, readFile } from 'node:fs/promises';
import { openParquetConnection, sqlIdentifier, sqlString } from './duckdb-connection.js';

/** The Parquet column types stockcast writes. */
export type ParquetColumnType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'BIGINT';

/**
 * Writes the CSV file `csvFile` (one stockcast wrote: a header row, `,`, RFC 4180 quotes) as the
 * Parquet file `parquetFile`, same columns in the same order, each with the type `typeOf` gives
 * its header; empty cells become NULL. DuckDB reads the CSV with those types (no sniffing, so a
 * SKU of digits stays text) and writes the Parquet file itself, streaming: the CSV is the one
 * source of the values, so both files always hold the same table. The file is fsynced, as the
 * output set does for the files it writes.
 */
export async function writeParquetFromCsv(csvFile: string, parquetFile: string, typeOf: (column: string) => ParquetColumnType): Promise<void> {
  const headers = splitHeader(await firstLine(csvFile));
  const columns = headers.map((name) => `${sqlString(name)}: ${sqlString(typeOf(name))}`).join(', ');
  const select = `SELECT ${headers.map(sqlIdentifier).join(', ')} FROM read_csv(${sqlString(csvFile)}, header = true, auto_detect = false, `
    + `delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
  const { connection, close } = await openParquetConnection();
  try {
    await connection.run(`COPY (${select}) TO ${sqlString(parquetFile)} (FORMAT parquet)`);
  } finally {
    close();
  }
  const handle = await open(parquetFile, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    return end < 0 ? (await readFile(file, 'utf8')).split('\n', 1)[0] : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

/** Header names of a stockcast CSV: plain names, or quoted with `""` for a quote. */
function splitHeader(line: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      names.push(current);
      current = '';
    } else if (c !== '\r') current += c;
  }
  names.push(current);
  return names;
}
