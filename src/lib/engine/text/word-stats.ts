/**
 * Word frequency and keyness of the answers a view keeps, read from a word index made once
 * (word-index.ts): every figure here is a counting pass over word ids, no text, so a filter
 * change recounts in milliseconds instead of segmenting the comments again.
 */
import type { AnswerTable } from '../answers';
import { NO_DAY } from '../answers';
import { periodRange, periodSlots, type PeriodOptions } from '../periods';
import { keyWords, type KeyWord } from './keyness';
import { categoryIndex } from '../nps';
import { ALPHA, benjaminiHochberg } from '../many-tests';
import { chiSquareP } from '../significance';
import { countsToMap, countWordsByGroup, topWordsOf, type WordIndex } from './word-index';

export interface WordStats {
  frequent: Array<{ word: string; count: number }>;
  /** Words detractors use more than promoters, most distinctive first (count1 = detractors, count2 = promoters). */
  detractorWords: KeyWord[];
  /** Words promoters use more, most distinctive first (still count1 = detractors, z < 0). */
  promoterWords: KeyWord[];
}

/**
 * The `limit` words most typical of group 1 (z > 0) and of group 2 (z < 0), each most
 * distinctive first; count1 is always group 1's count.
 */
export function distinctive(index: WordIndex, counts1: Int32Array, counts2: Int32Array, limit: number): { more: KeyWord[]; less: KeyWord[] } {
  const ranked = keyWords(countsToMap(index, counts1), countsToMap(index, counts2));
  return { more: ranked.filter((w) => w.z > 0).slice(0, limit), less: ranked.filter((w) => w.z < 0).reverse().slice(0, limit) };
}

/** Frequent words of the kept answers, and the words that set detractors apart from promoters. */
export function wordStatsOf(index: WordIndex, table: AnswerTable, include?: Uint8Array, limit = 15): WordStats {
  // Groups 1, 2, 3: the categories in their order (0 is "not counted").
  const group = new Uint8Array(Math.min(table.length, index.ends.length));
  for (let i = 0; i < group.length; i++) {
    if (include && !include[i]) continue;
    group[i] = 1 + categoryIndex(table.score[i]);
  }
  const [detractors, passives, promoters] = countWordsByGroup(index, group, 3);
  const all = new Int32Array(detractors.length);
  for (let w = 0; w < all.length; w++) all[w] = detractors[w] + promoters[w] + passives[w];
  const { more, less } = distinctive(index, detractors, promoters, limit);
  return { frequent: topWordsOf(index, all, 40), detractorWords: more, promoterWords: less };
}

export interface PeriodWords {
  /** Words used more in the period than in the one before (count1 = this period, count2 = the one before). */
  rising: KeyWord[];
  /** Words used less than before (same counts, z < 0). */
  falling: KeyWord[];
  /** Tokens in each period: the sizes the comparison rests on. */
  tokens: [number, number];
}

/** G² of a 2×2 table above this is p < 0.05 (χ² with one degree of freedom). */
export const G2_CRITICAL_05 = 3.841;

/**
 * This period's comments against the previous period's: the words that came up and the ones that
 * faded. `period` and `previous` are period indexes (periods.ts periodIndexOf) under `options`.
 * Only words whose change is significant (G² ≥ 3.841, p < 0.05) are listed: a month holds few
 * comments, and a list of chance differences would be read as news.
 */
/** A word used fewer times than this in two periods together is not called a change. */
export const MIN_CHANGE_COUNT = 10;

export function periodWords(index: WordIndex, table: AnswerTable, options: PeriodOptions, period: number, previous: number, include?: Uint8Array, limit = 15): PeriodWords {
  const group = new Uint8Array(Math.min(table.length, index.ends.length));
  // Period of a day through a lookup over the two periods' days: no calendar arithmetic per answer.
  const from = Math.min(periodRange(period, options).from, periodRange(previous, options).from);
  const to = Math.max(periodRange(period, options).to, periodRange(previous, options).to);
  const { first, slot } = periodSlots(from, to, options);
  for (let i = 0; i < group.length; i++) {
    const d = table.day[i];
    if ((include && !include[i]) || d === NO_DAY || d < from || d > to) continue;
    const p = first + slot(d);
    group[i] = p === period ? 1 : p === previous ? 2 : 0;
  }
  const [now, before] = countWordsByGroup(index, group, 2);
  const total = (c: Int32Array) => c.reduce((a, b) => a + b, 0);
  const { more, less } = distinctive(index, now, before, Infinity);
  // Every word with enough uses is a test; all of them one family (docs/methods.md §12): with
  // hundreds of words, some pass G² ≥ 3.84 by chance. A word used fewer than
  // MIN_CHANGE_COUNT times in the two periods together is no change worth a word (3 vs 0).
  const tested = [...more, ...less].filter((w) => w.count1 + w.count2 >= MIN_CHANGE_COUNT);
  const qs = benjaminiHochberg(tested.map((w) => chiSquareP(w.g2, 1)));
  const real = new Set(tested.filter((_, i) => qs[i] < ALPHA).map((w) => w.word));
  const significant = (list: KeyWord[]) => list.filter((w) => real.has(w.word) && w.g2 >= G2_CRITICAL_05).slice(0, limit);
  return { rising: significant(more), falling: significant(less), tokens: [total(now), total(before)] };
}
