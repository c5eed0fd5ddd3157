/**
 * The PapaParse adapter: records from decoded text. PapaParse only ever sees a string here —
 * given a File it decodes chunk by chunk and corrupts multi-byte characters cut at a chunk
 * boundary (docs/methods.md §10.6).
 */
import Papa from 'papaparse';
import type { FileDelimiter } from '../engine/dataset';

export type Delimiter = FileDelimiter;
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];

/** Guesses the delimiter from the first lines (PapaParse's guesser, limited to the ones we offer). */
export function detectDelimiter(text: string): Delimiter {
  const result = Papa.parse<string[]>(text, { preview: 30, delimitersToGuess: [...DELIMITERS] });
  const d = result.meta.delimiter as Delimiter;
  return DELIMITERS.includes(d) ? d : ',';
}

/** All records of a small text (previews, tests, the CLI). Blank lines stay as `['']` records. */
export function parseRecords(text: string, delimiter: Delimiter, preview = 0): string[][] {
  return Papa.parse<string[]>(text, { delimiter, preview, skipEmptyLines: false }).data;
}

/**
 * Streams the records of a large text in chunks, so the caller can report progress and stay
 * cancellable. `onRecords` receives each batch and the character offset reached.
 */
export function streamRecords(
  text: string,
  delimiter: Delimiter,
  onRecords: (records: string[][], charsDone: number) => void,
  chunkChars = 4 << 20,
): void {
  // PapaParse's typings only allow `chunk` with a File, but its string streamer honours
  // `chunkSize` too (and a record cut by a chunk edge is carried over to the next chunk).
  const config = {
    delimiter,
    skipEmptyLines: false,
    chunkSize: chunkChars,
    chunk(results: Papa.ParseResult<string[]>) {
      onRecords(results.data, results.meta.cursor);
    },
  } as Papa.ParseConfig<string[]>;
  Papa.parse<string[]>(text, config);
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
