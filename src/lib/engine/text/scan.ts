/**
 * Fast matching of many small regex fragments at once: a character trie of their literal
 * beginnings, walked at each position of the text.
 *
 * One regex alternation of ~300 lexicon entries costs ~6 µs per short clause in V8 (at every
 * position every alternative is tried), and one sticky regex call costs ~80 ns however small.
 * Most entries are finite sets of words (遅(い|く|かっ), features?): those are expanded into the
 * trie and matched with no regex at all. The others (lookarounds, open classes) put the literal
 * text they must start with in the trie and are confirmed by their own sticky regex, so
 * lookbehinds still see the whole text. Entries are reported with their index: callers keep the
 * regex rule "first entry in list order wins" where they need it.
 */
import { expand, prefixes } from './scan-parse';

export { expand, prefixes } from './scan-parse';

export interface ScanEntry {
  /** The full regex source (used when the entry cannot be expanded into words). */
  source: string;
  /** The pattern without word-boundary wrapping, when `word` is set. */
  body?: string;
  /** An English word: must not continue with [a-z0-9_] (it starts at a word start, see below). */
  word?: boolean;
}

/** What the trie holds at a node: an entry that matches here (`length`) or must be confirmed. */
interface Terminal {
  entry: number;
  /** Characters matched, or −1: run `verify` at the start position. */
  length: number;
  verify: RegExp | null;
  word: boolean;
}

interface Node {
  next: Map<number, Node> | null;
  ends: Terminal[] | null;
}

export const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;

/**
 * Whether a scan can skip position i without calling matchAt: nothing starts with that
 * character, or it is inside an English word (entries in Latin letters are whole words).
 */
export function skippable(index: TrieIndex, text: string, i: number): boolean {
  if (index.startsAnywhere) return false;
  const code = text.charCodeAt(i);
  const slot = index.rootSlot[code];
  if (slot === 0 || (isWordCode(code) && i > 0 && isWordCode(text.charCodeAt(i - 1)))) return true;
  // No entry of one character starts here, and no entry starts with these two (hashed: a rare
  // false "maybe" only costs a matchAt call).
  return index.rootEnds[slot] === 0 && index.pairs[pairHash(code, text.charCodeAt(i + 1) | 0)] === 0;
}

const pairHash = (a: number, b: number) => (a * 31 + b) & 0xffff;

export class TrieIndex {
  /**
   * Root children by char code, 0 = none. Public so that scanning loops skip, without a call,
   * the positions where nothing starts (most of them): the call itself was most of the time.
   */
  readonly rootSlot = new Uint16Array(65536);
  /** Per root slot: 1 when an entry (or a prefix to confirm) is that one character alone. */
  rootEnds = new Uint8Array(64);
  /** Hashed first two characters of every entry longer than one: 1 = some entry may start so. */
  readonly pairs = new Uint8Array(65536);
  private readonly roots: Node[] = [{ next: null, ends: null }];
  /** Entries that could start with any character: confirmed by regex at every position. */
  private readonly anywhere: Terminal[] = [];
  /** True when some entry may start at any character (then no position can be skipped). */
  readonly startsAnywhere: boolean;

  constructor(entries: readonly ScanEntry[]) {
    entries.forEach((e, n) => {
      if (e.source === '(?!)') return; // never matches (an empty keyword)
      const words = expand(e.body ?? e.source);
      if (words && !words.has('')) {
        for (const w of words) this.add(w, { entry: n, length: w.length, verify: null, word: !!e.word });
        return;
      }
      const verify = new RegExp(e.source, 'y');
      const starts = prefixes(e.source, 4);
      if (!starts) this.anywhere.push({ entry: n, length: -1, verify, word: false });
      else for (const p of starts) this.add(p, { entry: n, length: -1, verify, word: false });
    });
    this.startsAnywhere = this.anywhere.length > 0;
  }

  private add(path: string, end: Terminal): void {
    const first = path.charCodeAt(0);
    let slot = this.rootSlot[first];
    if (!slot) {
      slot = this.roots.length;
      this.roots.push({ next: null, ends: null });
      this.rootSlot[first] = slot;
      if (slot >= this.rootEnds.length) {
        const grown = new Uint8Array(this.rootEnds.length * 2);
        grown.set(this.rootEnds);
        this.rootEnds = grown;
      }
    }
    if (path.length === 1) this.rootEnds[slot] = 1;
    else this.pairs[pairHash(first, path.charCodeAt(1))] = 1;
    let node = this.roots[slot];
    for (let i = 1; i < path.length; i++) {
      const c = path.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: null, ends: null }));
      node = child;
    }
    (node.ends ??= []).push(end);
  }

  /**
   * The entries matching `text` at position `i`, into `entry` / `end` (end = index after the
   * match); returns how many. An entry may appear twice with different ends (features?).
   * Positions inside an English word are skipped: entries written in Latin letters are words.
   */
  matchAt(text: string, i: number, entry: Int32Array, end: Int32Array): number {
    const code = text.charCodeAt(i);
    if (isWordCode(code) && i > 0 && isWordCode(text.charCodeAt(i - 1))) return 0;
    let n = 0;
    if (this.startsAnywhere) for (let k = 0; k < this.anywhere.length; k++) n = confirm(this.anywhere[k], text, i, entry, end, n);
    const slot = this.rootSlot[code];
    if (!slot) return n;
    let node: Node | undefined = this.roots[slot];
    for (let at = i + 1; node !== undefined; at++) {
      const ends = node.ends;
      if (ends !== null) for (let k = 0; k < ends.length; k++) n = confirm(ends[k], text, i, entry, end, n);
      if (node.next === null || at >= text.length) break;
      node = node.next.get(text.charCodeAt(at));
    }
    return n;
  }
}

/** Reports terminal `t` at `i` into the output when it really matches there. */
function confirm(t: Terminal, text: string, i: number, entry: Int32Array, end: Int32Array, n: number): number {
  if (n >= entry.length) return n;
  let e: number;
  if (t.verify !== null) {
    t.verify.lastIndex = i;
    // A sticky test leaves lastIndex at the match's end: no match array is allocated.
    if (!t.verify.test(text) || t.verify.lastIndex === i) return n;
    e = t.verify.lastIndex;
  } else {
    e = i + t.length;
    if (t.word && e < text.length && isWordCode(text.charCodeAt(e))) return n;
  }
  entry[n] = t.entry;
  end[n] = e;
  return n + 1;
}

/** Scratch for matchAt: at most this many entries are reported at one position. */
export const MAX_AT_ONE_POSITION = 64;
