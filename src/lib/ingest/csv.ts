/**
 * The PapaParse adapter: records from decoded text. PapaParse only ever sees a string here —
 * given a File it decodes chunk by chunk and corrupts multi-byte characters cut at a chunk
 * boundary (docs/methods.md §10.6).
 */
import Papa from 'papaparse';
import type { FileDelimiter } from '../engine/dataset';

export type Delimiter = FileDelimiter;
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];

/**
 * Every line end made LF. PapaParse guesses one newline per file and reads the others as field
 * content, so a file whose lines came from several systems lost rows (two rows merged where a LF
 * file had one CRLF line); the byte scanner reads every CR, LF and CRLF as a line end, and so
 * does this path once the text has one kind only.
 */
export function oneLineEnd(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Guesses the delimiter from the first records: the one that splits them into the same number
 * of fields (2 or more) most consistently; on a tie, the one giving more fields. PapaParse's own
 * guesser wants an average above 1.99 fields per line counting the empty last line, so a short
 * two-column `;` file with a final line break was read as one column of `a;b` cells.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = oneLineEnd(text);
  let best: Delimiter = ',';
  let bestShare = 0;
  let bestFields = 1;
  for (const delimiter of DELIMITERS) {
    const records = Papa.parse<string[]>(sample, { delimiter, newline: '\n', preview: 30, skipEmptyLines: 'greedy' }).data;
    if (!records.length) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let mode = 1, modeRows = 0;
    for (const [fields, rows] of counts) if (rows > modeRows || (rows === modeRows && fields > mode)) [mode, modeRows] = [fields, rows];
    if (mode < 2) continue;
    const share = modeRows / records.length;
    if (share > bestShare + 1e-9 || (Math.abs(share - bestShare) <= 1e-9 && mode > bestFields)) {
      best = delimiter;
      bestShare = share;
      bestFields = mode;
    }
  }
  return best;
}

export interface ReadRecords {
  records: string[][];
  /** Where each record ends in the text (after its line end), in UTF-16 units. */
  ends: number[];
  /** Indexes of the records in which a quote opens a field and is never closed. */
  unclosed: number[];
}

/** A character the text does not hold, to stand for a quote read as an ordinary character. */
function sentinelFor(text: string): string {
  for (let c = 0xe000; c <= 0xf8ff; c++) {
    const s = String.fromCharCode(c);
    if (!text.includes(s)) return s;
  }
  throw new Error('no free private-use character');
}

/**
 * All records of a small text (previews, tests, the CLI), as the byte scanner reads them:
 * every line end is one, and a quote that opens a field but is never closed is an ordinary
 * character (PapaParse would make the rest of the text that one cell). Blank lines stay as
 * `['']` records. `preview` > 0 stops after that many records.
 */
export function readRecords(text: string, delimiter: Delimiter, preview = 0): ReadRecords {
  let input = oneLineEnd(text);
  const records: string[][] = [];
  const ends: number[] = [];
  const unclosed: number[] = [];
  let sentinel = '';
  let from = 0;
  for (;;) {
    let retryAt = -1;
    let end = from;
    // Step mode: each record's end offset is known, so after an unclosed quote only the rest of
    // the text is read again.
    const parser = Papa.parse<string[]>(input.slice(from), {
      delimiter,
      newline: '\n',
      skipEmptyLines: false,
      step(result, handle) {
        const missing = result.errors.find((e) => e.code === 'MissingQuotes');
        if (missing && missing.index !== undefined) {
          retryAt = from + missing.index - 1;
          handle.abort();
          return;
        }
        records.push(result.data);
        end = from + result.meta.cursor;
        ends.push(end);
        if (preview && records.length >= preview) handle.abort();
      },
    });
    void parser;
    if (retryAt < 0 || (preview && records.length >= preview)) break;
    sentinel ||= sentinelFor(input);
    if (unclosed[unclosed.length - 1] !== records.length) unclosed.push(records.length);
    input = input.slice(0, retryAt) + sentinel + input.slice(retryAt + 1);
    from = end;
  }
  if (sentinel) {
    for (const i of unclosed) {
      const r = records[i];
      if (r) for (let c = 0; c < r.length; c++) if (r[c].includes(sentinel)) r[c] = r[c].split(sentinel).join('"');
    }
  }
  return { records, ends, unclosed };
}

/** The records of readRecords. */
export function parseRecords(text: string, delimiter: Delimiter, preview = 0): string[][] {
  return readRecords(text, delimiter, preview).records;
}

/** A record with no cell holding anything: a blank line, or a row of empty cells. */
export function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

/** A cell a spreadsheet would run as a formula: =, +, -, @, a tab or a CR first (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** …unless it is just a signed number, which a spreadsheet reads as the number it is. */
const SIGNED_NUMBER = /^[+-]?\d+([.,]\d+)*$/;

/**
 * A cell made safe to open: comments and ids come from customers and files, and a cell such as
 * `=HYPERLINK("http://…")` or `+cmd|' /C calc'!A0` would run in Excel. A leading apostrophe makes
 * Excel and LibreOffice show it as the text it is.
 */
export function formulaSafe(cell: string): string {
  return FORMULA_START.test(cell) && !SIGNED_NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * Rows as a CSV for Excel, the one writer of every CSV the app saves: UTF-8 with a BOM (or Excel
 * on Japanese Windows shows mojibake), CRLF line ends, quoted as PapaParse quotes, every cell
 * formula-safe.
 */
export function excelCsv(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + Papa.unparse(rows.map((row) => row.map(formulaSafe)), { newline: '\r\n' });
}
