/**
 * Building a big file's answers from pieces of its bytes, read one after the other, rather than
 * from all of them at once: a reader holds a piece or two (~32 MB), not its half of the file
 * (94 MB of the 188 MB export, for as long as it built; measured in Chromium, the two halves'
 * bytes were a third of the import's peak of memory).
 *
 * Each piece ends at a record boundary found the way the file is split between two readers
 * (scanner.ts `splitPoint`: every quote before it regular), so every piece is read exactly as the
 * whole file would be. Where no boundary is found (a quote never closed, a stray quote, a record
 * longer than the look-back), the rest of the part is read at once, as before.
 */
import type { AnswerBuilder, FileCounts } from './build';
import type { FilePlan } from './preview';
import { letGo } from '../engine/let-go';
import { joinParts } from './join-bytes';
import { DELIMITER_BYTES, splitPoint, type ScanEncoding } from './scanner';

/** Bytes read at a time. */
export const PIECE_BYTES = 16 << 20;

/** Below this, a part is built from the bytes already read (a second read costs more than it saves). */
export const PIECES_FROM = 32 << 20;

/** From this size a range is streamed (see readRange). */
const STREAM_FROM = 32 << 20;

/** How far back from a piece's end the record boundary is looked for. */
const LOOK_BACK = 1 << 20;

export interface FilePart {
  /** File offset of the part's first record (after a byte-order mark, or at the split). */
  start: number;
  /** File offset where the part ends: a record boundary, or the file's size. */
  end: number;
  /** Records of the file before the part. */
  rowsBefore: number;
}

/**
 * Bytes `from`..`to` of a file. A big range is streamed into an array of our own:
 * `Blob.arrayBuffer()` gives a buffer the browser made, whose memory stays until a garbage
 * collection even once let go (let-go.ts), and a reader's 94 MB half stayed so while it built
 * (measured in Chromium); one made here is freed when let go, the stream's small chunks are
 * collected as they pass. A small range is read whole: streaming it was slower (a 10 MB half of
 * a 100,000-answer file, ~10 ms of ~150) and its memory does not matter.
 */
export async function readRange(file: Blob, from: number, to: number): Promise<Uint8Array<ArrayBuffer>> {
  if (to - from < STREAM_FROM) return new Uint8Array(await file.slice(from, to).arrayBuffer());
  const out = new Uint8Array(Math.max(0, to - from));
  const reader = file.slice(from, to).stream().getReader();
  for (let at = 0; ; ) {
    const { done, value } = await reader.read();
    if (done) return at === out.length ? out : out.slice(0, at);
    out.set(value.subarray(0, out.length - at), at);
    at += value.length;
  }
}

/**
 * Builds the answers of `part` of `file` into `builder`, piece by piece (the next piece is read
 * while this one is built). `onProgress` gets the share of the part built.
 */
export async function buildInPieces(
  builder: AnswerBuilder,
  fileIndex: number,
  plan: FilePlan,
  file: Blob,
  part: FilePart,
  onProgress?: (share: number) => void,
  pieceBytes = PIECE_BYTES,
): Promise<{ counts: FileCounts; records: number }> {
  const options = { delimiter: DELIMITER_BYTES[plan.delimiter], encoding: plan.encoding as ScanEncoding };
  // A part that stops before the file's end is read a byte past it: the scanner then stops at the
  // part's end instead of taking the end of its input for the end of the file.
  const readTo = part.end < file.size ? part.end + 1 : part.end;
  const size = Math.max(1, part.end - part.start);
  let from = part.start; // file offset of bytes[0], always a record start
  let bytes: Uint8Array = await readRange(file, from, Math.min(readTo, from + pieceBytes));
  let first = true;
  for (;;) {
    const to = from + bytes.length;
    const next = to < readTo ? readRange(file, to, Math.min(readTo, to + pieceBytes)) : null;
    let cut = -1;
    if (next) {
      const found = splitPoint(bytes, bytes.length - Math.min(LOOK_BACK, Math.ceil(bytes.length / 2)), { ...options, start: 0 });
      // A boundary with bytes after it: one at the very end may be a CR whose LF is in the next piece.
      if (found > 0 && found < bytes.length) cut = found;
      else {
        // None found: the rest of the part in one piece.
        const piece = await next;
        const rest = to + piece.length < readTo ? await readRange(file, to + piece.length, readTo) : new Uint8Array(0);
        const all = joinParts([bytes, piece, rest]);
        letGo(bytes, piece, rest);
        bytes = all;
        continue;
      }
    }
    const end = next ? cut : Math.min(bytes.length, part.end - from);
    const done = (from - part.start) / size, share = end / size;
    const result = builder.addFileBytes(fileIndex, plan, bytes, onProgress && ((s) => onProgress(done + s * share)), {
      start: 0,
      end,
      rowsBefore: part.rowsBefore,
      more: next !== null,
      share: first ? Math.min(1, end / size) : undefined,
    });
    first = false;
    if (!next) {
      letGo(bytes);
      return result;
    }
    const piece = await next;
    const following = joinParts([bytes.subarray(cut), piece]);
    letGo(bytes, piece);
    from += cut;
    bytes = following;
  }
}

/**
 * Builds `part` from bytes already read (`held`, starting at file offset `from`) when the part is
 * small, else lets them go and builds it piece by piece: the choice both readers of a big file
 * make once they know where their half starts.
 */
export async function buildPart(
  builder: AnswerBuilder,
  fileIndex: number,
  plan: FilePlan,
  file: Blob,
  part: FilePart,
  held: { bytes: Uint8Array; from: number } | null,
  onProgress?: (share: number) => void,
): Promise<{ counts: FileCounts; records: number }> {
  if (held && part.end - part.start < PIECES_FROM) {
    const result = builder.addFileBytes(fileIndex, plan, held.bytes, onProgress, { start: part.start - held.from, end: part.end - held.from, rowsBefore: part.rowsBefore });
    letGo(held.bytes);
    return result;
  }
  letGo(held?.bytes);
  return buildInPieces(builder, fileIndex, plan, file, part, onProgress);
}
