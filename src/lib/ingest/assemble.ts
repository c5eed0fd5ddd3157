/**
 * The answers an import read, made into a dataset: duplicates dropped (engine/duplicates.ts), the
 * files' entries and the record made (engine/dataset.ts), customer codes agreeing with stored ones.
 * The import worker and the command line both end an import here, so they cannot disagree.
 */
import { concatTables, sliceTable, type AnswerTable } from '../engine/answers';
import { encodeCustomers } from '../engine/customers';
import { appendedRecord, newDatasetRecord, type DatasetFile, type DatasetRecord, type ImportedAnswers } from '../engine/dataset';
import { dropDuplicates } from '../engine/duplicates';
import type { BuiltAnswers } from './build';
import { identityOfPlans, type FilePlan } from './preview';

export interface AssembleOptions {
  /** Each file's name and size, in the order read. */
  sources: ReadonlyArray<{ name: string; size: number }>;
  plans: readonly FilePlan[];
  /** Keep rows identical to another in every column (a form without names or times). */
  keepIdentical?: boolean;
  at: number;
}

export type Assembled =
  /** A new dataset: its record and all its answers. */
  | { kind: 'new'; record: DatasetRecord; table: AnswerTable }
  /** An append: the record after it, all answers (stored and new), and the new ones to store. */
  | { kind: 'append'; record: DatasetRecord; table: AnswerTable; added: AnswerTable };

export function assembleImport(
  built: BuiltAnswers,
  target: { kind: 'new'; id: string; name: string; sample?: boolean; employee?: boolean } | { kind: 'append'; record: DatasetRecord; table: AnswerTable },
  options: AssembleOptions,
): Assembled {
  const existingTable = target.kind === 'append' ? target.table : null;
  const { kept, skippedPerFile } = dropDuplicates(existingTable, built.table, { keepIdentical: options.keepIdentical });
  const fileOffset = target.kind === 'append' ? target.record.files.length : 0;
  const files: DatasetFile[] = options.sources.map((source, i) => {
    const plan = options.plans[i];
    const duplicates = skippedPerFile.get(fileOffset + i) ?? 0;
    const counts = built.fileCounts[fileOffset + i] ?? { accepted: 0, rejected: 0, blank: 0 };
    return {
      name: source.name,
      size: source.size,
      encoding: plan.encoding,
      delimiter: plan.delimiter,
      headerRows: plan.headerRows,
      headers: plan.headers,
      // Every data row read is an answer, a rejected row or a skipped duplicate (rows = the sum).
      rows: counts.accepted + counts.rejected,
      blankRows: counts.blank,
      accepted: counts.accepted - duplicates,
      rejected: counts.rejected,
      duplicates,
      importedAt: options.at,
    };
  });
  const added: ImportedAnswers = {
    files,
    segmentColumns: built.segmentColumns,
    identity: identityOfPlans(options.plans),
    hasDates: options.plans.some((p) => p.roles.includes('date')),
    rejected: built.rejected,
    kept: kept.length,
    idsUsed: built.table.length,
    at: options.at,
  };
  if (target.kind === 'new') return { kind: 'new', record: newDatasetRecord(target, added), table: kept };
  const record = appendedRecord(target.record, added);
  // Customer codes must agree across the old and the new answers: encode them together.
  const table = concatTables([target.table, kept], record.segmentColumns.length);
  table.customer = encodeCustomers(table, record.identity);
  return { kind: 'append', record, table, added: sliceTable(table, target.table.length, table.length) };
}
