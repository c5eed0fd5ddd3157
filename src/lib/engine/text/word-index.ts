/**
 * Comments as word ids, tokenised once (tiny-segmenter is the slow part: about a minute for
 * 600,000 comments on one core) and then counted for any filter or grouping in one pass over
 * typed arrays. Built in ranges by workers, merged, cached; a dictionary edit re-tokenises only
 * the comments that mention a keyword it added or removed.
 */
import type { TextColumn } from '../text-column';
import { textAt, textIsEmpty } from '../text-column';
import type { Topic } from './dictionary';
import { isEmptyNormalised, normaliseComment, normaliseKeyword } from './normalise';
import { compileKeepWhole, tokenise, type KeepWhole } from './words';

/** Bumped when tokenise changes: cached indexes with another version are rebuilt. */
export const TOKENISER_VERSION = 1;

export interface WordIndex {
  /** Vocabulary: word id → word. */
  words: string[];
  /** Word ids of every answer's comment, concatenated in answer order. */
  tokens: Uint32Array;
  /** tokens of answer i are tokens[i === 0 ? 0 : ends[i-1] .. ends[i]); ends.length = number of answers covered. */
  ends: Uint32Array;
}

const REGEX_SYNTAX = /[.*+?^${}()|[\]\\]/;
const NON_ASCII = /[^\x00-\x7f]/;
const STARTS_ASCII = /^[\x00-\x7f]/;
const PROGRESS_EVERY = 2048;

/**
 * The dictionary keywords tokenise keeps whole: literal (no regex syntax after normaliseKeyword),
 * Japanese (not starting in ASCII), length ≥ 2; normalised, unique, sorted. (A stem ending in
 * kana such as 動かな is only kept where its word ends: see tokenise.)
 */
export function keepWholeWords(topics: readonly Topic[]): string[] {
  const words = new Set<string>();
  for (const topic of topics) {
    for (const keyword of topic.keywords) {
      const k = normaliseKeyword(keyword);
      // English is cut off before the Japanese scan, so a keyword starting in ASCII (cs担当) could never be found.
      if (k.length >= 2 && NON_ASCII.test(k) && !REGEX_SYNTAX.test(k) && !STARTS_ASCII.test(k)) words.add(k);
    }
  }
  return [...words].sort();
}

/** Vocabulary while building: word → id, and the words in id order. */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly words: string[];

  constructor(words: readonly string[] = []) {
    this.words = [...words];
    for (let id = 0; id < this.words.length; id++) this.ids.set(this.words[id], id);
  }

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
}

/** A Uint32Array that grows by doubling. */
class Growing {
  array: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.array = new Uint32Array(Math.max(16, capacity));
  }

  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.array.length) return;
    let size = this.array.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint32Array(size);
    grown.set(this.array.subarray(0, this.length));
    this.array = grown;
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(1);
    this.array[this.length++] = value;
  }

  /** The values, trimmed to their length (a copy only when there is spare room). */
  finish(): Uint32Array {
    return this.length === this.array.length ? this.array : this.array.slice(0, this.length);
  }
}

/** Appends the word ids of answer i's comment. */
function tokeniseInto(comment: TextColumn, i: number, keep: KeepWhole, vocabulary: Vocabulary, out: Growing): void {
  if (textIsEmpty(comment, i)) return;
  const text = normaliseComment(textAt(comment, i));
  if (isEmptyNormalised(text)) return;
  const words = tokenise(text, keep);
  out.reserve(words.length);
  for (const w of words) out.array[out.length++] = vocabulary.id(w);
}

/**
 * Index of answers [from, to) of a comment column. Empty / "nothing to say" comments
 * (isEmptyNormalised after normaliseComment) have no tokens. onProgress(doneAnswers) every few
 * thousand answers.
 */
export function buildWordIndex(comment: TextColumn, from: number, to: number, keep: readonly string[], onProgress?: (done: number) => void): WordIndex {
  if (from < 0 || to > comment.ends.length || from > to) throw new RangeError(`answers ${from}..${to} outside 0..${comment.ends.length}`);
  const matcher = compileKeepWhole(keep);
  const vocabulary = new Vocabulary();
  const count = to - from;
  // About ten words per 40-character comment; the array doubles when that is not enough.
  const tokens = new Growing(count * 8);
  const ends = new Uint32Array(count);
  for (let i = from; i < to; i++) {
    tokeniseInto(comment, i, matcher, vocabulary, tokens);
    ends[i - from] = tokens.length;
    if (onProgress && (i - from + 1) % PROGRESS_EVERY === 0) onProgress(i - from + 1);
  }
  if (onProgress && count % PROGRESS_EVERY !== 0) onProgress(count);
  return { words: vocabulary.words, tokens: tokens.finish(), ends };
}

