/**
 * An embedded DuckDB (no server) with the warehouse macros installed: the one place the command
 * line opens one. Settings say why they are set.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cellMacros } from '../../warehouse/cells';

export interface DatabaseOptions {
  /** A database file: tables then live on disk and only DuckDB's buffer pool in memory. */
  path?: string;
  /** DuckDB's memory limit, e.g. '2GB': beyond it, sorts and hashes spill to `tempDirectory`. */
  memoryLimit?: string;
  threads?: number;
  tempDirectory?: string;
}

export interface Database {
  connection: DuckDBConnection;
  /** Rows as plain objects (BIGINT and HUGEINT as bigint, so the SQL casts counts it returns). */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  run(sql: string): Promise<void>;
  close(): void;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const settings: Record<string, string> = {
    // Row numbers are the order in which the CSV reader yields records: that order must hold.
    preserve_insertion_order: 'true',
  };
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  if (options.threads) settings.threads = String(options.threads);
  if (options.tempDirectory) settings.temp_directory = options.tempDirectory;
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', settings);
  const connection = await instance.connect();
  const run = async (sql: string) => {
    await connection.run(sql);
  };
  for (const macro of cellMacros()) await run(macro);
  return {
    connection,
    run,
    rows: async <T,>(sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as T[],
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
