/**
 * A byte-level CSV scanner that parses exactly as PapaParse 5.7 does on the decoded text
 * (`Papa.parse(text, { delimiter, skipEmptyLines: false })`), without decoding the file and
 * without building per-record objects. The differential test (scanner.test.ts) is the proof.
 *
 * Why bytes are enough: in UTF-8 every byte of a multi-byte character is ≥ 0x80, and in
 * Shift_JIS every trail byte is ≥ 0x40, so `"`, `,`, `;`, `\t`, `\r` and `\n` never occur
 * inside a character (invalid bytes do not hide them either: both decoders give U+FFFD and
 * then the ASCII character). `|` (0x7C) CAN be a Shift_JIS trail byte (e.g. ポ = 83 7C), so
 * with `encoding: 'shift_jis'` any delimiter byte ≥ 0x40 (of ours, only `|`) is refused:
 * `scanRecords` and `splitPoint` throw, and the caller must use the string path (decode, then
 * PapaParse). UTF-16 files always take the string path.
 *
 * The caller skips a BOM with `start: 3`; `fieldText` wants a decoder made with
 * `{ ignoreBOM: true }`.
 *
 * PapaParse behaviours matched (see the test for each):
 * - Line ends: PapaParse guesses ONE newline for the whole text from its first 1,048,576
 *   UTF-16 units, ignoring text between quote pairs: `\n` if there is no `\r` or a `\n` comes
 *   before the first `\r`; otherwise `\r\n` if at least half of the `\r`-separated pieces start
 *   with `\n`, else a lone `\r` (old Mac / Excel for Mac files are supported). Every other line
 *   end then counts as field content: in a `\n` file a `\r` before `\n` stays at the end of the
 *   last field; in a `\r\n` file a lone `\n` or `\r` is content. `guessNewline` replays that
 *   guess on bytes; pass its result as `newline` to every scanner over the same file.
 * - A file ending with a line end DOES produce a final record `['']` (PapaParse does, with
 *   skipEmptyLines false); a blank line is a record `['']`; an empty input gives no record.
 * - Quoted fields may hold delimiters, line ends and `""` (unescaped to `"`). A quote inside
 *   an unquoted field is literal. A quote inside a quoted field closes it only when it is the
 *   last character of the input, or when it is followed by optional whitespace (as
 *   `String.prototype.trim` understands it, including U+3000) and then the delimiter or the
 *   newline; any other quote is kept as content (`"a"b,c` → `a"b`, and parsing goes on
 *   looking for the real closing quote). An unterminated quoted field runs to the end of the
 *   input and is NOT unescaped (PapaParse returns it raw).
 */

/** Byte values of the delimiters the app supports: , \t ; | */
export const DELIMITER_BYTES = { ',': 44, '\t': 9, ';': 59, '|': 124 } as const;

export type Newline = '\n' | '\r\n' | '\r';

/** The encodings the byte path supports. UTF-16 files must take the string path. */
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
  /** The file's newline. Default: `guessNewline(bytes, encoding)` (PapaParse's guess). */
  newline?: Newline;
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
  /** 1 when the field was quoted AND contains a doubled quote "" that must be unescaped; 0 otherwise. */
  quoted: Uint8Array;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** PapaParse guesses the newline from `input.substring(0, 1024 * 1024)`. */
const GUESS_UNITS = 1024 * 1024;

function bomLength(bytes: Uint8Array, encoding: ScanEncoding): number {
  return encoding === 'utf-8' && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * Byte offset where the first `units` UTF-16 code units of the decoded text end (or the end of
 * the bytes). Exact for valid input; for invalid byte sequences it may be off by a few units.
 */
function unitsToByte(bytes: Uint8Array, from: number, units: number, encoding: ScanEncoding): number {
  const len = bytes.length;
  // Every code unit takes at least one byte, so a short enough input is all inside the limit.
  if (len - from <= units) return len;
  let i = from;
  let u = 0;
  if (encoding === 'utf-8') {
    while (i < len && u < units) {
      const b = bytes[i];
      if ((b & 0xc0) !== 0x80) u += b >= 0xf0 ? 2 : 1;
      i++;
    }
    // Include the continuation bytes of the last character counted.
    while (i < len && (bytes[i] & 0xc0) === 0x80) i++;
  } else {
    while (i < len && u < units) {
      const b = bytes[i];
      const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
      if (lead && i + 1 < len) {
        const t = bytes[i + 1];
        if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfc)) {
          i += 2;
          u++;
          continue;
        }
      }
      i++;
      u++;
    }
  }
  return i;
}

/**
 * PapaParse's newline guess (`guessLineEndings`), replayed on bytes: looks at the first
 * 1,048,576 UTF-16 units after `start` (default: after a UTF-8 BOM), with the text between
 * quote pairs removed.
 */
export function guessNewline(bytes: Uint8Array, encoding: ScanEncoding = 'utf-8', start = bomLength(bytes, encoding)): Newline {
  const cut = unitsToByte(bytes, start, GUESS_UNITS, encoding);
  let crCount = 0;
  let crlfCount = 0;
  let sawCr = false;
  let lfFirst = false;
  let prevCr = false;
  let i = start;
  while (i < cut) {
    const b = bytes[i];
    if (b === QUOTE) {
      // /"([^]*?)"/g removes a quote, the text up to the next quote, and that quote. An unpaired
      // last quote stays (as an ordinary character).
      const close = bytes.indexOf(QUOTE, i + 1);
      if (close !== -1 && close < cut) {
        i = close + 1;
        continue;
      }
      prevCr = false;
    } else if (b === CR) {
      crCount++;
      sawCr = true;
      prevCr = true;
    } else if (b === LF) {
      if (prevCr) crlfCount++;
      else if (!sawCr) lfFirst = true;
      prevCr = false;
    } else {
      prevCr = false;
    }
    i++;
  }
  if (crCount === 0 || lfFirst) return '\n';
  return crlfCount >= (crCount + 1) / 2 ? '\r\n' : '\r';
}

