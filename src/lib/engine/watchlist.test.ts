import { describe, expect, it } from 'vitest';
import { tableFromRows, type AnswerRow } from './answers';
import { assignWaves } from './transitions';
import { watchList } from './watchlist';

/** Rows from per-customer score series over waves A, B, C (null = did not answer that wave). */
function rowsOf(series: Record<number, Array<number | null>>): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const [customer, scores] of Object.entries(series)) {
    scores.forEach((score, w) => {
      if (score !== null) rows.push({ customer: Number(customer), wave: 'ABC'[w], day: 100 * (w + 1), score });
    });
  }
  return rows;
}

function listOf(series: Record<number, Array<number | null>>) {
  const table = tableFromRows(rowsOf(series));
  return watchList(table, assignWaves(table));
}

describe('falling-passive: still passive after a fall of ≥ 2 points over the latest answers', () => {
  const list = listOf({
    1: [10, 8, 7], // 8 → 7 after 10: fell 3 and still passive
    2: [8, 8, 7], //  fell 1 only
    3: [10, 7, 8], // fell, then rose: recovering, not falling
    4: [5, 8, 7], //  fell 1 from the last high point (the earlier 5 is before a rise)
    5: [8, 6, 7], //  8 then 7 overall, but the last step (6 → 7) is a rise
  });
  it('lists the customer who fell 3 points with drop 3 and nobody else', () => {
    expect(list.map((x) => [x.customer, x.reason, x.lastScore, x.drop])).toEqual([[1, 'falling-passive', 7, 3]]);
  });
  it('gives the history in wave order', () => {
    expect(list[0].history).toEqual([{ wave: 'A', score: 10 }, { wave: 'B', score: 8 }, { wave: 'C', score: 7 }]);
  });
});

describe('promoter-to-passive: a promoter in the previous answered wave, passive in the last', () => {
  const list = listOf({
    5: [null, 9, 8], // promoter → passive
    6: [10, 9, 9], //   still promoter
    7: [9, null, 8], // the last two waves they answered, with a gap between
    8: [8, 9, 7], //    9 → 7: promoter to passive, drop 2 (both rules apply: the specific one wins)
    9: [9, 6, 8], //    passive now, but the previous answer was a detractor
  });
  it('lists 8, 5 and 7 with their drops, bigger drop first', () => {
    expect(list.map((x) => [x.customer, x.reason, x.drop])).toEqual([
      [8, 'promoter-to-passive', 2],
      [5, 'promoter-to-passive', 1],
      [7, 'promoter-to-passive', 1],
    ]);
    expect(list.find((x) => x.customer === 7)!.history).toEqual([{ wave: 'A', score: 9 }, { wave: 'C', score: 8 }]);
  });
});

describe('silent-after-detractor: last answer a detractor, no answer in the latest wave', () => {
  const list = listOf({
    10: [5, null, null], // silent for 2 waves
    11: [8, 3, null], //    silent for 1 wave, fell 5
    12: [9, 9, 4], //       a detractor, but answered the latest wave
    13: [3, 9, null], //    silent, but the last answer was a promoter
    14: [2, 2, null], //    silent 1 wave, no drop
  });
  it('lists 11, 14 and 10 with how long they have been silent, the most recently silent first', () => {
    expect(list.map((x) => [x.customer, x.reason, x.silentWaves, x.drop])).toEqual([
      [11, 'silent-after-detractor', 1, 5],
      [14, 'silent-after-detractor', 1, 0],
      [10, 'silent-after-detractor', 2, 0],
    ]);
  });
});

describe('ranking: the actionable first — promoters fallen to passive, falling passives, then the most recently silent', () => {
  it('orders a mixed list', () => {
    const list = listOf({
      1: [10, 8, 7], // falling-passive, drop 3
      5: [null, 9, 8], // promoter-to-passive, drop 1
      10: [5, null, null], // silent 2
      11: [8, 3, null], // silent 1, drop 5
      20: [10, 10, 8], // promoter-to-passive, drop 2
    });
    expect(list.map((x) => x.customer)).toEqual([20, 5, 1, 11, 10]);
  });
  it('ignores answers without a known customer (code 0)', () => {
    const table = tableFromRows([
      { customer: 0, wave: 'A', day: 1, score: 3 },
      { customer: 0, wave: 'B', day: 2, score: 10 },
      { customer: 0, wave: 'C', day: 3, score: 10 },
    ]);
    expect(watchList(table, assignWaves(table))).toEqual([]);
  });
  it("with rule 'mean' a wave's answers are averaged (9 and 7 → 8: promoter to passive)", () => {
    const table = tableFromRows([
      { customer: 1, wave: 'A', day: 1, score: 10 },
      { customer: 1, wave: 'B', day: 2, score: 7 },
      { customer: 1, wave: 'B', day: 3, score: 9 },
    ]);
    const waves = assignWaves(table);
    expect(watchList(table, waves)).toEqual([]); // latest: 10 → 9, still a promoter
    const mean = watchList(table, waves, 'mean');
    expect(mean.map((x) => [x.reason, x.lastScore, x.drop])).toEqual([['promoter-to-passive', 8, 2]]);
  });
});
