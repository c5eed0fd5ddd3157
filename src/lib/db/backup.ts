/**
 * Backing up everything this browser keeps for NPS Lines, and restoring it. Every table is taken
 * as it is declared (db.tables), so a table a later version adds is backed up and restored with
 * no change here.
 *
 * Restoring writes in one transaction: a file that fails half way (a full disk, a record the
 * database refuses) leaves the browser's data exactly as it was. Two ways to restore into a
 * browser that has data:
 *
 * - **replace**: the browser's data becomes the backup's (everything else is removed);
 * - **merge**: both are kept. Where the same thing exists on both sides (a dataset with the same
 *   id, a follow-up of the same answer, the dictionary, a playbook), the browser's version is
 *   kept and the backup's skipped: merging never changes or loses what is already here — a person
 *   who wants the backup's version replaces. A dataset comes whole: its answers, events and caches
 *   (every record naming it by `datasetId`) are taken or skipped with it, never mixed.
 */
import Dexie, { type IndexableTypeArrayReadonly, type Table } from 'dexie';
import { database, type NpsLinesDatabase } from './database';
import { BackupError, readBackup, writeBackup, type Backup, type BackupTable } from './backup-file';

export type RestoreMode = 'merge' | 'replace';

/** What a restore wrote and left, per table. */
export interface RestoreResult {
  added: Record<string, number>;
  skipped: Record<string, number>;
  /** Ids of the datasets written, and of those that were here before and are gone (replace). */
  datasets: string[];
  removedDatasets: string[];
}

const outbound = (table: Table) => table.schema.primKey.keyPath == null || table.schema.primKey.keyPath === '';

/** Every record of every table, read in one transaction: a consistent copy, even while other tabs write. */
export async function snapshotTables(db: NpsLinesDatabase = database()): Promise<BackupTable[]> {
  const out: BackupTable[] = [];
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      const rows = await table.toArray();
      // A table whose records do not hold their key keeps its keys beside them (same order).
      const keys = outbound(table) ? await table.toCollection().primaryKeys() : undefined;
      out.push(keys ? { name: table.name, rows, keys } : { name: table.name, rows });
    }
  });
  return out;
}

/**
 * The whole store as one backup file, and its records per table. `app` names this copy of the app
 * in the file's header.
 */
export async function makeBackup(app: string, db: NpsLinesDatabase = database()): Promise<{ blob: Blob; tables: Record<string, number> }> {
  const tables = await snapshotTables(db);
  const blob = await writeBackup(tables, { database: db.verno, app, createdAt: new Date().toISOString() });
  return { blob, tables: Object.fromEntries(tables.map((t) => [t.name, t.rows.length])) };
}

/**
 * Reads a backup file and checks it against this database: a BackupError when it is not a
 * backup, comes from a newer version, or is damaged (cut short, or answers without their
 * dataset). Nothing is written.
 */
export async function openBackup(file: Blob, db: NpsLinesDatabase = database()): Promise<Backup> {
  const backup = await readBackup(file, db.verno);
  const known = new Set(db.tables.map((t) => t.name));
  for (const table of backup.tables) if (!known.has(table.name)) throw new BackupError('damaged', `unknown table ${table.name}`);
  checkDatasets(backup);
  return backup;
}

const rowsOf = (backup: Backup, name: string): unknown[] => backup.tables.find((t) => t.name === name)?.rows ?? [];
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Every dataset has an id and all its chunks; every chunk belongs to a dataset of the backup. */
function checkDatasets(backup: Backup): void {
  const chunksOf = new Map<string, number>();
  for (const record of rowsOf(backup, 'datasets')) {
    if (!isRecord(record) || typeof record.id !== 'string') throw new BackupError('damaged', 'a dataset has no id');
    chunksOf.set(record.id, 0);
  }
  for (const chunk of rowsOf(backup, 'chunks')) {
    const id = isRecord(chunk) ? chunk.datasetId : undefined;
    if (typeof id !== 'string' || !chunksOf.has(id)) throw new BackupError('damaged', 'answers without their dataset');
    chunksOf.set(id, chunksOf.get(id)! + 1);
  }
  for (const record of rowsOf(backup, 'datasets') as Array<Record<string, unknown>>) {
    if (typeof record.chunkCount === 'number' && record.chunkCount !== chunksOf.get(record.id as string)) {
      throw new BackupError('damaged', `dataset ${String(record.id)} lacks answers`);
    }
  }
}

/** The dataset a record belongs to, if it belongs to one. */
const datasetOf = (row: unknown): string | null => (isRecord(row) && typeof row.datasetId === 'string' ? row.datasetId : null);

/**
 * Writes `backup` into the database in one transaction, merging or replacing (see the top of
 * this file). A record that replaces one with a `version` (a dataset, the dictionary) gets a
 * version above both, so a tab still holding the earlier copy cannot write over the restored one.
 */
