/**
 * Records as earlier versions of the app wrote them, read as the current code expects them. The
 * schema's versions (database.ts) only add tables; the shape of what is in them changed too, and
 * a dataset stored by the first release must still open, with every answer.
 */
import { TEXT_COLUMN_NAMES, type AnswerTable } from '../engine/answers';
import type { DatasetFile, DatasetRecord } from '../engine/dataset';
import { packText } from '../engine/text-column';
import { textFromWire } from '../engine/text-units';
import type { AnswerChunk } from './database';

/**
 * A chunk with its text columns packed: the first release stored them as arrays of strings
 * (text-column.ts came later). Columns that did not exist yet stay absent; concatTables gives
 * those answers the blank value.
 */
export function upgradeChunk(chunk: AnswerChunk): AnswerTable {
  const out = { ...chunk } as unknown as AnswerTable;
  for (const name of TEXT_COLUMN_NAMES) {
    const column = chunk[name] as unknown;
    if (Array.isArray(column)) out[name] = packText(column.map((v) => (typeof v === 'string' ? v : '')));
    // Stored as code units (text-units.ts), decoded when first read.
    else if (column) out[name] = textFromWire(chunk[name]);
  }
  return out;
}

/** True when the chunk was stored before customers were encoded (the codes must be made). */
export function lacksCustomers(chunk: Partial<AnswerTable>): boolean {
  return !chunk.customer;
}

/** A file entry with the fields later versions added (duplicates, header rows, headers). */
function upgradeFile(file: Partial<DatasetFile>): DatasetFile {
  return {
    name: String(file.name ?? ''),
    size: Number(file.size ?? 0),
    encoding: file.encoding ?? 'utf-8',
    delimiter: file.delimiter ?? ',',
    accepted: Number(file.accepted ?? 0),
    rejected: Number(file.rejected ?? 0),
    duplicates: Number(file.duplicates ?? 0),
    headerRows: Number(file.headerRows ?? 1),
    headers: Array.isArray(file.headers) ? file.headers.map(String) : [],
    importedAt: Number(file.importedAt ?? 0),
  };
}

/** A dataset record with every field the current code reads. */
export function upgradeRecord(record: DatasetRecord): DatasetRecord {
  const files = Array.isArray(record.files) ? record.files : [];
  const needsFiles = files.some((f) => f.duplicates === undefined || f.headers === undefined || f.headerRows === undefined);
  const complete = !needsFiles && Array.isArray(record.rejected) && Array.isArray(record.segmentColumns) && typeof record.nextAnswerId === 'number';
  if (complete) return record;
  return {
    ...record,
    files: files.map(upgradeFile),
    rejected: Array.isArray(record.rejected) ? record.rejected : [],
    segmentColumns: Array.isArray(record.segmentColumns) ? record.segmentColumns : [],
    nextAnswerId: typeof record.nextAnswerId === 'number' ? record.nextAnswerId : record.answerCount,
  };
}
