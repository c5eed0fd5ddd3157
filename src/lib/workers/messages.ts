/** What the page and the import worker say to each other. */
import type { DatasetRecord } from '../db/database';
import type { AnswerTable } from '../engine/answers';
import type { ImportJob } from './import-job';

export type ImportRequest = ImportJob;

export type ImportReply =
  | { type: 'progress'; share: number; rows: number }
  | { type: 'ready'; record: DatasetRecord; table: AnswerTable }
  | { type: 'stored'; record: DatasetRecord }
  | { type: 'error'; message: string };
