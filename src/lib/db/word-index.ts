/** The cached word index of a dataset's comments (see StoredWordIndex). */
import { database, type NpsLinesDatabase, type StoredWordIndex } from './database';

export async function loadWordIndex(datasetId: string, db: NpsLinesDatabase = database()): Promise<StoredWordIndex | null> {
  return (await db.wordIndexes.get(datasetId)) ?? null;
}

export async function saveWordIndex(record: StoredWordIndex, db: NpsLinesDatabase = database()): Promise<void> {
  // Only if the dataset is still there: a delete while the words were counted must not leave an orphan.
  await db.transaction('rw', db.datasets, db.wordIndexes, async () => {
    if (await db.datasets.get(record.datasetId)) await db.wordIndexes.put(record);
  });
}
