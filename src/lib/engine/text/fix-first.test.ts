import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { fixFirst, type TopicImpact } from './fix-first';
import type { TopicTags } from './tag';

// 100 written comments. Price (bit 0): 30 negative, all from detractors (3). Support (bit 1): 10
// negative, 5 detractors (4) and 5 passives (7). Usability (bit 2): 5 negative, all from promoters
// (10). The other 55: 35 promoters (9), 10 passives (8), 10 detractors (2).
const scores = [...Array(30).fill(3), ...Array(5).fill(4), ...Array(5).fill(7), ...Array(5).fill(10), ...Array(35).fill(9), ...Array(10).fill(8), ...Array(10).fill(2)];
const table = tableFromRows(scores.map((score) => ({ score, comment: 'x' })));
const n = scores.length;
const mask = new Uint8Array(n), polarity = new Int8Array(3 * n);
const negative = (from: number, to: number, topic: number) => {
  for (let i = from; i < to; i++) {
    mask[i] |= 1 << topic;
    polarity[topic * n + i] = -1;
  }
};
negative(0, 30, 0);
negative(30, 40, 1);
negative(40, 45, 2);
const tags: TopicTags = { topicIds: ['price', 'support', 'usability'], mask, polarity, written: new Uint8Array(n).fill(1), length: n, commented: n, emptyComments: 0, totals: [] };

describe('fixFirst', () => {
  const rows = fixFirst(table, tags);
  const byId = new Map(rows.map((r) => [r.topicId, r]));

  it('gives each topic its negative share and the NPS of those who complain against the other commenters', () => {
    const price = byId.get('price')!;
    expect(price).toMatchObject({ commented: 100, negative: 30, negativeShare: 0.3, npsNegative: -100 });
    // The other 70: promoters 5 + 35, passives 5 + 10, detractors 5 + 10 → (40 − 15) / 70.
    expect(price.npsOthers).toBeCloseTo((100 * 25) / 70, 10);
    expect(byId.get('support')!.npsNegative).toBe(-50);
    expect(byId.get('usability')!.npsNegative).toBe(100);
    expect(price.gap!).toBeLessThan(-100);
    expect(price.gapCi95![1]).toBeLessThan(0);
  });

  it('puts frequent and costly topics first: price, then support; usability (praised) is only watched', () => {
    expect(rows.map((r) => [r.topicId, r.quadrant])).toEqual([['price', 'fix-first'], ['support', 'fix-first'], ['usability', 'watch']]);
    // q over the three topics (Benjamini–Hochberg).
    for (const r of rows) expect(r.q).toBeGreaterThanOrEqual(r.p!);
  });

  it('counts only the answers the filter keeps', () => {
    const keep = Uint8Array.from(scores, (_, i) => (i >= 30 ? 1 : 0));
    const filtered = fixFirst(table, tags, keep);
    expect(filtered.find((r) => r.topicId === 'price')).toMatchObject({ negative: 0, negativeShare: 0, quadrant: 'watch' });
  });
});

describe('points at stake and feasibility', () => {
  const rows = fixFirst(table, tags, undefined, { support: 'short' });
  it('multiplies how often by how costly: share × −gap', () => {
    for (const r of rows) expect(r.pointsAtStake).toBeCloseTo(r.gap! < 0 ? r.negativeShare * -r.gap! : 0, 10);
    expect(rows.find((r) => r.topicId === 'usability')!.pointsAtStake).toBe(0);
  });
  it('puts a quick win (fix first, short-term) ahead of a larger long project', () => {
    expect(rows.map((r) => r.topicId)).toEqual(['support', 'price', 'usability']);
    expect(rows[0].feasibility).toBe('short');
  });
});

describe('on the sample, the quadrant follows the sample design', async () => {
  const { sampleCsv } = await import('../sample');
  const { importFiles } = await import('../../ingest/pipeline');
  const { previewFile } = await import('../../ingest/preview');
  const { DEFAULT_TOPICS } = await import('./dictionary');
  const { compileTopics } = await import('./topics');
  const { tagComments } = await import('./tag');
  const { isoToDay } = await import('../days');
  const bytes = new TextEncoder().encode(sampleCsv());
  const { table } = importFiles([{ name: 'sample.csv', bytes }], [previewFile(bytes, true).plan]);
  const tags = tagComments(table, compileTopics(DEFAULT_TOPICS));
  const between = (from: string, to: string) => {
    const [f, t] = [isoToDay(from), isoToDay(to)];
    return fixFirst(table, tags, Uint8Array.from({ length: table.length }, (_, i) => (table.day[i] >= f && table.day[i] <= t ? 1 : 0)));
  };
  const quadrant = (rows: TopicImpact[], id: string) => rows.find((r) => r.topicId === id)!.quadrant;

  it('after the price increase (2024-04 to 09), price leads the fix-first topics', () => {
    const rows = between('2024-04-01', '2024-09-30');
    expect(rows[0]).toMatchObject({ topicId: 'price', quadrant: 'fix-first' });
  });
  it('before the support upgrade (to 2024-09), support leads; after it (2024-10 on), support is no longer to fix first', () => {
    expect(between('2000-01-01', '2024-09-30')[0]).toMatchObject({ topicId: 'support', quadrant: 'fix-first' });
    expect(quadrant(between('2024-10-01', '2099-12-31'), 'support')).not.toBe('fix-first');
  });
});
