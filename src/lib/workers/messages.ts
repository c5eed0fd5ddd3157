/**
 * What the page and the workers say to each other. Both sides import their types from here and
 * from nowhere else, so no worker module and no page module depend on each other.
 */
import type { DatasetRecord } from '../engine/dataset';
import type { StorageProblem } from '../db/storage-error';
import type { AnswerTable, WireTable } from '../engine/answers';
import type { BuiltAnswers } from '../ingest/build';
import type { FilePlan } from '../ingest/preview';
import type { IdentityKind } from '../engine/customers';
import type { TextColumn } from '../engine/text-column';
import type { TextWire } from '../engine/text-units';
import type { Topic } from '../engine/text/dictionary';
import type { TopicTags } from '../engine/text/tag';
import type { WordIndex } from '../engine/text/word-index';
import type { FirstLook } from '../engine/first-look';
import type { FigureName } from '../engine/figures';

export type ImportTarget = { kind: 'new'; id: string; name: string; sample?: boolean; employee?: boolean } | { kind: 'append'; id: string };

export interface ImportJob {
  files: File[];
  plans: FilePlan[];
  target: ImportTarget;
  /** Keep rows identical to another in every column (the person said they are all answers). */
  keepIdentical?: boolean;
  /**
   * Storage runs in the page's memory (IndexedDB missing or blocked, db/database.ts): the page
   * gives the dataset appended to and stores the result itself; the worker touches no storage.
   */
  inPage?: { existing: { record: DatasetRecord; table: AnswerTable } | null };
}

export type ImportRequest = ImportJob;

export type ImportReply =
  | { type: 'progress'; share: number; rows: number }
  /** The answers read, counted from their scores and dates, before anything else is built. */
  | { type: 'first-look'; look: FirstLook }
  | { type: 'ready'; record: DatasetRecord; table: WireTable }
  | { type: 'stored'; record: DatasetRecord }
  | { type: 'error'; message: string; problem?: StorageProblem };

/**
 * The second reader of a big file: `read` starts reading it from `from` while the first reader
 * reads its own half and finds the record start to split at; `split` says where the second half
 * starts (at or after `from`).
 */
export type ScanRequest =
  | {
      kind: 'read';
      file: File;
      from: number;
      plan: FilePlan;
      identity: IdentityKind;
      /** Count this half's answers first (engine/first-look.ts) and say so before building them. */
      firstLook?: boolean;
    }
  | { kind: 'split'; start: number };

export type ScanReply =
  | { type: 'ready' }
  | { type: 'started' }
  | { type: 'first-look'; look: FirstLook }
  | { type: 'done'; built: Omit<BuiltAnswers, 'table' | 'customerKeys'> & { table: WireTable } }
  | { type: 'error'; message: string };

/** An Excel workbook to make into CSV: `sheet` by index, or the first visible one. */
export interface WorkbookRequest {
  file: File;
  sheet?: number;
}

export type WorkbookReply =
  | { type: 'progress'; share: number }
  | { type: 'done'; sheets: Array<{ name: string; hidden: boolean }>; sheet: number; csv: File }
  | { type: 'error'; message: string; workbook: boolean };

/** Comments go as code units when they are not decoded yet (text-units.ts): the worker decodes them. */
export interface TagRequest {
  comment: TextColumn | TextWire;
  score: Int8Array;
  topics: Topic[];
  /**
   * Names the answers (dataset id and version). When the worker tagged the same answers last, it
   * re-reads only the comments the dictionary edit can change (engine/text/retag.ts).
   */
  key?: string;
}

/** `reread`: comments read to make these tags (all of them, or only those an edit could change). */
export type TagReply = { type: 'done'; tags: TopicTags; reread: number } | { type: 'error'; message: string };

/** Words of answers [from, to): one worker's share of a word index. */
export interface WordIndexRequest {
  kind: 'word-index';
  comment: TextColumn | TextWire;
  from: number;
  to: number;
  keep: string[];
}

/** A dictionary edit changed the words kept whole: re-tokenise only the comments that hold them. */
export interface WordPatchRequest {
  kind: 'word-patch';
  index: WordIndex;
  comment: TextColumn | TextWire;
  changed: string[];
  keep: string[];
}

/** The shares' word indexes, to be joined into one (off the page: ~40 ms at a million comments). */
export interface WordMergeRequest {
  kind: 'word-merge';
  parts: WordIndex[];
}

export type WordsReply = { type: 'progress'; done: number } | { type: 'index'; index: WordIndex; patched?: number } | { type: 'error'; message: string };

/**
 * The figures worker (figures.worker.ts): columns of the answers, named by their answersKey (a
 * later message adds columns to those of the same answers); then figures of them, each answered
 * by its `id` (or refused: the page computes it).
 */
export type FiguresRequest =
  | { kind: 'columns'; key: string; length: number; columns: Record<string, unknown> }
  | { kind: 'figure'; id: number; key: string; name: FigureName; args: unknown[] }
  | { kind: 'release' };

export type FiguresReply = { id: number; ok: true; figure: unknown } | { id: number; ok: false; message: string };