/**
 * Length in bytes of the character at `k` when `String.prototype.trim` would remove it (ASCII
 * 9–13 and space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000,
 * U+FEFF), else 0. Only used after a quote inside a quoted field, so speed does not matter.
 */
function whitespaceLength(bytes: Uint8Array, k: number, sjis: boolean): number {
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
  return { count: 0, starts: new Int32Array(capacity), ends: new Int32Array(capacity), quoted: new Uint8Array(capacity) };
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
/** 0: the input ended; 1: a delimiter follows (another field); 2: a line end follows. */
let quotedKind = 0;

/**
 * A quoted field whose opening quote is at `p`: replays PapaParse's search for the closing
 * quote. Sets quotedEnd / quotedEscaped / quotedKind and returns where scanning goes on.
 */
function scanQuoted(bytes: Uint8Array, p: number, delim: number, nl0: number, crlf: boolean, sjis: boolean): number {
  const len = bytes.length;
  let q = p;
  let escaped = 0;
  for (;;) {
    q = bytes.indexOf(QUOTE, q + 1);
    if (q === -1) {
      // Unterminated: the rest of the input, not unescaped.
      quotedEnd = len;
      quotedEscaped = 0;
      quotedKind = 0;
      return len;
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
    // A closing quote is followed by whitespace* and then the delimiter or the newline.
    let k = q + 1;
    while (k < len) {
      const b = bytes[k];
      if (b === delim) {
        quotedEnd = q;
        quotedEscaped = escaped;
        quotedKind = 1;
        return k + 1;
      }
      if (b === nl0 && (!crlf || bytes[k + 1] === LF)) {
        quotedEnd = q;
        quotedEscaped = escaped;
        quotedKind = 2;
        return k + (crlf ? 2 : 1);
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
  const newline = options.newline ?? guessNewline(bytes, encoding);
  const nl0 = newline === '\n' ? LF : CR;
  const crlf = newline === '\r\n';
  const nlLen = crlf ? 2 : 1;
  const end = Math.min(options.end ?? len, len);
  let pos = options.start ?? 0;

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
      if (b === QUOTE) {
        starts[n] = p + 1;
        p = scanQuoted(bytes, p, delim, nl0, crlf, sjis);
        ends[n] = quotedEnd;
        quoted[n] = quotedEscaped;
        n++;
        if (quotedKind === 1) continue;
        terminated = quotedKind === 2;
        break;
      }
      // Unquoted field: up to the delimiter or the newline.
      let i = p;
      while (i < len && (b = bytes[i]) !== delim && b !== nl0) i++;
      if (crlf) {
        // A CR not followed by LF is content.
        while (i < len && b === CR && bytes[i + 1] !== LF) {
          i++;
          while (i < len && (b = bytes[i]) !== delim && b !== nl0) i++;
        }
      }
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
      p = i + nlLen;
      terminated = true;
      break;
    }
    f.count = n;
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
    onRecord(f);
  }
  return pos;
}

/**
 * Decodes one field, unescaping "" when needed. `decoder` is a TextDecoder for the file's
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
  return fields.quoted[i] === 1 ? text.replace(/""/g, '"') : text;
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
 * the delimiter, the newline or the end of the input. Then quote parity is exactly PapaParse's
 * in/out-of-quotes state, and the first line end at or after `at` outside quotes is a record
 * boundary. Any irregular quote (a literal quote inside an unquoted field, `"a" ,`, `"a"b`)
 * gives -1: the caller falls back to one worker. -1 also when no line end follows `at`.
 * Use the same `newline` (or none) as the scanners.
 */
export function splitPoint(bytes: Uint8Array, at: number, options: ScanOptions): number {
  const len = bytes.length;
  const delim = options.delimiter;
  const encoding = options.encoding ?? 'utf-8';
  checkDelimiter(delim, encoding);
  const newline = options.newline ?? guessNewline(bytes, encoding);
  const nl0 = newline === '\n' ? LF : CR;
  const crlf = newline === '\r\n';
  const nlLen = crlf ? 2 : 1;
  const dataStart = options.start ?? 0;
  if (at <= dataStart) return dataStart;
  if (at >= len) return -1;

  let inside = false;
  let q = bytes.indexOf(QUOTE, dataStart);
  let from = Math.max(dataStart, at - nlLen);
  for (;;) {
    // The next line end starting at or after `from`.
    let nl = bytes.indexOf(nl0, from);
    while (crlf && nl !== -1 && bytes[nl + 1] !== LF) nl = bytes.indexOf(nl0, nl + 1);
    if (nl === -1) return -1;
    // Account for every quote before it.
    while (q !== -1 && q < nl) {
      if (!inside) {
        const atFieldStart =
          q === dataStart ||
          bytes[q - 1] === delim ||
          (crlf ? bytes[q - 1] === LF && bytes[q - 2] === CR && q - 2 >= dataStart : bytes[q - 1] === nl0);
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
        } else if (b === delim || (b === nl0 && (!crlf || bytes[q + 2] === LF))) {
          inside = false;
          q = bytes.indexOf(QUOTE, q + 1);
        } else {
          return -1;
        }
      }
    }
    if (!inside) return nl + nlLen;
    from = nl + 1;
  }
}
