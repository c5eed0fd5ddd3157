/**
 * Turns the records of one or more files into answer columns, rejecting rows that cannot be
 * read, each with its spreadsheet row number and a reason. Runs in the import worker and in the
 * command-line tool alike.
 */
import { blankTable, NO_DAY, sliceTable, tableBuffers, TEXT_COLUMN_NAMES, TYPED_COLUMN_NAMES, type AnswerTable, type SegmentColumn, type TextColumnName } from '../engine/answers';
import { identityCell, type IdentityKind } from '../engine/customers';
import { TextColumnBuilder } from '../engine/text-column';
import { isBlankRecord, readRecords } from './csv';
import type { FilePlan } from './preview';
import { parseDate, parseScore, type ParsedDate, type Rejection } from './values';
import { dayFromCivil } from '../engine/days';
import { parseAmount, parseChurn, parseCsat } from './flags';
import { DELIMITER_BYTES, fieldIsBlank, fieldSmallInt, fieldText, scanRecords, type RecordFields, type ScanEncoding } from './scanner';
import { UNFINISHED } from './roles';
import { CustomerKeys, plainIdentityCode, type PackedCustomerKeys } from './customer-keys';
import { FirstLookTally, type FirstLook } from '../engine/first-look';
import { letGo } from '../engine/let-go';

export interface RejectedRow {
  /** Index into the dataset's file list. */
  file: number;
  /** Spreadsheet row number: the first header line is row 1; a quoted line break stays in its row. */
  row: number;
  rejection: Rejection;
  cells?: string[];
}

const KEEP_REJECTED_CELLS = 10_000;
/** A kept cell of a rejected row is cut here: a 50 MB cell must not be stored again. */
const KEEP_CELL_CHARS = 2_000;

import { MAX_ROW_BYTES } from './measure';

export interface FileCounts {
  accepted: number;
  rejected: number;
  /** Blank records among the data rows (skipped: not answers). */
  blank: number;
}

export interface BuiltAnswers {
  table: AnswerTable;
  segmentColumns: SegmentColumn[];
  rejected: RejectedRow[];
  fileCounts: FileCounts[];
  /** Each customer code's key (code 0 = nobody), to merge answers built apart. */
  customers: PackedCustomerKeys;
  /**
   * The table the codes were given from, when the answers were built in this worker: merging
   * extends it rather than building it again. Never sent to another worker.
   */
  customerKeys?: CustomerKeys;
}

/** Part of a file's bytes to read, for splitting a big file between two workers. */
export interface ByteRange {
  start: number;
  end: number;
  /** Records before this range (header rows included): row numbers continue from there. */
  rowsBefore: number;
  /**
   * More of the same file follows in another call (a big file read in pieces, read-in-pieces.ts):
   * its rows continue this range's numbering and counts, and the file's totals are checked at
   * the last piece. `rowsBefore` is read at the first piece only.
   */
  more?: boolean;
  /** About which share of the file's bytes this first piece is, to size the columns once. */
  share?: number;
}

/** A file read in pieces, between one piece and the next. */
interface OpenFile {
  fileIndex: number;
  reading: FileReading;
  row: number;
  firstRow: number;
  ends: number;
  unclosedRows: RejectedRow[];
}

const digit = (bytes: Uint8Array, i: number) => (bytes[i] >= 48 && bytes[i] <= 57 ? bytes[i] - 48 : -100);
const two = (bytes: Uint8Array, i: number) => digit(bytes, i) * 10 + digit(bytes, i + 1);

/**
 * The common ISO forms straight from the bytes — `YYYY-MM-DD`, with ` hh:mm:ss` or `Thh:mm:ss`,
 * and a `Z` or `±hh:mm` that is ignored (the time as written). Undefined for anything else,
 * which then goes through parseDate; null for an impossible date.
 */
