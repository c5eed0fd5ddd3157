/**
 * Text columns held as code units in typed arrays until something reads their text.
 *
 * An import builds its ids and comments in workers and hands them to the page. As strings, each
 * went through structured clone: the worker's copy, the serialised copy and the page's copy were
 * alive at once, the import's peak of memory (~250 MB of a million answers' ~80 MB of text,
 * measured in Chromium). As code units they are transferred, not copied, between the readers,
 * the import worker and the page, and decoded into one string where first read.
 *
 * `Uint8Array` parts hold only ASCII (a column of ids stays one byte a character, as V8 keeps
 * such strings); a column with any other character is `Uint16Array`, UTF-16 as JavaScript's own.
 */
import type { TextColumn } from './text-column';
import { letGo } from './let-go';

export type Units = Uint8Array | Uint16Array;

/** A text column as it travels between threads: its code units, transferred. */
export interface TextWire {
  ends: Uint32Array;
  units: Units[];
}

let ascii: TextDecoder | null = null;
let utf16: TextDecoder | null = null;

function decodePart(units: Units): string {
  if (units.length === 0) return '';
  // ignoreBOM: a value starting with U+FEFF keeps it (the offsets count it).
  if (units instanceof Uint8Array) return (ascii ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(units);
  return (utf16 ??= new TextDecoder('utf-16le', { ignoreBOM: true })).decode(units);
}

/**
 * Values read one by one before the whole column is decoded (~0.2 µs each, measured in Chromium):
 * the overview shows a dozen comments and their accounts, the follow-up list its thousands of
 * detractors, and decoding a million ids and comments for them took ~70 ms of the page's time and
 * 80 MB. A view that reads more gets the column decoded once.
 */
const SINGLE_READS = 1 << 16;

/**
 * A column over code units, decoded into one string when `text` is first read (the parts are
 * dropped then). Not enumerable, so that a structured clone or a deep equality sees only text
 * and ends: `units`, the parts while they are not decoded, and `valueAt`, a value read from them
 * alone (text-column.ts `textAt`).
 */
export function textOfUnits(parts: readonly Units[], ends: Uint32Array): TextColumn {
  let held: readonly Units[] | null = parts;
  let text = '';
  let reads = 0;
  const column = {
    get text() {
      if (held) {
        text = held.length === 1 ? decodePart(held[0]) : held.map(decodePart).join('');
        held = null;
      }
      return text;
    },
    ends,
  };
  const valueAt = (from: number, to: number): string => {
    if (held && reads++ < SINGLE_READS) {
      for (let p = 0, at = 0; p < held.length; at += held[p++].length) {
        if (to <= at + held[p].length) return from >= at ? decodePart(held[p].subarray(from - at, to - at)) : column.text.slice(from, to);
      }
    }
    return column.text.slice(from, to);
  };
  Object.defineProperties(column, { units: { get: () => held ?? undefined, enumerable: false }, valueAt: { value: valueAt, enumerable: false } });
  return column;
}

/** The parts of a column not yet decoded, else undefined. */
export function unitsOf(column: TextColumn): readonly Units[] | undefined {
  return (column as { units?: readonly Units[] }).units;
}

/** A copy of code units `from`..`to` of the parts, one byte a unit when they all are. */
export function unitsBetween(parts: readonly Units[], from: number, to: number): Units {
  let wide = false;
  for (let p = 0, at = 0; p < parts.length; at += parts[p++].length) {
    if (at < to && at + parts[p].length > from && parts[p] instanceof Uint16Array) wide = true;
  }
  const out = wide ? new Uint16Array(to - from) : new Uint8Array(to - from);
  for (let p = 0, at = 0; p < parts.length && at < to; at += parts[p++].length) {
    const a = Math.max(from, at), b = Math.min(to, at + parts[p].length);
    if (a < b) out.set(parts[p].subarray(a - at, b - at), a - from);
  }
  return out;
}

/** Code unit k of the column's text, read without decoding it (duplicates.ts compares in place). */
export function codeUnitReader(column: TextColumn): (k: number) => number {
  const parts = unitsOf(column);
  if (!parts) {
    const text = column.text;
    return (k) => text.charCodeAt(k);
  }
  if (parts.length === 1) {
    const only = parts[0];
    return (k) => only[k];
  }
  const starts = [0];
  for (const p of parts) starts.push(starts[starts.length - 1] + p.length);
  // Reads come in runs (a value's characters, answers in order): start from the last part read.
  let p = 0;
  return (k) => {
    if (k < starts[p] || k >= starts[p + 1]) {
      p = 0;
      while (k >= starts[p + 1]) p++;
    }
    return parts[p][k - starts[p]];
  };
}

/** The column to post, and the buffers to transfer with it (none for decoded text). */
export function textToWire(column: TextColumn): { wire: TextColumn | TextWire; transfer: ArrayBuffer[] } {
  const parts = unitsOf(column);
  if (!parts) return { wire: column, transfer: [] };
  return { wire: { ends: column.ends, units: [...parts] }, transfer: parts.map((p) => p.buffer as ArrayBuffer) };
}

export function textFromWire(wire: TextColumn | TextWire): TextColumn {
  return 'units' in wire && Array.isArray(wire.units) ? textOfUnits(wire.units, wire.ends) : (wire as TextColumn);
}

/**
 * Builds a column value by value into code units: no string per value is kept, and nothing is
 * joined (the units are the text).
 */
export class TextColumnBuilder {
  private units: Units;
  private at = 0;
  private ends: Uint32Array;
  private length = 0;

  constructor(capacity: number) {
    this.ends = new Uint32Array(Math.max(1, capacity));
    this.units = new Uint8Array(Math.max(16, capacity * 8));
  }

  push(value: string): void {
    if (this.length === this.ends.length) this.ends = grown(this.ends, this.ends.length * 2);
    const n = value.length;
    if (n) {
      if (this.at + n > this.units.length) this.units = grown(this.units, Math.max(this.units.length * 2, this.at + n));
      let u = this.units, k = 0;
      const at = this.at;
      if (u instanceof Uint8Array) {
        for (; k < n; k++) {
          const c = value.charCodeAt(k);
          if (c >= 0x80) break;
          u[at + k] = c;
        }
        if (k < n) u = this.units = grown(u, u.length, Uint16Array);
      }
      for (; k < n; k++) u[at + k] = value.charCodeAt(k);
      this.at += n;
    }
    this.ends[this.length++] = this.at;
  }

  finish(): TextColumn {
    // Trimmed copies: a transfer moves whole buffers, slack included.
    const units = this.units.slice(0, this.at), ends = this.ends.slice(0, this.length);
    letGo(this.units, this.ends);
    this.units = new Uint8Array(16);
    this.ends = new Uint32Array(1);
    this.at = this.length = 0;
    return textOfUnits([units], ends);
  }
}

function grown<T extends Units | Uint32Array>(array: Units | Uint32Array, size: number, As?: new (n: number) => T): T {
  const next = new (As ?? (array.constructor as new (n: number) => T))(size);
  next.set(array);
  // Only the builder held it: a column grown from 1 KB to 30 MB would otherwise leave as much again behind.
  letGo(array);
  return next;
}
