/**
 * Quotes that open a field and are never closed. The import reads such a quote as an ordinary
 * character (ingest/scanner.ts): the field ends at the next delimiter or line end, the rows after
 * it are read, and its row is rejected (`unclosed-quote`, with the rows it would have swallowed).
 * DuckDB's reader would make the rest of the file one cell. So the file is searched once with the
 * scanner's rules for quotes (a quote opens a field only at its start; inside, `""` is a quote, and
 * a quote closes the field when it is the last byte or is followed by white space and then the
 * delimiter or a line end; any other quote is content), and when a quoted field is still open at
 * the end of the file, its opening quote is the unclosed one: the search goes on after it, as the
 * scanner's does. A file with such quotes is copied with each of them replaced by UNCLOSED_MARK,
 * which DuckDB reads as part of an unquoted cell and the SQL rejects the row by
 * (warehouse/answers.ts). The same search finds stray quotes — inside a quoted field, neither
 * closing it nor doubled (`"said "hi" twice"`) — which the import keeps as content and DuckDB's
 * reader takes for the end of the field: the copy doubles them. Files without either are only
 * read, not copied.
 *
 * The file is UTF-8 here (other encodings are decoded first, read-export.ts).
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { whitespaceLength } from '../../ingest/scanner';

/** U+FDD0, a noncharacter no export holds: the cell of an unclosed quote, as SQL sees it. */
export const UNCLOSED_MARK = '\ufdd0';

const LF = 10, CR = 13, QUOTE = 34;
const START = 0, UNQUOTED = 1, QUOTED = 2, AFTER_QUOTE = 3, AFTER_SPACE = 4, MULTIBYTE = 5;

/** Bytes a multi-byte white space starting with `c` needs to be told (0: `c` starts none). */
const multibyteNeeds = (c: number) => (c === 0xc2 ? 2 : c === 0xe1 || c === 0xe2 || c === 0xe3 || c === 0xef ? 3 : 0);

/** What one pass found: the first unclosed quote (−1: none) and the stray quotes before it. */
interface Pass {
  unclosed: number;
  stray: number[];
  /** Line ends outside quotes read (up to the unclosed quote, when there is one). */
  lineEnds: number;
  /** The last byte of the file ends a line (outside quotes). */
  endsWithLineEnd: boolean;
}

