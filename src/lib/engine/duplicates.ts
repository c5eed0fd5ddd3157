/**
 * Exact duplicate answers: the same in every column the import read — person (account and
 * respondent), date and time, score, comment, wave, segments and the account's figures. Monthly
 * exports often overlap by a few days; appending them must not count an answer twice.
 *
 * But two people may well give the same score on the same day with no comment. Within one import a
 * row is therefore dropped only when it carries an identity or a time of day, which makes a repeat
 * a repeat of the same answer; an appended file's rows may repeat stored ones on every column.
 */
import { TEXT_COLUMN_NAMES, TYPED_COLUMN_NAMES, type AnswerTable, type TextColumnName } from './answers';
import type { TextColumn } from './text-column';
import { codeUnitReader } from './text-units';

const startOf = (c: TextColumn, i: number) => (i === 0 ? 0 : c.ends[i - 1]);

/**
 * Mixes a text cell into a hash: its length and up to 12 of its characters spread over it. Real
 * exports repeat dates, scores and comment lengths a lot (short stock phrases); with the
 * characters in, answers that differ rarely share a hash, so strings are seldom compared.
 */
function mixText(h: number, c: TextColumn, code: CodeAt, i: number): number {
  const from = startOf(c, i), length = c.ends[i] - from;
  h = Math.imul(h ^ length, 0x165667b1);
  const step = length <= 12 ? 1 : Math.floor(length / 12);
  for (let k = 0; k < length && k < 12 * step; k += step) h = Math.imul(h ^ code(from + k), 0x85ebca6b);
  return h;
}

type CodeAt = (k: number) => number;

/**
 * A table with a reader of each text column's characters: an import's columns are code units not
 * yet decoded (text-units.ts), and are compared as they are rather than made strings here.
 */
interface Readable {
  t: AnswerTable;
  code: Record<TextColumnName, CodeAt>;
}

const readable = (t: AnswerTable): Readable => ({ t, code: Object.fromEntries(TEXT_COLUMN_NAMES.map((n) => [n, codeUnitReader(t[n])])) as Record<TextColumnName, CodeAt> });

/** A 32-bit hash of date, time, score and the texts: equal for duplicates. */
function hashOf({ t, code }: Readable, i: number): number {
  let h = Math.imul(t.day[i] ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (t.seconds[i] + 1), 0xc2b2ae35);
  h = Math.imul(h ^ t.score[i], 0x27d4eb2f);
  h = mixText(h, t.account, code.account, i);
  h = mixText(h, t.respondent, code.respondent, i);
  h = mixText(h, t.comment, code.comment, i);
  return (h ^ (h >>> 16)) >>> 0;
}

function sameAnswer(ra: Readable, i: number, rb: Readable, j: number): boolean {
  const a = ra.t, b = rb.t;
  const same = (n: TextColumnName) => sameText(a[n], ra.code[n], i, b[n], rb.code[n], j);
  return a.day[i] === b.day[j] && a.seconds[i] === b.seconds[j] && a.score[i] === b.score[j]
    && a.churn[i] === b.churn[j] && Object.is(a.revenue[i], b.revenue[j]) && a.csat[i] === b.csat[j] && a.since[i] === b.since[j] && a.renewal[i] === b.renewal[j]
    && same('account') && same('respondent') && same('comment') && same('wave') && same('phase') && sameSegments(a, i, b, j);
}

/** Segment codes agree (the dictionaries are shared; a column one table lacks counts as blank). */
function sameSegments(a: AnswerTable, i: number, b: AnswerTable, j: number): boolean {
  for (let k = 0, n = Math.max(a.segments.length, b.segments.length); k < n; k++) {
    if ((a.segments[k]?.[i] ?? 0) !== (b.segments[k]?.[j] ?? 0)) return false;
  }
  return true;
}

/** The row says who answered or when to the second: a repeat of it is the same answer again. */
function identified(t: AnswerTable, i: number): boolean {
  return t.seconds[i] >= 0 || t.account.ends[i] > startOf(t.account, i) || t.respondent.ends[i] > startOf(t.respondent, i);
}

/** Cell i of one column equals cell j of another, compared in place (no substring made). */
function sameText(a: TextColumn, codeA: CodeAt, i: number, b: TextColumn, codeB: CodeAt, j: number): boolean {
  const fa = startOf(a, i), fb = startOf(b, j), length = a.ends[i] - fa;
  if (b.ends[j] - fb !== length) return false;
  for (let k = 0; k < length; k++) if (codeA(fa + k) !== codeB(fb + k)) return false;
  return true;
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
export function dropDuplicates(existing: AnswerTable | null, incoming: AnswerTable, options: { keepIdentical?: boolean } = {}): DuplicateResult {
  // The person importing said these rows are all answers (a form without names or times).
  if (options.keepIdentical) return { kept: incoming, skippedPerFile: new Map() };
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
  const old = existing ? readable(existing) : null, fresh = readable(incoming);
  for (let i = 0; i < before; i++) {
    hashes[i] = hashOf(old!, i);
    insert(i);
  }
  // Flags, not a list of kept indices: a million-entry number array is itself a cost.
  const duplicateAt = new Uint8Array(incoming.length);
  let duplicates = 0;
  const skippedPerFile = new Map<number, number>();
  for (let i = 0; i < incoming.length; i++) {
    const n = before + i;
    const h = (hashes[n] = hashOf(fresh, i));
    let duplicate = false;
    const withinToo = identified(incoming, i);
    for (let m = heads[h & mask]; m !== -1 && !duplicate; m = next[m]) {
      if (hashes[m] !== h) continue;
      duplicate = m < before ? sameAnswer(old!, m, fresh, i) : withinToo && sameAnswer(fresh, m - before, fresh, i);
    }
    if (duplicate) {
      duplicateAt[i] = 1;
      duplicates++;
      skippedPerFile.set(incoming.file[i], (skippedPerFile.get(incoming.file[i]) ?? 0) + 1);
    } else insert(n);
  }
  if (duplicates === 0) return { kept: incoming, skippedPerFile };
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < incoming.length; ) {
    if (duplicateAt[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < incoming.length && !duplicateAt[end]) end++;
    runs.push([i, end]);
    i = end;
  }
  return { kept: selectRuns(incoming, runs, incoming.length - duplicates), skippedPerFile };
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
  return selectRuns(table, runsOf(indices), indices.length);
}

/** The rows of `runs` ([first, last + 1) pairs, ascending; `n` rows in all), as a new table. */
function selectRuns(table: AnswerTable, runs: ReadonlyArray<[number, number]>, n: number): AnswerTable {
  const out = { length: n, segments: table.segments.map((c) => selectColumn(c, runs, n)) } as unknown as AnswerTable;
  for (const name of TYPED_COLUMN_NAMES) (out as unknown as Record<string, Column>)[name] = selectColumn(table[name] as Column, runs, n);
  for (const name of TEXT_COLUMN_NAMES) out[name] = selectText(table[name], runs, n);
  return out;
}
