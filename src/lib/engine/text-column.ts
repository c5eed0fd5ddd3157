/**
 * A column of strings packed into one string plus end offsets.
 *
 * A million separate strings cost a million heap objects, and copying them between the import
 * worker, the page and IndexedDB (structured clone) takes hundreds of milliseconds of main-thread
 * time; one long string with a Uint32Array of ends copies like a typed array.
 */
import { textOfUnits, unitsBetween, unitsOf } from './text-units';

export interface TextColumn {
  text: string;
  /** `ends[i]` is where value i ends in `text`; value i starts where value i − 1 ends. */
  ends: Uint32Array;
}

/** Built by an import as code units, decoded when first read (text-units.ts). */
export { TextColumnBuilder } from './text-units';

/** Characters in the column, without reading (or decoding) its text. */
const lengthOf = (column: TextColumn) => (column.ends.length ? column.ends[column.ends.length - 1] : 0);

/** True when some value of the column is not empty (its text is not read: it may be undecoded). */
export const hasText = (column: TextColumn): boolean => lengthOf(column) > 0;

export function textAt(column: TextColumn, i: number): string {
  const from = i === 0 ? 0 : column.ends[i - 1], to = column.ends[i];
  // A column still in code units reads a few values without being decoded whole (text-units.ts).
  const valueAt = (column as { valueAt?: (from: number, to: number) => string }).valueAt;
  return valueAt ? valueAt(from, to) : column.text.slice(from, to);
}

/** True when value i is the empty string (no slicing needed). */
export function textIsEmpty(column: TextColumn, i: number): boolean {
  return column.ends[i] === (i === 0 ? 0 : column.ends[i - 1]);
}

export function packText(values: readonly string[]): TextColumn {
  const ends = new Uint32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += values[i].length;
    ends[i] = at;
  }
  return { text: values.join(''), ends };
}

export function emptyText(length: number): TextColumn {
  return { text: '', ends: new Uint32Array(length) };
}

export function unpackText(column: TextColumn): string[] {
  return Array.from(column.ends, (_, i) => textAt(column, i));
}

export function sliceText(column: TextColumn, start: number, end: number): TextColumn {
  const from = start === 0 ? 0 : column.ends[start - 1];
  const to = end === 0 ? 0 : column.ends[end - 1];
  const ends = column.ends.slice(start, end);
  if (from) for (let i = 0; i < ends.length; i++) ends[i] -= from;
  // Still in code units: the slice is too (a chunk stored from an import is not decoded for it).
  const parts = unitsOf(column);
  if (parts) return textOfUnits([unitsBetween(parts, from, to)], ends);
  return { text: column.text.slice(from, to), ends };
}

/** Text of this many characters or more is joined when first read (see concatText). */
const JOIN_WHEN_READ = 1 << 20;

/**
 * The columns one after the other. Long text is joined when something first reads it, not here:
 * a reload reads a million answers' chunks and shows the overview, which reads no comment or id
 * before its first frame (joining them took ~50 ms of the reload). Reading `text` is the same
 * either way, a structured clone included; the pieces are let go once joined.
 */
export function concatText(parts: readonly TextColumn[]): TextColumn {
  const length = parts.reduce((s, p) => s + p.ends.length, 0);
  const ends = new Uint32Array(length);
  let at = 0, offset = 0;
  for (const p of parts) {
    for (let i = 0; i < p.ends.length; i++) ends[at + i] = p.ends[i] + offset;
    at += p.ends.length;
    offset += lengthOf(p);
  }
  // Columns still in code units stay so, joined without a copy (the halves of a file read by two
  // workers): the page decodes them once.
  const filled = parts.filter((p) => lengthOf(p) > 0);
  if (filled.length > 0 && filled.every((p) => unitsOf(p))) return textOfUnits(filled.flatMap((p) => unitsOf(p)!), ends);
  if (parts.length < 2 || offset < JOIN_WHEN_READ) return { text: parts.map((p) => p.text).join(''), ends };
  let pieces: string[] | null = parts.map((p) => p.text);
  let text = '';
  return {
    get text() {
      if (pieces) {
        text = pieces.join('');
        pieces = null;
      }
      return text;
    },
    ends,
  };
}

/**
 * Where to cut the answers so that each of `parts` workers gets about the same amount of comment
 * text (the segmenter's cost follows characters, not answers). Returns part starts and the end.
 */
export function splitByText(ends: ArrayLike<number>, parts: number): number[] {
  const n = ends.length;
  const total = n ? ends[n - 1] : 0;
  const cuts = [0];
  let i = 0;
  for (let p = 1; p < parts; p++) {
    const target = (total * p) / parts;
    while (i < n && ends[i] < target) i++;
    // The answer that reaches the target closes this part.
    if (i + 1 > cuts[cuts.length - 1] && i + 1 < n) cuts.push(i + 1);
  }
  cuts.push(n);
  return cuts;
}
