import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { DEFAULT_TOPICS, type Topic } from './dictionary';
import { normaliseComment } from './normalise';
import { compileTopics, keywordCounts, keywordSource, tagComment } from './topics';

const compiled = compileTopics(DEFAULT_TOPICS);
const topicsOf = (comment: string) => tagComment(normaliseComment(comment), compiled).map((m) => m.topicId);

describe('DEFAULT_TOPICS', () => {
  it('has the eight default ids with Japanese and English labels', () => {
    expect(DEFAULT_TOPICS.map((t) => t.id)).toEqual(['features', 'support', 'price', 'usability', 'performance', 'reliability', 'onboarding', 'integrations']);
    expect(DEFAULT_TOPICS.map((t) => t.label.ja)).toEqual(['機能', 'サポート', '価格', '使いやすさ', '速度・性能', '安定性・障害', '導入・オンボーディング', '連携']);
    expect(DEFAULT_TOPICS.map((t) => t.label.en)).toEqual(['Features', 'Support', 'Price', 'Usability', 'Performance', 'Reliability', 'Onboarding', 'Integrations']);
  });
  it('compiles every keyword as a regex (no keyword falls back to plain text)', () => {
    const broken = DEFAULT_TOPICS.flatMap((t) => t.keywords.filter((k) => keywordSource(k).error));
    expect(broken).toEqual([]);
  });
});

describe('substring traps', () => {
  it('安定 and 安心 are not price (安 needs an inflection: 安い, 安く)', () => {
    expect(topicsOf('システムが安定していて安心して使えます')).toEqual(['reliability']);
    expect(topicsOf('もう少し安くしてほしい')).toEqual(['price']);
  });
  it('最高 and 満足度が高い are not price, 料金が高い and 高すぎる are', () => {
    expect(topicsOf('最高です')).toEqual([]);
    expect(topicsOf('満足度が高い')).toEqual([]);
    expect(topicsOf('ちょっと高すぎる')).toEqual(['price']);
  });
  it('使い勝手 is usability, while 使い alone is nothing', () => {
    expect(topicsOf('使い勝手が悪い')).toEqual(['usability']);
    expect(topicsOf('毎日使い続けています')).toEqual([]);
  });
  it('早速 is not speed, 早い about the software is', () => {
    expect(topicsOf('早速使ってみました')).toEqual([]);
    expect(topicsOf('とにかく早い')).toEqual(['performance']);
  });
  it('a slow or quick reply is about support, not performance', () => {
    expect(topicsOf('サポートの返信が遅い')).toEqual(['support']);
    expect(topicsOf('The support team is slow to respond')).toEqual(['support']);
    expect(topicsOf('The app is slow')).toEqual(['performance']);
  });
  it('ダウンロード is not an outage, ロードマップ not loading, 学習コスト not price', () => {
    expect(topicsOf('ロードマップを公開してほしい')).toEqual([]);
    expect(topicsOf('サーバーがダウンした')).toEqual(['reliability']);
    expect(topicsOf('学習コストが高い')).toEqual(['usability']);
  });
  it('English keywords match whole words only (ui is not in "build", cost not in "costume")', () => {
    expect(topicsOf('we build costumes')).toEqual([]);
    expect(topicsOf('The UI is clean')).toEqual(['usability']);
  });
  it('matches サポート inside compounds and after NFKC (ｶｽﾀﾏｰｻﾎﾟｰﾄ)', () => {
    expect(topicsOf('ｶｽﾀﾏｰｻﾎﾟｰﾄが親切')).toEqual(['support']);
  });
});

describe('tagComment', () => {
  it('gives one mention per topic, at its first keyword, with where it matched', () => {
    const text = normaliseComment('サポートは丁寧。サポートの返信も早い。料金は高い');
    const mentions = tagComment(text, compiled);
    expect(mentions.map((m) => [m.topicId, text.slice(m.start, m.end)])).toEqual([['support', 'サポート'], ['price', '料金']]);
    expect(mentions[0].start).toBe(0);
  });
});

describe('compileTopics', () => {
  it('reuses the compiled regex of topics whose keywords did not change', () => {
    const edited = DEFAULT_TOPICS.map((t) => (t.id === 'price' ? { ...t, keywords: [...t.keywords, 'サブスク'] } : t));
    const next = compileTopics(edited, compiled);
    next.topics.forEach((c, i) => (c.id === 'price' ? expect(c).not.toBe(compiled.topics[i]) : expect(c.pattern).toBe(compiled.topics[i].pattern)));
  });
  it('takes a keyword that is not a valid regex literally instead of failing', () => {
    const topic: Topic = { id: 'x', label: { ja: 'x', en: 'x' }, keywords: ['(未完'] };
    const c = compileTopics([topic]);
    expect(c.topics[0].keywords[0].error).toBeTruthy();
    expect(tagComment('これは(未完です', c).map((m) => m.topicId)).toEqual(['x']);
  });
});

describe('keywordCounts', () => {
  const table = tableFromRows(
    ['Slack連携が便利', 'Slackとの連携ができない', 'APIが欲しい', '特になし', '価格が高い', 'Salesforce連携'].map((comment) => ({ score: 5, comment })),
  );
  const integrations = DEFAULT_TOPICS.find((t) => t.id === 'integrations')!;
  const count = (topic: Topic, keyword: string) => keywordCounts(table, topic).find((k) => k.keyword === keyword)?.comments;

  it('counts the comments each keyword matches', () => {
    expect(count(integrations, '連携')).toBe(3);
    expect(count(integrations, 'slack')).toBe(2);
    expect(count(integrations, 'apis?')).toBe(1);
  });
  it('adding a keyword changes the counts of that topic only', () => {
    const edited = DEFAULT_TOPICS.map((t) => (t.id === 'integrations' ? { ...t, keywords: [...t.keywords, '欲しい'] } : t));
    const before = DEFAULT_TOPICS.map((t) => keywordCounts(table, t));
    const after = edited.map((t) => keywordCounts(table, t));
    edited.forEach((t, i) => {
      if (t.id !== 'integrations') expect(after[i]).toEqual(before[i]);
    });
    const i = edited.findIndex((t) => t.id === 'integrations');
    expect(after[i].slice(0, before[i].length)).toEqual(before[i]);
    expect(after[i].at(-1)).toEqual({ keyword: '欲しい', comments: 1 });
  });
});
