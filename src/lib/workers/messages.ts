/** What the page and the import worker say to each other. */
import type { SegmentColumn } from '../engine/answers';
import type { BuiltAnswers } from '../ingest/build';
import type { FilePlan } from '../ingest/preview';

export interface ImportRequest {
  files: File[];
  plans: FilePlan[];
  segments?: SegmentColumn[];
  firstId?: number;
}

export type ImportReply =
  | { type: 'progress'; share: number }
  | { type: 'done'; built: BuiltAnswers }
  | { type: 'error'; message: string };
