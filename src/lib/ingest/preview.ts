/**
 * What a file looks like before it is imported: its encoding, delimiter, header, first rows and
 * the proposed role of each column. Works on a leading sample of the bytes so that a 190 MB
 * export previews as fast as a small one.
 */
import { decodeText, detectEncoding, type Encoding } from './encoding';
import { detectDelimiter, isBlankRecord, readRecords, type Delimiter } from './csv';
import { detectRoles, profileColumn, type ColumnRole } from './roles';
import { columnNames, detectHeaderRows, MAX_HEADER_ROWS } from './layout';
import { inferDateOrder, type DateOrder } from './values';

/** How to read one file: everything the import needs, as detected or as the person changed it. */
export interface FilePlan {
  encoding: Encoding;
  delimiter: Delimiter;
  /** Rows above the data (1 for a plain CSV). The last of them names the columns. */
  headerRows: number;
  headers: string[];
  roles: ColumnRole[];
  dateOrder: DateOrder;
}

export interface FilePreview {
  plan: FilePlan;
  /** Identifies the form: the first header row, normalised. Mappings are remembered by it. */
  signature: string;
  /** True when the day/month order of the date column could not be decided from its values. */
  dateOrderAmbiguous: boolean;
  bom: boolean;
  /** False when the bytes fit no encoding we know: the preview asks the person to choose one. */
  encodingCertain: boolean;
  /** The first data rows, for the preview table. */
  rows: string[][];
  /** True when the sample was the whole file. */
  complete: boolean;
  /** The first row (spreadsheet numbering) in which a quote opens a field and is never closed. */
  unclosedRow: number | null;
}

export function headerSignature(firstRow: readonly string[]): string {
  return `${firstRow.length}:${firstRow.map((c) => c.normalize('NFKC').trim().toLowerCase()).join('\u001f')}`;
}

/** Which identity makes a customer: accounts when a file names them, else respondents. */
export function identityOfPlans(plans: readonly FilePlan[]): 'account' | 'respondent' | null {
  if (plans.some((p) => p.roles.includes('account'))) return 'account';
  if (plans.some((p) => p.roles.includes('respondent'))) return 'respondent';
  return null;
}

export const PREVIEW_BYTES = 256 * 1024;
/** Columns whose values are read to propose a role; later ones start as "ignore". */
export const MAX_PROFILED_COLUMNS = 2000;
const PREVIEW_RECORDS = 400;

/**
 * `no-line-break`: the sample holds no line end at all (a 20 MB file on one line was "empty");
 * `long-row`: the first data row does not end within the sample (a 50 MB field was "a header
 * row but no answers"). `row` is that row's number; `offset` the byte where it starts, when the
 * encoding lets it be found, so the caller can measure it (ingest/measure.ts).
 */
export type PreviewProblem = 'empty-file' | 'header-only' | 'no-line-break' | 'long-row';

export class PreviewError extends Error {
  constructor(readonly problem: PreviewProblem, readonly detail: { row?: number; offset?: number } = {}) {
    super(problem);
  }
}

/**
 * Byte offset of a character offset of the decoded sample, for UTF-8 and Shift_JIS (whose
 * characters take one byte below U+0080 and for half-width katakana, two otherwise); else -1.
 */
function byteOffset(text: string, chars: number, encoding: Encoding, bom: boolean): number {
  if (encoding === 'utf-8') return new TextEncoder().encode(text.slice(0, chars)).length + (bom ? 3 : 0);
  if (encoding !== 'shift_jis') return -1;
  let bytes = 0;
  for (let i = 0; i < chars; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2;
  }
  return bytes;
}

/**
 * Reads the sample. `overrides` re-reads it with an encoding or delimiter the person chose;
 * roles are then detected afresh (the headers may have changed).
 */
export type PlanOverrides = Partial<Pick<FilePlan, 'encoding' | 'delimiter' | 'headerRows'>>;

