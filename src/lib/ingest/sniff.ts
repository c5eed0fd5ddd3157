/**
 * What a chosen file is, from its first bytes, before it is read as CSV: a workbook, an image,
 * an archive, a PDF, some other binary file, or text. A PNG or a workbook renamed `.csv` was read
 * as text and got "no score column found"; a stored ZIP imported as CSV. Signatures are the
 * formats' own magic numbers; an xlsx is a ZIP whose entries are under `xl/`.
 */

export type NotCsvKind = 'xls' | 'ods' | 'docx' | 'pptx' | 'zip' | 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'gzip' | 'rar' | '7z' | 'binary';

export type FileKind =
  /** Text: read as CSV. */
  | { kind: 'text' }
  /** An Excel workbook (Office Open XML): converted to rows by ingest/xlsx.ts. */
  | { kind: 'xlsx' }
  /** Something that is not a table we read; `entry` names a ZIP's first file, when it has one. */
  | { kind: 'not-csv'; what: NotCsvKind; entry?: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: ReadonlyArray<[NotCsvKind, number[]]> = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', ascii('GIF8')],
  ['pdf', ascii('%PDF-')],
  // OLE2 compound file: Excel 97–2003 workbooks, and password-protected xlsx files.
  ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['gzip', [0x1f, 0x8b]],
  ['rar', ascii('Rar!\x1a\x07')],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
];

/** The names of the ZIP entries whose local headers lie in `head`, in order. */
export function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  const latin1 = new TextDecoder('latin1');
  for (let at = 0; at + 30 <= head.length; ) {
    if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04], at)) {
      // Entries written with a data descriptor do not give their size up front: look for the
      // next local header instead of jumping to it.
      at = head.indexOf(0x50, at + 1);
      if (at < 0) break;
      continue;
    }
    const nameLength = head[at + 26] | (head[at + 27] << 8);
    const name = latin1.decode(head.subarray(at + 30, Math.min(head.length, at + 30 + nameLength)));
    names.push(name);
    at += 30 + nameLength;
  }
  return names;
}

/** Share of NUL bytes at even and at odd offsets of the first 4 KB. */
function nulShares(head: Uint8Array): { even: number; odd: number; any: number } {
  const n = Math.min(head.length, 4096);
  let even = 0, odd = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) (i & 1 ? odd++ : even++);
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half, any: even + odd };
}

/**
 * UTF-16 without a byte-order mark: text in the Latin range has a NUL in every other byte (the
 * high byte), at odd offsets for little-endian and even ones for big-endian. Japanese text has
 * fewer, but its ASCII digits, commas and line ends still put NULs on one side only.
 */
export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head.length < 4) return null;
  const { even, odd } = nulShares(head);
  if (odd >= 0.2 && even < 0.02) return 'utf-16le';
  if (even >= 0.2 && odd < 0.02) return 'utf-16be';
  return null;
}

export function sniffFile(head: Uint8Array): FileKind {
  for (const [what, signature] of SIGNATURES) if (startsWith(head, signature)) return { kind: 'not-csv', what };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { kind: 'not-csv', what: 'webp' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(head);
    if (names.some((n) => n.startsWith('xl/'))) return { kind: 'xlsx' };
    if (names.some((n) => n.startsWith('word/'))) return { kind: 'not-csv', what: 'docx' };
    if (names.some((n) => n.startsWith('ppt/'))) return { kind: 'not-csv', what: 'pptx' };
    const latin1 = new TextDecoder('latin1').decode(head.subarray(0, 200));
    if (latin1.includes('application/vnd.oasis.opendocument')) return { kind: 'not-csv', what: 'ods' };
    const entry = names.find((n) => !n.endsWith('/'));
    return entry ? { kind: 'not-csv', what: 'zip', entry } : { kind: 'not-csv', what: 'zip' };
  }
  // Text has no NUL bytes, except UTF-16 (one side only).
  if (utf16WithoutBom(head)) return { kind: 'text' };
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'text' };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'text' };
  const { any } = nulShares(head);
  if (any > 0) return { kind: 'not-csv', what: 'binary' };
  return { kind: 'text' };
}
