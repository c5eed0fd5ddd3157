/**
 * Exact duplicate answers: the same person (account and respondent), the same date and time, the
 * same score and the same comment. Monthly exports often overlap by a few days; appending them
 * must not count an answer twice.
 */
import { concatTables, sliceTable, type AnswerTable } from './answers';
import { textAt } from './text-column';

/** Date, time and score in one number: equal for duplicates, rarely equal otherwise. */
function numericKey(t: AnswerTable, i: number): number {
  return ((t.day[i] + 3_000_000) * 86_402 + (t.seconds[i] + 1)) * 11 + t.score[i];
}

function sameText(a: AnswerTable, i: number, b: AnswerTable, j: number): boolean {
  return textAt(a.account, i) === textAt(b.account, j)
    && textAt(a.respondent, i) === textAt(b.respondent, j)
    && textAt(a.comment, i) === textAt(b.comment, j);
}

export interface DuplicateResult {
  /** The answers of `incoming` that were neither in `existing` nor earlier in `incoming`. */
  kept: AnswerTable;
  /** Duplicates skipped, per file index of `incoming`. */
  skippedPerFile: Map<number, number>;
}

/** Drops the answers of `incoming` already seen in `existing` or earlier in `incoming`. */
export function dropDuplicates(existing: AnswerTable | null, incoming: AnswerTable): DuplicateResult {
  // Bucket by the numeric key first; strings are compared only within a bucket.
  const buckets = new Map<number, Array<[AnswerTable, number]>>();
  const add = (t: AnswerTable, i: number) => {
    const key = numericKey(t, i);
    const bucket = buckets.get(key);
    if (bucket) bucket.push([t, i]);
    else buckets.set(key, [[t, i]]);
  };
  if (existing) for (let i = 0; i < existing.length; i++) add(existing, i);
  const keep: number[] = [];
  const skippedPerFile = new Map<number, number>();
  for (let i = 0; i < incoming.length; i++) {
    const bucket = buckets.get(numericKey(incoming, i));
    if (bucket?.some(([t, j]) => sameText(t, j, incoming, i))) {
      skippedPerFile.set(incoming.file[i], (skippedPerFile.get(incoming.file[i]) ?? 0) + 1);
    } else {
      add(incoming, i);
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
