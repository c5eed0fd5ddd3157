/**
 * Exact duplicate answers: the same person (account and respondent), the same date and time, the
 * same score and the same comment. Monthly exports often overlap by a few days; appending them
 * must not count an answer twice.
 */
import { concatTables, sliceTable, type AnswerTable } from './answers';

export function answerKey(table: AnswerTable, i: number): string {
  return `${table.account[i]}\u001f${table.respondent[i]}\u001f${table.day[i]}\u001f${table.seconds[i]}\u001f${table.score[i]}\u001f${table.comment[i]}`;
}

export interface DuplicateResult {
  /** The answers of `incoming` that were neither in `existing` nor earlier in `incoming`. */
  kept: AnswerTable;
  /** Duplicates skipped, per file index of `incoming`. */
  skippedPerFile: Map<number, number>;
}

/** Drops the answers of `incoming` already seen in `existing` or earlier in `incoming`. */
export function dropDuplicates(existing: AnswerTable | null, incoming: AnswerTable): DuplicateResult {
  const seen = new Set<string>();
  if (existing) for (let i = 0; i < existing.length; i++) seen.add(answerKey(existing, i));
  const keep: number[] = [];
  const skippedPerFile = new Map<number, number>();
  for (let i = 0; i < incoming.length; i++) {
    const key = answerKey(incoming, i);
    if (seen.has(key)) {
      skippedPerFile.set(incoming.file[i], (skippedPerFile.get(incoming.file[i]) ?? 0) + 1);
    } else {
      seen.add(key);
      keep.push(i);
    }
  }
  if (keep.length === incoming.length) return { kept: incoming, skippedPerFile };
  return { kept: selectRows(incoming, keep), skippedPerFile };
}

/** The rows at `indices`, in that order, as a new table. */
export function selectRows(table: AnswerTable, indices: readonly number[]): AnswerTable {
  // Runs of consecutive rows are copied as slices: duplicates are rare, so this stays cheap.
  const parts: AnswerTable[] = [];
  for (let k = 0; k < indices.length; ) {
    let end = k + 1;
    while (end < indices.length && indices[end] === indices[end - 1] + 1) end++;
    parts.push(sliceTable(table, indices[k], indices[end - 1] + 1));
    k = end;
  }
  return parts.length ? concatTables(parts, table.segments.length) : sliceTable(table, 0, 0);
}
