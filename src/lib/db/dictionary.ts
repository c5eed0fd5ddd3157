/**
 * The comment-topic dictionary, as edited in the app (the default one until then). It is shared
 * by every dataset and every tab: a save names the version it started from and is refused
 * ('dictionary-changed') when another tab saved since, instead of silently undoing that edit.
 */
import { database, type NpsLinesDatabase } from './database';
import type { Topic } from '../engine/text/dictionary';
import { StorageError } from './storage-error';
import { checkDictionary, type DictionaryProblem } from '../engine/text/dictionary-check';

const ID = 'app';

export interface LoadedDictionary {
  /** The stored topics, or null when none is stored (the default is in use) or it cannot be used. */
  topics: Topic[] | null;
  /** What a later save must name (0: nothing stored). */
  version: number;
  /** Why the stored dictionary cannot be used (then `topics` is null and the default is used). */
  problem: DictionaryProblem | null;
}

export async function readDictionary(db: NpsLinesDatabase = database()): Promise<LoadedDictionary> {
  const stored = await db.dictionaries.get(ID);
  if (!stored) return { topics: null, version: 0, problem: null };
  // Stored before versions were counted: version 1, so that 0 still means "nothing stored".
  const version = typeof stored.version === 'number' ? stored.version : 1;
  if (stored.topics === null) return { topics: null, version, problem: null };
  const checked = checkDictionary(stored.topics);
  return checked.ok ? { topics: checked.topics, version, problem: null } : { topics: null, version, problem: checked.problem };
}

export async function loadDictionary(db: NpsLinesDatabase = database()): Promise<Topic[] | null> {
  return (await readDictionary(db)).topics;
}

async function storedVersion(db: NpsLinesDatabase): Promise<number> {
  const stored = await db.dictionaries.get(ID);
  return stored ? (typeof stored.version === 'number' ? stored.version : 1) : 0;
}

/**
 * Saves the dictionary if the stored one is still `expectedVersion`; returns the new version.
 * Without `expectedVersion` it overwrites (tests, and an import the person asked for).
 */
export async function saveDictionary(topics: Topic[], db: NpsLinesDatabase = database(), expectedVersion?: number): Promise<number> {
  const checked = checkDictionary(topics);
  if (!checked.ok) throw new RangeError(`not a dictionary: ${checked.problem.code}`);
  let version = 0;
  await db.transaction('rw', db.dictionaries, async () => {
    const stored = await storedVersion(db);
    if (expectedVersion !== undefined && stored !== expectedVersion) throw new StorageError('dictionary-changed');
    version = stored + 1;
    await db.dictionaries.put({ id: ID, topics: checked.topics, savedAt: Date.now(), version });
  });
  return version;
}

/**
 * Back to the default: always allowed (it is the way out of a dictionary that cannot be used).
 * The record stays, without topics, so versions keep counting up: a tab holding an old version
 * can never match a later one by chance.
 */
export async function resetDictionary(db: NpsLinesDatabase = database()): Promise<number> {
  let version = 0;
  await db.transaction('rw', db.dictionaries, async () => {
    version = (await storedVersion(db)) + 1;
    await db.dictionaries.put({ id: ID, topics: null, savedAt: Date.now(), version });
  });
  return version;
}
