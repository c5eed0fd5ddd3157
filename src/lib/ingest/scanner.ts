/**
 * A byte-level CSV scanner that parses exactly as the PapaParse path does on the decoded text
 * (`parseRecords` in csv.ts: PapaParse after line ends are made one, with unclosed quotes read
 * as ordinary characters), without decoding the file and without building per-record objects.
 * The differential test (scanner.test.ts) is the proof.
 *
 * Why bytes are enough: in UTF-8 every byte of a multi-byte character is ≥ 0x80, and in
 * Shift_JIS every trail byte is ≥ 0x40, so `"`, `,`, `;`, `\t`, `\r` and `\n` never occur
 * inside a character (invalid bytes do not hide them either: both decoders give U+FFFD and
 * then the ASCII character). `|` (0x7C) CAN be a Shift_JIS trail byte (e.g. ポ = 83 7C), so
 * with `encoding: 'shift_jis'` any delimiter byte ≥ 0x40 (of ours, only `|`) is refused:
 * `scanRecords` and `splitPoint` throw, and the caller must use the string path (decode, then
 * encode as UTF-8). UTF-16 files always take that path.
 *
 * The caller skips a BOM with `start: 3`; `fieldText` wants a decoder made with
 * `{ ignoreBOM: true }`.
 *
 * Behaviours (see the test for each):
 * - Line ends: LF, CRLF and a lone CR all end a record, wherever they are outside quotes, so a
 *   file whose lines were joined from several systems (mixed CR / LF / CRLF) keeps every row.
 *   (PapaParse alone guesses ONE newline per file and reads the others as field content, which
 *   merged rows; csv.ts makes the line ends one before PapaParse sees the text.) Inside a
 *   quoted field CRLF and CR are read as LF (`fieldText` does it), as on the PapaParse path.
 * - A file ending with a line end DOES produce a final record `['']` (PapaParse does, with
 *   skipEmptyLines false); a blank line is a record `['']`; an empty input gives no record.
 * - Quoted fields may hold delimiters, line ends and `""` (unescaped to `"`). A quote inside
 *   an unquoted field is literal. A quote inside a quoted field closes it only when it is the
 *   last character of the input, or when it is followed by optional whitespace (as
 *   `String.prototype.trim` understands it, including U+3000) and then the delimiter or a
 *   line end; any other quote is kept as content (`"a"b,c` → `a"b`, and parsing goes on
 *   looking for the real closing quote).
 * - A quote that opens a field and is never closed would make the rest of the file one cell
 *   (PapaParse's reading: the 20 rows after it vanished into one comment). Here it is read as
 *   an ordinary character instead: the field ends at the next delimiter or line end, reading
 *   goes on with the next row, and the record says so (`RecordFields.unclosed`) so the row can
 *   be reported rather than lost in silence.
 */

/** Byte values of the delimiters the app supports: , \t ; | */
export const DELIMITER_BYTES = { ',': 44, '\t': 9, ';': 59, '|': 124 } as const;

/** The encodings the byte path supports. Other files are decoded and encoded as UTF-8 first. */
export type ScanEncoding = 'utf-8' | 'shift_jis';

export interface ScanOptions {
  /** Byte value, e.g. 44 for ','. Any ASCII byte except `"`, CR and LF. */
  delimiter: number;
  /** Byte offset to start at (default 0); must be the start of a record (3 after a UTF-8 BOM). */
  start?: number;
  /**
   * Stop at the first record boundary at or after this offset (default bytes.length); the record
   * that straddles `end` is finished, so two scanners over [0, mid) and [mid', len) with
   * mid' = the returned next start partition the records exactly.
   */
  end?: number;
  /** Default 'utf-8'. Decides which multi-byte characters are whitespace, and refuses `|` + shift_jis. */
  encoding?: ScanEncoding;
}

