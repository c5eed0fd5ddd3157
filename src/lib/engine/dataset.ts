/**
 * What a dataset is, wherever it is held: the record of its files, columns, identity and rejected
 * rows, and the company's events beside it. The database stores these, the import worker makes
 * them, the page shows them; none of them owns the types.
 */
import type { SegmentColumn } from './answers';
import type { IdentityKind } from './customers';
import type { AccountFacts, InvitationList } from './account-files';
import type { StoredFirstLook } from './first-look';

/** Encodings and delimiters the import reads (ingest/encoding.ts, ingest/csv.ts decide which). */
export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp' | 'windows-1252';
export type FileDelimiter = ',' | '\t' | ';' | '|';

/** Why a row was left out; the UI writes the reason in its language from the code. */
export type RejectionCode =
  | 'score-empty'
  | 'score-not-number'
  | 'score-not-whole'
  | 'score-out-of-range'
  | 'date-empty'
  | 'date-unreadable'
  | 'partial-response'
  /** A quote opens a field and is never closed; value = the column, count = rows after it. */
  | 'unclosed-quote'
  /** A quoted cell holds lines shaped like rows (a quote closed too late); value = the column, count = those lines. */
  | 'quote-swallowed-rows'
  /** The row is longer than any survey answer (1 MB); value = its longest column, count = bytes. */
  | 'row-too-long';
/** value = the raw cell as written (trimmed, at most 80 characters), or the column named. */
export interface Rejection {
  code: RejectionCode;
  value: string;
  /** A number the reason states (rows, bytes), when it has one. */
  count?: number;
}

export interface DatasetFile {
  name: string;
  size: number;
  encoding: FileEncoding;
  delimiter: FileDelimiter;
  accepted: number;
  rejected: number;
  /** Exact duplicates of answers already in the dataset (or earlier in the import), skipped. */
  duplicates: number;
  /**
   * Data rows read (blank lines aside): always accepted + rejected + duplicates. Absent in
   * records stored before it was kept.
   */
  rows?: number;
  /** Blank lines between or after the rows, skipped (not answers). */
  blankRows?: number;
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

/**
 * What the person said about a dataset beyond its answers; each field is absent until set, and
 * every write of them names the record's version like any other change.
 */
export interface DatasetSettings {
  /**
   * An employee survey (eNPS): the words speak of employees and teams, and follow-up lists are off
   * until someone turns them on (answers of colleagues are often promised to stay anonymous).
   */
  employee?: boolean;
  /** Employee survey only: follow-up was turned on, explicitly. */
  followUpOptIn?: boolean;
  /** Share of the revenue of detractors and falling passives expected to be lost, 0–1 (absent: 1). */
  lostShare?: number;
  /** Churn, leaving dates, revenue, satisfaction per account, from an outcomes file. */
  outcomes?: AccountFacts;
  /** The accounts invited to answer, from a list. */
  invited?: InvitationList;
}
export const SETTING_NAMES = ['employee', 'followUpOptIn', 'lostShare', 'outcomes', 'invited'] as const satisfies ReadonlyArray<keyof DatasetSettings>;

/** The settings of a record, and only those (absent fields stay absent). */
export function settingsOf(record: DatasetSettings): DatasetSettings {
  return Object.fromEntries(SETTING_NAMES.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
}

export interface DatasetRecord extends DatasetSettings {
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
  /**
   * Counts the stored changes of the dataset (answers, files, name): a write names the version it
   * read and is refused when another tab changed the dataset since. Absent before it existed (0).
   */
  version?: number;
  /** The stored answers' first look, shown while a reload reads them (engine/first-look.ts). */
  firstLook?: StoredFirstLook;
}

/** The stored version of a record (0 for records written before versions were counted). */
export function versionOf(record: { version?: number }): number {
  return record.version ?? 0;
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

/** What one import adds to a dataset: its files, columns and rejected rows, and its answers. */
export interface ImportedAnswers {
  files: DatasetFile[];
  /** The dataset's segment columns after these answers (earlier values keep their codes). */
  segmentColumns: SegmentColumn[];
  identity: IdentityKind;
  hasDates: boolean;
  rejected: StoredRejection[];
  /** Answers kept (not duplicates) and answer ids used (every answer read got one). */
  kept: number;
  idsUsed: number;
  at: number;
}

/** A new dataset's record, as it will be stored with its `kept` answers. */
export function newDatasetRecord(target: { id: string; name: string; sample?: boolean; employee?: boolean }, add: ImportedAnswers): DatasetRecord {
  return {
    id: target.id,
    name: target.name,
    createdAt: add.at,
    updatedAt: add.at,
    files: add.files,
    segmentColumns: add.segmentColumns,
    identity: add.identity,
    hasDates: add.hasDates,
    rejected: add.rejected,
    answerCount: add.kept,
    chunkCount: 0,
    nextAnswerId: add.idsUsed,
    ...(target.sample ? { sample: true } : {}),
    ...(target.employee ? { employee: true } : {}),
  };
}

/**
 * The record after next month's export is appended: its files and rejected rows after the
 * earlier ones, an identity once there is one, answer ids that never repeat.
 */
export function appendedRecord(existing: DatasetRecord, add: ImportedAnswers): DatasetRecord {
  return {
    ...existing,
    files: [...existing.files, ...add.files],
    segmentColumns: add.segmentColumns,
    identity: existing.identity ?? add.identity,
    hasDates: existing.hasDates || add.hasDates,
    rejected: [...existing.rejected, ...add.rejected],
    answerCount: existing.answerCount + add.kept,
    nextAnswerId: existing.nextAnswerId + add.idsUsed,
    updatedAt: add.at,
  };
}

/** The record without one of its files: that file's rejected rows go, later files move up one. */
export function recordWithoutFile(record: DatasetRecord, fileIndex: number): DatasetRecord {
  return {
    ...record,
    files: record.files.filter((_, i) => i !== fileIndex),
    rejected: record.rejected.filter((r) => r.file !== fileIndex).map((r) => (r.file > fileIndex ? { ...r, file: r.file - 1 } : r)),
  };
}
