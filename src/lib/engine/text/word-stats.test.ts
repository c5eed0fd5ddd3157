import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { isoToDay } from '../days';
import { periodIndexOf } from '../periods';
import { keyWords } from './keyness';
import { normaliseComment } from './normalise';
import { buildWordIndex } from './word-index';
import { periodWords, wordStatsOf } from './word-stats';
import { benjaminiHochberg } from '../many-tests';
import { chiSquareP } from '../significance';
import { tokenise, wordCounts } from './words';

// Detractors complain about price and support, promoters praise the dashboard; Q1 and Q2 differ.
const rows = [
  ...Array.from({ length: 6 }, (_, k) => ({ score: 2, day: isoToDay('2024-02-10'), comment: k % 2 ? '料金が高い。サポートが遅い' : 'price is too high' })),
  ...Array.from({ length: 6 }, () => ({ score: 10, day: isoToDay('2024-05-10'), comment: 'ダッシュボードが便利。dashboard is great' })),
  ...Array.from({ length: 3 }, () => ({ score: 8, day: isoToDay('2024-05-20'), comment: 'price ok, dashboard ok' })),
];
const table = tableFromRows(rows);
const index = buildWordIndex(table.comment, 0, table.length, []);

describe('wordStatsOf', () => {
  it('counts every kept answer\'s words, as wordCounts does over the text', () => {
    const stats = wordStatsOf(index, table);
    const expected = wordCounts(table);
    for (const { word, count } of stats.frequent) expect(count).toBe(expected.get(word));
    expect(stats.frequent[0]).toEqual({ word: 'dashboard', count: 9 });
  });

  it('ranks detractors\' and promoters\' words as keyWords on separately counted groups', () => {
    const stats = wordStatsOf(index, table);
    const reference = keyWords(wordCounts(table, undefined, (i) => table.score[i] <= 6), wordCounts(table, undefined, (i) => table.score[i] >= 9));
    expect(stats.detractorWords.map((w) => w.word)).toEqual(reference.filter((w) => w.z > 0).slice(0, 15).map((w) => w.word));
    expect(stats.detractorWords[0].count1).toBeGreaterThan(0);
    expect(stats.promoterWords.map((w) => w.word)).toContain('dashboard');
    const dashboard = stats.promoterWords.find((w) => w.word === 'dashboard')!;
    expect([dashboard.count1, dashboard.count2]).toEqual([0, 6]);
    expect(dashboard.z).toBeLessThan(0);
  });

  it('honours the filter', () => {
    const onlyPassives = Uint8Array.from(rows.map((r) => (r.score === 8 ? 1 : 0)));
    const stats = wordStatsOf(index, table, onlyPassives);
    expect(stats.frequent).toEqual([{ word: 'dashboard', count: 3 }, { word: 'ok', count: 6 }, { word: 'price', count: 3 }].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)));
    expect(stats.detractorWords).toEqual([]);
  });
});

describe('periodWords', () => {
  it('compares a quarter\'s words with the previous quarter\'s', () => {
    const options = { kind: 'quarter' as const };
    const q2 = periodIndexOf(isoToDay('2024-05-10'), options);
    const result = periodWords(index, table, options, q2, q2 - 1);
    const tokensOf = (pick: (i: number) => boolean) => rows.reduce((sum, r, i) => sum + (pick(i) ? tokenise(normaliseComment(r.comment)).length : 0), 0);
    expect(result.tokens).toEqual([tokensOf((i) => i >= 6), tokensOf((i) => i < 6)]);
    expect([...result.rising, ...result.falling].every((w) => w.g2 >= 3.841)).toBe(true);
    // The same ranking from the two quarters counted separately over the text; a change is a word
    // used 10 times or more in the two quarters whose Benjamini–Hochberg q (over all such words,
    // p from G² on 1 df) is below 0.05.
    const ranked = keyWords(wordCounts(table, undefined, (i) => i >= 6), wordCounts(table, undefined, (i) => i < 6));
    const tested = ranked.filter((w) => w.count1 + w.count2 >= 10);
    const qs = benjaminiHochberg(tested.map((w) => chiSquareP(w.g2, 1)));
    const real = tested.filter((_, i) => qs[i] < 0.05);
    expect(result.rising.map((w) => w.word)).toEqual(real.filter((w) => w.z > 0).slice(0, 15).map((w) => w.word));
    expect(result.falling.map((w) => w.word)).toEqual(real.filter((w) => w.z < 0).reverse().slice(0, 15).map((w) => w.word));
    // Every word here is used fewer than 10 times: G² ≥ 3.84 alone would have called several
    // words changes ('dashboard' 9 vs 0); none is.
    expect(ranked.filter((w) => w.g2 >= 3.841).length).toBeGreaterThan(1);
    expect([...result.rising, ...result.falling]).toEqual([]);
    // Six more praises of the dashboard in Q2: 15 against 0 is a change.
    const more = tableFromRows([...rows, ...Array.from({ length: 6 }, () => ({ score: 10, day: isoToDay('2024-06-01'), comment: 'dashboard is great' }))]);
    const moreResult = periodWords(buildWordIndex(more.comment, 0, more.length, []), more, options, q2, q2 - 1);
    expect(moreResult.rising.map((w) => w.word)).toContain('dashboard');
    expect(moreResult.rising.every((w) => w.count1 + w.count2 >= 10)).toBe(true);
    // 'price': three times in each quarter — a smaller share of a larger Q2, but not significantly.
    expect(ranked.find((w) => w.word === 'price')).toMatchObject({ count1: 3, count2: 3 });
    expect(result.falling.map((w) => w.word)).not.toContain('price');
  });
});
