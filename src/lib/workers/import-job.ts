/**
 * One import, as the worker runs it: read the files, build the answers, drop duplicates, hand
 * the result to the page, then store it (a new dataset, or appended to one) in one transaction.
 * The page can show the overview while the answers are being stored.
 */
import { appendAnswers, createDataset, loadDataset } from '../db/datasets';
import { StorageError } from '../db/storage-error';
import { versionOf, type DatasetRecord } from '../engine/dataset';
import type { AnswerTable } from '../engine/answers';
import { assembleImport } from '../ingest/assemble';
import { readFiles } from './parallel-read';
import type { ImportJob, ImportTarget } from './messages';
import type { FirstLook } from '../engine/first-look';

export interface ImportEvents {
  progress(share: number, rows: number): void;
  /** A new dataset's answers counted from their scores and dates, before they are built. */
  firstLook(look: FirstLook): void;
  /** The dataset as it will be stored, and all its answers: enough to show the overview. */
  ready(record: DatasetRecord, table: AnswerTable): void;
  stored(record: DatasetRecord): void;
}

export async function runImport(job: ImportJob, events: ImportEvents): Promise<void> {
  // The record and its answers from one read: duplicates are checked against exactly this version,
  // and the append is refused if another tab changes the dataset before it is stored.
  const loaded = job.target.kind !== 'append' ? null : job.inPage ? job.inPage.existing : await loadDataset(job.target.id);
  if (job.target.kind === 'append' && !loaded) throw new StorageError('deleted', 'the dataset no longer exists');
  const existing = loaded?.record;
  const existingTable = loaded?.table ?? null;

  const sources = job.files.map((f) => ({ name: f.name, size: f.size }));
  const fileOffset = existing?.files.length ?? 0;
  // Each file is read when its turn comes; big ones are split between this worker and a second
  // one (parallel-read.ts).
  const built = await readFiles(job.files, job.plans, {
    segments: existing?.segmentColumns,
    firstId: existing?.nextAnswerId ?? 0,
    fileOffset,
    onProgress: (share, rows) => events.progress(share, rows),
    // Not for an append: the new answers alone are not the dataset's figure.
    onFirstLook: existing ? undefined : (look) => events.firstLook(look),
  });
  const done = assembleImport(
    built,
    existing && existingTable ? { kind: 'append', record: existing, table: existingTable } : (job.target as Extract<ImportTarget, { kind: 'new' }>),
    { sources, plans: job.plans, keepIdentical: job.keepIdentical, at: Date.now() },
  );
  events.ready(done.record, done.table);
  // Stored by the page (its memory): nothing more to do here.
  if (job.inPage) return;
  if (done.kind === 'append') {
    events.stored(await appendAnswers({ ...done.record, answerCount: existing!.answerCount }, done.added, done.record.nextAnswerId, undefined, versionOf(existing!)));
    return;
  }
  const { answerCount: _count, chunkCount: _chunks, ...meta } = done.record;
  events.stored(await createDataset(meta, done.table));
}
