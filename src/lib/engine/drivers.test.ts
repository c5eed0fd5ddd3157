import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { segmentDrivers, topicDrivers } from './drivers';
import type { TopicTags } from './text/tag';

describe('segmentDrivers', () => {
  it('compares the share of each segment value among improvers and decliners, biggest gap first', () => {
    // Answers 0–3 improvers (3 on Pro, 1 on Free), 4–7 decliners (1 on Pro, 3 on Free).
    const plans = [2, 2, 2, 1, 2, 1, 1, 1];
    const table = tableFromRows(plans.map((p) => ({ score: 5, segments: [p] })), 1);
    const rows = segmentDrivers(table, [{ name: 'plan', values: ['', 'Free', 'Pro'] }], [0, 1, 2, 3], [4, 5, 6, 7]);
    expect(rows.map((r) => [r.value, r.improved, r.declined, r.difference])).toEqual([['Free', 1, 3, -50], ['Pro', 3, 1, 50]]);
  });
});

describe('topicDrivers', () => {
  it('gives the share of improvers and decliners mentioning each topic, and negatively', () => {
    // Topic bit 0 "support", bit 1 "price"; answers 0–1 improvers, 2–3 decliners.
    const tags: TopicTags = {
      topicIds: ['support', 'price'],
      mask: Uint8Array.from([1, 0, 2, 3]),
      polarity: Int8Array.from([1, 0, 0, -1, /* price */ 0, 0, -1, -1]),
      written: Uint8Array.from([1, 1, 1, 0]), length: 4, commented: 3, emptyComments: 0, totals: [],
    };
    const rows = topicDrivers(tags, [0, 1], [2, 3]);
    expect(rows.map((r) => [r.topicId, r.shareImproved, r.shareDeclined, r.negativeDeclined, r.difference])).toEqual([
      ['price', 0, 1, 1, -100],
      ['support', 0.5, 0.5, 0.5, 0],
    ]);
  });
});
