/** The cached word index of a dataset's comments (see StoredWordIndex). */
import { database, type NpsLinesDatabase, type StoredWordIndex } from './database';
import { answersKey } from '../engine/answers';
import { upgradeRecord } from './legacy';

/**
 * How an index is kept: its token arrays as Blobs, which IndexedDB stores beside the record
 * rather than serialising them with it — a million comments' ~24 MB of tokens, serialised on the
 * page, held it ~70 ms. Indexes stored before hold typed arrays; both are read.
 */
type Kept = Omit<StoredWordIndex, 'tokens' | 'ends'> & { tokens: Uint32Array | Blob; ends: Uint32Array | Blob };

const arrayOf = async (value: Uint32Array | Blob) => (value instanceof Blob ? new Uint32Array(await value.arrayBuffer()) : value);

export async function loadWordIndex(datasetId: string, db: NpsLinesDatabase = database()): Promise<StoredWordIndex | null> {
  const kept = (await db.wordIndexes.get(datasetId)) as Kept | undefined;
  if (!kept) return null;
  return { ...kept, tokens: await arrayOf(kept.tokens), ends: await arrayOf(kept.ends) };
}

/**
 * Stores an index only if the dataset is still there with the answers it was made from: a delete
 * while the words were counted must not leave an orphan, and an append or removal in another tab
 * must not be paired with the words of the answers before it. Resolves to whether it was stored.
 */
export async function saveWordIndex(record: StoredWordIndex, db: NpsLinesDatabase = database()): Promise<boolean> {
  const kept: Kept = { ...record, tokens: new Blob([record.tokens as Uint32Array<ArrayBuffer>]), ends: new Blob([record.ends as Uint32Array<ArrayBuffer>]) };
  return db.transaction('rw', db.datasets, db.wordIndexes, async () => {
    const dataset = await db.datasets.get(record.datasetId);
    if (!dataset || answersKey(upgradeRecord(dataset)) !== record.answersKey) return false;
    await db.wordIndexes.put(kept as unknown as StoredWordIndex);
    return true;
  });
}
