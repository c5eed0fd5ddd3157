/**
 * The one IndexedDB database of the app. This folder is the only place that imports Dexie.
 *
 * Answers are stored as columnar chunks (typed arrays and string arrays, tens of thousands of
 * answers a record): one record per answer writes ~8,700 answers/s, chunks ~1.9 million/s
 * (docs/methods.md §10.6).
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { AnswerTable, WireTable } from '../engine/answers';
import type { CompanyEvent, DatasetRecord } from '../engine/dataset';
import type { FollowUpState } from '../engine/follow-ups';
import type { FilePlan } from '../ingest/preview';
import type { Topic } from '../engine/text/dictionary';
import type { ReferenceLine } from '../engine/references';

/** The column mapping a person confirmed for a form, found again by its header signature. */
export interface RememberedMapping {
  signature: string;
  headers: string[];
  headerRows: number;
  roles: FilePlan['roles'];
  dateOrder: FilePlan['dateOrder'];
  savedAt: number;
}

/** What to do with each group (detractors, passives, promoters), as the team wrote it. */
export interface StoredPlaybook {
  /** The group, and `employee-…` for the playbooks of employee surveys (eNPS). */
  id: 'detractor' | 'passive' | 'promoter' | 'employee-detractor' | 'employee-passive' | 'employee-promoter';
  text: string;
  savedAt: number;
}

/** The comment-topic dictionary in use (one for the app; 'default' until edited). */
export interface StoredDictionary {
  id: string;
  /** null after a reset to the default (the record keeps the version counting). */
  topics: Topic[] | null;
  savedAt: number;
  /** Counts saves, so a tab cannot overwrite another tab's newer edit (absent before: 1). */
  version?: number;
}

/**
 * The words of a dataset's comments (engine/text/word-index.ts), cached: tokenising is the slow
 * part of word statistics. Valid while the dataset, the tokeniser and the kept keywords are the
 * ones it was made with (a changed keyword list is patched, not rebuilt).
 */
export interface StoredWordIndex {
  datasetId: string;
  tokeniserVersion: number;
  /** answersKey of the dataset when the index was made: an append or a removed file makes it stale. */
  answersKey: string;
  answerCount: number;
  /** Dictionary keywords kept whole when it was made. */
  keep: string[];
  words: string[];
  tokens: Uint32Array;
  ends: Uint32Array;
  builtAt: number;
}

/** Text columns are stored as code units when they were built so (text-units.ts), else as text. */
export interface AnswerChunk extends WireTable {
  datasetId: string;
  index: number;
}

export class NpsLinesDatabase extends Dexie {
  datasets!: EntityTable<DatasetRecord, 'id'>;
  chunks!: Dexie.Table<AnswerChunk, [string, number]>;
  mappings!: EntityTable<RememberedMapping, 'signature'>;
  events!: EntityTable<CompanyEvent, 'id'>;
  dictionaries!: EntityTable<StoredDictionary, 'id'>;
  wordIndexes!: EntityTable<StoredWordIndex, 'datasetId'>;
  /** Follow-up status of an answer, by the answer's own key (engine/follow-ups.ts): not per dataset. */
  followUps!: EntityTable<FollowUpState, 'key'>;
  playbooks!: EntityTable<StoredPlaybook, 'id'>;
  /** Targets and industry figures drawn on a dataset's trend. */
  referenceLines!: EntityTable<ReferenceLine, 'id'>;

  constructor(name = 'nps-lines', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      datasets: 'id, updatedAt',
      chunks: '[datasetId+index], datasetId',
    });
    this.version(2).stores({ mappings: 'signature, savedAt' });
    this.version(3).stores({ events: 'id, datasetId' });
    this.version(4).stores({ dictionaries: 'id' });
    this.version(5).stores({ wordIndexes: 'datasetId' });
    this.version(6).stores({ followUps: 'key, updatedAt', playbooks: 'id' });
    this.version(7).stores({ referenceLines: 'id, datasetId' });
    // No new table: chunks may now hold their texts as code units (engine/text-units.ts), which
    // the app before cannot read. A backup says the number, so an older build refuses one made
    // now ('newer') instead of restoring chunks it cannot read; a tab of an older build left open
    // over an update fails on them with an error (Dexie 4 opens a newer database), not as empty text.
    this.version(8).stores({});
  }
}

let instance: NpsLinesDatabase | null = null;

/** The app's database, opened on first use (tests make their own instances). */
export function database(): NpsLinesDatabase {
  instance ??= new NpsLinesDatabase();
  return instance;
}

/**
 * Where the app keeps its data: IndexedDB, or — where IndexedDB is missing or blocked (a private
 * window of some browsers, site data blocked, a locked-down profile) — the page's memory, gone
 * when the tab closes. The app works the same either way and says which (StorageBanner).
 */
export type StorageMode = 'indexeddb' | 'memory';
let mode: StorageMode = 'indexeddb';

export function storageMode(): StorageMode {
  return mode;
}

/**
 * Opens the app's database before anything reads it (the root layout waits for this). If
 * IndexedDB cannot be opened, the same database is made in memory (fake-indexeddb, loaded only
 * then), so every view and every all-or-nothing write still works for this visit.
 */
export async function openStorage(): Promise<StorageMode> {
  try {
    // Reading `indexedDB` itself throws where site data is blocked.
    if (!globalThis.indexedDB) throw new Error('no IndexedDB');
    const db = new NpsLinesDatabase();
    await db.open();
    instance = db;
    mode = 'indexeddb';
  } catch {
    // Where merely reading `indexedDB` throws, Dexie reads it again while opening (to compare it
    // with the factory it is given): shadow it with nothing, so only the memory one is seen.
    try {
      void globalThis.indexedDB;
    } catch {
      try {
        Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
      } catch {
        // Not shadowable: Dexie's comparison may then fail, and the memory database with it.
      }
    }
    const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
    instance = new NpsLinesDatabase('nps-lines', { indexedDB: new IDBFactory(), IDBKeyRange });
    mode = 'memory';
  }
  return mode;
}
