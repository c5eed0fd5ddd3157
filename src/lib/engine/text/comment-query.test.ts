import { describe, expect, it, vi } from 'vitest';
import { tableFromRows } from '../answers';
import { isoToDay } from '../days';
import { packText } from '../text-column';
import { FoldedComments, queryComments, type CommentQuery } from './comment-query';
import type { TopicTags } from './tag';

// Eight answers; segment 0 is the plan: code 1 Pro, code 2 Basic. Answers 5 (blank) and 6
// (特になし) have no written comment; answer 4 has no date.
const table = tableFromRows([
  { score: 10, day: isoToDay('2024-01-05'), comment: 'サポートがとても丁寧でした', segments: [1] },
  { score: 3, day: isoToDay('2024-01-20'), comment: 'ｻﾎﾟｰﾄの返信が遅い', segments: [2] },
  { score: 8, day: isoToDay('2024-02-03'), comment: 'The price is fair, a great article', segments: [1] },
  { score: 6, day: isoToDay('2024-02-15'), comment: 'Start was slow; the PRICE went up', segments: [2] },
  { score: 9, comment: 'Support team was great', segments: [1] },
  { score: 0, day: isoToDay('2024-03-01'), comment: '', segments: [2] },
  { score: 2, day: isoToDay('2024-03-10'), comment: '特になし', segments: [1] },
  { score: 7, day: isoToDay('2024-03-20'), comment: 'サーバーが重い。サポートは普通', segments: [2] },
], 1);
// Tagged by hand: bit 0 "support" (answers 0, 1, 4, 7), bit 1 "price" (answers 2, 3).
const tags: TopicTags = {
  topicIds: ['support', 'price'],
  mask: Uint8Array.from([1, 1, 2, 2, 1, 0, 0, 1]),
  polarity: Int8Array.from([/* support */ 1, -1, 0, 0, 1, 0, 0, 0, /* price */ 0, 0, 1, -1, 0, 0, 0, 0]),
  written: Uint8Array.from([1, 1, 1, 1, 1, 0, 0, 1]),
  length: 8,
  commented: 6,
  emptyComments: 1,
  totals: [],
};
const found = (query: CommentQuery, include?: Uint8Array) => queryComments(table, tags, query, { include }).answers;

