/**
 * The answers of a dataset, held as columns rather than one object per answer.
 *
 * A million answers as objects cost ~1 GB and ~100 ms per pass; as typed columns they cost tens
 * of MB and a pass takes ~10 ms (../shared/reference/performance.md). Segment values are
 * dictionary-encoded: `segments[i][k]` is an index into `segmentColumns[i].values`.
 */

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
  /** Account / company id as written, '' when unknown. */
  account: string[];
  /** Respondent e-mail or person id as written, '' when unknown. */
  respondent: string[];
  comment: string[];
  /** Wave label as written, '' when there is no wave column. */
  wave: string[];
  /** 1 churned, 0 not, −1 unknown (no churn column, or an unreadable cell). */
  churn: Int8Array;
  /** Revenue of the account as written (ARR, MRR…), NaN when unknown. */
  revenue: Float64Array;
  /** One code array per segment column, parallel to the dataset's segment dictionaries. */
  segments: Uint16Array[];
}

export function emptyTable(segmentCount = 0): AnswerTable {
  return {
    length: 0,
    id: new Uint32Array(0),
    score: new Int8Array(0),
    day: new Int32Array(0),
    seconds: new Int32Array(0),
    file: new Uint16Array(0),
    row: new Uint32Array(0),
    account: [],
    respondent: [],
    comment: [],
    wave: [],
    churn: new Int8Array(0),
    revenue: new Float64Array(0),
    segments: Array.from({ length: segmentCount }, () => new Uint16Array(0)),
  };
}

/** Joins tables (chunks read back from storage) into one, in order. */
export function concatTables(parts: readonly AnswerTable[], segmentCount: number): AnswerTable {
  if (parts.length === 1 && parts[0].segments.length === segmentCount) return parts[0];
  const length = parts.reduce((s, p) => s + p.length, 0);
  const out: AnswerTable = {
    length,
    id: new Uint32Array(length),
    score: new Int8Array(length),
    day: new Int32Array(length),
    seconds: new Int32Array(length),
    file: new Uint16Array(length),
    row: new Uint32Array(length),
    account: new Array<string>(length),
    respondent: new Array<string>(length),
    comment: new Array<string>(length),
    wave: new Array<string>(length),
    churn: new Int8Array(length).fill(-1),
    revenue: new Float64Array(length).fill(NaN),
    segments: Array.from({ length: segmentCount }, () => new Uint16Array(length)),
  };
  let at = 0;
  for (const p of parts) {
    out.id.set(p.id, at);
    out.score.set(p.score, at);
    out.day.set(p.day, at);
    out.seconds.set(p.seconds, at);
    out.file.set(p.file, at);
    out.row.set(p.row, at);
    if (p.churn) out.churn.set(p.churn, at);
    if (p.revenue) out.revenue.set(p.revenue, at);
    for (let i = 0; i < p.length; i++) {
      out.account[at + i] = p.account[i];
      out.respondent[at + i] = p.respondent[i];
      out.comment[at + i] = p.comment[i];
      out.wave[at + i] = p.wave[i];
    }
    // A chunk written before a segment column existed has no codes for it: they stay 0 (empty).
    p.segments.forEach((codes, s) => out.segments[s]?.set(codes, at));
    at += p.length;
  }
  return out;
}

/** Splits a table into chunks of at most `size` answers, for storage. */
export function sliceTable(table: AnswerTable, start: number, end: number): AnswerTable {
  return {
    length: end - start,
    id: table.id.slice(start, end),
    score: table.score.slice(start, end),
    day: table.day.slice(start, end),
    seconds: table.seconds.slice(start, end),
    file: table.file.slice(start, end),
    row: table.row.slice(start, end),
    account: table.account.slice(start, end),
    respondent: table.respondent.slice(start, end),
    comment: table.comment.slice(start, end),
    wave: table.wave.slice(start, end),
    churn: table.churn.slice(start, end),
    revenue: table.revenue.slice(start, end),
    segments: table.segments.map((c) => c.slice(start, end)),
  };
}
