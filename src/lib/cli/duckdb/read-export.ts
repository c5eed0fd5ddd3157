/**
 * One survey export made ready for DuckDB: the app's own preview (ingest/preview.ts, on the same
 * first bytes the page previews) decides the encoding, delimiter, header rows and column roles;
 * DuckDB then reads every row as text (`read_csv` with explicit VARCHAR columns, or Parquet).
 *
 * DuckDB reads UTF-8 only (without extensions): a Shift_JIS or UTF-16 export is decoded in one
 * streaming pass (TextDecoder over 4 MB chunks, as the app decodes it) into a UTF-8 copy in a
 * temporary folder. A CSV with blank lines between records is copied too (blank-lines.ts).
 */
import { createReadStream, createWriteStream, openSync, readSync, closeSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { basename, join } from 'node:path';
import { PREVIEW_BYTES, PreviewError, previewFile, type FilePlan } from '../../ingest/preview';
import { canScanBytes } from '../../ingest/pipeline';
import { translate, type Locale } from '../../i18n/messages';
import type { WarehouseFile } from '../../warehouse/answers';
import { fillBlankLines, mayHaveBlankLines } from './blank-lines';
import { fixQuotes, quoteFixes } from './unclosed';
import type { Database } from './database';

export type Newline = '\n' | '\r\n' | '\r';

/**
 * The export's line end: the first one outside quotes (CRLF, LF or a lone CR), for DuckDB's
 * reader and the blank-line copy. The import reads every kind of line end as the end of a record
 * (ingest/scanner.ts); DuckDB's reader, given this one, ends records at the others too (the
 * equality test reads hostile/mixed-line-endings.csv and a mixed file it writes).
 */
export function firstNewline(bytes: Uint8Array, start: number): Newline {
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 34) quoted = !quoted;
    else if (!quoted && b === 10) return '\n';
    else if (!quoted && b === 13) return bytes[i + 1] === 10 ? '\r\n' : i + 1 < bytes.length ? '\r' : '\r\n';
  }
  return '\n';
}
import { AnalyzeError, asTable } from '../analyze-files';
import { sniffFile } from '../../ingest/sniff';

/** A file as the analysis reads it, and what was done to make it readable. */
export interface ExportFile extends WarehouseFile {
  name: string;
  /** What DuckDB reads, when it is not the file itself (a UTF-8 or blank-line-filled copy). */
  copy?: string;
  /** How a CSV is read: kept so the relation can be written again (parallel or not). */
  csv?: { path: string; delimiter: string; newline: Newline; columns: number };
}

/** PapaParse guesses the newline from the first 1,048,576 UTF-16 units: at most 4 MB of UTF-8. */
const NEWLINE_BYTES = 4 << 20;

