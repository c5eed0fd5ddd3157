/**
 * A column of strings packed into one string plus end offsets.
 *
 * A million separate strings cost a million heap objects, and copying them between the import
 * worker, the page and IndexedDB (structured clone) takes hundreds of milliseconds of main-thread
 * time; one long string with a Uint32Array of ends copies like a typed array.
 */

export interface TextColumn {
  text: string;
  /** `ends[i]` is where value i ends in `text`; value i starts where value i − 1 ends. */
  ends: Uint32Array;
}

export function textAt(column: TextColumn, i: number): string {
  return column.text.slice(i === 0 ? 0 : column.ends[i - 1], column.ends[i]);
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
    offset += p.text.length;
  }
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
 * Builds a column value by value without keeping a million strings alive: values are joined in
 * blocks as they come.
 */
export class TextColumnBuilder {
  private blocks: string[] = [];
  private pending: string[] = [];
  private ends: Uint32Array;
  private length = 0;
  private at = 0;

  constructor(capacity: number) {
    this.ends = new Uint32Array(capacity);
  }

  push(value: string): void {
    if (this.length === this.ends.length) {
      const grown = new Uint32Array(Math.max(16, this.ends.length * 2));
      grown.set(this.ends);
      this.ends = grown;
    }
    if (value) {
      this.pending.push(value);
      if (this.pending.length === 4096) this.flush();
    }
    this.at += value.length;
    this.ends[this.length++] = this.at;
  }

  private flush(): void {
    this.blocks.push(this.pending.join(''));
    this.pending = [];
  }

  finish(): TextColumn {
    this.flush();
    return { text: this.blocks.join(''), ends: this.ends.slice(0, this.length) };
  }
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