function isoDateInBytes(bytes: Uint8Array, from: number, to: number): ParsedDate | null | undefined {
  const n = to - from;
  if ((n !== 10 && n !== 19 && n !== 20 && n !== 25) || bytes[from + 4] !== 45 || bytes[from + 7] !== 45) return undefined;
  const y = two(bytes, from) * 100 + two(bytes, from + 2), m = two(bytes, from + 5), d = two(bytes, from + 8);
  if (y < 0 || m < 0 || d < 0) return undefined;
  if (n === 10) return dateOf(y, m, d, 0, 0, 0, false);
  const t = bytes[from + 10];
  if ((t !== 84 && t !== 32) || bytes[from + 13] !== 58 || bytes[from + 16] !== 58) return undefined;
  if (n === 20 && bytes[from + 19] !== 90) return undefined;
  if (n === 25 && ((bytes[from + 19] !== 43 && bytes[from + 19] !== 45) || bytes[from + 22] !== 58)) return undefined;
  const hh = two(bytes, from + 11), mm = two(bytes, from + 14), ss = two(bytes, from + 17);
  if (hh < 0 || mm < 0 || ss < 0 || hh > 23) return undefined; // 24:00 and the like: parseDate decides
  return dateOf(y, m, d, hh, mm, ss, true);
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dateOf(y: number, m: number, d: number, hh: number, mm: number, ss: number, timed: boolean): ParsedDate | null {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m] || mm > 59 || ss > 59) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return { day: dayFromCivil(y, m, d), seconds: timed ? hh * 3600 + mm * 60 + ss : -1 };
}

/** FNV-1a over a byte range. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

function sameBytes(a: Uint8Array, bytes: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== bytes[from + i]) return false;
  return true;
}

/**
 * Counts line feeds in bytes (CR-only files: carriage returns), to size the columns once. Mixed
 * files can hold more records than this; the columns then grow (reserve doubles).
 */
function countLineBytes(bytes: Uint8Array, start: number, end: number): number {
  let n = 1;
  for (let i = bytes.indexOf(10, start); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  if (n === 1) for (let i = bytes.indexOf(13, start); i !== -1 && i < end; i = bytes.indexOf(13, i + 1)) n++;
  return n;
}

/** Lines of a cell (after its first) that hold at least as many delimiters as a row of `width` columns. */
function rowLikeLines(text: string, delimiter: string, width: number): number {
  const needed = Math.max(2, width - 1);
  let rows = 0;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) if (lines[i].split(delimiter).length - 1 >= needed) rows++;
  return rows;
}

/** A column as the person knows it: its header, else its position. */
function columnName(plan: FilePlan, column: number): string {
  return (plan.headers[column] || `#${column + 1}`).slice(0, 80);
}

/** Where the data starts: after a UTF-8 byte-order mark, if any. */
export function bomLength(bytes: Uint8Array, plan: FilePlan): number {
  return plan.encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}


/** What the builder needs to know about one file while reading its rows. */
interface FileReading {
  fileIndex: number;
  plan: FilePlan;
  score: number;
  date: number;
  account: number;
  respondent: number;
  comment: number;
  wave: number;
  churn: number;
  revenue: number;
  csat: number;
  completion: number;
  since: number;
  renewal: number;
  phase: number;
  /** Source column → segment index, for the columns that are segments. */
  segmentColumns: number[];
  segmentIndex: number[];
  counts: FileCounts;
}


export class AnswerBuilder {
  private table: AnswerTable = blankTable(0);
  private capacity = 0;
  private readonly texts = Object.fromEntries(TEXT_COLUMN_NAMES.map((name) => [name, new TextColumnBuilder(1024)])) as Record<TextColumnName, TextColumnBuilder>;
  private readonly segmentColumns: SegmentColumn[];
  private readonly segmentCodes: Map<string, number>[];
  private readonly rejected: RejectedRow[] = [];
  private readonly fileCounts: FileCounts[] = [];

  private readonly customerKeys = new CustomerKeys();
  private open: OpenFile | null = null;

  /**
   * `segments`: the dataset's existing dictionaries when appending, so codes stay the same.
   * `identity`: which column makes the customer; codes are assigned while reading.
   */
  /**
   * Set for a first look (engine/first-look.ts): rows are read and kept or rejected by the same
   * rules, but a kept row is only counted (its score and month), nothing else is built.
   */
  private readonly tally: FirstLookTally | null;

  constructor(segments: readonly SegmentColumn[] = [], private nextId = 0, private readonly identity: IdentityKind = null, options: { firstLook?: boolean } = {}) {
    this.tally = options.firstLook ? new FirstLookTally() : null;
    this.segmentColumns = segments.map((s) => ({ ...s, values: [...s.values] }));
    this.segmentCodes = this.segmentColumns.map((s) => new Map(s.values.map((v, i) => [v, i])));
    this.table = blankTable(0, this.segmentColumns.length);
  }

