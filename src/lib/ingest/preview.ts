/**
 * What a file looks like before it is imported: its encoding, delimiter, header, first rows and
 * the proposed role of each column. Works on a leading sample of the bytes so that a 190 MB
 * export previews as fast as a small one.
 */
import { decodeText, detectEncoding, type Encoding } from './encoding';
import { detectDelimiter, isBlankRecord, parseRecords, type Delimiter } from './csv';
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
  /** The first data rows, for the preview table. */
  rows: string[][];
  /** True when the sample was the whole file. */
  complete: boolean;
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
const PREVIEW_RECORDS = 400;

export type PreviewProblem = 'empty-file' | 'header-only';

export class PreviewError extends Error {
  constructor(readonly problem: PreviewProblem) {
    super(problem);
  }
}

/**
 * Reads the sample. `overrides` re-reads it with an encoding or delimiter the person chose;
 * roles are then detected afresh (the headers may have changed).
 */
export type PlanOverrides = Partial<Pick<FilePlan, 'encoding' | 'delimiter' | 'headerRows'>>;

export function previewFile(sample: Uint8Array, complete: boolean, overrides: PlanOverrides = {}): FilePreview {
  const guess = detectEncoding(sample);
  const encoding = overrides.encoding ?? guess.encoding;
  let text = decodeText(sample, encoding, !complete);
  // The sample may end mid-record: drop the unfinished last line.
  if (!complete) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  if (text.trim() === '') throw new PreviewError('empty-file');
  const delimiter = overrides.delimiter ?? detectDelimiter(text);
  const records = parseRecords(text, delimiter, PREVIEW_RECORDS + MAX_HEADER_ROWS);
  const headerRows = Math.max(1, Math.min(overrides.headerRows ?? detectHeaderRows(records), MAX_HEADER_ROWS));
  const headers = columnNames(records, headerRows);
  const data = records.slice(headerRows).filter((r) => !isBlankRecord(r));
  if (data.length === 0) throw new PreviewError('header-only');
  // Qualtrics and SurveyMonkey end some rows early or late (a trailing comma): the widest row wins.
  while (headers.length < Math.max(...data.map((r) => r.length))) headers.push('');
  const columnValues = headers.map((_, c) => data.map((r) => r[c] ?? ''));
  const profiles = headers.map((h, c) => profileColumn(h, columnValues[c]));
  const roles = detectRoles(profiles, data.length);
  const dateColumn = roles.indexOf('date');
  const inferred = dateColumn >= 0 ? inferDateOrder(columnValues[dateColumn]) : { order: 'ymd' as const, ambiguous: false };
  return {
    plan: { encoding, delimiter, headerRows, headers, roles, dateOrder: inferred.order },
    signature: headerSignature(records[0] ?? []),
    dateOrderAmbiguous: inferred.ambiguous,
    bom: guess.bom,
    rows: data.slice(0, 8),
    complete,
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