function head(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(Math.min(bytes, statSync(path).size));
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The plan the page would make from the file's first bytes, or the error the command line gives. */
export function planOf(name: string, sample: Uint8Array, complete: boolean, lang: Locale, overrides: Parameters<typeof previewFile>[2] = {}): FilePlan {
  try {
    const plan = previewFile(sample, complete, overrides).plan;
    if (!plan.roles.includes('score')) throw new AnalyzeError(`${name}: ${translate(lang, 'preview.noScore')}`);
    return plan;
  } catch (error) {
    if (error instanceof PreviewError) throw new AnalyzeError(translate(lang, `error.${error.problem}`, { file: name }));
    throw error;
  }
}

/** Decodes a file in chunks into a UTF-8 copy, without a byte-order mark. */
export async function decodeToUtf8(from: string, to: string, encoding: string): Promise<void> {
  const decoder = new TextDecoder(encoding);
  const out = createWriteStream(to);
  let first = true;
  for await (const chunk of createReadStream(from, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    let text = decoder.decode(chunk, { stream: true });
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end(decoder.decode());
  await once(out, 'finish');
}

/** The relation of a CSV's records: `row` numbered as the reader yields them, columns c0… as text. */
export function csvRelation(csv: NonNullable<ExportFile['csv']>, parallel: boolean): string {
  const columns = Array.from({ length: csv.columns }, (_, c) => `'c${c}': 'VARCHAR'`).join(', ');
  const newline = { '\n': '\\n', '\r\n': '\\r\\n', '\r': '\\r' }[csv.newline];
  return `(SELECT row_number() OVER () AS row, * FROM read_csv(${sqlString(csv.path)}, auto_detect = false, header = false, delim = ${sqlString(csv.delimiter)},
    quote = '"', escape = '"', comment = '', new_line = '${newline}', columns = {${columns}}, null_padding = true, strict_mode = false,
    max_line_size = 16777216, parallel = ${parallel}))`;
}

/** Prepares a CSV (or TSV…) export: plan, UTF-8 copy if needed, blank lines filled if any. */
export async function readCsvExport(path: string, scratch: string, lang: Locale): Promise<ExportFile> {
  const name = basename(path);
  let source = path;
  let copy: string | undefined;
  // What the file is, from its first bytes (ingest/sniff.ts), as the default engine asks: a file
  // that is not a table is refused with the page's message; a workbook's first visible sheet is
  // written out as CSV (whole in memory: workbooks are small beside the exports this engine is for).
  if (sniffFile(head(path, 256 * 1024)).kind !== 'text') {
    const table = asTable({ name, bytes: new Uint8Array(readFileSync(path)) }, lang);
    copy = join(scratch, `${Date.now()}-${Math.random().toString(36).slice(2)}-sheet.csv`);
    writeFileSync(copy, table.bytes);
    source = copy;
  }
  const size = statSync(source).size;
  const plan = planOf(name, head(source, PREVIEW_BYTES), size <= PREVIEW_BYTES, lang);
  if (plan.encoding !== 'utf-8') {
    copy = join(scratch, `${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
    await decodeToUtf8(source, copy, plan.encoding);
    source = copy;
  }
  const first = head(source, NEWLINE_BYTES);
  // A UTF-8 byte-order mark is not a character of the first cell (DuckDB skips it too).
  const start = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  const quotes = await quoteFixes(source, start, plan.delimiter);
  const unclosed = quotes.unclosed;
  if (unclosed.length || quotes.stray.length) {
    const fixed = join(scratch, `${Date.now()}-${Math.random().toString(36).slice(2)}-quotes.csv`);
    await fixQuotes(source, fixed, quotes);
    source = copy = fixed;
  }
  const newline = firstNewline(first, start);
  if (await mayHaveBlankLines(source, newline, start)) {
    const filled = join(scratch, `${Date.now()}-${Math.random().toString(36).slice(2)}-filled.csv`);
    await fillBlankLines(source, filled, newline, plan.delimiter, start);
    source = copy = filled;
  }
  const csv = { path: source, delimiter: plan.delimiter, newline, columns: plan.headers.length };
  return { name, plan, quick: canScanBytes(plan), relation: csvRelation(csv, true), csv, ...(copy ? { copy } : {}), ...(unclosed.length ? { marked: true, records: quotes.records } : {}) };
}

/**
 * Prepares a Parquet file: its columns, as text, are what a CSV's cells would be. The preview
 * reads the first 400 rows written out as CSV with the column names as the header.
 */
export async function readParquetExport(path: string, scratch: string, lang: Locale, db: Database): Promise<ExportFile> {
  const name = basename(path);
  const columns = await db.rows<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(${sqlString(path)}))`);
  const cells = columns.map((c, i) => `CAST("${c.column_name.replace(/"/g, '""')}" AS VARCHAR) AS c${i}`).join(', ');
  const sample = join(scratch, `${Date.now()}-sample.csv`);
  const [{ rows }] = await db.rows<{ rows: number }>(`SELECT CAST(count(*) AS INTEGER) AS rows FROM read_parquet(${sqlString(path)})`);
  await db.run(`COPY (SELECT ${cells} FROM read_parquet(${sqlString(path)}) LIMIT 400) TO ${sqlString(sample)} (FORMAT csv, HEADER false)`);
  const header = columns.map((c) => (/[",\n\r]/.test(c.column_name) ? `"${c.column_name.replace(/"/g, '""')}"` : c.column_name)).join(',') + '\n';
  const bytes = new Uint8Array(Buffer.concat([Buffer.from(header), Buffer.from(head(sample, PREVIEW_BYTES))]));
  const plan = planOf(name, bytes, rows <= 400, lang, { encoding: 'utf-8', delimiter: ',', headerRows: 1 });
  // Row numbers as if the file were a CSV with one header line: the first row of data is row 2.
  const relation = `(SELECT CAST(file_row_number + 2 AS BIGINT) AS row, ${cells} FROM read_parquet(${sqlString(path)}, file_row_number = true))`;
  return { name, plan, quick: true, relation };
}
