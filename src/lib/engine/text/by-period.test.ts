import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { isoToDay } from '../../ingest/values';
import { topicsByCategory, topicsByPeriod } from './by-period';
import type { TopicTags } from './tag';

const table = tableFromRows([
  { score: 10, day: isoToDay('2024-01-10'), comment: 'a' },
  { score: 3, day: isoToDay('2024-01-20'), comment: 'b' },
  { score: 2, day: isoToDay('2024-02-05'), comment: 'c' },
  { score: 8, day: isoToDay('2024-02-06'), comment: '' },
]);
// Two topics: bit 0 "support", bit 1 "price".
const tags: TopicTags = {
  topicIds: ['support', 'price'],
  mask: Uint8Array.from([1, 3, 2, 0]),
  polarity: Int8Array.from([1, -1, 0, 0, /* price */ 0, -1, -1, 0]),
  length: 4,
  commented: 3,
  emptyComments: 0,
  totals: [],
};

describe('topicsByPeriod', () => {
  it('counts positive and negative mentions per topic and month, with the commented answers', () => {
    const { periods, byTopic } = topicsByPeriod(table, tags, { kind: 'month' });
    expect(periods).toEqual(['2024-01', '2024-02']);
    expect(byTopic[0]).toEqual([{ period: '2024-01', positive: 1, negative: 1, commented: 2 }, { period: '2024-02', positive: 0, negative: 0, commented: 1 }]);
    expect(byTopic[1].map((c) => c.negative)).toEqual([1, 1]);
  });
});

describe('topicsByCategory', () => {
  it('counts mentions per category of the answer', () => {
    expect(topicsByCategory(table, tags)).toEqual([{ promoter: 1, passive: 0, detractor: 1 }, { promoter: 0, passive: 0, detractor: 2 }]);
  });
});