  /** Makes room for `extra` more answers: columns are sized once from the line count, not doubled. */
  private reserve(extra: number): void {
    if (this.tally) return;
    let needed = this.table.length + extra;
    if (needed <= this.capacity) return;
    // Growing again (a file read in pieces, more records than line feeds): by a quarter at least,
    // so that the columns are not copied at every piece.
    if (this.capacity > 0) needed = Math.max(needed, Math.ceil(this.capacity * 1.25));
    const old = this.table;
    // Without text columns: the texts are built apart (this.texts) and put in at finish.
    const grown = blankTable(needed, this.segmentColumns.length, false);
    const n = old.length;
    grown.length = n;
    for (const name of TYPED_COLUMN_NAMES) (grown[name] as Int32Array).set((old[name] as Int32Array).subarray(0, n));
    old.segments.forEach((codes, s) => grown.segments[s].set(codes.subarray(0, n)));
    this.table = grown;
    this.capacity = needed;
    letGo(...tableBuffers(old));
  }

  /** Data rows read so far, accepted or rejected. */
  get rowsRead(): number {
    return this.table.length + this.rejected.length;
  }

  /** The segment column index for a header, created on first sight (files share them by name). */
  private segmentIndex(name: string, touchpoint: boolean): number {
    let i = this.segmentColumns.findIndex((s) => s.name === name);
    if (i < 0) {
      i = this.segmentColumns.length;
      this.segmentColumns.push(touchpoint ? { name, values: [''], touchpoint } : { name, values: [''] });
      this.segmentCodes.push(new Map([['', 0]]));
      this.table.segments.push(new Uint16Array(this.capacity));
    }
    return i;
  }

  private code(segment: number, raw: string): number {
    const value = raw.trim();
    const codes = this.segmentCodes[segment];
    let c = codes.get(value);
    if (c === undefined) {
      c = this.segmentColumns[segment].values.length;
      // Uint16 codes: past 65,535 distinct values a column is an id, not a segment; keep it readable.
      if (c > 0xffff) return 0;
      this.segmentColumns[segment].values.push(value);
      codes.set(value, c);
    }
    return c;
  }

  private beginFile(fileIndex: number, plan: FilePlan, rowsAtMost: number): FileReading {
    const col = (role: FilePlan['roles'][number]) => plan.roles.indexOf(role);
    // A touchpoint column is a segment column too (filtered and compared the same way), marked.
    const segmentColumns = plan.roles.flatMap((r, c) => (r === 'segment' || r === 'touchpoint' ? [c] : []));
    const reading: FileReading = {
      fileIndex,
      plan,
      score: col('score'),
      date: col('date'),
      account: col('account'),
      respondent: col('respondent'),
      comment: col('comment'),
      wave: col('wave'),
      churn: col('churn'),
      revenue: col('revenue'),
      csat: col('csat'),
      completion: col('completion'),
      since: col('since'),
      renewal: col('renewal'),
      phase: col('phase'),
      segmentColumns,
      segmentIndex: segmentColumns.map((c) => this.segmentIndex(plan.headers[c] || `#${c + 1}`, plan.roles[c] === 'touchpoint')),
      counts: { accepted: 0, rejected: 0, blank: 0 },
    };
    if (reading.score < 0) throw new Error('no score column');
    this.reserve(rowsAtMost);
    this.fileCounts[fileIndex] = reading.counts;
    return reading;
  }

