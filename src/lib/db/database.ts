/**
 * The one IndexedDB database of the app. This folder is the only place that imports Dexie.
 *
 * Answers are stored as columnar chunks (typed arrays and string arrays, tens of thousands of
 * answers a record): one record per answer writes ~8,700 answers/s, chunks ~1.9 million/s
 * (docs/methods.md §10.6).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AnswerTable } from '../engine/answers';
import type { CompanyEvent, DatasetRecord } from '../engine/dataset';
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

/** The comment-topic dictionary in use (one for the app; 'default' until edited). */
export interface StoredDictionary {
  id: string;
  topics: Topic[];
  savedAt: number;
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

export interface AnswerChunk extends AnswerTable {
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
  /** Targets and industry figures drawn on a dataset's trend. */
  referenceLines!: EntityTable<ReferenceLine, 'id'>;

  constructor(name = 'nps-lines') {
    super(name);
    this.version(1).stores({
      datasets: 'id, updatedAt',
      chunks: '[datasetId+index], datasetId',
    });
    this.version(2).stores({ mappings: 'signature, savedAt' });
    this.version(3).stores({ events: 'id, datasetId' });
    this.version(4).stores({ dictionaries: 'id' });
    this.version(5).stores({ wordIndexes: 'datasetId' });
    this.version(6).stores({ referenceLines: 'id, datasetId' });
  }
}

let instance: NpsLinesDatabase | null = null;

/** The app's database, opened on first use (tests make their own instances). */
export function database(): NpsLinesDatabase {
  instance ??= new NpsLinesDatabase();
  return instance;
}
