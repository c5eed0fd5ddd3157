import { describe, expect, it } from 'vitest';
import { checkDictionary, keywordProblem, MAX_KEYWORDS } from './dictionary-check';
import { DEFAULT_TOPICS } from './dictionary';

const topic = (id: string, keywords: unknown[] = ['料金']) => ({ id, label: { ja: id, en: id }, keywords });

describe('a topic dictionary from a file or from storage', () => {
  it('accepts the default one as it is', () => {
    const checked = checkDictionary(DEFAULT_TOPICS);
    expect(checked).toEqual({ ok: true, topics: DEFAULT_TOPICS, repeatedKeywords: 0 });
  });

  it('refuses what would blank or freeze the Comments view, naming the topic', () => {
    expect(checkDictionary({ topics: [] })).toEqual({ ok: false, problem: { code: 'not-a-list' } });
    expect(checkDictionary([topic('a'), topic('a')])).toEqual({ ok: false, problem: { code: 'duplicate-id', id: 'a' } });
    expect(checkDictionary([topic('a', ['ok', 42])])).toEqual({ ok: false, problem: { code: 'bad-keyword', id: 'a' } });
    expect(checkDictionary([topic('a', [''])])).toEqual({ ok: false, problem: { code: 'bad-keyword', id: 'a' } });
    expect(checkDictionary([{ id: 'a', label: 'Price', keywords: [] }])).toEqual({ ok: false, problem: { code: 'bad-label', id: 'a' } });
    expect(checkDictionary([topic('a'), { label: { ja: 'x', en: 'x' }, keywords: [] }])).toEqual({ ok: false, problem: { code: 'not-a-topic', index: 1 } });
    expect(checkDictionary([null])).toEqual({ ok: false, problem: { code: 'not-a-topic', index: 0 } });
    expect(checkDictionary(Array.from({ length: 33 }, (_, i) => topic(`t${i}`)))).toEqual({ ok: false, problem: { code: 'too-many-topics', max: 32 } });
    expect(checkDictionary([topic('a', Array.from({ length: MAX_KEYWORDS + 1 }, (_, i) => `k${i}`))])).toEqual({ ok: false, problem: { code: 'too-many-keywords', id: 'a', max: 500 } });
  });

  it('keeps a keyword given twice once, fills a missing label language, and drops unknown fields', () => {
    const checked = checkDictionary([{ id: '__proto__', label: { en: ' Price ' }, keywords: ['料金', '料金', 'price'], extra: { huge: true } }]);
    expect(checked).toEqual({ ok: true, topics: [{ id: '__proto__', label: { ja: 'Price', en: 'Price' }, keywords: ['料金', 'price'] }], repeatedKeywords: 1 });
  });

  it('says why a keyword cannot be added in the editor', () => {
    const t = { id: 'a', label: { ja: 'a', en: 'a' }, keywords: ['料金'] };
    expect(keywordProblem(t, '  ')).toBe('empty');
    expect(keywordProblem(t, ' 料金 ')).toBe('repeated');
    expect(keywordProblem(t, '値段')).toBeNull();
    expect(keywordProblem(t, 'x'.repeat(1001))).toBe('too-long');
    expect(keywordProblem({ ...t, keywords: Array.from({ length: 500 }, (_, i) => `k${i}`) }, 'new')).toBe('too-many');
  });
});

describe('feasibility', () => {
  it('keeps a short- or long-term mark and drops anything else', () => {
    const checked = checkDictionary([{ ...topic('a'), feasibility: 'short' }, { ...topic('b'), feasibility: 'soon' }, { ...topic('c'), feasibility: 'long' }]);
    expect(checked.ok && checked.topics.map((t) => t.feasibility)).toEqual(['short', undefined, 'long']);
  });
});