  /**
   * Reads one data row. `cell(c)` gives column c's text; `cells()` the whole row (only called
   * for a rejected row, to keep it for the download).
   */
  private addRow(
    f: FileReading,
    row: number,
    cell: (c: number) => string,
    cells: () => string[],
    quickScore = -1,
    quickDate: (c: number) => ParsedDate | null | undefined = () => undefined,
    segmentCode: (s: number) => number = (s) => this.code(f.segmentIndex[s], cell(f.segmentColumns[s])),
    quickIdentity: (c: number) => number = () => -1,
    mayHoldLineEnd: (c: number) => boolean = () => true,
  ): void {
    const score = quickScore >= 0 && quickScore <= 10 ? { ok: true as const, score: quickScore } : parseScore(cell(f.score));
    if (!score.ok) {
      // An unfinished response (Typeform "partial", Qualtrics Finished = False) has no score
      // because it was never given: say so rather than "score is empty".
      const status = f.completion >= 0 ? cell(f.completion).trim() : '';
      const unfinished = score.rejection.code === 'score-empty' && UNFINISHED.test(status);
      this.reject(f, row, unfinished ? { code: 'partial-response', value: status } : score.rejection, cells);
      return;
    }
    let day = NO_DAY, seconds = -1;
    if (f.date >= 0) {
      const quick = quickDate(f.date);
      const raw = quick ? '' : cell(f.date).trim();
      const date = quick ?? (raw ? parseDate(raw, f.plan.dateOrder) : null);
      if (!date) {
        this.reject(f, row, { code: raw ? 'date-unreadable' : 'date-empty', value: raw.slice(0, 80) }, cells);
        return;
      }
      day = date.day;
      seconds = date.seconds;
    }
    // A first look decodes a comment only when it may hold a line end (the check below needs one).
    const comment = f.comment >= 0 && (!this.tally || mayHoldLineEnd(f.comment)) ? cell(f.comment) : '';
    if (comment.length > 40 && comment.indexOf('\n') !== -1) {
      // A quote closed far too late (by the next quoted field rows below) makes the rows between
      // one comment: lines holding as many delimiters as a row has are rows, not a comment.
      const swallowed = rowLikeLines(comment, f.plan.delimiter, f.plan.headers.length);
      if (swallowed >= 2) {
        this.reject(f, row, { code: 'quote-swallowed-rows', value: columnName(f.plan, f.comment), count: swallowed }, cells);
        return;
      }
    }
    if (this.tally) {
      this.tally.add(score.score, day);
      f.counts.accepted++;
      return;
    }
    // Sized from the line feeds; a file with CR-only lines among them has more records.
    if (this.table.length === this.capacity) this.reserve(Math.max(1024, this.capacity));
    const t = this.table;
    const i = t.length++;
    t.id[i] = this.nextId++;
    t.score[i] = score.score;
    t.day[i] = day;
    t.seconds[i] = seconds;
    t.file[i] = f.fileIndex;
    t.row[i] = row;
    const account = f.account >= 0 ? identityCell(cell(f.account)) : '';
    const respondent = f.respondent >= 0 ? identityCell(cell(f.respondent)) : '';
    this.texts.account.push(account);
    this.texts.respondent.push(respondent);
    const identity = this.identity === 'account' ? account : this.identity === 'respondent' ? respondent : '';
    if (identity) {
      // Straight from the bytes when they are the identity as it stands (customer-keys.ts).
      const quick = quickIdentity(this.identity === 'account' ? f.account : f.respondent);
      t.customer[i] = quick > 0 ? quick : this.customerKeys.codeOfText(identity);
    }
    this.texts.comment.push(comment.trim());
    this.texts.wave.push(f.wave >= 0 ? cell(f.wave).trim() : '');
    if (f.churn >= 0) t.churn[i] = parseChurn(cell(f.churn));
    if (f.revenue >= 0) t.revenue[i] = parseAmount(cell(f.revenue));
    if (f.csat >= 0) t.csat[i] = parseCsat(cell(f.csat));
    if (f.since >= 0) t.since[i] = parseDate(cell(f.since).trim(), f.plan.dateOrder)?.day ?? NO_DAY;
    if (f.renewal >= 0) t.renewal[i] = parseDate(cell(f.renewal).trim(), f.plan.dateOrder)?.day ?? NO_DAY;
    this.texts.phase.push(f.phase >= 0 ? cell(f.phase).trim() : '');
    for (let s = 0; s < f.segmentColumns.length; s++) {
      t.segments[f.segmentIndex[s]][i] = segmentCode(s);
    }
    f.counts.accepted++;
  }

  /**
   * Reads one file's decoded text the PapaParse way (csv.ts `readRecords`). The reference the
   * byte path is held to (scan-path.test.ts); imports of decoded text use addText.
   */
  addFile(fileIndex: number, plan: FilePlan, text: string, onProgress?: (share: number) => void): FileCounts {
    const { records, unclosed } = readRecords(text, plan.delimiter);
    const reading = this.beginFile(fileIndex, plan, records.length);
    const unclosedAt = new Set(unclosed);
    const lastRow = records.length - (/[\r\n]$/.test(text) ? 1 : 0);
    // A final line end gives a last record [''], the end of the file rather than a blank line.
    const atEnd = records.length > 0 && /[\r\n]$/.test(text) ? records.length - 1 : -1;
    records.forEach((record, r) => {
      const row = r + 1; // 1-based, header rows included: the spreadsheet's numbering
      if (row <= plan.headerRows || r === atEnd) return;
      if (isBlankRecord(record)) {
        reading.counts.blank++;
        return;
      }
      if (unclosedAt.has(r)) {
        const column = record.findIndex((c) => c.startsWith('"'));
        this.reject(reading, row, { code: 'unclosed-quote', value: columnName(plan, column), count: lastRow - row }, () => record);
        return;
      }
      this.addRow(reading, row, (c) => record[c] ?? '', () => record);
    });
    onProgress?.(1);
    return reading.counts;
  }

