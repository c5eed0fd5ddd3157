/**
 * Datasets and their answers: create (all-or-nothing), read back, append, remove a file's rows,
 * rename, delete.
 *
 * Several tabs may hold the same dataset. Every change is therefore made from what is stored,
 * inside the transaction that writes it, never from a tab's copy: each write names the version of
 * the dataset it read (DatasetRecord.version) and is refused with a StorageError when the stored
 * dataset is gone ('deleted') or another tab changed it since ('changed'). IndexedDB runs
 * transactions over the same tables one after another, so the check and the write cannot be
 * split by another tab's write.
 */
import { concatTables, sliceTable, tableToWire, type AnswerTable } from '../engine/answers';
import { letGo } from '../engine/let-go';
import { database, type AnswerChunk, type NpsLinesDatabase } from './database';
import { recordWithoutFile, versionOf, type DatasetRecord } from '../engine/dataset';
import { withoutFile } from '../engine/files';
import { encodeCustomers } from '../engine/customers';
import { lacksCustomers, upgradeChunk, upgradeRecord } from './legacy';
import { StorageError } from './storage-error';
import { withValidSettings } from './validate-settings';
import { SETTING_NAMES, type DatasetSettings } from '../engine/dataset';
import { storedFirstLook } from '../engine/first-look';

/** A stored record as the current code reads it: earlier shapes upgraded, unusable settings left out. */
const readRecord = (record: DatasetRecord) => withValidSettings(upgradeRecord(record));

/** Answers per stored record: big enough for speed, small enough to read back in pieces. */
export const CHUNK_SIZE = 65536;

/**
 * The chunks of a table, made one at a time as they are stored: IndexedDB keeps its own copy of
 * each, so a chunk made only when it is added can be freed at once (all made up front, a million
 * answers held a second full copy of the columns until the transaction ended).
 */
function* chunksOf(datasetId: string, table: AnswerTable, firstIndex: number): Generator<MadeChunk> {
  for (let start = 0, index = firstIndex; start < table.length; start += CHUNK_SIZE, index++) {
    // Texts still in code units are stored so, not decoded for it (text-units.ts).
    const { table: columns, transfer } = tableToWire(sliceTable(table, start, Math.min(table.length, start + CHUNK_SIZE)));
    yield { chunk: { datasetId, index, ...columns }, buffers: transfer };
  }
}

/** A chunk as chunksOf makes it, with its buffers: its own (sliceTable copies), to let go once stored. */
interface MadeChunk {
  chunk: AnswerChunk;
  buffers: ArrayBuffer[];
}

/**
 * Stores one chunk made by chunksOf, and lets its buffers go once IndexedDB holds its copy: they
 * are the chunk's own (sliceTable copies), and waiting for a collection kept a million answers'
 * chunks, ~200 MB, alive after the overview showed (measured in Chromium).
 */
function addChunk(db: NpsLinesDatabase, { chunk, buffers }: MadeChunk): Promise<unknown> {
  return db.chunks.add(chunk).then((key) => {
    letGo(...buffers);
    return key;
  });
}

const chunkCount = (answers: number) => Math.ceil(answers / CHUNK_SIZE);

/**
 * The stored record, if it is still the version the caller read. Call inside the write's
 * transaction: the refusal then leaves nothing written.
 */
async function current(db: NpsLinesDatabase, id: string, expectedVersion: number): Promise<DatasetRecord> {
  const stored = await db.datasets.get(id);
  if (!stored) throw new StorageError('deleted', `dataset ${id} no longer exists`);
  if (versionOf(stored) !== expectedVersion) throw new StorageError('changed', `dataset ${id} is at version ${versionOf(stored)}, not ${expectedVersion}`);
  return readRecord(stored);
}

/**
 * Stores a new dataset and all its answers in one transaction: if anything fails half way, the
 * database is exactly as it was (IndexedDB rolls the whole transaction back).
 */
