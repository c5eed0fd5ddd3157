/** Datasets and their answers: create (all-or-nothing), read back, rename, delete. */
import { concatTables, sliceTable, type AnswerTable } from '../engine/answers';
import { database, type AnswerChunk, type NpsLinesDatabase } from './database';
import { type DatasetRecord } from '../engine/dataset';

/** Answers per stored record: big enough for speed, small enough to read back in pieces. */
export const CHUNK_SIZE = 65536;

/**
 * The chunks of a table, made one at a time as they are stored: IndexedDB keeps its own copy of
 * each, so a chunk made only when it is added can be freed at once (all made up front, a million
 * answers held a second full copy of the columns until the transaction ended).
 */
function* chunksOf(datasetId: string, table: AnswerTable, firstIndex: number): Generator<AnswerChunk> {
  for (let start = 0, index = firstIndex; start < table.length; start += CHUNK_SIZE, index++) {
    yield { datasetId, index, ...sliceTable(table, start, Math.min(table.length, start + CHUNK_SIZE)) };
  }
}

const chunkCount = (answers: number) => Math.ceil(answers / CHUNK_SIZE);

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
  const full: DatasetRecord = { ...record, answerCount: table.length, chunkCount: total, nextAnswerId: record.nextAnswerId ?? table.length };
  await db.transaction('rw', db.datasets, db.chunks, async () => {
    await db.datasets.add(full);
    let stored = 0;
    for (const chunk of chunksOf(record.id, table, 0)) {
      await db.chunks.add(chunk);
      onChunkStored?.(++stored, total);
    }
  });
  return full;
}

/**
 * Adds answers (and their files and rejected rows) to a stored dataset in one transaction.
 * `record` is the dataset as it will be afterwards, apart from the counts this sets.
 */
export async function appendAnswers(
  record: DatasetRecord,
  table: AnswerTable,
  nextAnswerId: number,
  db: NpsLinesDatabase = database(),
): Promise<DatasetRecord> {
  const full: DatasetRecord = {
    ...record,
    answerCount: record.answerCount + table.length,
    chunkCount: record.chunkCount + chunkCount(table.length),
    nextAnswerId,
    updatedAt: Date.now(),
  };
  await db.transaction('rw', [db.datasets, db.chunks, db.wordIndexes], async () => {
    for (const chunk of chunksOf(record.id, table, record.chunkCount)) await db.chunks.add(chunk);
    await db.datasets.put(full);
    // The words of the old answers would be rebuilt anyway: free their space now.
    await db.wordIndexes.delete(record.id);
  });
  return full;
}

/** Replaces all answers of a dataset (after removing a file's rows), in one transaction. */
export async function replaceAnswers(record: DatasetRecord, table: AnswerTable, db: NpsLinesDatabase = database()): Promise<DatasetRecord> {
  const full: DatasetRecord = { ...record, answerCount: table.length, chunkCount: chunkCount(table.length), updatedAt: Date.now() };
  await db.transaction('rw', [db.datasets, db.chunks, db.wordIndexes], async () => {
    await db.chunks.where('datasetId').equals(record.id).delete();
    for (const chunk of chunksOf(record.id, table, 0)) await db.chunks.add(chunk);
    await db.datasets.put(full);
    // The removed rows' words must not stay behind in the store.
    await db.wordIndexes.delete(record.id);
  });
  return full;
}

export async function listDatasets(db: NpsLinesDatabase = database()): Promise<DatasetRecord[]> {
  return db.datasets.orderBy('updatedAt').reverse().toArray();
}

export async function getDataset(id: string, db: NpsLinesDatabase = database()): Promise<DatasetRecord | undefined> {
  return db.datasets.get(id);
}

/** All answers of a dataset as one table, in the order they were imported. */
export async function loadAnswers(record: DatasetRecord, db: NpsLinesDatabase = database()): Promise<AnswerTable> {
  const chunks = await db.chunks.where('[datasetId+index]').between([record.id, 0], [record.id, Infinity]).toArray();
  return concatTables(chunks, record.segmentColumns.length);
}

export async function renameDataset(id: string, name: string, db: NpsLinesDatabase = database()): Promise<void> {
  await db.datasets.update(id, { name, updatedAt: Date.now() });
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
