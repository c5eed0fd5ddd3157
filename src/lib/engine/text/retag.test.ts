import { describe, expect, it } from 'vitest';
import { sampleCsv } from '../sample';
import { importFiles } from '../../ingest/pipeline';
import { previewFile } from '../../ingest/preview';
import { DEFAULT_TOPICS, type Topic } from './dictionary';
import { retagAfterEdit } from './retag';
import { tagComments } from './tag';
import { compileTopics } from './topics';

// The sample's ~4,800 answers (half with JA/EN comments), through the real import.
const bytes = new TextEncoder().encode(sampleCsv());
const { table } = importFiles([{ name: 'sample.csv', bytes }], [previewFile(bytes, true).plan]);

function edit(before: Topic[], after: Topic[]) {
  const normalised: string[] = [];
  const previous = tagComments(table, compileTopics(before), undefined, normalised);
  const compiled = compileTopics(after);
  const { tags, reread } = retagAfterEdit(previous, before, table, compiled, normalised);
  return { tags, reread, full: tagComments(table, compiled) };
}

const withKeywords = (topics: Topic[], id: string, keywords: (k: string[]) => string[]) => topics.map((t) => (t.id === id ? { ...t, keywords: keywords(t.keywords) } : t));

describe('retagAfterEdit', () => {
  it('adding a keyword gives the tags of a full re-tag, reading only the comments it can change', () => {
    const after = withKeywords(DEFAULT_TOPICS, 'features', (k) => [...k, '丁寧']);
    const { tags, reread, full } = edit(DEFAULT_TOPICS, after);
    expect(tags).toEqual(full);
    expect(reread).toBeGreaterThan(0);
    expect(reread).toBeLessThan(full.commented / 2);
    expect(full.totals.find((t) => t.id === 'features')!.mentions).toBeGreaterThan(tagComments(table, compileTopics(DEFAULT_TOPICS)).totals.find((t) => t.id === 'features')!.mentions);
  });

  it('removing a keyword, adding a topic, removing one and reordering all equal a full re-tag', () => {
    const cases: Topic[][] = [
      withKeywords(DEFAULT_TOPICS, 'support', (k) => k.filter((w) => w !== 'サポート')),
      [...DEFAULT_TOPICS, { id: 'custom-chat', label: { ja: 'チャット', en: 'Chat' }, keywords: ['チャット', 'chat(bot)?'] }],
      DEFAULT_TOPICS.filter((t) => t.id !== 'price'),
      [...DEFAULT_TOPICS].reverse(),
    ];
    for (const after of cases) {
      const { tags, full } = edit(DEFAULT_TOPICS, after);
      expect(tags).toEqual(full);
    }
  });

  it('reads nothing when the dictionary did not change', () => {
    const { tags, reread, full } = edit(DEFAULT_TOPICS, DEFAULT_TOPICS.map((t) => ({ ...t })));
    expect(reread).toBe(0);
    expect(tags).toEqual(full);
  });

  it('refuses more topics than a tag mask holds, as tagging does', () => {
    const many = Array.from({ length: 33 }, (_, k) => ({ id: `t${k}`, label: { ja: `t${k}`, en: `t${k}` }, keywords: [`語${k}`] }));
    expect(() => edit(DEFAULT_TOPICS, many)).toThrow(RangeError);
  });
});
