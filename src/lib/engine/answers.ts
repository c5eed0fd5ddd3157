/**
 * The answers of a dataset, held as columns rather than one object per answer.
 *
 * A million answers as objects cost ~1 GB and ~100 ms per pass; as typed columns they cost tens
 * of MB and a pass takes ~10 ms (docs/methods.md §10.6). Segment values are
 * dictionary-encoded: `segments[i][k]` is an index into `segmentColumns[i].values`. Strings are
 * packed per column (text-column.ts) so that they copy between threads like typed arrays.
 */
import { concatText, emptyText, packText, sliceText, type TextColumn } from './text-column';
import { textFromWire, textToWire, type TextWire } from './text-units';

/** Marks an answer without a date (no date column was mapped). */
export const NO_DAY = -2147483648;

export interface SegmentColumn {
  /** The column's header as the file wrote it (the segment's name in the UI). */
  name: string;
  /** Dictionary: code → value as written. Code 0 is always the empty value. */
  values: string[];
  /**
   * Where or when the survey was asked (relationship survey, after a support ticket…): answers
   * of different touchpoints are not like for like.
   */
  touchpoint?: boolean;
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
  /** Satisfaction (CSAT) as answered, a whole number 0–10 on the survey's scale; −1 when unknown. */
  csat: Int8Array;
  /** The account's start (contract start, customer since), or NO_DAY. */
  since: Int32Array;
  /** The account's next renewal, or NO_DAY. */
  renewal: Int32Array;
  /** A lifecycle phase as the data names it ('' when no phase column). */
  phase: TextColumn;
  /** One code array per segment column, parallel to the dataset's segment dictionaries. */
  segments: Uint16Array[];
}

type TypedColumn = Uint32Array | Int32Array | Int8Array | Uint16Array | Float64Array;

/**
 * The typed columns with the value an answer has before anything is known; every function that
 * copies whole tables walks these two lists, so a new column is added in one place.
 */
export const TYPED_COLUMNS = {
  id: (n: number) => new Uint32Array(n),
  score: (n: number) => new Int8Array(n),
  day: (n: number) => new Int32Array(n),
  seconds: (n: number) => new Int32Array(n),
  file: (n: number) => new Uint16Array(n),
  row: (n: number) => new Uint32Array(n),
  customer: (n: number) => new Uint32Array(n),
  churn: (n: number) => new Int8Array(n).fill(-1),
  revenue: (n: number) => new Float64Array(n).fill(NaN),
  csat: (n: number) => new Int8Array(n).fill(-1),
  since: (n: number) => new Int32Array(n).fill(NO_DAY),
  renewal: (n: number) => new Int32Array(n).fill(NO_DAY),
} as const;
export type TypedColumnName = keyof typeof TYPED_COLUMNS;
export const TYPED_COLUMN_NAMES = Object.keys(TYPED_COLUMNS) as TypedColumnName[];
export const TEXT_COLUMN_NAMES = ['account', 'respondent', 'comment', 'wave', 'phase'] as const;
export type TextColumnName = (typeof TEXT_COLUMN_NAMES)[number];

/** A table of `length` answers with every column at its "nothing known" value. */
/**
 * `texts` false: the text columns are left empty (no ends), for a caller that puts its own in
 * (an import's builder, a concatenation): five unused ends arrays were 20 bytes an answer, 20 MB
 * at a million, at the import's peak.
 */
export function blankTable(length: number, segmentCount = 0, texts = true): AnswerTable {
  const table = { length, segments: Array.from({ length: segmentCount }, () => new Uint16Array(length)) } as unknown as AnswerTable;
  for (const name of TYPED_COLUMN_NAMES) (table as unknown as Record<string, TypedColumn>)[name] = TYPED_COLUMNS[name](length);
  for (const name of TEXT_COLUMN_NAMES) table[name] = emptyText(texts ? length : 0);
  return table;
}

export function emptyTable(segmentCount = 0): AnswerTable {
  return blankTable(0, segmentCount);
}

const typed = (table: AnswerTable, name: TypedColumnName) => table[name] as TypedColumn;

