/**
 * Blank lines, which DuckDB's CSV reader skips and the app counts. The app numbers rows as a
 * spreadsheet does (ingest/build.ts: PapaParse yields a blank line as a record `['']`), so a
 * rejected row after a blank line would be one off. A file with a blank line between records is
 * copied with a lone delimiter on each such line: DuckDB then reads a row of empty cells, which the
 * SQL skips as blank while counting it, as the app does. Blank lines inside quoted fields (a
 * comment's paragraphs) are left alone. Most files have none and are only searched, not copied.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Newline } from './read-export';

const LF = 10, CR = 13, QUOTE = 34;

/** Whether a record-ending blank line (other than trailing ones) may be in the file: a fast search. */
export async function mayHaveBlankLines(path: string, newline: Newline, start: number): Promise<boolean> {
  const blank = Buffer.from(newline + newline);
  const nl = Buffer.from(newline);
  let tail = Buffer.alloc(0);
  let first = true;
  let pendingBlank = false;
  for await (const chunk of createReadStream(path, { start, highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    if (first && chunk.subarray(0, nl.length).equals(nl)) pendingBlank = true;
    first = false;
    const data = Buffer.concat([tail, chunk]);
    // Content after a blank line: the blank line is between records.
    if (pendingBlank && data.some((b) => b !== LF && b !== CR)) return true;
    const at = data.indexOf(blank);
    if (at >= 0) {
      if (data.subarray(at).some((b) => b !== LF && b !== CR)) return true;
      pendingBlank = true;
    }
    tail = data.subarray(Math.max(0, data.length - blank.length + 1));
  }
  return false;
}

/**
 * Copies `from` to `to` with a delimiter on every blank line outside quotes, reading quotes as
 * PapaParse does: a quote opens a field only at its start; inside, `""` is a quote and a quote
 * followed by spaces and the delimiter or the line end closes it; any other quote is content.
 */
export async function fillBlankLines(from: string, to: string, newline: Newline, delimiter: string, start: number): Promise<void> {
  const out = createWriteStream(to);
  const delim = delimiter.charCodeAt(0);
  const crlf = newline === '\r\n';
  const nl = newline === '\n' ? LF : CR;
  // Spaces a closing quote may be followed by (the ASCII ones; the newline's own bytes excepted).
  const space = (b: number) => b === 32 || b === 9 || b === 11 || b === 12 || (b === CR && nl === LF) || (b === LF && nl === CR);
  // field: at a field's start (lineStart: a record's); quoted: inside quotes; after: a quote seen inside.
  let state: 'field' | 'unquoted' | 'quoted' | 'after' = 'field';
  let lineStart = true;
  /** Reads data[0, end) (data[end] may be looked at) and writes it, delimiters added; returns where it stopped. */
  const copy = async (data: Buffer, end: number): Promise<number> => {
    let written = 0;
    let i = 0;
    for (; i < end; i++) {
      const b = data[i];
      const endsLine = crlf ? b === CR && data[i + 1] === LF : b === nl;
      if (state === 'quoted') {
        if (b === QUOTE) state = 'after';
        continue;
      }
      if (state === 'after' && !endsLine) {
        if (b === QUOTE) state = 'quoted';
        else if (b === delim) state = 'field';
        else if (!space(b)) state = 'quoted';
        continue;
      }
      if (endsLine) {
        if (lineStart && state !== 'after') {
          if (!out.write(data.subarray(written, i))) await once(out, 'drain');
          out.write(delimiter);
          written = i;
        }
        [state, lineStart] = ['field', true];
        if (crlf) i++;
        continue;
      }
      if (b === QUOTE && state === 'field') state = 'quoted';
      else if (b === delim) state = 'field';
      else state = 'unquoted';
      lineStart = false;
    }
    if (!out.write(data.subarray(written, i))) await once(out, 'drain');
    return i;
  };
  // The last byte of each chunk waits for the next: a \r\n is then never cut in two.
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(from, { start, highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    carry = data.subarray(await copy(data, data.length - 1));
  }
  await copy(carry, carry.length);
  out.end();
  await once(out, 'finish');
}
