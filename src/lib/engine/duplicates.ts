/**
 * Exact duplicate answers: the same person (account and respondent), the same date and time, the
 * same score and the same comment. Monthly exports often overlap by a few days; appending them
 * must not count an answer twice.
 */
import { TEXT_COLUMN_NAMES, TYPED_COLUMN_NAMES, type AnswerTable } from './answers';
import { textAt, type TextColumn } from './text-column';

const textLength = (c: TextColumn, i: number) => c.ends[i] - (i === 0 ? 0 : c.ends[i - 1]);

/** A 32-bit hash of date, time, score and the lengths of the texts: equal for duplicates. */
function hashOf(t: AnswerTable, i: number): number {
  let h = Math.imul(t.day[i] ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (t.seconds[i] + 1), 0xc2b2ae35);
  h = Math.imul(h ^ t.score[i], 0x27d4eb2f);
  h = Math.imul(h ^ textLength(t.account, i), 0x165667b1);
  h = Math.imul(h ^ textLength(t.respondent, i), 0x85ebca6b);
  h = Math.imul(h ^ textLength(t.comment, i), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function sameAnswer(a: AnswerTable, i: number, b: AnswerTable, j: number): boolean {
  return a.day[i] === b.day[j] && a.seconds[i] === b.seconds[j] && a.score[i] === b.score[j] && sameText(a, i, b, j);
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
 * A hash table over typed arrays (chained through `next`): a million answers need no million
 * objects, and strings are compared only when date, time, score and text lengths all match.
 */
export function dropDuplicates(existing: AnswerTable | null, incoming: AnswerTable): DuplicateResult {
  const before = existing?.length ?? 0;
  const total = before + incoming.length;
  let size = 1024;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  const heads = new Int32Array(size).fill(-1);
  const next = new Int32Array(total);
  const hashes = new Uint32Array(total);
  const insert = (n: number) => {
    const s = hashes[n] & mask;
    next[n] = heads[s];
    heads[s] = n;
  };
  for (let i = 0; i < before; i++) {
    hashes[i] = hashOf(existing!, i);
    insert(i);
  }
  const keep: number[] = [];
  const skippedPerFile = new Map<number, number>();
  for (let i = 0; i < incoming.length; i++) {
    const n = before + i;
    const h = (hashes[n] = hashOf(incoming, i));
    let duplicate = false;
    for (let m = heads[h & mask]; m !== -1 && !duplicate; m = next[m]) {
      if (hashes[m] !== h) continue;
      duplicate = m < before ? sameAnswer(existing!, m, incoming, i) : sameAnswer(incoming, m - before, incoming, i);
    }
    if (duplicate) {
      skippedPerFile.set(incoming.file[i], (skippedPerFile.get(incoming.file[i]) ?? 0) + 1);
    } else {
      insert(n);
      keep.push(i);
    }
  }
  if (keep.length === incoming.length) return { kept: incoming, skippedPerFile };
  return { kept: selectRows(incoming, keep), skippedPerFile };
}

/** Runs of neighbouring indices as [first, last + 1) pairs: duplicates are rare, runs are long. */
function runsOf(indices: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let k = 0; k < indices.length; ) {
    let end = k + 1;
    while (end < indices.length && indices[end] === indices[end - 1] + 1) end++;
    runs.push([indices[k], indices[end - 1] + 1]);
    k = end;
  }
  return runs;
}

type Column = Uint32Array | Int32Array | Int8Array | Uint16Array | Float64Array;

function selectColumn<T extends Column>(column: T, runs: ReadonlyArray<[number, number]>, length: number): T {
  const out = column.slice(0, length) as T;
  let at = 0;
  for (const [from, to] of runs) {
    out.set(column.subarray(from, to) as never, at);
    at += to - from;
  }
  return out;
}

function selectText(column: TextColumn, runs: ReadonlyArray<[number, number]>, length: number): TextColumn {
  const ends = new Uint32Array(length);
  const pieces: string[] = [];
  let at = 0, k = 0;
  for (const [first, last] of runs) {
    const from = first === 0 ? 0 : column.ends[first - 1];
    for (let j = first; j < last; j++) ends[k++] = at + column.ends[j] - from;
    const to = column.ends[last - 1];
    pieces.push(column.text.slice(from, to));
    at += to - from;
  }
  return { text: pieces.join(''), ends };
}

/** The rows at `indices` (ascending), as a new table. */
export function selectRows(table: AnswerTable, indices: readonly number[]): AnswerTable {
  const runs = runsOf(indices);
  const n = indices.length;
  const out = { length: n, segments: table.segments.map((c) => selectColumn(c, runs, n)) } as unknown as AnswerTable;
  for (const name of TYPED_COLUMN_NAMES) (out as unknown as Record<string, Column>)[name] = selectColumn(table[name] as Column, runs, n);
  for (const name of TEXT_COLUMN_NAMES) out[name] = selectText(table[name], runs, n);
  return out;
}