export async function createDataset(
  record: Omit<DatasetRecord, 'answerCount' | 'chunkCount' | 'nextAnswerId'> & { nextAnswerId?: number },
  table: AnswerTable,
  db: NpsLinesDatabase = database(),
  onChunkStored?: (stored: number, total: number) => void,
): Promise<DatasetRecord> {
  const total = chunkCount(table.length);
  // An import that skipped duplicates used more answer ids than it keeps: the next id must come
  // after all of them, or an appended answer could take an id a kept one already has.
  const counts = { id: record.id, answerCount: table.length, nextAnswerId: record.nextAnswerId ?? table.length };
  const full: DatasetRecord = { ...record, ...counts, chunkCount: total, version: 1, firstLook: storedFirstLook(counts, table) };
  await db.transaction('rw', db.datasets, db.chunks, async () => {
    await db.datasets.add(full);
    let stored = 0;
    // Each chunk is added once the one before is written, so each is a task of its own (~20 ms
    // at 65,536 answers). Added one ahead, Chromium gave the page the writes' results together
    // and a million answers were stored in one ~370 ms task right after the overview showed; the
    // next chunk is still cut out while the one before is written.
    let writing: Promise<unknown> | null = null;
    for (const chunk of chunksOf(record.id, table, 0)) {
      if (writing) {
        await writing;
        onChunkStored?.(++stored, total);
      }
      writing = addChunk(db, chunk);
      // Its failure is met when it is awaited; until then it must not count as unhandled.
      writing.catch(() => {});
    }
    if (writing) {
      await writing;
      onChunkStored?.(++stored, total);
    }
  });
  return full;
}

/**
 * Adds answers (and their files and rejected rows) to a stored dataset in one transaction.
 * `record` is the dataset as it will be afterwards, apart from the counts this sets; `expectedVersion`
 * is the version the answers were checked against for duplicates (the record's, by default). A
 * dataset deleted or changed since is left as it is: nothing is written, a StorageError says why.
 */
export async function appendAnswers(
  record: DatasetRecord,
  table: AnswerTable,
  nextAnswerId: number,
  db: NpsLinesDatabase = database(),
  expectedVersion: number = versionOf(record),
): Promise<DatasetRecord> {
  let full = record;
  await db.transaction('rw', [db.datasets, db.chunks, db.wordIndexes], async () => {
    const stored = await current(db, record.id, expectedVersion);
    full = {
      ...record,
      answerCount: stored.answerCount + table.length,
      chunkCount: stored.chunkCount + chunkCount(table.length),
      nextAnswerId,
      updatedAt: Date.now(),
      version: versionOf(stored) + 1,
    };
    for (const chunk of chunksOf(record.id, table, stored.chunkCount)) await addChunk(db, chunk);
    await db.datasets.put(full);
    // The words of the old answers would be rebuilt anyway: free their space now.
    await db.wordIndexes.delete(record.id);
  });
  return full;
}

/**
 * Removes one file's answers and rejected rows from a stored dataset, from what is stored: its
 * chunks are read, filtered and written back in one transaction, so answers another tab appended
 * are kept (or, if the dataset changed since `expectedVersion`, nothing is done). Returns the
 * dataset as stored afterwards, with all its answers.
 */
export async function removeFileAnswers(
  id: string,
  fileIndex: number,
  expectedVersion: number,
  db: NpsLinesDatabase = database(),
): Promise<{ record: DatasetRecord; table: AnswerTable }> {
  let result: { record: DatasetRecord; table: AnswerTable } | null = null;
  await db.transaction('rw', [db.datasets, db.chunks, db.wordIndexes], async () => {
    const stored = await current(db, id, expectedVersion);
    if (fileIndex < 0 || fileIndex >= stored.files.length) throw new StorageError('changed', `dataset ${id} has no file ${fileIndex}`);
    const all = await readTable(db, stored);
    const remaining = withoutFile(all, fileIndex);
    // Stored codes follow first appearance; re-encode so a later append agrees with them.
    remaining.customer = encodeCustomers(remaining, stored.identity);
    const record: DatasetRecord = {
      ...recordWithoutFile(stored, fileIndex),
      answerCount: remaining.length,
      chunkCount: chunkCount(remaining.length),
      updatedAt: Date.now(),
      version: versionOf(stored) + 1,
    };
    await db.chunks.where('datasetId').equals(id).delete();
    for (const chunk of chunksOf(id, remaining, 0)) await addChunk(db, chunk);
    await db.datasets.put(record);
    // The removed rows' words must not stay behind in the store.
    await db.wordIndexes.delete(id);
    result = { record, table: remaining };
  });
  return result!;
}

