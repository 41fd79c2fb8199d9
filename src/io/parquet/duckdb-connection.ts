/**
 * One in-memory DuckDB connection for reading or writing Parquet files. `@duckdb/node-api` is
 * imported on first use, so runs that read and write only CSV never load it. Its Parquet and ICU
 * extensions are linked into the binary; loading and installing other extensions is switched off
 * so that a run never reaches for the network.
 */

import type { DuckDBConnection } from '@duckdb/node-api';

export interface ParquetConnection {
  readonly connection: DuckDBConnection;
  close(): void;
}

export async function openParquetConnection(): Promise<ParquetConnection> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    enable_external_access: 'true',
    threads: '1',
  });
  const connection = await instance.connect();
  // Timestamps with a time zone become calendar dates in UTC, whatever the machine's zone.
  await connection.run("SET TimeZone = 'UTC'");
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** `text` as a SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `name` as a SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
