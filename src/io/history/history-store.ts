/**
 * Opening the run history store: a DuckDB file (`stockcast.db`) that `plan` appends each
 * successful run to and `accuracy` reads. Opening for writing creates the file when missing and
 * applies the migrations it lacks (history-schema.ts); opening for reading attaches the file
 * read-only to an in-memory database, so a reader never changes it and may add its own
 * temporary tables (the actuals it scores against).
 *
 * A file that is not a DuckDB database, a DuckDB database that is not a stockcast store, or a
 * store written by a newer stockcast is an InputError (exit 3) naming the file and what to do;
 * a store another process has open (DuckDB locks the file) is waited for, then a LockedError.
 */

import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { InputError, LockedError } from '../../errors.js';
import { HISTORY_MIGRATIONS, HISTORY_SCHEMA_VERSION } from './history-schema.js';

export interface HistoryStore {
  readonly path: string;
  readonly connection: DuckDBConnection;
  /** The catalog the store's tables are in, as a quoted SQL identifier (`"history"` when opened read-only). */
  readonly catalog: string;
  /** Schema version found on disk before any migration (0 for a new file). */
  readonly versionFound: number;
  close(): void;
}

export interface OpenHistoryOptions {
  /** Attach read-only (no migration, no creation); the file must exist. */
  readonly readOnly?: boolean;
  /** How long to wait for another process to release the file, in ms (default 120 s). */
  readonly waitMs?: number;
}

const IS_LOCK_CONFLICT = /Could not set lock on file|Conflicting lock/i;

/**
 * Opens (creating and migrating when writing) the store at `path`.
 *
 * @example const store = await openHistoryStore('data/stockcast.db'); try { ... } finally { store.close(); }
 */
export async function openHistoryStore(path: string, options: OpenHistoryOptions = {}): Promise<HistoryStore> {
  const readOnly = options.readOnly ?? false;
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  for (let delayMs = 50; ; delayMs = Math.min(1000, delayMs * 2)) {
    try {
      return await openOnce(path, readOnly);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!IS_LOCK_CONFLICT.test(message)) throw error;
      if (Date.now() >= deadline) {
        throw new LockedError(`${path}: the run history store is in use by another stockcast process; try again when it has finished`);
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/**
 * The store is written at the end of a plan, while the plan's own data is still in memory: one
 * thread and a 256 MB buffer pool (DuckDB spills past it to DIR/stockcast.db.tmp) keep DuckDB's
 * share of the peak small; its default, 80 % of RAM and a thread per core, added ~290 MB to the
 * 5M-row bench's peak RSS. Read-only opens (`stockcast accuracy`) keep DuckDB's defaults for
 * their joins. No extension is installed or loaded at run time (no network).
 */
const NO_EXTENSIONS = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' };
const STORE_OPTIONS = { ...NO_EXTENSIONS, threads: '1', memory_limit: '256MB' };

async function openOnce(path: string, readOnly: boolean): Promise<HistoryStore> {
  let instance: DuckDBInstance;
  let catalog = 'main';
  try {
    if (readOnly) {
      instance = await DuckDBInstance.create(':memory:', NO_EXTENSIONS);
    } else {
      instance = await DuckDBInstance.create(path, STORE_OPTIONS);
    }
  } catch (error) {
    throw storeError(path, error);
  }
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    if (readOnly) {
      try {
        await connection.run(`ATTACH ${sqlText(path)} AS history (READ_ONLY)`);
      } catch (error) {
        throw storeError(path, error);
      }
      catalog = 'history';
    } else {
      catalog = String((await connection.runAndReadAll('SELECT current_database()')).getRowsJS()[0][0]);
    }
    const versionFound = await storedVersion(connection, catalog, path);
    if (versionFound > HISTORY_SCHEMA_VERSION) {
      throw foreignStore(path, `a store of schema version ${HISTORY_SCHEMA_VERSION} or older`,
        `schema version ${versionFound}, written by a newer stockcast`, 'upgrade stockcast, or run with --no-history');
    }
    if (!readOnly) await migrate(connection, versionFound);
    const open = connection;
    return {
      path, connection: open, catalog: sqlName(catalog), versionFound,
      close: () => {
        open.closeSync();
        instance.closeSync();
      },
    };
  } catch (error) {
    connection?.closeSync();
    instance.closeSync();
    throw error;
  }
}

/** The version recorded in the store; 0 for a new, empty file; an InputError for a foreign database. */
async function storedVersion(connection: DuckDBConnection, catalog: string, path: string): Promise<number> {
  const tables = (await connection.runAndReadAll(
    'SELECT table_name FROM information_schema.tables WHERE table_catalog = $1 AND table_schema = \'main\'', [catalog],
  )).getRowsJS().map((row) => String(row[0]));
  if (tables.length === 0) return 0;
  if (!tables.includes('schema_version')) {
    throw foreignStore(path, 'a stockcast run history store', `a DuckDB database with other tables (${tables.slice(0, 3).join(', ')})`,
      'move it away, or name another store with "history" in stockcast.config.json, or run with --no-history');
  }
  const rows = (await connection.runAndReadAll(`SELECT max(version) FROM ${sqlName(catalog)}.schema_version`)).getRowsJS();
  return Number(rows[0]?.[0] ?? 0);
}

/** Applies every migration after `from`, each with its schema_version row in one transaction. */
async function migrate(connection: DuckDBConnection, from: number): Promise<void> {
  if (from === 0) await connection.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)');
  for (const migration of HISTORY_MIGRATIONS) {
    if (migration.version <= from) continue;
    await connection.run('BEGIN TRANSACTION');
    try {
      for (const statement of migration.statements) await connection.run(statement);
      await connection.run('INSERT INTO schema_version VALUES ($1, $2, now()::TIMESTAMP)', [migration.version, migration.description]);
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
  }
}

function storeError(path: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (IS_LOCK_CONFLICT.test(message)) return error instanceof Error ? error : new Error(message);
  if (/not a valid DuckDB database|Corrupt|checksum|database file .* (?:is|was)|Could not read|INTERNAL Error|Serialization|version number/i.test(message)) {
    const reason = /not a valid DuckDB database/i.test(message) ? 'a file that is not a DuckDB database' : `a damaged or unreadable database (${firstLine(message)})`;
    return foreignStore(path, 'a stockcast run history store (DuckDB)', reason,
      'move it away and the next plan starts a new store, or run with --no-history');
  }
  if (/No such file|does not exist|cannot open file/i.test(message) && !existsSync(path)) {
    return foreignStore(path, 'a stockcast run history store', 'no file', 'run stockcast plan first, or name the store with --history FILE');
  }
  return error instanceof Error ? error : new Error(message);
}

function foreignStore(path: string, expected: string, actual: string, hint: string): InputError {
  return new InputError([{ file: path, line: 0, column: 0, field: '', expected: `${expected}, got ${actual}`, actual: '', hint }]);
}

function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** A quoted SQL identifier. */
export function sqlName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal. */
export function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
