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
 * (warehouse/answers.ts). Files without one are only read, not copied.
 *
 * The file is UTF-8 here (other encodings are decoded first, read-export.ts).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** U+FDD0, a noncharacter no export holds: the cell of an unclosed quote, as SQL sees it. */
export const UNCLOSED_MARK = '\ufdd0';

const LF = 10, CR = 13, QUOTE = 34;
const START = 0, UNQUOTED = 1, QUOTED = 2, AFTER_QUOTE = 3, AFTER_SPACE = 4, MULTIBYTE = 5;

/** ingest/scanner.ts whitespaceLength (UTF-8): bytes of the white space at `b[0]`, 0 when none. */
function whitespaceLength(b: readonly number[]): number {
  const [c, c1, c2] = b;
  if (c === 32 || (c >= 9 && c <= 13)) return 1;
  if (c < 0x80) return 0;
  if (c === 0xc2) return c1 === 0xa0 ? 2 : 0;
  if (c === 0xe1) return c1 === 0x9a && c2 === 0x80 ? 3 : 0;
  if (c === 0xe2) {
    if (c1 === 0x80) return (c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf ? 3 : 0;
    return c1 === 0x81 && c2 === 0x9f ? 3 : 0;
  }
  if (c === 0xe3) return c1 === 0x80 && c2 === 0x80 ? 3 : 0;
  if (c === 0xef) return c1 === 0xbb && c2 === 0xbf ? 3 : 0;
  return 0;
}

/** Bytes a multi-byte white space starting with `c` needs to be told (0: `c` starts none). */
const multibyteNeeds = (c: number) => (c === 0xc2 ? 2 : c === 0xe1 || c === 0xe2 || c === 0xe3 || c === 0xef ? 3 : 0);

/** The first unclosed quote at or after `from` (a position inside an unquoted field when `inField`), or −1. */
async function firstUnclosed(path: string, from: number, inField: boolean, delim: number): Promise<number> {
  let state = inField ? UNQUOTED : START;
  let openAt = -1;
  let pending: number[] = [];
  const step = (b: number): void => {
    switch (state) {
      case START:
      case UNQUOTED:
        if (b === delim || b === LF || b === CR) state = START;
        else state = UNQUOTED;
        return;
      case QUOTED:
        if (b === QUOTE) state = AFTER_QUOTE;
        return;
      case AFTER_QUOTE:
      case AFTER_SPACE:
        if (b === QUOTE) state = state === AFTER_QUOTE ? QUOTED : AFTER_QUOTE; // "" is a quote; else a new candidate
        else if (b === delim || b === LF || b === CR) state = START; // closed
        else if (b === 32 || b === 9 || b === 11 || b === 12) state = AFTER_SPACE;
        else if (multibyteNeeds(b)) {
          pending = [b];
          state = MULTIBYTE;
        } else state = QUOTED; // a stray quote: content
        return;
      case MULTIBYTE: {
        pending.push(b);
        if (pending.length < multibyteNeeds(pending[0])) return;
        const rest = pending.slice(1);
        if (whitespaceLength(pending) === pending.length) state = AFTER_SPACE;
        else {
          state = QUOTED;
          for (const r of rest) step(r);
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
        if (q < 0) {
          i = n;
          break;
        }
        state = AFTER_QUOTE;
        i = q + 1;
        continue;
      }
      if (state === START || state === UNQUOTED) {
        const b = chunk[i];
        if (b === QUOTE && state === START) {
          state = QUOTED;
          openAt = base + i;
        } else step(b);
        i++;
        continue;
      }
      step(chunk[i++]);
    }
    base += n;
  }
  // AFTER_QUOTE at the end: the quote was the last byte, which closes the field.
  return state === QUOTED || state === AFTER_SPACE || state === MULTIBYTE ? openAt : -1;
}

/** Every unclosed quote of the file, in order (byte offsets). */
export async function unclosedQuotes(path: string, start: number, delimiter: string): Promise<number[]> {
  const delim = delimiter.charCodeAt(0);
  const found: number[] = [];
  let at = await firstUnclosed(path, start, false, delim);
  while (at >= 0) {
    found.push(at);
    // The quote is a character of an unquoted field: reading goes on after it.
    at = await firstUnclosed(path, at + 1, true, delim);
  }
  return found;
}

/** Copies `from` to `to` with the quote at each of `offsets` (ascending) replaced by UNCLOSED_MARK. */
export async function markUnclosed(from: string, to: string, offsets: readonly number[]): Promise<void> {
  const out = createWriteStream(to);
  const mark = Buffer.from(UNCLOSED_MARK);
  let base = 0, k = 0;
  for await (const chunk of createReadStream(from, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    let written = 0;
    while (k < offsets.length && offsets[k] < base + chunk.length) {
      const at = offsets[k++] - base;
      if (!out.write(chunk.subarray(written, at))) await once(out, 'drain');
      if (!out.write(mark)) await once(out, 'drain');
      written = at + 1;
    }
    if (!out.write(chunk.subarray(written))) await once(out, 'drain');
    base += chunk.length;
  }
  out.end();
  await once(out, 'finish');
}