export async function restoreBackup(backup: Backup, mode: RestoreMode, db: NpsLinesDatabase = database()): Promise<RestoreResult> {
  const result: RestoreResult = { added: {}, skipped: {}, datasets: [], removedDatasets: [] };
  await db.transaction('rw', db.tables, async () => {
    const here = new Set((await db.datasets.toCollection().primaryKeys()) as string[]);
    const plans: Array<{ table: Table; rows: unknown[]; keys?: unknown[] }> = [];
    for (const source of backup.tables) {
      const table = db.table(source.name);
      const keys = source.keys ?? source.rows.map((row) => Dexie.getByKeyPath(row as object, table.schema.primKey.keyPath as string | string[]));
      const plan = mode === 'replace' ? await replacing(table, source.rows, keys) : await merging(table, source, keys, here);
      // Keys go with the records only where the records do not hold their own.
      plans.push({ table, rows: plan.rows, keys: source.keys ? plan.keys : undefined });
      result.added[source.name] = plan.rows.length;
      result.skipped[source.name] = source.rows.length - plan.rows.length;
      if (source.name === 'datasets') result.datasets = plan.rows.map((row) => (row as { id: string }).id);
    }
    if (mode === 'replace') {
      const kept = new Set(result.datasets);
      result.removedDatasets = [...here].filter((id) => !kept.has(id));
      for (const table of db.tables) await table.clear();
    }
    for (const { table, rows, keys } of plans) {
      if (!rows.length) continue;
      const keyList = keys as IndexableTypeArrayReadonly | undefined;
      if (mode === 'replace') await (keyList ? table.bulkAdd(rows, keyList) : table.bulkAdd(rows));
      else await (keyList ? table.bulkPut(rows, keyList) : table.bulkPut(rows));
    }
  });
  return result;
}

/** Every record of the backup, with versions above those it replaces. */
async function replacing(table: Table, rows: unknown[], keys: unknown[]): Promise<{ rows: unknown[]; keys: unknown[] }> {
  const versioned = rows.some((row) => isRecord(row) && typeof row.version === 'number');
  if (!versioned) return { rows, keys };
  const existing = await table.bulkGet(keys as never[]);
  const out = rows.map((row, i) => {
    const before = existing[i] as { version?: unknown } | undefined;
    if (!isRecord(row) || typeof row.version !== 'number' || typeof before?.version !== 'number') return row;
    return { ...row, version: Math.max(row.version, before.version) + 1 };
  });
  return { rows: out, keys };
}

/**
 * The records of the backup that merging takes: those of a dataset this browser lacks (all of
 * them, over any leftovers), and records of no dataset whose key is new here.
 */
async function merging(table: Table, source: BackupTable, keys: unknown[], here: ReadonlySet<string>): Promise<{ rows: unknown[]; keys: unknown[] }> {
  const isDatasets = source.name === 'datasets';
  const bound = source.rows.map((row) => (isDatasets ? (row as { id: string }).id : datasetOf(row)));
  const free = source.rows.flatMap((_, i) => (bound[i] === null ? [i] : []));
  const existing = free.length ? await table.bulkGet(free.map((i) => keys[i]) as never[]) : [];
  const taken = new Set(free.filter((_, k) => existing[k] === undefined));
  const chosen = source.rows.flatMap((_, i) => ((bound[i] !== null ? !here.has(bound[i]!) : taken.has(i)) ? [i] : []));
  return { rows: chosen.map((i) => source.rows[i]), keys: chosen.map((i) => keys[i]) };
}

/** A restore in three numbers: datasets written, other records written, records kept as they were. */
export function restoreCounts(result: RestoreResult): { datasets: number; records: number; skipped: number } {
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
  return { datasets: result.datasets.length, records: sum(result.added) - result.datasets.length, skipped: sum(result.skipped) };
}

/** What a backup holds, for the question before it is restored. */
export interface BackupSummary {
  createdAt: string;
  datasets: number;
  answers: number;
  events: number;
  followUps: number;
  /** Every record of every table, answers' chunks counted as records. */
  records: number;
}

export function backupSummary(backup: Backup): BackupSummary {
  const datasets = rowsOf(backup, 'datasets') as Array<{ answerCount?: unknown }>;
  return {
    createdAt: backup.header.createdAt,
    datasets: datasets.length,
    answers: datasets.reduce((sum, d) => sum + (typeof d.answerCount === 'number' ? d.answerCount : 0), 0),
    events: rowsOf(backup, 'events').length,
    followUps: rowsOf(backup, 'followUps').length,
    records: backup.tables.reduce((sum, t) => sum + t.rows.length, 0),
  };
}

/** How many records the browser holds in all (0: nothing to merge with or to replace). */
export async function storedRecordCount(db: NpsLinesDatabase = database()): Promise<number> {
  let count = 0;
  for (const table of db.tables) count += await table.count();
  return count;
}
