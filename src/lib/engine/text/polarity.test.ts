import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { DEFAULT_TOPICS } from './dictionary';
import { normaliseComment } from './normalise';
import { categoryPolarity, clauseAround, mentionPolarity } from './polarity';
import { answerTopics, tagComments } from './tag';
import { compileTopics } from './topics';

const compiled = compileTopics(DEFAULT_TOPICS);
const NAMES = { 1: 'positive', [-1]: 'negative', 0: 'neutral' } as const;

/** Topic → polarity of one comment through the whole tagger; score 8 (passive) so that only the words decide. */
function read(comment: string, score = 8): Record<string, string> {
  const tags = tagComments(tableFromRows([{ score, comment }]), compiled);
  return Object.fromEntries(answerTopics(tags, 0).map((t) => [t.topicId, NAMES[t.polarity]]));
}

describe('negation after the word', () => {
  it('遅い is negative, 遅くない positive', () => {
    expect(read('動作が遅い')).toEqual({ performance: 'negative' });
    expect(read('動作が遅くない')).toEqual({ performance: 'positive' });
    expect(read('動作は遅くはないです')).toEqual({ performance: 'positive' });
  });
  it('使いにくい is negative, 使いやすい positive', () => {
    expect(read('画面が使いにくい')).toEqual({ usability: 'negative' });
    expect(read('画面が使いやすい')).toEqual({ usability: 'positive' });
    expect(read('画面が使いやすくない')).toEqual({ usability: 'negative' });
  });
  it('「特に問題ありません」 and 「特に不満はない」 are positive', () => {
    expect(read('サポートは特に問題ありません')).toEqual({ support: 'positive' });
    expect(read('料金に特に不満はない')).toEqual({ price: 'positive' });
  });
  it('「不具合が少ない」 is positive, 「不具合が多い」 negative', () => {
    expect(read('不具合が少ない')).toEqual({ reliability: 'positive' });
    expect(read('不具合が多い')).toEqual({ reliability: 'negative' });
  });
  it('「納得できません」 is negative', () => {
    expect(read('値上げは納得できません')).toEqual({ price: 'negative' });
  });
});

describe('negation before an English word', () => {
  it('"not slow" is positive, "slow" negative', () => {
    expect(read('The app is not slow')).toEqual({ performance: 'positive' });
    expect(read('The app is slow')).toEqual({ performance: 'negative' });
  });
  it('"not easy to use" is negative, "easy to use" positive', () => {
    expect(read('It is not easy to use')).toEqual({ usability: 'negative' });
    expect(read('It is easy to use')).toEqual({ usability: 'positive' });
  });
  it('"no problems" negates only its own word: "no problems, great support" is positive', () => {
    expect(read('No problems so far, great support')).toEqual({ support: 'positive' });
  });
  it('a word ending in -nt is not a negation ("recent price increase")', () => {
    expect(read('Not happy with the recent price increase')).toEqual({ price: 'negative' });
  });
});

describe('clauses', () => {
  it('「機能は良いが価格が高い」 is + for features and − for price', () => {
    expect(read('機能は良いが価格が高い')).toEqual({ features: 'positive', price: 'negative' });
  });
  it('"great support but buggy" splits on "but"', () => {
    expect(read('The support team is great but the product is buggy')).toEqual({ support: 'positive', reliability: 'negative' });
  });
  it('clauseAround stops at sentence ends and contrast markers', () => {
    const text = normaliseComment('サポートは丁寧ですが、返信が遅い。料金は安い');
    const at = text.indexOf('返信');
    const c = clauseAround(text, at, at + 2);
    expect(text.slice(c.start, c.end)).toBe('返信が遅い');
  });
});

describe('requests are complaints', () => {
  it('「もう少し安ければ嬉しい」 is a price complaint', () => {
    expect(read('もう少し安ければ嬉しい')).toEqual({ price: 'negative' });
  });
  it('〜てほしい and "would be nice" are negative even with a positive word', () => {
    expect(read('連携をもっと便利にしてほしい')).toEqual({ integrations: 'negative' });
    expect(read('Would be nice to have a Salesforce integration')).toEqual({ integrations: 'negative' });
  });
});

describe('aspect-dependent words', () => {
  it('高い is negative next to a price', () => {
    expect(read('料金が高い')).toEqual({ price: 'negative' });
  });
  it('高い is positive in サポートの満足度が高い, and that is not a price mention', () => {
    expect(read('サポートの満足度が高い')).toEqual({ support: 'positive' });
  });
  it('コスパが高い is positive', () => {
    expect(read('コスパが高い')).toEqual({ price: 'positive' });
  });
  it('早い is positive for support (対応が早い)', () => {
    expect(read('サポートの対応が早くて助かりました')).toEqual({ support: 'positive' });
  });
});

describe('a topic named as missing', () => {
  it('「連携ができない」 and "no integration" are negative', () => {
    expect(read('Salesforceとの連携ができない')).toEqual({ integrations: 'negative' });
    expect(read('No integration with our CRM')).toEqual({ integrations: 'negative' });
  });
});

describe('fallback to the category', () => {
  it('a clause without polarity words follows the score: promoter +, passive neutral, detractor −', () => {
    expect(read('サポートについて', 10)).toEqual({ support: 'positive' });
    expect(read('サポートについて', 7)).toEqual({ support: 'neutral' });
    expect(read('サポートについて', 3)).toEqual({ support: 'negative' });
    expect([9, 8, 6].map(categoryPolarity)).toEqual(['positive', 'neutral', 'negative']);
  });
  it('mentionPolarity uses the clause first, the score only when the clause says nothing', () => {
    expect(mentionPolarity('料金が高い', 'price', 10)).toBe('negative');
    expect(mentionPolarity('料金について', 'price', 10)).toBe('positive');
  });
});