/** Concatenates indexes of consecutive answer ranges (as built by several workers) into one, with one vocabulary. */
export function mergeWordIndexes(parts: readonly WordIndex[]): WordIndex {
  if (parts.length === 1) return parts[0];
  const vocabulary = new Vocabulary(parts[0]?.words ?? []);
  let tokenCount = 0, answerCount = 0;
  for (const p of parts) {
    tokenCount += p.tokens.length;
    answerCount += p.ends.length;
  }
  const tokens = new Uint32Array(tokenCount);
  const ends = new Uint32Array(answerCount);
  let t = 0, a = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (k === 0) tokens.set(p.tokens, 0); // the first part's ids are the merged ids
    else {
      const remap = new Uint32Array(p.words.length);
      for (let id = 0; id < p.words.length; id++) remap[id] = vocabulary.id(p.words[id]);
      for (let j = 0; j < p.tokens.length; j++) tokens[t + j] = remap[p.tokens[j]];
    }
    for (let j = 0; j < p.ends.length; j++) ends[a + j] = p.ends[j] + t;
    t += p.tokens.length;
    a += p.ends.length;
  }
  return { words: vocabulary.words, tokens, ends };
}

/** Answers whose normalised comment contains any of `changed` (keep words added or removed by a dictionary edit). */
export function answersMentioning(comment: TextColumn, changed: readonly string[]): Uint32Array {
  const words = [...new Set(changed.filter((w) => w.length > 0))];
  const out = new Growing(64);
  if (words.length === 0) return out.finish();
  for (let i = 0; i < comment.ends.length; i++) {
    if (textIsEmpty(comment, i)) continue;
    const text = normaliseComment(textAt(comment, i));
    for (const w of words) {
      if (text.includes(w)) {
        out.push(i);
        break;
      }
    }
  }
  return out.finish();
}

/**
 * The same index with the listed answers tokenised again with `keep` (a dictionary edit
 * re-tokenises only the comments it changes). The index covers answers 0 .. index.ends.length of
 * `comment` (a whole or merged index); `answers` may be in any order and repeat. Words no answer
 * uses any more stay in the vocabulary with a count of 0.
 */
export function retokenise(index: WordIndex, comment: TextColumn, answers: ArrayLike<number>, keep: readonly string[]): WordIndex {
  const n = index.ends.length;
  if (n > comment.ends.length) throw new RangeError(`index covers ${n} answers, the comment column has ${comment.ends.length}`);
  const redo = Uint32Array.from(answers).sort();
  if (redo.length && redo[redo.length - 1] >= n) throw new RangeError(`answer ${redo[redo.length - 1]} outside the index (0..${n})`);
  if (redo.length === 0) return index;
  const matcher = compileKeepWhole(keep);
  const vocabulary = new Vocabulary(index.words);
  const tokens = new Growing(index.tokens.length + 16);
  const ends = new Uint32Array(n);
  let copied = 0; // answers [0, copied) are done
  const copyUpTo = (stop: number) => {
    if (stop <= copied) return;
    const from = copied === 0 ? 0 : index.ends[copied - 1];
    const to = index.ends[stop - 1];
    const shift = tokens.length - from;
    tokens.reserve(to - from);
    tokens.array.set(index.tokens.subarray(from, to), tokens.length);
    tokens.length += to - from;
    for (let i = copied; i < stop; i++) ends[i] = index.ends[i] + shift;
    copied = stop;
  };
  for (let k = 0; k < redo.length; k++) {
    const i = redo[k];
    if (i < copied) continue; // repeated
    copyUpTo(i);
    tokeniseInto(comment, i, matcher, vocabulary, tokens);
    ends[i] = tokens.length;
    copied = i + 1;
  }
  copyUpTo(n);
  return { words: vocabulary.words, tokens: tokens.finish(), ends };
}

/**
 * Token counts per word id over answers with group[i] === g, for g = 1..groups (group 0 = left
 * out). Returns one Int32Array(words.length) per group, index 0 ↔ group 1. One pass over the tokens.
 */
export function countWordsByGroup(index: WordIndex, group: Uint8Array, groups: number): Int32Array[] {
  const size = index.words.length;
  const out = Array.from({ length: groups }, () => new Int32Array(size));
  const { tokens, ends } = index;
  const n = Math.min(ends.length, group.length);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = ends[i];
    const g = group[i];
    if (g !== 0 && g <= groups && end > start) {
      const counts = out[g - 1];
      for (let k = start; k < end; k++) counts[tokens[k]]++;
    }
    start = end;
  }
  return out;
}

/** Counts as a Map word → count (only words counted > 0), for keyness.ts keyWords. */
export function countsToMap(index: WordIndex, counts: Int32Array): Map<string, number> {
  const map = new Map<string, number>();
  for (let id = 0; id < counts.length; id++) if (counts[id] > 0) map.set(index.words[id], counts[id]);
  return map;
}

/** The `limit` most frequent words, ties by word (localeCompare), as topWords does. */
export function topWordsOf(index: WordIndex, counts: Int32Array, limit: number): Array<{ word: string; count: number }> {
  if (limit <= 0) return [];
  let ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id] > 0) ids.push(id);
  if (ids.length > limit) {
    // Only words counted at least as often as the limit-th word can make the list: sort those
    // (localeCompare is slow over a vocabulary of a hundred thousand words).
    const sorted = Int32Array.from(ids, (id) => counts[id]).sort();
    const threshold = sorted[sorted.length - limit];
    ids = ids.filter((id) => counts[id] >= threshold);
  }
  const { words } = index;
  ids.sort((a, b) => counts[b] - counts[a] || words[a].localeCompare(words[b]));
  return ids.slice(0, limit).map((id) => ({ word: words[id], count: counts[id] }));
}