  /**
   * Reads decoded text (UTF-16, Shift_JIS with `|`, the encodings the scanner does not know) with
   * the byte scanner, once encoded as UTF-8: one reader for every import, so every file gets the
   * same line ends, the same unclosed-quote rule and the same row numbers.
   */
  addText(fileIndex: number, plan: FilePlan, text: string, onProgress?: (share: number) => void): { counts: FileCounts; records: number } {
    return this.addFileBytes(fileIndex, { ...plan, encoding: 'utf-8' }, new TextEncoder().encode(text), onProgress);
  }

  /**
   * Reads one file's bytes with the byte scanner: no decoding of the whole file, no record
   * arrays; only the cells a role needs are decoded. For UTF-8 and Shift_JIS (whose multi-byte
   * characters never contain the bytes of `"`, `,`, tab, `;` or a line end); a differential test
   * holds it to the PapaParse path's reading of the decoded text.
   */
  addFileBytes(fileIndex: number, plan: FilePlan, bytes: Uint8Array, onProgress?: (share: number) => void, range?: ByteRange): { counts: FileCounts; records: number } {
    const encoding = plan.encoding as ScanEncoding;
    const start = range?.start ?? bomLength(bytes, plan);
    const end = range?.end ?? bytes.length;
    const open = this.open?.fileIndex === fileIndex ? this.open : null;
    this.open = null;
    // A first look sizes no columns: the line count is one pass over the bytes it need not make.
    const lines = this.tally ? 0 : countLineBytes(bytes, start, end);
    const reading = open?.reading ?? this.beginFile(fileIndex, plan, Math.ceil(lines / Math.min(1, Math.max(0.01, range?.share ?? 1))));
    if (open) this.reserve(lines);
    const decoder = new TextDecoder(encoding, { ignoreBOM: true });
    const options = { delimiter: DELIMITER_BYTES[plan.delimiter], start, end, encoding };
    let fields: RecordFields | null = null;
    const cell = (c: number) => (c < fields!.count ? fieldText(bytes, fields!, c, decoder) : '');
    const cells = () => Array.from({ length: fields!.count }, (_, c) => cell(c));
    // Segment cells repeat a handful of values: look their bytes up instead of decoding them.
    // (Equal bytes give equal text, unescaped or not, so any field can be looked up by its bytes.)
    const known = reading.segmentColumns.map(() => new Map<number, { bytes: Uint8Array; code: number }>());
    const segmentCode = (s: number) => {
      const c = reading.segmentColumns[s];
      const f = fields!;
      if (c >= f.count) return this.code(reading.segmentIndex[s], '');
      const from = f.starts[c], to = f.ends[c];
      const hash = hashBytes(bytes, from, to);
      const hit = known[s].get(hash);
      if (hit && sameBytes(hit.bytes, bytes, from, to)) return hit.code;
      const code = this.code(reading.segmentIndex[s], fieldText(bytes, f, c, decoder));
      known[s].set(hash, { bytes: bytes.slice(from, to), code });
      return code;
    };
    const quickDate = (c: number) => (c < fields!.count ? isoDateInBytes(bytes, fields!.starts[c], fields!.ends[c]) : undefined);
    // Only a quoted field can hold a line end (an unquoted one ends at it).
    const mayHoldLineEnd = (c: number) => {
      const f = fields!;
      if (c >= f.count || f.quoted[c] === 0) return false;
      for (let k = f.starts[c], e = f.ends[c]; k < e; k++) if (bytes[k] === 10 || bytes[k] === 13) return true;
      return false;
    };
    const quickIdentity = (c: number) => (c < fields!.count && fields!.quoted[c] === 0 ? plainIdentityCode(this.customerKeys, bytes, fields!.starts[c], fields!.ends[c]) : -1);
    const firstRow = open?.firstRow ?? range?.rowsBefore ?? 0;
    let row = open?.row ?? firstRow;
    let ends = open?.ends ?? 0;
    const unclosedRows: RejectedRow[] = open?.unclosedRows ?? [];
    scanRecords(bytes, options, (current) => {
      fields = current;
      row++; // 1-based, header rows included: the spreadsheet's numbering
      if (row <= plan.headerRows) return;
      let blank = true;
      for (let c = 0; c < current.count && blank; c++) blank = fieldIsBlank(bytes, current, c);
      if (blank) {
        // The empty record after a final line end is the end of the file, not a blank line.
        if (current.count === 1 && current.starts[0] === bytes.length) ends++;
        else reading.counts.blank++;
        return;
      }
      if (current.unclosed >= 0) {
        // How many rows it would have swallowed is known at the end of the file (count below).
        unclosedRows.push(this.reject(reading, row, { code: 'unclosed-quote', value: columnName(plan, current.unclosed), count: 0 }, cells));
        return;
      }
      const size = current.ends[current.count - 1] - current.starts[0];
      if (size > MAX_ROW_BYTES) {
        let longest = 0;
        for (let c = 1; c < current.count; c++) if (current.ends[c] - current.starts[c] > current.ends[longest] - current.starts[longest]) longest = c;
        this.reject(reading, row, { code: 'row-too-long', value: columnName(plan, longest), count: size }, cells);
        return;
      }
      this.addRow(reading, row, cell, cells, reading.score < current.count ? fieldSmallInt(bytes, current, reading.score) : -1, quickDate, segmentCode, quickIdentity, mayHoldLineEnd);
      if ((row & 0xffff) === 0) onProgress?.((current.ends[current.count - 1] - start) / (end - start));
    });
    onProgress?.(1);
    const records = row - firstRow;
    if (range?.more) {
      this.open = { fileIndex, reading, row, firstRow, ends, unclosedRows };
      return { counts: reading.counts, records };
    }
    // PapaParse would have made every row after an unclosed quote part of its cell.
    for (const r of unclosedRows) r.rejection.count = row - ends - r.row;
    const headers = Math.max(0, Math.min(plan.headerRows - firstRow, records));
    const { accepted, rejected, blank } = reading.counts;
    // Nothing lost in silence: every record read is a header, a blank line, an answer or a rejection.
    if (headers + ends + blank + accepted + rejected !== records) throw new Error(`rows unaccounted for: ${records} read, ${headers + blank + accepted + rejected} counted`);
    return { counts: reading.counts, records };
  }