export function previewFile(sample: Uint8Array, complete: boolean, overrides: PlanOverrides = {}): FilePreview {
  const guess = detectEncoding(sample);
  const encoding = overrides.encoding ?? guess.encoding;
  const whole = decodeText(sample, encoding, !complete);
  let text = whole;
  let lastEnd = -1;
  // The sample may end mid-record: drop the unfinished last line (CR-only files end lines with CR).
  if (!complete) {
    lastEnd = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (lastEnd < 0 && text.trim() !== '') throw new PreviewError('no-line-break', { row: 1, offset: guess.bom && encoding === 'utf-8' ? 3 : 0 });
    text = text.slice(0, Math.max(0, lastEnd));
  }
  if (text.trim() === '') throw new PreviewError('empty-file');
  const delimiter = overrides.delimiter ?? detectDelimiter(text);
  const read = readRecords(text, delimiter, PREVIEW_RECORDS + MAX_HEADER_ROWS);
  let records = read.records;
  let unclosedRow: number | null = read.unclosed.length ? read.unclosed[0] + 1 : null;
  if (!complete && read.unclosed.length) {
    // In a sample, a quote still open at the end is most likely a quoted field the sample cuts:
    // that record and those after it are left to the import.
    records = records.slice(0, read.unclosed[0]);
    unclosedRow = null;
  }
  const headerRows = Math.max(1, Math.min(overrides.headerRows ?? detectHeaderRows(records), MAX_HEADER_ROWS));
  const headers = columnNames(records, headerRows);
  const data = records.slice(headerRows).filter((r) => !isBlankRecord(r));
  if (data.length === 0) {
    if (complete) throw new PreviewError('header-only');
    // The first data row does not end within the sample.
    const index = Math.max(headerRows, records.length);
    // Where that row starts: after the record before it; the last record kept ends where the
    // sample was cut, just before a line end.
    let chars = index === 0 ? 0 : (read.ends[index - 1] ?? text.length);
    if (chars >= text.length && lastEnd >= 0) chars = lastEnd + (whole[lastEnd] === '\r' && whole[lastEnd + 1] === '\n' ? 2 : 1);
    throw new PreviewError('long-row', { row: index + 1, offset: byteOffset(whole, chars, encoding, guess.bom && encoding === 'utf-8') });
  }
  // Qualtrics and SurveyMonkey end some rows early or late (a trailing comma): the widest row wins.
  while (headers.length < Math.max(...data.map((r) => r.length))) headers.push('');
  // Columns past the first 2,000 keep the role the person gives them: profiling 10,000 columns
  // took a fifth of a second of the page's time, for exports that never put the score that far.
  const columnValues = headers.map((_, c) => (c < MAX_PROFILED_COLUMNS ? data.map((r) => r[c] ?? '') : []));
  const profiles = headers.map((h, c) => profileColumn(h, columnValues[c]));
  const roles = detectRoles(profiles, data.length);
  const dateColumn = roles.indexOf('date');
  const inferred = dateColumn >= 0 ? inferDateOrder(columnValues[dateColumn]) : { order: 'ymd' as const, ambiguous: false };
  return {
    plan: { encoding, delimiter, headerRows, headers, roles, dateOrder: inferred.order },
    signature: headerSignature(records[0] ?? []),
    dateOrderAmbiguous: inferred.ambiguous,
    bom: guess.bom,
    encodingCertain: guess.certain || overrides.encoding !== undefined,
    rows: data.slice(0, 8),
    complete,
    unclosedRow,
  };
}

/**
 * How many of these rows repeat an earlier one in every cell: the preview tells the person, who
 * decides whether they are repeats of one answer or separate answers that look alike.
 */
export function identicalRows(rows: readonly (readonly string[])[]): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const row of rows) {
    const key = row.map((c) => c.trim()).join('\u001f');
    if (seen.has(key)) repeats++;
    else seen.add(key);
  }
  return repeats;
}
