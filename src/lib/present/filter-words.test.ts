import { describe, expect, it } from 'vitest';
import { filterWords, viewCaption, type FilterQuery } from './filter-words';
import { escapeMarkup } from './markup';

const none: FilterQuery = { from: null, to: null, segmentValues: [], waves: [], oneVoice: false };

describe('filterWords(query, lang) says what a view shows', () => {
  it('names segment values by column, the dates and the waves, in that order', () => {
    const query: FilterQuery = { from: '2024-04-01', to: '2024-09-30', segmentValues: [['Plan', 'Standard'], ['Region', '関東'], ['Plan', 'Pro']], waves: ['2024-Q2'], oneVoice: false };
    expect(filterWords(query, 'en')).toBe('Plan: Standard, Pro · Region: 関東 · 2024-04-01 – 2024-09-30 · Wave: 2024-Q2');
    expect(filterWords(query, 'ja')).toBe('Plan：Standard・Pro · Region：関東 · 2024-04-01 〜 2024-09-30 · 調査回：2024-Q2');
  });

  it('says an open range and one voice per customer in words', () => {
    expect(filterWords({ ...none, from: '2024-04-01' }, 'en')).toBe('from 2024-04-01');
    expect(filterWords({ ...none, to: '2024-09-30', waves: ['W1', 'W2'] }, 'en')).toBe('until 2024-09-30 · Waves: W1, W2');
    expect(filterWords({ ...none, to: '2024-09-30', oneVoice: true }, 'ja')).toBe('2024-09-30 まで · 顧客ごとに1回答');
  });

  it('says when nothing is filtered', () => {
    expect(filterWords(none, 'en')).toBe('All answers, no filter');
    expect(filterWords(none, 'ja')).toBe('すべての回答（絞り込みなし）');
  });
});

describe('viewCaption(name, query, kept, total, lang)', () => {
  it('gives the dataset, then the filter with the answers it keeps', () => {
    expect(viewCaption('Acme', { ...none, segmentValues: [['Plan', 'Standard']] }, 1234, 4837, 'en')).toEqual(['Dataset: Acme', 'Plan: Standard · 1,234 of 4,837 answers']);
    expect(viewCaption('Acme', none, null, 1, 'en')).toEqual(['Dataset: Acme', 'All answers, no filter · 1 answer']);
    expect(viewCaption('アクメ', none, null, 4837, 'ja')).toEqual(['データセット：アクメ', 'すべての回答（絞り込みなし） · 回答 4,837 件']);
  });
});

describe('escapeMarkup(value)', () => {
  it('writes the five markup characters as entities and drops characters XML forbids', () => {
    expect(escapeMarkup(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeMarkup('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(escapeMarkup(12.5)).toBe('12.5');
  });
});
