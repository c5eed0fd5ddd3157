import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { tokenise, topWords, wordCounts } from './words';
import { normaliseComment } from './normalise';

describe('tokenise', () => {
  it('keeps content words of Japanese and drops particles and punctuation', () => {
    const words = tokenise(normaliseComment('サポートの対応がとても早くて助かりました。'));
    expect(words).toContain('サポート');
    expect(words).toContain('対応');
    expect(words).not.toContain('の');
    expect(words).not.toContain('が');
    expect(words).not.toContain('。');
  });
  it('joins the endings that carry the meaning: 使いやすい, 遅くない', () => {
    expect(tokenise(normaliseComment('画面が使いやすい'))).toContain('使いやすい');
    expect(tokenise(normaliseComment('動作は遅くない'))).toContain('遅くない');
  });
  it('reads English by words without stop words', () => {
    expect(tokenise(normaliseComment('The Slack integration saves us time.'))).toEqual(['slack', 'integration', 'saves', 'time']);
  });
});

describe('wordCounts and topWords', () => {
  it('counts words over the comments kept, and skips 特になし', () => {
    const table = tableFromRows([
      { score: 3, comment: 'Support is slow. Support again.' },
      { score: 9, comment: 'Great support' },
      { score: 5, comment: '特になし' },
      { score: 2, comment: 'slow slow' },
    ]);
    const counts = wordCounts(table);
    expect(counts.get('support')).toBe(3);
    expect(counts.get('slow')).toBe(3);
    expect(counts.has('特になし')).toBe(false);
    expect(topWords(counts, 2)).toEqual([{ word: 'slow', count: 3 }, { word: 'support', count: 3 }]);
    expect(wordCounts(table, undefined, (i) => table.score[i] >= 9).get('support')).toBe(1);
  });
});
