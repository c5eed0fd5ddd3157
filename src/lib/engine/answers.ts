/**
 * The answers of a dataset, held as columns rather than one object per answer.
 *
 * A million answers as objects cost ~1 GB and ~100 ms per pass; as typed columns they cost tens
 * of MB and a pass takes ~10 ms (../shared/reference/performance.md). Segment values are
 * dictionary-encoded: `segments[i][k]` is an index into `segmentColumns[i].values`. Strings are
 * packed per column (text-column.ts) so that they copy between threads like typed arrays.
 */
import { concatText, emptyText, packText, sliceText, type TextColumn } from './text-column';

/** Marks an answer without a date (no date column was mapped). */
export const NO_DAY = -2147483648;

export interface SegmentColumn {
  /** The column's header as the file wrote it (the segment's name in the UI). */
  name: string;
  /** Dictionary: code → value as written. Code 0 is always the empty value. */
  values: string[];
}

export interface AnswerTable {
  length: number;
  /** Stable id of each answer within its dataset (survives appends and reloads). */
  id: Uint32Array;
  score: Int8Array;
  /** Days since 1970-01-01 of the calendar date written in the file, or NO_DAY. */
  day: Int32Array;
  /** Seconds since midnight as written, or −1 when the file gave no time. */
  seconds: Int32Array;
  /** Index into the dataset's file list. */
  file: Uint16Array;
  /** The row as a spreadsheet numbers it (header = row 1). */
  row: Uint32Array;
  /**
   * The customer each answer belongs to (the account, else the respondent, per the dataset's
   * identity), as a code: equal codes are the same customer; 0 means nobody is known.
   */
  customer: Uint32Array;
  /** Account / company id as written, '' when unknown. */
  account: TextColumn;
  /** Respondent e-mail or person id as written, '' when unknown. */
  respondent: TextColumn;
  comment: TextColumn;
  /** Wave label as written, '' when there is no wave column. */
  wave: TextColumn;
  /** 1 churned, 0 not, −1 unknown (no churn column, or an unreadable cell). */
  churn: Int8Array;
  /** Revenue of the account as written (ARR, MRR…), NaN when unknown. */
  revenue: Float64Array;
  /** One code array per segment column, parallel to the dataset's segment dictionaries. */
  segments: Uint16Array[];
}

/** A table of `length` answers with every column zeroed (texts empty, churn/revenue unknown). */
export function blankTable(length: number, segmentCount = 0): AnswerTable {
  return {
    length,
    id: new Uint32Array(length),
    score: new Int8Array(length),
    day: new Int32Array(length),
    seconds: new Int32Array(length),
    file: new Uint16Array(length),
    row: new Uint32Array(length),
    customer: new Uint32Array(length),
    account: emptyText(length),
    respondent: emptyText(length),
    comment: emptyText(length),
    wave: emptyText(length),
    churn: new Int8Array(length).fill(-1),
    revenue: new Float64Array(length).fill(NaN),
    segments: Array.from({ length: segmentCount }, () => new Uint16Array(length)),
  };
}

export function emptyTable(segmentCount = 0): AnswerTable {
  return blankTable(0, segmentCount);
}

/** Joins tables (chunks read back from storage) into one, in order. */
export function concatTables(parts: readonly AnswerTable[], segmentCount: number): AnswerTable {
  if (parts.length === 1 && parts[0].segments.length === segmentCount) return parts[0];
  const out = blankTable(parts.reduce((s, p) => s + p.length, 0), segmentCount);
  let at = 0;
  for (const p of parts) {
    out.id.set(p.id, at);
    out.score.set(p.score, at);
    out.day.set(p.day, at);
    out.seconds.set(p.seconds, at);
    out.file.set(p.file, at);
    out.row.set(p.row, at);
    out.customer.set(p.customer, at);
    out.churn.set(p.churn, at);
    out.revenue.set(p.revenue, at);
    // A chunk written before a segment column existed has no codes for it: they stay 0 (empty).
    p.segments.forEach((codes, s) => out.segments[s]?.set(codes, at));
    at += p.length;
  }
  out.account = concatText(parts.map((p) => p.account));
  out.respondent = concatText(parts.map((p) => p.respondent));
  out.comment = concatText(parts.map((p) => p.comment));
  out.wave = concatText(parts.map((p) => p.wave));
  return out;
}

/** The answers from `start` to `end` (exclusive) as a table of their own. */
export function sliceTable(table: AnswerTable, start: number, end: number): AnswerTable {
  return {
    length: end - start,
    id: table.id.slice(start, end),
    score: table.score.slice(start, end),
    day: table.day.slice(start, end),
    seconds: table.seconds.slice(start, end),
    file: table.file.slice(start, end),
    row: table.row.slice(start, end),
    customer: table.customer.slice(start, end),
    account: sliceText(table.account, start, end),
    respondent: sliceText(table.respondent, start, end),
    comment: sliceText(table.comment, start, end),
    wave: sliceText(table.wave, start, end),
    churn: table.churn.slice(start, end),
    revenue: table.revenue.slice(start, end),
    segments: table.segments.map((c) => c.slice(start, end)),
  };
}

/** The typed arrays of a table, e.g. to transfer them to another thread. */
export function tableBuffers(table: AnswerTable): ArrayBuffer[] {
  const arrays = [table.id, table.score, table.day, table.seconds, table.file, table.row, table.customer, table.churn, table.revenue,
    table.account.ends, table.respondent.ends, table.comment.ends, table.wave.ends, ...table.segments];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** One answer written out, for building small tables by hand (tests, examples). */
export interface AnswerRow {
  score: number;
  day?: number;
  seconds?: number;
  file?: number;
  row?: number;
  customer?: number;
  account?: string;
  respondent?: string;
  comment?: string;
  wave?: string;
  churn?: number;
  revenue?: number;
  segments?: number[];
}

export function tableFromRows(rows: readonly AnswerRow[], segmentCount = 0): AnswerTable {
  const t = blankTable(rows.length, segmentCount);
  rows.forEach((r, i) => {
    t.id[i] = i;
    t.score[i] = r.score;
    t.day[i] = r.day ?? NO_DAY;
    t.seconds[i] = r.seconds ?? -1;
    t.file[i] = r.file ?? 0;
    t.row[i] = r.row ?? i + 2;
    t.customer[i] = r.customer ?? 0;
    t.churn[i] = r.churn ?? -1;
    t.revenue[i] = r.revenue ?? NaN;
    r.segments?.forEach((code, s) => (t.segments[s][i] = code));
  });
  t.account = packText(rows.map((r) => r.account ?? ''));
  t.respondent = packText(rows.map((r) => r.respondent ?? ''));
  t.comment = packText(rows.map((r) => r.comment ?? ''));
  t.wave = packText(rows.map((r) => r.wave ?? ''));
  return t;
}