/** Reads from `from` (inside an unquoted field when `inField`) up to the first unclosed quote. */
async function pass(path: string, from: number, inField: boolean, delim: number): Promise<Pass> {
  let state = inField ? UNQUOTED : START;
  let openAt = -1;
  /** The quote that may close the open field, and where the byte being read is. */
  let candidate = -1;
  let here = from;
  const stray: number[] = [];
  let pending: number[] = [];
  let lineEnds = 0, endsAtOpen = 0, lastEnd = -1, crAt = -2;
  /** A record ends at `here` (a CR, an LF, or the LF of a CRLF, counted once). */
  const lineEnd = (b: number) => {
    if (!(b === LF && crAt === here - 1)) lineEnds++;
    if (b === CR) crAt = here;
    lastEnd = here;
  };
  const step = (b: number): void => {
    switch (state) {
      case START:
      case UNQUOTED:
        if (b === QUOTE && state === START) {
          state = QUOTED;
          openAt = here;
          endsAtOpen = lineEnds;
        } else if (b === delim) state = START;
        else if (b === LF || b === CR) {
          state = START;
          lineEnd(b);
        } else state = UNQUOTED;
        return;
      case QUOTED:
        if (b === QUOTE) {
          state = AFTER_QUOTE;
          candidate = here;
        }
        return;
      case AFTER_QUOTE:
      case AFTER_SPACE:
        if (b === QUOTE) {
          if (state === AFTER_QUOTE) state = QUOTED; // "" is a quote
          else {
            stray.push(candidate);
            state = AFTER_QUOTE;
            candidate = here;
          }
        } else if (b === delim) state = START; // closed
        else if (b === LF || b === CR) {
          state = START; // closed, and the record too
          lineEnd(b);
        }
        else if (b === 32 || b === 9 || b === 11 || b === 12) state = AFTER_SPACE;
        else if (multibyteNeeds(b)) {
          pending = [b];
          state = MULTIBYTE;
        } else {
          stray.push(candidate); // content, not the end of the field
          state = QUOTED;
        }
        return;
      case MULTIBYTE: {
        pending.push(b);
        if (pending.length < multibyteNeeds(pending[0])) return;
        if (whitespaceLength(Uint8Array.from(pending), 0, false) === pending.length) state = AFTER_SPACE;
        else {
          stray.push(candidate);
          state = QUOTED;
          // The bytes after the first are read again inside the quotes (one may be a quote).
          const last = here;
          for (let j = 1; j < pending.length; j++) {
            here = last - (pending.length - 1 - j);
            step(pending[j]);
          }
          here = last;
        }
      }
    }
  };
  let base = from;
  for await (const chunk of createReadStream(path, { start: from, highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (state === QUOTED) {
        // Inside quotes only a quote matters.
        const q = chunk.indexOf(QUOTE, i);
        if (q < 0) break;
        state = AFTER_QUOTE;
        candidate = base + q;
        i = q + 1;
        continue;
      }
      here = base + i;
      step(chunk[i++]);
    }
    base += n;
  }
  // AFTER_QUOTE at the end: the quote was the last byte, which closes the field.
  if (state === AFTER_SPACE || state === MULTIBYTE) stray.push(candidate);
  const unclosed = state === QUOTED || state === AFTER_SPACE || state === MULTIBYTE ? openAt : -1;
  // Quotes after an unclosed one are read again, outside quotes.
  return {
    unclosed,
    stray: unclosed < 0 ? stray : stray.filter((q) => q < unclosed),
    lineEnds: unclosed < 0 ? lineEnds : endsAtOpen,
    endsWithLineEnd: lastEnd === base - 1,
  };
}

export interface QuoteFixes {
  /** Opening quotes never closed (byte offsets, ascending). */
  unclosed: number[];
  /** Quotes inside a quoted field that neither close it nor pair up (`"a"b"`): content. */
  stray: number[];
  /** Records in the file as the scanner counts them (header and blank ones too; not the empty one after a final line end). */
  records: number;
}

/** The quotes DuckDB's reader would read otherwise than the import does. */
export async function quoteFixes(path: string, start: number, delimiter: string): Promise<QuoteFixes> {
  const delim = delimiter.charCodeAt(0);
  const fixes: QuoteFixes = { unclosed: [], stray: [], records: 0 };
  let found = await pass(path, start, false, delim);
  for (;;) {
    fixes.stray.push(...found.stray);
    fixes.records += found.lineEnds;
    if (found.unclosed < 0) {
      // The last record, unless the file ends with a line end (or holds nothing).
      if (!found.endsWithLineEnd && statSync(path).size > start) fixes.records++;
      return fixes;
    }
    fixes.unclosed.push(found.unclosed);
    // The quote is a character of an unquoted field: reading goes on after it.
    found = await pass(path, found.unclosed + 1, true, delim);
  }
}

/**
 * Copies `from` to `to` with each unclosed quote replaced by UNCLOSED_MARK and each stray quote
 * doubled (`""`: DuckDB then reads the quote the import keeps as content).
 */
export async function fixQuotes(from: string, to: string, fixes: QuoteFixes): Promise<void> {
  const marks = new Set(fixes.unclosed);
  const offsets = [...fixes.unclosed, ...fixes.stray].sort((a, b) => a - b);
  const out = createWriteStream(to);
  const mark = Buffer.from(UNCLOSED_MARK), doubled = Buffer.from('""');
  let base = 0, k = 0;
  for await (const chunk of createReadStream(from, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    let written = 0;
    while (k < offsets.length && offsets[k] < base + chunk.length) {
      const offset = offsets[k++];
      const at = offset - base;
      if (!out.write(chunk.subarray(written, at))) await once(out, 'drain');
      if (!out.write(marks.has(offset) ? mark : doubled)) await once(out, 'drain');
      written = at + 1;
    }
    if (!out.write(chunk.subarray(written))) await once(out, 'drain');
    base += chunk.length;
  }
  out.end();
  await once(out, 'finish');
}
