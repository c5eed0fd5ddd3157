import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { isoToDay } from '../days';
import { commentPeriodOptions, commentTopicsView, SEGMENT_ROWS } from './comment-topics';
import type { TopicTags } from './tag';
import { fixFirst } from './fix-first';

// Six answers; segment 0 is the plan (code 1 Pro, code 2 Basic). Answer 3 has no comment, answer
// 5 no date; nobody answered in March.
const table = tableFromRows([
  { score: 10, day: isoToDay('2024-01-10'), comment: 'a', segments: [1] },
  { score: 3, day: isoToDay('2024-01-20'), comment: 'b', segments: [2] },
  { score: 2, day: isoToDay('2024-02-05'), comment: 'c', segments: [2] },
  { score: 8, day: isoToDay('2024-02-06'), comment: '', segments: [1] },
  { score: 9, day: isoToDay('2024-04-07'), comment: 'd', segments: [1] },
  { score: 6, comment: 'e', segments: [2] },
], 1);
const segmentColumns = [{ name: 'plan', values: ['', 'Pro', 'Basic'] }];
// Tagged by hand: bit 0 "support" (answers 0 +, 1 −, 4 +, 5 −), bit 1 "price" (answers 1 −, 2 −).
const tags: TopicTags = {
  topicIds: ['support', 'price'],
  mask: Uint8Array.from([1, 3, 2, 0, 1, 1]),
  polarity: Int8Array.from([/* support */ 1, -1, 0, 0, 1, -1, /* price */ 0, -1, -1, 0, 0, 0]),
  written: Uint8Array.from([1, 1, 1, 0, 1, 1]),
  length: 6,
  commented: 5,
  emptyComments: 0,
  totals: [],
};
const view = commentTopicsView(table, tags, { segmentColumns });

