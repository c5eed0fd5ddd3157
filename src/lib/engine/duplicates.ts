/**
 * Exact duplicate answers: the same person (account and respondent), the same date and time, the
 * same score and the same comment. Monthly exports often overlap by a few days; appending them
 * must not count an answer twice.
 */
import { concatTables, sliceTable, type AnswerTable } from './answers';
import { textAt, type TextColumn } from './text-column';

const textLength = (c: TextColumn, i: number) => c.ends[i] - (i === 0 ? 0 : c.ends[i - 1]);

/**
 * Date, time, score and the lengths of the texts in one number (below 2^53): equal for
 * duplicates, rarely equal otherwise, so strings are seldom compared.
 */
function numericKey(t: AnswerTable, i: number): number {
  const lengths = (textLength(t.account, i) * 31 + textLength(t.respondent, i) * 7 + textLength(t.comment, i)) % 1000;
  return (((t.day[i] + 3_000_000) * 86_402 + (t.seconds[i] + 1)) * 11 + t.score[i]) * 1000 + lengths;
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

/**
 * Drops the answers of `incoming` already seen in `existing` or earlier in `incoming`.
 * A hash table over typed arrays (chained through `next`) keyed by date, time and score: a
 * million answers need no million objects; strings are compared only on a numeric match.
 */
export function dropDuplicates(existing: AnswerTable | null, incoming: AnswerTable): DuplicateResult {
  const tables = existing ? [existing, incoming] : [incoming];
  const total = tables.reduce((s, t) => s + t.length, 0);
  let size = 1024;
  while (size < total * 2) size *= 2;
  const heads = new Int32Array(size).fill(-1);
  const next = new Int32Array(total);
  const at = (n: number) => (n < (existing?.length ?? 0) ? [existing!, n] as const : [incoming, n - (existing?.length ?? 0)] as const);
  const slot = (key: number) => ((key % size) + size) % size;
  const insert = (n: number, key: number) => {
    const s = slot(key);
    next[n] = heads[s];
    heads[s] = n;
  };
  const keys = new Float64Array(total);
  let n = 0;
  if (existing) for (let i = 0; i < existing.length; i++, n++) insert(n, (keys[n] = numericKey(existing, i)));
  const keep: number[] = [];
  const skippedPerFile = new Map<number, number>();
  for (let i = 0; i < incoming.length; i++, n++) {
    const key = (keys[n] = numericKey(incoming, i));
    let duplicate = false;
    for (let m = heads[slot(key)]; m !== -1 && !duplicate; m = next[m]) {
      if (keys[m] !== key) continue;
      const [t, j] = at(m);
      duplicate = sameText(t, j, incoming, i);
    }
    if (duplicate) {
      skippedPerFile.set(incoming.file[i], (skippedPerFile.get(incoming.file[i]) ?? 0) + 1);
    } else {
      insert(n, key);
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
