/**
 * Turns the records of one or more files into answer columns, rejecting rows that cannot be
 * read, each with its spreadsheet row number and a reason. Runs in the import worker and in the
 * command-line tool alike.
 */
import { NO_DAY, type AnswerTable, type SegmentColumn } from '../engine/answers';
import { identityCell } from '../engine/overview';
import { isBlankRecord, streamRecords } from './csv';
import type { FilePlan } from './preview';
import { parseDate, parseScore, type Rejection } from './values';
import { parseAmount, parseChurn } from './flags';
import { UNFINISHED } from './roles';

export interface RejectedRow {
  /** Index into the dataset's file list. */
  file: number;
  /** Spreadsheet row number: the first header line is row 1; a quoted line break stays in its row. */
  row: number;
  rejection: Rejection;
  cells?: string[];
}

const KEEP_REJECTED_CELLS = 10_000;

export interface FileCounts {
  accepted: number;
  rejected: number;
}

export interface BuiltAnswers {
  table: AnswerTable;
  segmentColumns: SegmentColumn[];
  rejected: RejectedRow[];
  fileCounts: FileCounts[];
}

/** Counts line feeds: an upper bound on the records of a text, so columns are sized once. */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export class AnswerBuilder {
  private table: AnswerTable;
  private capacity = 0;
  private readonly segmentColumns: SegmentColumn[];
  private readonly segmentCodes: Map<string, number>[];
  private readonly rejected: RejectedRow[] = [];
  private readonly fileCounts: FileCounts[] = [];

  /** `segments`: the dataset's existing dictionaries when appending, so codes stay the same. */
  constructor(segments: readonly SegmentColumn[] = [], private nextId = 0) {
    this.segmentColumns = segments.map((s) => ({ name: s.name, values: [...s.values] }));
    this.segmentCodes = this.segmentColumns.map((s) => new Map(s.values.map((v, i) => [v, i])));
    this.table = this.allocate(0);
  }

  private allocate(capacity: number): AnswerTable {
    return {
      length: 0,
      id: new Uint32Array(capacity),
      score: new Int8Array(capacity),
      day: new Int32Array(capacity),
      seconds: new Int32Array(capacity),
      file: new Uint16Array(capacity),
      row: new Uint32Array(capacity),
      account: [],
      respondent: [],
      comment: [],
      wave: [],
      churn: new Int8Array(capacity),
      revenue: new Float64Array(capacity),
      segments: this.segmentColumns.map(() => new Uint16Array(capacity)),
    };
  }

  private reserve(extra: number): void {
    const needed = this.table.length + extra;
    if (needed <= this.capacity) return;
    const old = this.table;
    const grown = this.allocate(needed);
    grown.length = old.length;
    grown.id.set(old.id.subarray(0, old.length));
    grown.score.set(old.score.subarray(0, old.length));
    grown.day.set(old.day.subarray(0, old.length));
    grown.seconds.set(old.seconds.subarray(0, old.length));
    grown.file.set(old.file.subarray(0, old.length));
    grown.row.set(old.row.subarray(0, old.length));
    grown.churn.set(old.churn.subarray(0, old.length));
    grown.revenue.set(old.revenue.subarray(0, old.length));
    grown.account = old.account;
    grown.respondent = old.respondent;
    grown.comment = old.comment;
    grown.wave = old.wave;
    old.segments.forEach((codes, s) => grown.segments[s].set(codes.subarray(0, old.length)));
    this.table = grown;
    this.capacity = needed;
  }

  /** Data rows read so far, accepted or rejected. */
  get rowsRead(): number {
    return this.table.length + this.rejected.length;
  }

  /** The segment column index for a header, created on first sight (files share them by name). */
  private segmentIndex(name: string): number {
    let i = this.segmentColumns.findIndex((s) => s.name === name);
    if (i < 0) {
      i = this.segmentColumns.length;
      this.segmentColumns.push({ name, values: [''] });
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

  /** Reads one file's text. `onProgress` gets the share of the text done (0–1). */
  addFile(fileIndex: number, plan: FilePlan, text: string, onProgress?: (share: number) => void): FileCounts {
    const col = (role: FilePlan['roles'][number]) => plan.roles.indexOf(role);
    const scoreCol = col('score'), dateCol = col('date'), accountCol = col('account');
    const respondentCol = col('respondent'), commentCol = col('comment'), waveCol = col('wave');
    const churnCol = col('churn'), revenueCol = col('revenue'), completionCol = col('completion');
    const segmentCols = plan.roles.flatMap((r, c) => (r === 'segment' ? [c] : []));
    const segmentIdx = segmentCols.map((c) => this.segmentIndex(plan.headers[c] || `#${c + 1}`));
    if (scoreCol < 0) throw new Error('no score column');
    this.reserve(countLines(text));
    const counts: FileCounts = { accepted: 0, rejected: 0 };
    let recordIndex = 0;
    streamRecords(text, plan.delimiter, (records, charsDone) => {
      const t = this.table;
      for (const record of records) {
        const row = ++recordIndex; // 1-based, header rows included: the spreadsheet's numbering
        if (row <= plan.headerRows || isBlankRecord(record)) continue;
        const score = parseScore(record[scoreCol] ?? '');
        if (!score.ok) {
          // An unfinished response (Typeform "partial", Qualtrics Finished = False) has no score
          // because it was never given: say so rather than "score is empty".
          const unfinished = score.rejection.code === 'score-empty' && completionCol >= 0 && UNFINISHED.test((record[completionCol] ?? '').trim());
          this.reject(fileIndex, row, unfinished ? { code: 'partial-response', value: (record[completionCol] ?? '').trim() } : score.rejection, counts, record);
          continue;
        }
        let day = NO_DAY, seconds = -1;
        if (dateCol >= 0) {
          const raw = (record[dateCol] ?? '').trim();
          const date = raw ? parseDate(raw, plan.dateOrder) : null;
          if (!date) {
            this.reject(fileIndex, row, { code: raw ? 'date-unreadable' : 'date-empty', value: raw.slice(0, 80) }, counts, record);
            continue;
          }
          day = date.day;
          seconds = date.seconds;
        }
        const i = t.length++;
        t.id[i] = this.nextId++;
        t.score[i] = score.score;
        t.day[i] = day;
        t.seconds[i] = seconds;
        t.file[i] = fileIndex;
        t.row[i] = row;
        t.account[i] = accountCol >= 0 ? identityCell(record[accountCol] ?? '') : '';
        t.respondent[i] = respondentCol >= 0 ? identityCell(record[respondentCol] ?? '') : '';
        t.comment[i] = commentCol >= 0 ? (record[commentCol] ?? '').trim() : '';
        t.wave[i] = waveCol >= 0 ? (record[waveCol] ?? '').trim() : '';
        t.churn[i] = churnCol >= 0 ? parseChurn(record[churnCol] ?? '') : -1;
        t.revenue[i] = revenueCol >= 0 ? parseAmount(record[revenueCol] ?? '') : NaN;
        for (let s = 0; s < segmentCols.length; s++) {
          t.segments[segmentIdx[s]][i] = this.code(segmentIdx[s], record[segmentCols[s]] ?? '');
        }
        counts.accepted++;
      }
      onProgress?.(text.length ? Math.min(1, charsDone / text.length) : 1);
    });
    this.fileCounts[fileIndex] = counts;
    return counts;
  }

  private reject(file: number, row: number, rejection: Rejection, counts: FileCounts, cells?: string[]): void {
    // The cells let people download what was left out; a file of nothing but bad rows keeps
    // only the first ones, so a broken export cannot fill the memory.
    this.rejected.push(cells && this.rejected.length < KEEP_REJECTED_CELLS ? { file, row, rejection, cells } : { file, row, rejection });
    counts.rejected++;
  }

  finish(): BuiltAnswers {
    const t = this.table;
    const n = t.length;
    // Trim the columns to what was filled (they were sized from the line count).
    const table: AnswerTable = {
      ...t,
      id: t.id.slice(0, n),
      score: t.score.slice(0, n),
      day: t.day.slice(0, n),
      seconds: t.seconds.slice(0, n),
      file: t.file.slice(0, n),
      row: t.row.slice(0, n),
      churn: t.churn.slice(0, n),
      revenue: t.revenue.slice(0, n),
      segments: t.segments.map((c) => c.slice(0, n)),
    };
    return { table, segmentColumns: this.segmentColumns, rejected: this.rejected, fileCounts: this.fileCounts };
  }
}
