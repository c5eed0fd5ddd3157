import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import TinySegmenter from 'tiny-segmenter';
import { compileKeepWhole, tokenise, topWords, wordCounts } from './words';
import { JA } from '../sample-text';
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

describe('tokenise with dictionary keywords kept whole', () => {
  // Splits tiny-segmenter 0.2.0 really makes (checked against a fresh segmenter below).
  const SPLIT = [
    { text: '7月の大規模障害で丸一日業務が止まりました。', pieces: ['大規', '模障', '害'], keep: '障害' },
    { text: '料金が高く、費用対効果を社内で説明しにくいです。', pieces: ['費用', '対効', '果'], keep: '費用対効果' },
    { text: '月額料金が高い', pieces: ['月', '額料', '金'], keep: '月額' },
    { text: '初期設定を一緒に進めてもらえて助かりました。', pieces: ['初期', '設定'], keep: '初期設定' },
  ];
  const keep = compileKeepWhole(['障害', '費用対効果', '月額', '料金', '初期設定', 'ダッシュボード', '読み込み']);

  it('starts from texts tiny-segmenter really splits', () => {
    const plain = new TinySegmenter();
    for (const { text, pieces, keep: word } of SPLIT) {
      const segments = plain.segment(normaliseComment(text));
      for (const p of pieces) expect(segments).toContain(p);
      expect(segments).not.toContain(word);
      expect(tokenise(normaliseComment(text))).not.toContain(word);
    }
  });
  it('keeps the keywords whole and segments the rest as before', () => {
    expect(tokenise(normaliseComment('7月の大規模障害で丸一日業務が止まりました。'), keep)).toEqual(['7月', '大規模', '障害', '丸一', '日', '業務', '止まり']);
    expect(tokenise(normaliseComment('月額料金が高い'), keep)).toEqual(['月額', '料金', '高い']);
    for (const { text, keep: word } of SPLIT) expect(tokenise(normaliseComment(text), keep)).toContain(word);
    // Endings are still joined back and particles dropped between kept words.
    expect(tokenise(normaliseComment('初期設定が使いやすい'), keep)).toEqual(['初期設定', '使いやすい']);
  });
  it('matches the longest keyword at the leftmost place', () => {
    const k = compileKeepWhole(['費用', '費用対効果', '効果']);
    expect(tokenise('費用対効果が高い', k)).toEqual(['費用対効果', '高い']);
    expect(tokenise('効果と費用', k)).toEqual(['効果', '費用']);
  });
  it('changes nothing where tiny-segmenter keeps the word anyway (ダッシュボード, 読み込み)', () => {
    for (const text of ['新しいダッシュボードが見やすい。', 'データの読み込みに時間がかかりすぎる。', '管理ダッシュボード画面']) {
      const n = normaliseComment(text);
      expect(tokenise(n, keep)).toEqual(tokenise(n));
    }
  });
  it('leaves English alone, and an empty keep list is the plain tokeniser', () => {
    const en = normaliseComment('The Slack integration saves us time.');
    expect(tokenise(en, keep)).toEqual(['slack', 'integration', 'saves', 'time']);
    const ja = normaliseComment('7月の大規模障害で丸一日業務が止まりました。');
    expect(tokenise(ja, compileKeepWhole([]))).toEqual(tokenise(ja));
  });
  it('cuts words only where an untouched tiny-segmenter cuts (the cached character types change nothing)', () => {
    const plain = new TinySegmenter();
    const phrases = Object.values(JA).flatMap((tones) => Object.values(tones).flat()).map((p) => normaliseComment(typeof p === 'string' ? p : p.t));
    expect(phrases.length).toBeGreaterThan(50);
    let checked = 0;
    for (const text of phrases) {
      // Every place the plain segmenter (or the English split) cuts the text.
      const cuts = new Set<number>([0]);
      let at = 0;
      for (const part of text.split(/([a-z][a-z'-]*[a-z]|[a-z])/)) {
        if (/^[a-z]/.test(part)) at += part.length;
        else for (const piece of plain.segment(part)) cuts.add((at += piece.length));
        cuts.add(at);
        if (!/^[a-z]/.test(part)) for (let k = 0, q = at - part.length; k < part.length; k++) if (/\s/.test(part[k])) cuts.add(q + k).add(q + k + 1);
      }
      at = 0;
      for (const w of tokenise(text)) {
        const start = text.indexOf(w, at);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(cuts.has(start) && cuts.has(start + w.length), `${w} in ${text}`).toBe(true);
        at = start + w.length;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
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

describe('tokenise keeps a kana-final keyword only where its word ends', () => {
  const keep = compileKeepWhole(['動かな', '問い合わせ']);
  it('keeps 問い合わせ before a particle, never 動かな inside 動かない', () => {
    expect(tokenise('問い合わせが多い', keep)).toContain('問い合わせ');
    expect(tokenise('アプリが動かない', keep)).not.toContain('動かな');
    expect(tokenise('アプリが動かない', keep)).toEqual(tokenise('アプリが動かない'));
  });
});