/** Joins tables (chunks read back from storage) into one, in order. */
export function concatTables(parts: readonly AnswerTable[], segmentCount: number): AnswerTable {
  const complete = (p: AnswerTable) => TYPED_COLUMN_NAMES.every((n) => p[n]) && TEXT_COLUMN_NAMES.every((n) => p[n]);
  if (parts.length === 1 && parts[0].segments.length === segmentCount && complete(parts[0])) return parts[0];
  const out = blankTable(parts.reduce((s, p) => s + p.length, 0), segmentCount, false);
  let at = 0;
  for (const p of parts) {
    // A chunk stored before a column existed lacks it: those answers keep the blank value.
    for (const name of TYPED_COLUMN_NAMES) if (p[name]) typed(out, name).set(typed(p, name) as never, at);
    p.segments.forEach((codes, s) => out.segments[s]?.set(codes, at));
    at += p.length;
  }
  for (const name of TEXT_COLUMN_NAMES) out[name] = concatText(parts.map((p) => p[name] ?? emptyText(p.length)));
  return out;
}

/** The answers from `start` to `end` (exclusive) as a table of their own. */
export function sliceTable(table: AnswerTable, start: number, end: number): AnswerTable {
  const out = { length: end - start, segments: table.segments.map((c) => c.slice(start, end)) } as unknown as AnswerTable;
  for (const name of TYPED_COLUMN_NAMES) (out as unknown as Record<string, TypedColumn>)[name] = typed(table, name).slice(start, end);
  for (const name of TEXT_COLUMN_NAMES) out[name] = sliceText(table[name], start, end);
  return out;
}

/** The typed arrays of a table, e.g. to transfer them to another thread. */
export function tableBuffers(table: AnswerTable): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [...TYPED_COLUMN_NAMES.map((n) => typed(table, n)), ...TEXT_COLUMN_NAMES.map((n) => table[n].ends), ...table.segments];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** A table as it is posted between threads: text columns still in code units travel as such. */
export type WireTable = Omit<AnswerTable, TextColumnName> & Record<TextColumnName, TextColumn | TextWire>;

/**
 * The table to post and the buffers to transfer with it (moved, not copied: the sender's columns
 * are empty after). Text not yet decoded goes as its code units (text-units.ts).
 */
export function tableToWire(table: AnswerTable): { table: WireTable; transfer: ArrayBuffer[] } {
  const transfer = tableBuffers(table);
  const out: WireTable = { ...table };
  for (const name of TEXT_COLUMN_NAMES) {
    const { wire, transfer: units } = textToWire(table[name]);
    out[name] = wire;
    transfer.push(...units);
  }
  return { table: out, transfer: [...new Set(transfer)] };
}

export function tableFromWire(table: WireTable): AnswerTable {
  const out = { ...table } as AnswerTable;
  for (const name of TEXT_COLUMN_NAMES) out[name] = textFromWire(table[name]);
  return out;
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
  csat?: number;
  since?: number;
  renewal?: number;
  phase?: string;
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
    t.csat[i] = r.csat ?? -1;
    t.since[i] = r.since ?? NO_DAY;
    t.renewal[i] = r.renewal ?? NO_DAY;
    r.segments?.forEach((code, s) => (t.segments[s][i] = code));
  });
  t.account = packText(rows.map((r) => r.account ?? ''));
  t.respondent = packText(rows.map((r) => r.respondent ?? ''));
  t.comment = packText(rows.map((r) => r.comment ?? ''));
  t.wave = packText(rows.map((r) => r.wave ?? ''));
  t.phase = packText(rows.map((r) => r.phase ?? ''));
  return t;
}

/**
 * Names the dataset's answers as they are now: an append raises nextAnswerId, a removed file
 * lowers answerCount, a rename changes neither. Caches made from the answers (tags in the text
 * worker, the word index) are valid while this stays the same.
 */
export function answersKey(record: { id: string; nextAnswerId: number; answerCount: number }): string {
  return `${record.id}@${record.nextAnswerId}:${record.answerCount}`;
}
