import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { segmentDrivers, topicDrivers } from './drivers';
import type { TopicTags } from './text/tag';

describe('segmentDrivers', () => {
  it('tests the share of each value among improvers and decliners (Fisher), ranks by q, leaves out the few', () => {
    // 13 improvers: 9 Pro, 3 Free, 1 Team; 9 decliners: 1 Pro, 7 Free, 1 Team.
    const plans = [...Array(9).fill(2), 1, 1, 1, 3, 2, ...Array(7).fill(1), 3];
    const table = tableFromRows(plans.map((p) => ({ score: 5, segments: [p] })), 1);
    const up = plans.slice(0, 13).map((_, i) => i), down = plans.slice(13).map((_, i) => 13 + i);
    const rows = segmentDrivers(table, [{ name: 'plan', values: ['', 'Free', 'Pro', 'Team'] }], up, down);
    // Team has 2 customers: no pattern, not ranked.
    expect(rows.map((r) => [r.value, r.improved, r.declined])).toEqual([['Pro', 9, 1], ['Free', 3, 7]]);
    // Fisher's exact p (two-sided, as R's fisher.test): [[9,4],[1,8]] 0.011499, [[3,10],[7,2]] 0.027421.
    expect(rows[0].p).toBeCloseTo(0.011499336576735956, 12);
    expect(rows[1].p).toBeCloseTo(0.02742149491375498, 12);
    expect(rows[0].q).toBeCloseTo(2 * 0.011499336576735956, 12); // min(2/1 · 0.0115, 2/2 · 0.0274)
    expect(rows[1].q).toBeCloseTo(0.02742149491375498, 12);
    expect(rows[0].difference).toBeCloseTo(100 * (9 / 13 - 1 / 9), 10);
  });
});

describe('topicDrivers', () => {
  it('gives the share of improvers and decliners mentioning each topic, and negatively; few mentions are not ranked', () => {
    // Topic bit 0 "support", bit 1 "price". 10 improvers (answers 0–9), 10 decliners (10–19):
    // support mentioned by 6 improvers and 5 decliners; price by 2 improvers and 8 decliners (one
    // negatively among the improvers, all negatively among the decliners); answer 1 mentions price too.
    const n = 20;
    const mask = new Uint8Array(n), polarity = new Int8Array(2 * n);
    for (let i = 0; i < 6; i++) mask[i] |= 1;
    for (let i = 10; i < 15; i++) mask[i] |= 1;
    mask[0] |= 2;
    mask[1] |= 2;
    polarity[n + 0] = -1;
    for (let i = 10; i < 18; i++) {
      mask[i] |= 2;
      polarity[n + i] = -1;
    }
    const tags: TopicTags = { topicIds: ['support', 'price'], mask, polarity, written: new Uint8Array(n).fill(1), length: n, commented: n, emptyComments: 0, totals: [] };
    const up = Array.from({ length: 10 }, (_, i) => i), down = Array.from({ length: 10 }, (_, i) => 10 + i);
    const rows = topicDrivers(tags, up, down);
    expect(rows.map((r) => [r.topicId, r.shareImproved, r.shareDeclined, r.negativeImproved, r.negativeDeclined])).toEqual([['price', 0.2, 0.8, 0.1, 0.8], ['support', 0.6, 0.5, 0, 0]]);
    // [[2,8],[8,2]]: Fisher p 0.023014 (Python, math.comb); [[6,4],[5,5]]: 1.
    expect(rows[0].p).toBeCloseTo(0.0230141, 6);
    expect(rows[1].p).toBeCloseTo(1, 10);
    // Two customers mention nothing else: a topic of fewer than 10 customers is left out.
    expect(topicDrivers(tags, up.slice(0, 3), down.slice(0, 3)).map((r) => r.topicId)).toEqual([]);
  });
});
