import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { DEFAULT_TOPICS, type Topic } from './dictionary';
import { answerTopics, reportTopics, tagComments, tallyTopics } from './tag';
import { compileTopics } from './topics';

const compiled = compileTopics(DEFAULT_TOPICS);
const bit = (id: string) => 1 << DEFAULT_TOPICS.findIndex((t) => t.id === id);
const at = (id: string) => DEFAULT_TOPICS.findIndex((t) => t.id === id);

const table = tableFromRows([
  { score: 10, comment: 'サポートが丁寧' }, // support +
  { score: 2, comment: '料金が高いし動作も遅い' }, // price −, performance −
  { score: 8, comment: '特になし' }, // says nothing
  { score: 9, comment: '' }, // no comment
  { score: 0, comment: 'The price is fine' }, // price +
]);

describe('tagComments', () => {
  const tags = tagComments(table, compiled);

  it('sets one bit per mentioned topic and answer', () => {
    expect(Array.from(tags.mask)).toEqual([bit('support'), bit('price') | bit('performance'), 0, 0, bit('price')]);
    expect(tags.mask).toBeInstanceOf(Uint8Array);
  });
  it('stores polarity topic-major: polarity[t * length + i]', () => {
    const n = table.length;
    expect(tags.polarity[at('support') * n + 0]).toBe(1);
    expect(tags.polarity[at('price') * n + 1]).toBe(-1);
    expect(tags.polarity[at('performance') * n + 1]).toBe(-1);
    expect(tags.polarity[at('price') * n + 4]).toBe(1);
  });
  it('totals mentions, positive, negative and neutral per topic', () => {
    const price = tags.totals.find((t) => t.id === 'price');
    expect(price).toEqual({ id: 'price', mentions: 2, positive: 1, negative: 1, neutral: 0 });
  });
  it('counts written comments and 特になし-style comments apart', () => {
    expect(tags.commented).toBe(3);
    expect(tags.emptyComments).toBe(1);
    expect([...tags.written]).toEqual([1, 1, 0, 0, 1]);
  });
  it('lists the (topic, polarity) pairs of one answer', () => {
    expect(answerTopics(tags, 1)).toEqual([{ topicId: 'price', polarity: -1 }, { topicId: 'performance', polarity: -1 }]);
  });
  it('tags only the included answers', () => {
    const only = tagComments(table, compiled, Uint8Array.from([0, 1, 0, 0, 0]));
    expect(Array.from(only.mask)).toEqual([0, bit('price') | bit('performance'), 0, 0, 0]);
  });
});

describe('tallyTopics', () => {
  it('recounts a subset from the tags, equal to tagging only that subset', () => {
    const tags = tagComments(table, compiled);
    const include = Uint8Array.from([1, 0, 1, 1, 1]);
    expect(tallyTopics(tags, include)).toEqual(tagComments(table, compiled, include).totals);
  });
});

describe('dictionary edits', () => {
  it('adding a keyword changes the mentions of that topic only', () => {
    const t = tableFromRows(['契約更新の手続きが面倒', 'サポートが丁寧', '料金が高い'].map((comment) => ({ score: 5, comment })));
    const edited = DEFAULT_TOPICS.map((topic) => (topic.id === 'price' ? { ...topic, keywords: [...topic.keywords, '契約更新'] } : topic));
    const before = tagComments(t, compiled).totals;
    const after = tagComments(t, compileTopics(edited, compiled)).totals;
    after.forEach((tally, i) => (tally.id === 'price' ? expect(tally.mentions).toBe(before[i].mentions + 1) : expect(tally).toEqual(before[i])));
  });
  it('uses a wider mask for more than 8 topics and refuses more than 32', () => {
    const many = (k: number): Topic[] => Array.from({ length: k }, (_, i) => ({ id: `t${i}`, label: { ja: `${i}`, en: `${i}` }, keywords: [`word${i}`] }));
    const t = tableFromRows([{ score: 5, comment: 'word8 word0' }]);
    const tags = tagComments(t, compileTopics(many(9)));
    expect(tags.mask).toBeInstanceOf(Uint16Array);
    expect(tags.mask[0]).toBe((1 << 8) | 1);
    expect(() => tagComments(t, compileTopics(many(33)))).toThrow(RangeError);
  });
});

describe('reportTopics', () => {
  it('lists id, label in the chosen language, mentions, positive and negative', () => {
    const tags = tagComments(table, compiled);
    const price = reportTopics(tags.totals, DEFAULT_TOPICS, 'ja').find((t) => t.id === 'price');
    expect(price).toEqual({ id: 'price', label: '価格', mentions: 2, positive: 1, negative: 1 });
    expect(reportTopics(tags.totals, DEFAULT_TOPICS, 'en')[0].label).toBe('Features');
  });
});
