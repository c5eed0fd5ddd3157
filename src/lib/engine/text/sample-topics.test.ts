/**
 * The "done when": in the sample data, the negative mentions of a topic visibly drop after
 * an event — measured with the app's own tagger and topic × period counts, as the timeline draws
 * them (negative mentions per 100 written comments, quarters before and after the event).
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENTS, sampleCsv } from '../sample';
import { importFiles } from '../../ingest/pipeline';
import { previewFile } from '../../ingest/preview';
import { DEFAULT_TOPICS } from './dictionary';
import { compileTopics } from './topics';
import { tagComments } from './tag';
import { topicsByPeriod } from './by-period';

const bytes = new TextEncoder().encode(sampleCsv());
const { table } = importFiles([{ name: 'sample.csv', bytes }], [previewFile(bytes, true).plan]);
const tags = tagComments(table, compileTopics(DEFAULT_TOPICS));
const quarters = topicsByPeriod(table, tags, { kind: 'quarter' });
const per100 = (id: string, from: string, to: string, side: 'negative' | 'positive' = 'negative') => {
  const cells = quarters.byTopic[tags.topicIds.indexOf(id)].filter((c, k) => quarters.ranges[k].from >= from && quarters.ranges[k].to <= to);
  const sum = (f: (c: (typeof cells)[number]) => number) => cells.reduce((s, c) => s + f(c), 0);
  return (100 * sum((c) => c[side])) / sum((c) => c.commented);
};

describe('the sample shows topics moving with its events', () => {
  it('negative support mentions fall by more than a third after the support upgrade', () => {
    const event = SAMPLE_EVENTS.find((e) => e.kind === 'support')!;
    expect(event.date).toBe('2024-10-01');
    const before = per100('support', '2024-01-01', '2024-09-30');
    const after = per100('support', '2024-10-01', '2025-06-30');
    expect(before).toBeGreaterThan(5);
    expect(after).toBeLessThan((2 / 3) * before);
  });

  it('negative price mentions jump after the price increase', () => {
    const before = per100('price', '2023-04-01', '2024-03-31');
    const after = per100('price', '2024-04-01', '2024-09-30');
    expect(after).toBeGreaterThan(2 * before);
  });
});