export interface RecordFields {
  /** Number of fields in this record. */
  count: number;
  /** Byte offset of each field's content (after an opening quote). */
  starts: Int32Array;
  /** Byte offset one past each field's content (before a closing quote). */
  ends: Int32Array;
  /**
   * Bit 1: the field was quoted and contains a doubled quote "" that must be unescaped.
   * Bit 2: the field was quoted (it may hold a CR, read as LF). 0 for an unquoted field.
   */
  quoted: Uint8Array;
  /** The first field whose opening quote is never closed (read as an ordinary character), or -1. */
  unclosed: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Length in bytes of the character at `k` when `String.prototype.trim` would remove it (ASCII
 * 9–13 and space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000,
 * U+FEFF), else 0. Only used after a quote inside a quoted field, so speed does not matter.
 */
export function whitespaceLength(bytes: Uint8Array, k: number, sjis: boolean): number {
  const c = bytes[k];
  if (c === 32 || (c >= 9 && c <= 13)) return 1;
  if (c < 0x80) return 0;
  // Shift_JIS: only 81 40 (U+3000) decodes to whitespace.
  if (sjis) return c === 0x81 && bytes[k + 1] === 0x40 ? 2 : 0;
  const c1 = bytes[k + 1];
  if (c === 0xc2) return c1 === 0xa0 ? 2 : 0;
  const c2 = bytes[k + 2];
  if (c === 0xe1) return c1 === 0x9a && c2 === 0x80 ? 3 : 0;
  if (c === 0xe2) {
    if (c1 === 0x80) return (c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf ? 3 : 0;
    return c1 === 0x81 && c2 === 0x9f ? 3 : 0;
  }
  if (c === 0xe3) return c1 === 0x80 && c2 === 0x80 ? 3 : 0;
  if (c === 0xef) return c1 === 0xbb && c2 === 0xbf ? 3 : 0;
  return 0;
}

function checkDelimiter(delimiter: number, encoding: ScanEncoding): void {
  if (!Number.isInteger(delimiter) || delimiter < 0 || delimiter > 0x7f || delimiter === QUOTE || delimiter === CR || delimiter === LF) {
    throw new Error(`scanner: unsupported delimiter byte ${delimiter}`);
  }
  if (encoding === 'shift_jis' && delimiter >= 0x40) {
    throw new Error(
      `scanner: delimiter ${JSON.stringify(String.fromCharCode(delimiter))} can be a Shift_JIS trail byte; parse this file as decoded text instead`,
    );
  }
}

function newRecordFields(capacity: number): RecordFields {
  return { count: 0, starts: new Int32Array(capacity), ends: new Int32Array(capacity), quoted: new Uint8Array(capacity), unclosed: -1 };
}

function grow(f: RecordFields): void {
  const cap = f.starts.length * 2;
  const starts = new Int32Array(cap);
  starts.set(f.starts);
  const ends = new Int32Array(cap);
  ends.set(f.ends);
  const quoted = new Uint8Array(cap);
  quoted.set(f.quoted);
  f.starts = starts;
  f.ends = ends;
  f.quoted = quoted;
}

// Result of scanQuoted besides the offset it returns (module state: no allocation per field).
let quotedEnd = 0;
let quotedEscaped = 0;
/** 0: the input ended; 1: a delimiter follows (another field); 2: a line end follows; 3: never closed. */
let quotedKind = 0;

/**
 * What a search for a closing quote that failed has learnt (per scan, reset by scanRecords):
 * searching from `failedFrom` met no quote that could close a field except the second quotes of
 * `""` pairs, the last of which that could is `lastPairCloser`. A later opening quote p can
 * only be closed by one of those (any other quote after it was seen and could not close), so
 * when p ≥ lastPairCloser it is unclosed too, known without a search: a file with a stray quote
 * on every row costs one search, not one per row.
 */
let failedFrom = -1;
let lastPairCloser = -1;

/** Whether the quote at q could close a quoted field: last byte, or whitespace* then delimiter / line end. */
function closesAt(bytes: Uint8Array, q: number, delim: number, sjis: boolean): boolean {
  const len = bytes.length;
  if (q === len - 1) return true;
  let k = q + 1;
  while (k < len) {
    const b = bytes[k];
    if (b === delim || b === LF || b === CR) return true;
    const w = whitespaceLength(bytes, k, sjis);
    if (w === 0) return false;
    k += w;
  }
  return false;
}

/**
 * A quoted field whose opening quote is at `p`: replays PapaParse's search for the closing
 * quote. Sets quotedEnd / quotedEscaped / quotedKind and returns where scanning goes on.
 */
function scanQuoted(bytes: Uint8Array, p: number, delim: number, sjis: boolean): number {
  const len = bytes.length;
  if (failedFrom >= 0 && p > failedFrom && p >= lastPairCloser) {
    quotedKind = 3;
    return p;
  }
  let q = p;
  let escaped = 0;
  for (;;) {
    q = bytes.indexOf(QUOTE, q + 1);
    if (q === -1) {
      // Never closed: remember what this search saw (see failedFrom), read the quote as a character.
      failedFrom = p;
      lastPairCloser = -1;
      for (let r = bytes.indexOf(QUOTE, p + 1); r !== -1; r = bytes.indexOf(QUOTE, r + 1)) {
        if (bytes[r + 1] !== QUOTE) continue;
        r++;
        if (closesAt(bytes, r, delim, sjis)) lastPairCloser = r;
      }
      quotedKind = 3;
      return p;
    }
    if (q === len - 1) {
      // Closing quote at the end of the input.
      quotedEnd = q;
      quotedEscaped = escaped;
      quotedKind = 0;
      return len;
    }
    if (bytes[q + 1] === QUOTE) {
      escaped = 1;
      q++;
      continue;
    }
    // A closing quote is followed by whitespace* and then the delimiter or a line end.
    let k = q + 1;
    while (k < len) {
      const b = bytes[k];
      if (b === delim) {
        quotedEnd = q;
        quotedEscaped = escaped;
        quotedKind = 1;
        return k + 1;
      }
      if (b === LF || b === CR) {
        quotedEnd = q;
        quotedEscaped = escaped;
        quotedKind = 2;
        return k + (b === CR && bytes[k + 1] === LF ? 2 : 1);
      }
      const w = whitespaceLength(bytes, k, sjis);
      if (w === 0) break;
      k += w;
    }
    // A stray quote: content, keep looking.
  }
}

/**
 * Calls onRecord for every record, reusing the same RecordFields object (its arrays grow as
 * needed, so read `fields.starts` etc. inside the callback, do not keep them). Return false from
 * onRecord to stop early. Returns the offset just after the last record consumed.
 */
export function scanRecords(
  bytes: Uint8Array,
  options: ScanOptions,
  onRecord: (fields: RecordFields) => boolean | void,
): number {
  const len = bytes.length;
  const delim = options.delimiter;
  const encoding = options.encoding ?? 'utf-8';
  checkDelimiter(delim, encoding);
  const sjis = encoding === 'shift_jis';
  const end = Math.min(options.end ?? len, len);
  let pos = options.start ?? 0;
  failedFrom = -1;
  lastPairCloser = -1;

  const f = newRecordFields(32);
  let starts = f.starts;
  let ends = f.ends;
  let quoted = f.quoted;
  let cap = starts.length;
  // Whether the last record ended with a line end (else it ended at the end of the input).
  let terminated = false;

  while (pos < end) {
    let n = 0;
    let p = pos;
    let unclosed = -1;
    terminated = false;
    for (;;) {
      if (n === cap) {
        grow(f);
        starts = f.starts;
        ends = f.ends;
        quoted = f.quoted;
        cap = starts.length;
      }
      let b = bytes[p];
      let i = p;
      if (b === QUOTE) {
        const next = scanQuoted(bytes, p, delim, sjis);
        if (quotedKind !== 3) {
          starts[n] = p + 1;
          ends[n] = quotedEnd;
          quoted[n] = 2 | quotedEscaped;
          n++;
          p = next;
          if (quotedKind === 1) continue;
          terminated = quotedKind === 2;
          break;
        }
        // Never closed: the quote is an ordinary character of an unquoted field.
        if (unclosed < 0) unclosed = n;
        i = p + 1;
      }
      // Unquoted field: up to the delimiter or a line end (every byte > 13 passes one comparison
      // besides the delimiter's, as with a single newline byte: the hot loop costs the same).
      while (i < len && (b = bytes[i]) !== delim && (b > CR || (b !== LF && b !== CR))) i++;
      starts[n] = p;
      ends[n] = i;
      quoted[n] = 0;
      n++;
      if (i >= len) {
        p = len;
        break;
      }
      if (b === delim) {
        p = i + 1;
        continue;
      }
      p = i + (b === CR && bytes[i + 1] === LF ? 2 : 1);
      terminated = true;
      break;
    }
    f.count = n;
    f.unclosed = unclosed;
    pos = p;
    if (onRecord(f) === false) return pos;
    if (!terminated) return pos; // the input ended inside this record
  }
  // PapaParse gives a last record [''] after a final line end.
  if (terminated && pos === len) {
    starts[0] = len;
    ends[0] = len;
    quoted[0] = 0;
    f.count = 1;
    f.unclosed = -1;
    onRecord(f);
  }
  return pos;
}

/**
 * Decodes one field, unescaping "" and reading CRLF / CR inside quotes as LF when needed. `decoder` is a TextDecoder for the file's
 * encoding; create it with `{ ignoreBOM: true }` so a field that starts with U+FEFF keeps it, as
 * it does in the decoded whole text. Short valid UTF-8 fields are decoded in JS (TextDecoder's
 * per-call cost is ~2× the whole decode of a 38-character comment); anything else, or any
 * invalid byte, goes to the decoder itself, so the result is always the decoder's.
 */
export function fieldText(bytes: Uint8Array, fields: RecordFields, i: number, decoder: TextDecoder): string {
  const s = fields.starts[i];
  const e = fields.ends[i];
  if (s >= e) return '';
  let text: string | null = null;
  if (e - s <= SHORT_FIELD && isPlainUtf8(decoder)) {
    if (decoder.ignoreBOM || !(bytes[s] === 0xef && bytes[s + 1] === 0xbb && bytes[s + 2] === 0xbf)) {
      text = decodeShortUtf8(bytes, s, e);
    }
  }
  if (text === null) text = decoder.decode(bytes.subarray(s, e));
  const quoted = fields.quoted[i];
  if (quoted === 0) return text;
  if (quoted & 1) text = text.replace(/""/g, '"');
  // A line end inside quotes is one line end, as csv.ts gives it to PapaParse.
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

const SHORT_FIELD = 512;
const units = new Uint16Array(SHORT_FIELD);
let lastDecoder: TextDecoder | null = null;
let lastDecoderUtf8 = false;

function isPlainUtf8(decoder: TextDecoder): boolean {
  if (decoder !== lastDecoder) {
    lastDecoder = decoder;
    lastDecoderUtf8 = decoder.encoding === 'utf-8';
  }
  return lastDecoderUtf8;
}

/** UTF-8 of 1–3 byte characters to a string, or null at anything else (invalid, 4-byte). */
function decodeShortUtf8(bytes: Uint8Array, s: number, e: number): string | null {
  let n = 0;
  let i = s;
  while (i < e) {
    const c = bytes[i];
    if (c < 0x80) {
      units[n++] = c;
      i++;
    } else if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= e) return null;
      const c1 = bytes[i + 1];
      const c2 = bytes[i + 2];
      if ((c2 & 0xc0) !== 0x80) return null;
      if (c === 0xe0 ? c1 < 0xa0 || c1 > 0xbf : c === 0xed ? c1 < 0x80 || c1 > 0x9f : (c1 & 0xc0) !== 0x80) return null;
      units[n++] = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
    } else if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= e) return null;
      const c1 = bytes[i + 1];
      if ((c1 & 0xc0) !== 0x80) return null;
      units[n++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else {
      return null;
    }
  }
  return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
}

/** Empty, or only spaces and tabs. */
export function fieldIsBlank(bytes: Uint8Array, fields: RecordFields, i: number): boolean {
  const e = fields.ends[i];
  for (let k = fields.starts[i]; k < e; k++) {
    const b = bytes[k];
    if (b !== 32 && b !== 9) return false;
  }
  return true;
}

/** The value when the field is exactly 1–2 ASCII digits (optionally surrounded by spaces), else -1. */
export function fieldSmallInt(bytes: Uint8Array, fields: RecordFields, i: number): number {
  let s = fields.starts[i];
  let e = fields.ends[i];
  while (s < e && bytes[s] === 32) s++;
  while (e > s && bytes[e - 1] === 32) e--;
  const d0 = bytes[s] - 48;
  if (e - s === 1) return d0 >= 0 && d0 <= 9 ? d0 : -1;
  if (e - s === 2) {
    const d1 = bytes[s + 1] - 48;
    return d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9 ? d0 * 10 + d1 : -1;
  }
  return -1;
}

/**
 * A safe place to split a file for two workers: the offset of the first record start at or after
 * `at`, or -1 when that cannot be decided cheaply. Walks every quote from the start of the data
 * (`options.start`, default 0) and checks that each one is "regular": an opening quote at the
 * start of a field, and inside a quoted field either `""`, or a closing quote directly followed by
 * the delimiter, a line end or the end of the input. Then quote parity is exactly the scanner's
 * in/out-of-quotes state, and the first line end at or after `at` outside quotes is a record
 * boundary. Any irregular quote (a literal quote inside an unquoted field, `"a" ,`, `"a"b`, a
 * quote never closed) gives -1: the caller falls back to one worker. -1 also when no line end
 * follows `at`.
 */
export function splitPoint(bytes: Uint8Array, at: number, options: ScanOptions): number {
  const len = bytes.length;
  const delim = options.delimiter;
  const encoding = options.encoding ?? 'utf-8';
  checkDelimiter(delim, encoding);
  const dataStart = options.start ?? 0;
  if (at <= dataStart) return dataStart;
  if (at >= len) return -1;

  let inside = false;
  let q = bytes.indexOf(QUOTE, dataStart);
  // The next LF and CR at or after a position, each searched again only once passed.
  let lf = -2, cr = -2;
  let from = Math.max(dataStart, at - 1);
  for (;;) {
    if (lf !== -1 && lf < from) lf = bytes.indexOf(LF, from);
    if (cr !== -1 && cr < from) cr = bytes.indexOf(CR, from);
    const nl = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    if (nl === -1) return -1;
    // Account for every quote before it.
    while (q !== -1 && q < nl) {
      if (!inside) {
        const before = bytes[q - 1];
        const atFieldStart = q === dataStart || before === delim || before === LF || before === CR;
        if (!atFieldStart) return -1;
        inside = true;
        q = bytes.indexOf(QUOTE, q + 1);
      } else if (q === len - 1) {
        inside = false;
        q = -1;
      } else {
        const b = bytes[q + 1];
        if (b === QUOTE) {
          q = bytes.indexOf(QUOTE, q + 2);
        } else if (b === delim || b === LF || b === CR) {
          inside = false;
          q = bytes.indexOf(QUOTE, q + 1);
        } else {
          return -1;
        }
      }
    }
    if (!inside) return nl + (bytes[nl] === CR && bytes[nl + 1] === LF ? 2 : 1);
    from = nl + 1;
  }
}
