/** The cached word index of a dataset's comments (see StoredWordIndex). */
import { database, type NpsLinesDatabase, type StoredWordIndex } from './database';
import { answersKey } from '../engine/answers';
import { upgradeRecord } from './legacy';

export async function loadWordIndex(datasetId: string, db: NpsLinesDatabase = database()): Promise<StoredWordIndex | null> {
  return (await db.wordIndexes.get(datasetId)) ?? null;
}

/**
 * Stores an index only if the dataset is still there with the answers it was made from: a delete
 * while the words were counted must not leave an orphan, and an append or removal in another tab
 * must not be paired with the words of the answers before it. Resolves to whether it was stored.
 */
export async function saveWordIndex(record: StoredWordIndex, db: NpsLinesDatabase = database()): Promise<boolean> {
  return db.transaction('rw', db.datasets, db.wordIndexes, async () => {
    const dataset = await db.datasets.get(record.datasetId);
    if (!dataset || answersKey(upgradeRecord(dataset)) !== record.answersKey) return false;
    await db.wordIndexes.put(record);
    return true;
  });
}
