/**
 * One import, as the worker runs it: read the files, build the answers, drop duplicates, hand
 * the result to the page, then store it (a new dataset, or appended to one) in one transaction.
 * The page can show the overview while the answers are being stored.
 */
import { appendAnswers, createDataset, getDataset, loadAnswers } from '../db/datasets';
import { appendedRecord, newDatasetRecord, type DatasetFile, type DatasetRecord, type ImportedAnswers } from '../engine/dataset';
import { concatTables, sliceTable, type AnswerTable } from '../engine/answers';
import { encodeCustomers } from '../engine/customers';
import { dropDuplicates } from '../engine/duplicates';
import { readFiles } from './parallel-read';
import { identityOfPlans } from '../ingest/preview';
import type { ImportJob, ImportTarget } from './messages';

export interface ImportEvents {
  progress(share: number, rows: number): void;
  /** The dataset as it will be stored, and all its answers: enough to show the overview. */
  ready(record: DatasetRecord, table: AnswerTable): void;
  stored(record: DatasetRecord): void;
}

export async function runImport(job: ImportJob, events: ImportEvents): Promise<void> {
  const existing = job.target.kind === 'append' ? await getDataset(job.target.id) : undefined;
  if (job.target.kind === 'append' && !existing) throw new Error('the dataset no longer exists');
  const existingTable = existing ? await loadAnswers(existing) : null;

  const bytes: Uint8Array[] = [];
  for (const f of job.files) bytes.push(new Uint8Array(await f.arrayBuffer()));
  // Names and sizes only from here on: the files' bytes can be freed once read.
  const sources = job.files.map((f, i) => ({ name: f.name, size: bytes[i].length }));
  const fileOffset = existing?.files.length ?? 0;
  // Big files are split between this worker and a second one (parallel-read.ts).
  const built = await readFiles(job.files, bytes.splice(0), job.plans, {
    segments: existing?.segmentColumns,
    firstId: existing?.nextAnswerId ?? 0,
    fileOffset,
    onProgress: (share, rows) => events.progress(share, rows),
  });
  const { kept, skippedPerFile } = dropDuplicates(existingTable, built.table);

  const now = Date.now();
  const files: DatasetFile[] = sources.map((source, i) => {
    const duplicates = skippedPerFile.get(fileOffset + i) ?? 0;
    return {
      name: source.name,
      size: source.size,
      encoding: job.plans[i].encoding,
      delimiter: job.plans[i].delimiter,
      headerRows: job.plans[i].headerRows,
      headers: job.plans[i].headers,
      accepted: (built.fileCounts[fileOffset + i]?.accepted ?? 0) - duplicates,
      rejected: built.fileCounts[fileOffset + i]?.rejected ?? 0,
      duplicates,
      importedAt: now,
    };
  });
  const added: ImportedAnswers = {
    files,
    segmentColumns: built.segmentColumns,
    identity: identityOfPlans(job.plans),
    hasDates: job.plans.some((p) => p.roles.includes('date')),
    rejected: built.rejected,
    kept: kept.length,
    idsUsed: built.table.length,
    at: now,
  };

  if (existing && existingTable) {
    const record = appendedRecord(existing, added);
    // Customer codes must agree across the old and the new answers: encode them together.
    const combined = concatTables([existingTable, kept], record.segmentColumns.length);
    combined.customer = encodeCustomers(combined, record.identity);
    const appended = sliceTable(combined, existingTable.length, combined.length);
    events.ready(record, combined);
    events.stored(await appendAnswers({ ...record, answerCount: existing.answerCount }, appended, record.nextAnswerId));
    return;
  }

  const record = newDatasetRecord(job.target as Extract<ImportTarget, { kind: 'new' }>, added);
  events.ready(record, kept);
  const { answerCount: _count, chunkCount: _chunks, ...meta } = record;
  events.stored(await createDataset(meta, kept));
}
