/** What the page and the import worker say to each other. */
import type { DatasetRecord } from '../db/database';
import type { AnswerTable } from '../engine/answers';
import type { ImportJob } from './import-job';
import type { BuiltAnswers } from '../ingest/build';
import type { FilePlan } from '../ingest/preview';
import type { Newline } from '../ingest/scanner';
import type { IdentityKind } from '../engine/customers';
import type { TextColumn } from '../engine/text-column';
import type { Topic } from '../engine/text/dictionary';
import type { TopicTags } from '../engine/text/tag';
import type { KeyWord } from '../engine/text/keyness';

export type ImportRequest = ImportJob;

export type ImportReply =
  | { type: 'progress'; share: number; rows: number }
  | { type: 'ready'; record: DatasetRecord; table: AnswerTable }
  | { type: 'stored'; record: DatasetRecord }
  | { type: 'error'; message: string };

export interface ScanRequest {
  file: File;
  /** Byte offset where the second half starts (a record start). */
  start: number;
  plan: FilePlan;
  newline: Newline;
  identity: IdentityKind;
}

export type ScanReply = { type: 'ready' } | { type: 'started' } | { type: 'done'; built: BuiltAnswers } | { type: 'error'; message: string };

export interface TagRequest {
  comment: TextColumn;
  score: Int8Array;
  topics: Topic[];
}

export type TagReply = { type: 'done'; tags: TopicTags } | { type: 'error'; message: string };

export interface WordsRequest {
  words: true;
  comment: TextColumn;
  score: Int8Array;
  include?: Uint8Array;
}

export interface WordStats {
  frequent: Array<{ word: string; count: number }>;
  /** Detractors' comments against promoters': most distinctive first, then the reverse. */
  detractorWords: KeyWord[];
  promoterWords: KeyWord[];
}

export type WordsReply = { type: 'words'; stats: WordStats } | { type: 'error'; message: string };
