import { describe, expect, it } from 'vitest';
import { tableFromRows, NO_DAY } from '../answers';
import { compileTopics } from './topics';
import { tagComments } from './tag';
import { topicQuotes } from './topic-quotes';
import type { Topic } from './dictionary';

const topics: Topic[] = [{ id: 'price', label: { en: 'Price', ja: '価格' }, keywords: ['price', '価格'] }];
const table = tableFromRows([
  { score: 2, day: 19000, comment: 'The price is too high' },
  { score: 3, day: 19010, comment: 'price too high again' },
  { score: 10, day: 19020, comment: 'great price, love it' },
  { score: 1, day: NO_DAY, comment: 'price is bad' },
  { score: 4, day: 19030, comment: 'support is slow' },
  { score: 0, day: 19040, comment: 'the price hurts' },
]);
const tags = tagComments(table, compileTopics(topics));

describe('topicQuotes(table, tags, topic, polarity, limit, include)', () => {
  it('gives the newest negative mentions first, undated last', () => {
    expect(topicQuotes(table, tags, 'price', -1, 10)).toEqual([5, 1, 0, 3]);
    expect(topicQuotes(table, tags, 'price', -1, 2)).toEqual([5, 1]);
    expect(topicQuotes(table, tags, 'price', 1, 10)).toEqual([2]);
  });

  it('keeps to the filter and to topics that exist', () => {
    expect(topicQuotes(table, tags, 'price', -1, 10, new Uint8Array([1, 0, 1, 1, 1, 0]))).toEqual([0, 3]);
    expect(topicQuotes(table, tags, 'support', -1, 10)).toEqual([]);
  });
});
