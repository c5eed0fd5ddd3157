/**
 * The one IndexedDB database of the app. This folder is the only place that imports Dexie.
 *
 * Answers are stored as columnar chunks (typed arrays and string arrays, tens of thousands of
 * answers a record): one record per answer writes ~8,700 answers/s, chunks ~1.9 million/s
 * (docs/methods.md §10.6).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AnswerTable, SegmentColumn } from '../engine/answers';
import type { IdentityKind } from '../engine/overview';
import type { Rejection } from '../ingest/values';
import type { FilePlan } from '../ingest/preview';
import type { Topic } from '../engine/text/dictionary';

export interface DatasetFile {
  name: string;
  size: number;
  encoding: FilePlan['encoding'];
  delimiter: FilePlan['delimiter'];
  accepted: number;
  rejected: number;
  /** Exact duplicates of answers already in the dataset (or earlier in the import), skipped. */
  duplicates: number;
  headerRows: number;
  /** Column names as read (all header rows joined), for the rejected-rows download. */
  headers: string[];
  importedAt: number;
}

export interface StoredRejection {
  file: number;
  row: number;
  rejection: Rejection;
  /** The row's cells as written, for the rejected-rows download (kept for the first rows only). */
  cells?: string[];
}

/** The column mapping a person confirmed for a form, found again by its header signature. */
export interface RememberedMapping {
  signature: string;
  headers: string[];
  headerRows: number;
  roles: FilePlan['roles'];
  dateOrder: FilePlan['dateOrder'];
  savedAt: number;
}

export interface DatasetRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  files: DatasetFile[];
  segmentColumns: SegmentColumn[];
  identity: IdentityKind;
  hasDates: boolean;
  answerCount: number;
  chunkCount: number;
  /** The id the next appended answer gets: answer ids never repeat within a dataset. */
  nextAnswerId: number;
  rejected: StoredRejection[];
  /** True for the built-in sample, so the UI can say so. */
  sample?: boolean;
}

export type EventKind = 'release' | 'pricing' | 'support' | 'incident' | 'campaign' | 'other';
export const EVENT_KINDS: readonly EventKind[] = ['release', 'pricing', 'support', 'incident', 'campaign', 'other'];

/** Something the company did, drawn on every time chart. */
export interface CompanyEvent {
  id: string;
  datasetId: string;
  /** ISO date. */
  date: string;
  label: string;
  kind: EventKind;
  /** `segment name: value` the event concerns, if only some customers. */
  segment?: string;
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
  }
}

let instance: NpsLinesDatabase | null = null;

/** The app's database, opened on first use (tests make their own instances). */
export function database(): NpsLinesDatabase {
  instance ??= new NpsLinesDatabase();
  return instance;
}
