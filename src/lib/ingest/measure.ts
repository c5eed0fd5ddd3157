/**
 * How long a row is that does not fit in the preview's sample, so the message can name it: "row 2
 * has a field of 50 MB" rather than "a header row but no answers". Reads on from the row's start
 * in slices (the page stays responsive between them) until a line end outside quotes, or the end
 * of the file, or `limit` bytes.
 */

/**
 * No survey answer is this long (Excel holds 32,767 characters in a cell): a longer row is a
 * damaged file or not an export; the import rejects it with its size rather than storing it.
 * (Here, not in build.ts: the start page reads it without loading the answer builder.)
 */
export const MAX_ROW_BYTES = 1 << 20;

export interface RowSize {
  /** Bytes from the row's start to its line end (or as far as was read). */
  bytes: number;
  /** The longest field's bytes (fields split at the delimiter outside quotes). */
  longestField: number;
  /** False when the row did not end before the end of the file or the limit. */
  ended: boolean;
}

const QUOTE = 34, CR = 13, LF = 10;

export async function measureRow(
  read: (from: number, to: number) => Promise<Uint8Array>,
  size: number,
  start: number,
  delimiter: number,
  { slice = 8 << 20, limit = 1 << 30 }: { slice?: number; limit?: number } = {},
): Promise<RowSize> {
  let inQuotes = false;
  let field = 0;
  let longest = 0;
  let at = start;
  const stop = Math.min(size, start + limit);
  while (at < stop) {
    const bytes = await read(at, Math.min(stop, at + slice));
    if (!bytes.length) break;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      // A doubled quote toggles twice: only the state at delimiters and line ends matters.
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes && (b === LF || b === CR)) {
        longest = Math.max(longest, field);
        return { bytes: at + i - start, longestField: longest, ended: true };
      } else if (!inQuotes && b === delimiter) {
        longest = Math.max(longest, field);
        field = -1;
      }
      field++;
    }
    at += bytes.length;
  }
  return { bytes: at - start, longestField: Math.max(longest, field), ended: false };
}
