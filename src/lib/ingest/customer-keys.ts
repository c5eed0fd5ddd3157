/**
 * Customer codes while an import reads: 1, 2, 3… in order of first appearance, keyed by the
 * identity's UTF-8 bytes in a hash table over typed arrays. A `Map` of strings cost ~0.5 s at a
 * million unique ids (a string made and hashed per row, a cache miss per lookup in a table of
 * objects); here a plain id is looked up straight from the file's bytes, and only ids the scanner
 * cannot take as they stand (quoted, with non-ASCII characters or spaces around them, short
 * enough to be a placeholder) are decoded and encoded again. Both give the same key: the bytes of
 * the identity as engine/customers.ts `identityCell` makes it.
 *
 * The keys travel between workers as two typed arrays (`PackedCustomerKeys`), not as strings.
 */
import { PLACEHOLDER_MAX_LENGTH } from '../engine/customers';

/** Every key's bytes one after another, and where each ends; code k's key is `ends[k-1]..ends[k]`. */
export interface PackedCustomerKeys {
  bytes: Uint8Array;
  /** `ends[0]` is 0 (code 0 is nobody and has no key); `ends.length − 1` keys. */
  ends: Uint32Array;
}

const encoder = new TextEncoder();

export class CustomerKeys {
  /** Codes by slot (0: empty), open addressing with linear probing. */
  private slots = new Int32Array(1 << 12);
  /** Per code: its key's hash and where its key ends in `arena`. */
  private hashes = new Uint32Array(1 << 11);
  private ends = new Uint32Array(1 << 11);
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  /** Codes given so far (the next is `count + 1`). */
  count = 0;
  private scratch = new Uint8Array(256);

  /** The code of the key `bytes[from..to)`, given now if it is new. */
  codeOf(bytes: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    h >>>= 0;
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const code = this.slots[s];
      if (code === 0) return this.add(bytes, from, to, h, s);
      if (this.hashes[code] === h && this.sameKey(code, bytes, from, to)) return code;
    }
  }

  /** The code of an identity already made a string (engine/customers.ts `identityCell`). */
  codeOfText(identity: string): number {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (identity.length * 3 > this.scratch.length) this.scratch = new Uint8Array(identity.length * 3);
    const { written } = encoder.encodeInto(identity, this.scratch);
    return this.codeOf(this.scratch, 0, written);
  }

  /** The keys, to send to another worker or to rebuild a table from (`fromPacked`). */
  packed(): PackedCustomerKeys {
    const ends = new Uint32Array(this.count + 1);
    ends.set(this.ends.subarray(1, this.count + 1), 1);
    return { bytes: this.arena.slice(0, this.used), ends };
  }

  static fromPacked(keys: PackedCustomerKeys): CustomerKeys {
    const table = new CustomerKeys();
    for (let k = 1; k < keys.ends.length; k++) table.codeOf(keys.bytes, keys.ends[k - 1], keys.ends[k]);
    return table;
  }

  private sameKey(code: number, bytes: Uint8Array, from: number, to: number): boolean {
    const start = this.ends[code - 1], end = this.ends[code];
    if (end - start !== to - from) return false;
    const arena = this.arena;
    for (let i = 0; i < to - from; i++) if (arena[start + i] !== bytes[from + i]) return false;
    return true;
  }

  private add(bytes: Uint8Array, from: number, to: number, hash: number, slot: number): number {
    const code = ++this.count;
    if (code >= this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.ends = grown(this.ends, this.ends.length * 2);
    }
    const length = to - from;
    if (this.used + length > this.arena.length) this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.used + length));
    this.arena.set(bytes.subarray(from, to), this.used);
    this.used += length;
    this.ends[code] = this.used;
    this.hashes[code] = hash;
    this.slots[slot] = code;
    // At most half full: probes stay short.
    if (code * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return code;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size), mask = size - 1;
    for (let code = 1; code <= this.count; code++) {
      let s = this.hashes[code] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = code;
    }
    this.slots = slots;
  }
}

function grown<T extends Uint8Array | Uint32Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/**
 * The code of an identity cell read straight from the file's bytes when its bytes are the
 * identity as `identityCell` would make it: unquoted, ASCII only, longer than any placeholder
 * once the spaces around it are left out. −1 when the cell must be decoded first.
 */
export function plainIdentityCode(keys: CustomerKeys, bytes: Uint8Array, from: number, to: number): number {
  // ASCII white space is what String.prototype.trim removes of an ASCII string.
  while (from < to && (bytes[from] === 32 || (bytes[from] >= 9 && bytes[from] <= 13))) from++;
  while (to > from && (bytes[to - 1] === 32 || (bytes[to - 1] >= 9 && bytes[to - 1] <= 13))) to--;
  if (to - from <= PLACEHOLDER_MAX_LENGTH) return -1;
  for (let i = from; i < to; i++) if (bytes[i] >= 0x80) return -1;
  return keys.codeOf(bytes, from, to);
}