  private reject(f: FileReading, row: number, rejection: Rejection, cells: () => string[]): RejectedRow {
    // The cells let people download what was left out; a file of nothing but bad rows keeps
    // only the first ones, so a broken export cannot fill the memory.
    const keep = this.rejected.length < KEEP_REJECTED_CELLS;
    const entry: RejectedRow = keep
      ? { file: f.fileIndex, row, rejection, cells: cells().map((c) => (c.length > KEEP_CELL_CHARS ? c.slice(0, KEEP_CELL_CHARS) + '…' : c)) }
      : { file: f.fileIndex, row, rejection };
    this.rejected.push(entry);
    f.counts.rejected++;
    return entry;
  }

  /** The first look's counts (a builder made with `firstLook: true`). */
  firstLook(): FirstLook {
    if (!this.tally) throw new Error('not a first look');
    return this.tally.result(this.rejected.length);
  }

  finish(): BuiltAnswers {
    const t = this.table;
    const n = t.length;
    // Trim the columns to what was filled (they were sized from the line count).
    const table = sliceTable(t, 0, n);
    // The columns as sized from the line count: copied, they go now (let-go.ts).
    letGo(...tableBuffers(t));
    this.table = blankTable(0, this.segmentColumns.length);
    this.capacity = 0;
    for (const name of TEXT_COLUMN_NAMES) table[name] = this.texts[name].finish();
    return { table, segmentColumns: this.segmentColumns, rejected: this.rejected, fileCounts: this.fileCounts, customers: this.customerKeys.packed(), customerKeys: this.customerKeys };
  }
}

/** The first look at a file's bytes (or part of them): what the import will keep, counted. */
export function firstLookOfBytes(plan: FilePlan, bytes: Uint8Array, range?: ByteRange): FirstLook {
  const builder = new AnswerBuilder([], 0, null, { firstLook: true });
  builder.addFileBytes(0, plan, bytes, undefined, range);
  return builder.firstLook();
}
