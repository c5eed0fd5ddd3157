/** The comment-topic dictionary, as edited in the app (the default one until then). */
import { database, type NpsLinesDatabase } from './database';
import type { Topic } from '../engine/text/dictionary';

const ID = 'app';

export async function loadDictionary(db: NpsLinesDatabase = database()): Promise<Topic[] | null> {
  return (await db.dictionaries.get(ID))?.topics ?? null;
}

export async function saveDictionary(topics: Topic[], db: NpsLinesDatabase = database()): Promise<void> {
  await db.dictionaries.put({ id: ID, topics, savedAt: Date.now() });
}

export async function resetDictionary(db: NpsLinesDatabase = database()): Promise<void> {
  await db.dictionaries.delete(ID);
}