describe('commentTopicsView', () => {
  it('tallies each topic, with the scale of the summary bars', () => {
    expect(view.topicIds).toEqual(['support', 'price']);
    expect(view.commented).toBe(5);
    expect(view.tally).toEqual([
      { id: 'support', mentions: 4, positive: 2, negative: 2, neutral: 0 },
      { id: 'price', mentions: 2, positive: 0, negative: 2, neutral: 0 },
    ]);
    expect(view.widest).toBe(2);
  });

  it('counts mentions per month, leaving out months without answers and undated answers', () => {
    const { periods, byTopic } = view.overTime({ kind: 'month' });
    expect(periods).toEqual([
      { period: '2024-01', from: '2024-01-01', to: '2024-01-31' },
      { period: '2024-02', from: '2024-02-01', to: '2024-02-29' },
      { period: '2024-04', from: '2024-04-01', to: '2024-04-30' },
    ]);
    expect(byTopic[0]).toEqual([
      { period: '2024-01', mentions: 2, positive: 1, negative: 1, commented: 2 },
      { period: '2024-02', mentions: 0, positive: 0, negative: 0, commented: 1 },
      { period: '2024-04', mentions: 1, positive: 1, negative: 0, commented: 1 },
    ]);
    expect(byTopic[1].map((c) => [c.mentions, c.negative])).toEqual([[1, 1], [1, 1], [0, 0]]);
  });

  it('counts per fiscal quarter (April start: January–March 2024 is FY2023-Q4)', () => {
    const { periods, byTopic } = view.overTime({ kind: 'quarter', fiscalYearStartMonth: 4 });
    expect(periods.map((p) => p.period)).toEqual(['FY2023-Q4', 'FY2024-Q1']);
    expect(periods[0]).toEqual({ period: 'FY2023-Q4', from: '2024-01-01', to: '2024-03-31' });
    expect(byTopic[0].map((c) => [c.mentions, c.positive, c.negative, c.commented])).toEqual([[2, 1, 1, 3], [1, 1, 0, 1]]);
    expect(byTopic[1].map((c) => c.mentions)).toEqual([2, 0]);
  });

  it('counts mentions per segment value against its written comments, most comments first', () => {
    expect(view.bySegment(0)).toEqual({
      rows: [
        { value: 'Basic', commented: 3, byTopic: [{ mentions: 2, positive: 0, negative: 2 }, { mentions: 2, positive: 0, negative: 2 }] },
        { value: 'Pro', commented: 2, byTopic: [{ mentions: 2, positive: 2, negative: 0 }, { mentions: 0, positive: 0, negative: 0 }] },
      ],
      more: 0,
    });
    expect(view.bySegment(1)).toEqual({ rows: [], more: 0 });
  });

  it(`lists the ${SEGMENT_ROWS} values with most comments and counts the rest`, () => {
    const values = ['', ...Array.from({ length: 33 }, (_, k) => `v${String(k).padStart(2, '0')}`)];
    // Value v00 has three comments, v01 two, every other value one.
    const codes = [1, 1, 1, 2, 2, ...Array.from({ length: 31 }, (_, k) => k + 3)];
    const many = tableFromRows(codes.map((code) => ({ score: 5, comment: 'x', segments: [code] })), 1);
    const manyTags: TopicTags = { topicIds: ['support'], mask: new Uint8Array(codes.length), polarity: new Int8Array(codes.length), written: new Uint8Array(codes.length).fill(1), length: codes.length, commented: codes.length, emptyComments: 0, totals: [] };
    const { rows, more } = commentTopicsView(many, manyTags, { segmentColumns: [{ name: 'csm', values }] }).bySegment(0);
    expect(rows).toHaveLength(30);
    expect(rows.slice(0, 3).map((r) => [r.value, r.commented])).toEqual([['v00', 3], ['v01', 2], ['v02', 1]]);
    expect(rows[29].value).toBe('v29');
    expect(more).toBe(3);
  });

  it('counts mentions among promoters, passives and detractors', () => {
    expect(view.byCategory).toEqual([{ promoter: 2, passive: 0, detractor: 2 }, { promoter: 0, passive: 0, detractor: 2 }]);
  });

  it("counts only the answers the view's filter keeps", () => {
    const filtered = commentTopicsView(table, tags, { include: Uint8Array.from([1, 0, 1, 1, 1, 1]), segmentColumns });
    expect(filtered.tally.map((x) => [x.mentions, x.positive, x.negative])).toEqual([[3, 2, 1], [1, 0, 1]]);
    expect(filtered.overTime({ kind: 'month' }).byTopic[0].map((c) => c.commented)).toEqual([1, 1, 1]);
    expect(filtered.bySegment(0).rows.map((r) => [r.value, r.commented])).toEqual([['Basic', 2], ['Pro', 2]]);
    expect(filtered.byCategory).toEqual([{ promoter: 2, passive: 0, detractor: 1 }, { promoter: 0, passive: 0, detractor: 1 }]);
  });

  it('keeps each figure once computed (a period or a column chosen again is not counted again)', () => {
    const fresh = commentTopicsView(table, tags, { segmentColumns });
    expect(fresh.tally).toBe(fresh.tally);
    expect(fresh.overTime({ kind: 'month' })).toBe(fresh.overTime({ kind: 'month', fiscalYearStartMonth: 1 }));
    expect(fresh.overTime({ kind: 'quarter', fiscalYearStartMonth: 4 })).not.toBe(fresh.overTime({ kind: 'quarter' }));
    expect(fresh.bySegment(0)).toBe(fresh.bySegment(0));
    expect(fresh.byCategory).toBe(fresh.byCategory);
    const first = fresh.topicIds[0];
    expect(fresh.fixFirst({ [first]: 'short' })).toBe(fresh.fixFirst({ [first]: 'short' }));
    expect(fresh.fixFirst({ [first]: 'long' }).find((r) => r.topicId === first)!.feasibility).toBe('long');
  });

  it('ranks what to fix first over the filtered comments, as fixFirst does', () => {
    const include = Uint8Array.from([1, 0, 1, 1, 1, 1]);
    expect(commentTopicsView(table, tags, { include }).fixFirst()).toEqual(fixFirst(table, tags, include));
  });
});

describe('commentPeriodOptions', () => {
  it('reads months where the view asks for weeks, and keeps the fiscal year', () => {
    expect(commentPeriodOptions('week', 4)).toEqual({ kind: 'month', fiscalYearStartMonth: 4 });
    expect(commentPeriodOptions('quarter', 4)).toEqual({ kind: 'quarter', fiscalYearStartMonth: 4 });
    expect(commentPeriodOptions('year')).toEqual({ kind: 'year', fiscalYearStartMonth: undefined });
  });
});
