import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { isoToDay } from '../days';
import { topicsByCategory, topicsByPeriod, topicsBySegment } from './by-period';
import type { TopicTags } from './tag';

const table = tableFromRows([
  { score: 10, day: isoToDay('2024-01-10'), comment: 'a' },
  { score: 3, day: isoToDay('2024-01-20'), comment: 'b' },
  { score: 2, day: isoToDay('2024-02-05'), comment: 'c' },
  { score: 8, day: isoToDay('2024-02-06'), comment: '' },
  { score: 9, day: isoToDay('2024-02-07'), comment: '特になし' },
], 1);
// Segment "plan": Pro (code 1) for the first and last two answers, Basic (code 2) for the others.
table.segments[0] = Uint16Array.from([1, 2, 2, 1, 1]);
// Two topics: bit 0 "support", bit 1 "price".
const tags: TopicTags = {
  topicIds: ['support', 'price'],
  mask: Uint8Array.from([1, 3, 2, 0, 0]),
  polarity: Int8Array.from([1, -1, 0, 0, 0, /* price */ 0, -1, -1, 0, 0]),
  written: Uint8Array.from([1, 1, 1, 0, 0]),
  length: 5,
  commented: 3,
  emptyComments: 0,
  totals: [],
};

describe('topicsByPeriod', () => {
  it('counts positive and negative mentions per topic and month, with the commented answers', () => {
    const { periods, ranges, byTopic } = topicsByPeriod(table, tags, { kind: 'month' });
    expect(periods).toEqual(['2024-01', '2024-02']);
    expect(ranges).toEqual([{ from: '2024-01-01', to: '2024-01-31' }, { from: '2024-02-01', to: '2024-02-29' }]);
    expect(byTopic[0]).toEqual([{ period: '2024-01', mentions: 2, positive: 1, negative: 1, commented: 2 }, { period: '2024-02', mentions: 0, positive: 0, negative: 0, commented: 1 }]);
    expect(byTopic[1].map((c) => c.mentions)).toEqual([1, 1]);
    expect(byTopic[1].map((c) => c.negative)).toEqual([1, 1]);
  });
});

describe('topicsBySegment', () => {
  it('counts mentions per segment value against the answers with a written comment', () => {
    const rows = topicsBySegment(table, tags, table.segments[0], ['', 'Pro', 'Basic']);
    // Basic: answers 1 and 2, both written; Pro: answer 0 written, 3 blank, 4 only 特になし.
    expect(rows).toEqual([
      { value: 'Basic', commented: 2, byTopic: [{ mentions: 1, positive: 0, negative: 1 }, { mentions: 2, positive: 0, negative: 2 }] },
      { value: 'Pro', commented: 1, byTopic: [{ mentions: 1, positive: 1, negative: 0 }, { mentions: 0, positive: 0, negative: 0 }] },
    ]);
  });

  it('honours the filter', () => {
    const rows = topicsBySegment(table, tags, table.segments[0], ['', 'Pro', 'Basic'], Uint8Array.from([0, 1, 0, 1, 1]));
    expect(rows).toEqual([{ value: 'Basic', commented: 1, byTopic: [{ mentions: 1, positive: 0, negative: 1 }, { mentions: 1, positive: 0, negative: 1 }] }]);
  });
});

describe('topicsByCategory', () => {
  it('counts mentions per category of the answer', () => {
    expect(topicsByCategory(table, tags)).toEqual([{ promoter: 1, passive: 0, detractor: 1 }, { promoter: 0, passive: 0, detractor: 2 }]);
  });
});