describe('queryComments', () => {
  it('lists every written comment, newest (last in the table) first, and counts them', () => {
    expect(queryComments(table, tags, {})).toEqual({ answers: [7, 4, 3, 2, 1, 0], total: 6, more: 0 });
  });

  it('finds Japanese as a substring, folded as tagging folds (ｻﾎﾟｰﾄ is サポート, サーバー is サーバ)', () => {
    expect(found({ search: 'サポート' })).toEqual([7, 1, 0]);
    expect(found({ search: 'ｻﾎﾟｰﾄ' })).toEqual([7, 1, 0]);
    expect(found({ search: 'ポート' })).toEqual([7, 1, 0]);
    expect(found({ search: 'サーバー' })).toEqual([7]);
    expect(found({ search: 'ｻｰﾊﾞ' })).toEqual([7]);
    expect(found({ search: '丁寧' })).toEqual([0]);
  });

  it('finds English at the start of a word, in any case', () => {
    // "art" starts "article" (answer 2), not "Start" (answer 3).
    expect(found({ search: 'art' })).toEqual([2]);
    expect(found({ search: 'price' })).toEqual([3, 2]);
    expect(found({ search: 'ＰＲＩＣＥ' })).toEqual([3, 2]);
    expect(found({ search: 'support' })).toEqual([4]);
    expect(found({ search: 'great' })).toEqual([4, 2]);
    expect(found({ search: 'rice' })).toEqual([]);
  });

  it('treats a blank search as none', () => {
    expect(found({ search: '  ' })).toEqual([7, 4, 3, 2, 1, 0]);
  });

  it('filters by topic, and by the polarity of its mention', () => {
    expect(found({ topic: 'support' })).toEqual([7, 4, 1, 0]);
    expect(found({ topic: 'support', polarity: 1 })).toEqual([4, 0]);
    expect(found({ topic: 'support', polarity: -1 })).toEqual([1]);
    expect(found({ topic: 'price', polarity: -1 })).toEqual([3]);
  });

  it('ignores a polarity without a topic, and a topic the tags do not know', () => {
    expect(found({ polarity: -1 })).toEqual([7, 4, 3, 2, 1, 0]);
    expect(found({ topic: 'onboarding', polarity: 1 })).toEqual([7, 4, 3, 2, 1, 0]);
  });

  it('filters by category of the answer (0–6, 7–8, 9–10)', () => {
    expect(found({ category: 'detractor' })).toEqual([3, 1]);
    expect(found({ category: 'passive' })).toEqual([7, 2]);
    expect(found({ category: 'promoter' })).toEqual([4, 0]);
  });

  it('filters by period (inclusive days); an answer without a date is in none', () => {
    expect(found({ period: { from: '2024-01-01', to: '2024-01-31' } })).toEqual([1, 0]);
    expect(found({ period: { from: '2024-02-03', to: '2024-02-15' } })).toEqual([3, 2]);
    expect(found({ period: { from: '2024-01-06', to: '2024-02-14' } })).toEqual([2, 1]);
    expect(found({ period: { from: '1970-01-01', to: '2099-12-31' } })).toEqual([7, 3, 2, 1, 0]);
  });

  it('filters by one value of a segment column', () => {
    expect(found({ segment: { column: 0, code: 2 } })).toEqual([7, 3, 1]);
    expect(found({ segment: { column: 0, code: 1 } })).toEqual([4, 2, 0]);
  });

  it("keeps only the answers the view's filter keeps", () => {
    expect(found({}, Uint8Array.from([1, 0, 1, 1, 0, 1, 1, 1]))).toEqual([7, 3, 2, 0]);
  });

  it('combines the filters: every one must hold', () => {
    expect(found({ search: 'ｻﾎﾟｰﾄ', topic: 'support', category: 'detractor' })).toEqual([1]);
    expect(found({ search: 'サポート', topic: 'support', polarity: 1 })).toEqual([0]);
    expect(found({ search: 'price', segment: { column: 0, code: 2 } })).toEqual([3]);
    expect(found({ search: 'price', segment: { column: 0, code: 2 } }, Uint8Array.from([1, 1, 1, 0, 1, 1, 1, 1]))).toEqual([]);
    expect(found({ topic: 'support', period: { from: '2024-01-01', to: '2024-03-31' }, segment: { column: 0, code: 1 } })).toEqual([0]);
  });

  it('lists at most `limit` answers but counts every match', () => {
    expect(queryComments(table, tags, {}, { limit: 2 })).toEqual({ answers: [7, 4], total: 6, more: 4 });
    expect(queryComments(table, tags, { search: 'サポート' }, { limit: 1 })).toEqual({ answers: [7], total: 3, more: 2 });
  });
});

describe('FoldedComments', () => {
  it('folds a comment only when the other filters have let it through', () => {
    const folded = new FoldedComments(table);
    const at = vi.spyOn(folded, 'at');
    queryComments(table, tags, { search: 'price', topic: 'price' }, { folded });
    expect(at.mock.calls.map(([i]) => i)).toEqual([3, 2]);
    expect(folded.at(0)).toBe('サポートがとても丁寧でした');
    expect(folded.at(1)).toBe('サポートの返信が遅い');
  });

  it('keeps what it folded for the next search of the same table', () => {
    const copy = { ...table };
    const folded = new FoldedComments(copy);
    // Answers 4 and 0 are the promoters: only they are folded.
    expect(queryComments(copy, tags, { search: '丁寧', category: 'promoter' }, { folded }).answers).toEqual([0]);
    // The comments change under the cache: answer 0's kept folding still answers (it is reused),
    // answer 7 is folded now, from its new text…
    copy.comment = packText(['', '', '', '', '', '', '', '丁寧']);
    expect(queryComments(copy, tags, { search: '丁寧' }, { folded }).answers).toEqual([7, 0]);
    // …and a cache made for another table is not used.
    expect(queryComments(copy, tags, { search: '丁寧' }, { folded: new FoldedComments(table) }).answers).toEqual([7]);
  });
});