export async function listDatasets(db: NpsLinesDatabase = database()): Promise<DatasetRecord[]> {
  return (await db.datasets.orderBy('updatedAt').reverse().toArray()).map(readRecord);
}

export async function getDataset(id: string, db: NpsLinesDatabase = database()): Promise<DatasetRecord | undefined> {
  const record = await db.datasets.get(id);
  return record && readRecord(record);
}

async function readTable(db: NpsLinesDatabase, record: DatasetRecord): Promise<AnswerTable> {
  const chunks = (await db.chunks.where('[datasetId+index]').between([record.id, 0], [record.id, Infinity]).toArray()).map(upgradeChunk);
  const table = concatTables(chunks, record.segmentColumns.length);
  // Chunks from before customers were encoded: make the codes from the identity, as an import does.
  if (chunks.some(lacksCustomers)) table.customer = encodeCustomers(table, record.identity);
  return table;
}

/** All answers of a dataset as one table, in the order they were imported. */
export async function loadAnswers(record: DatasetRecord, db: NpsLinesDatabase = database()): Promise<AnswerTable> {
  return readTable(db, record);
}

/**
 * The record and its answers read in one transaction, so that they agree even when another tab
 * writes in between (two separate reads could pair an old record with new chunks).
 */
export async function loadDataset(id: string, db: NpsLinesDatabase = database()): Promise<{ record: DatasetRecord; table: AnswerTable } | null> {
  return db.transaction('r', db.datasets, db.chunks, async () => {
    const stored = await db.datasets.get(id);
    if (!stored) return null;
    const record = readRecord(stored);
    return { record, table: await readTable(db, record) };
  });
}

/** Renames a dataset: refused when it was deleted, or changed since `expectedVersion` when given. */
export async function renameDataset(id: string, name: string, db: NpsLinesDatabase = database(), expectedVersion?: number): Promise<DatasetRecord> {
  let renamed: DatasetRecord | null = null;
  await db.transaction('rw', db.datasets, async () => {
    const stored = await db.datasets.get(id);
    if (!stored) throw new StorageError('deleted', `dataset ${id} no longer exists`);
    if (expectedVersion !== undefined && versionOf(stored) !== expectedVersion) throw new StorageError('changed');
    renamed = { ...stored, name, updatedAt: Date.now(), version: versionOf(stored) + 1 };
    await db.datasets.put(renamed);
  });
  return renamed!;
}

/**
 * Changes what the person said about a dataset — an employee survey, a joined file, the at-risk
 * share — in the stored record (a field given as undefined is removed). Refused, with nothing
 * written, when the dataset was deleted or changed since `expectedVersion`.
 */
export async function updateDatasetSettings(id: string, change: { [K in keyof DatasetSettings]?: DatasetSettings[K] | undefined }, expectedVersion: number, db: NpsLinesDatabase = database()): Promise<DatasetRecord> {
  let updated: DatasetRecord | null = null;
  await db.transaction('rw', db.datasets, async () => {
    const stored = await current(db, id, expectedVersion);
    const next: DatasetRecord = { ...stored, updatedAt: Date.now(), version: versionOf(stored) + 1 };
    for (const name of SETTING_NAMES) {
      if (!(name in change)) continue;
      if (change[name] === undefined) delete next[name];
      else (next as DatasetSettings)[name] = change[name] as never;
    }
    await db.datasets.put(next);
    updated = next;
  });
  return updated!;
}

export async function deleteDataset(id: string, db: NpsLinesDatabase = database()): Promise<void> {
  await db.transaction('rw', [db.datasets, db.chunks, db.events, db.wordIndexes, db.referenceLines], async () => {
    await db.chunks.where('datasetId').equals(id).delete();
    await db.events.where('datasetId').equals(id).delete();
    await db.referenceLines.where('datasetId').equals(id).delete();
    await db.wordIndexes.delete(id);
    await db.datasets.delete(id);
  });
}
