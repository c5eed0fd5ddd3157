import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../answers';
import { mulberry32 } from '../sample';
import { EN, GENERIC, JA, NOTHING } from '../sample-text';
import { packText, textAt } from '../text-column';
import type { TextColumn } from '../text-column';
import { DEFAULT_TOPICS, type Topic } from './dictionary';
import { isEmptyNormalised, normaliseComment } from './normalise';
import {
  answersMentioning,
  buildWordIndex,
  countsToMap,
  countWordsByGroup,
  keepWholeWords,
  mergeWordIndexes,
  retokenise,
  TOKENISER_VERSION,
  topWordsOf,
  type WordIndex,
} from './word-index';
import { compileKeepWhole, tokenise, topWords, wordCounts } from './words';

/** Every answer's words as strings (ids differ between indexes built differently). */
function decode(index: WordIndex): string[][] {
  return Array.from(index.ends, (end, i) => Array.from(index.tokens.subarray(i === 0 ? 0 : index.ends[i - 1], end), (id) => index.words[id]));
}

/** What tokenise gives each answer, with the rules buildWordIndex documents. */
function expected(comment: TextColumn, keep: readonly string[]): string[][] {
  const k = compileKeepWhole(keep);
  return Array.from(comment.ends, (_, i) => {
    const t = normaliseComment(textAt(comment, i));
    return isEmptyNormalised(t) ? [] : tokenise(t, k);
  });
}

const phrasesOf = (table: typeof JA) => Object.values(table).flatMap((tones) => Object.values(tones).flat()).map((p) => (typeof p === 'string' ? p : p.t));
const ALL = [...phrasesOf(JA), ...phrasesOf(EN), ...Object.values(GENERIC.ja).flat(), ...Object.values(GENERIC.en).flat()];

/** A few hundred survey-like comments: one to three sentences, some empty or "nothing to say", some full-width. */
function generated(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const pick = () => ALL[Math.floor(rnd() * ALL.length)];
  return Array.from({ length: n }, () => {
    const r = rnd();
    if (r < 0.08) return '';
    if (r < 0.12) return rnd() < 0.5 ? NOTHING.ja : NOTHING.en;
    let text = pick();
    while (rnd() < 0.45) text += pick();
    if (rnd() < 0.1) text = text.replace(/サーバ|データ|サポート/g, (m) => ({ サーバ: 'ｻｰﾊﾞｰ', データ: 'ﾃﾞｰﾀ', サポート: 'ｻﾎﾟｰﾄ' })[m] ?? m);
    return text;
  });
}

const KEEP = keepWholeWords(DEFAULT_TOPICS);

describe('keepWholeWords', () => {
  it('takes the literal Japanese keywords of the dictionary, normalised, unique and sorted', () => {
    const keywords = DEFAULT_TOPICS.flatMap((t) => t.keywords);
    for (const w of ['費用対効果', '初期設定', '月額', '障害', '会計ソフト']) {
      expect(keywords).toContain(w);
      expect(KEEP).toContain(w);
    }
    // Regex fragments and English words are left to the tokeniser.
    expect(keywords).toContain('読み?込み');
    expect(keywords).toContain('(?<!学習)コスト');
    expect(keywords).toContain('slack');
    for (const w of ['読み?込み', '読み込み', '(?<!学習)コスト', 'コスト', 'slack', 'ui']) expect(KEEP).not.toContain(w);
    // ダッシュボード is not a keyword of the default dictionary (so it cannot be kept by it).
    expect(keywords.some((k) => k.includes('ダッシュボード'))).toBe(false);
    expect(KEEP.every((w) => w.length >= 2 && /[^\x00-\x7f]/.test(w) && !/[.*+?^${}()|[\]\\]/.test(w))).toBe(true);
    expect([...KEEP].sort()).toEqual(KEEP);
    expect(new Set(KEEP).size).toBe(KEEP.length);
    expect(TOKENISER_VERSION).toBeGreaterThan(0);
  });
  it('normalises keywords and drops duplicates and short ones', () => {
    const topics: Topic[] = [
      { id: 'a', label: { ja: 'a', en: 'a' }, keywords: ['ｻｰﾊﾞｰ', 'ダッシュボード', '機', 'api', '遅(い|く)', 'サーバー'] },
      { id: 'b', label: { ja: 'b', en: 'b' }, keywords: ['ダッシュボード', '読み込み', 'cs担当', '動かな', '消え'] },
    ];
    expect(keepWholeWords(topics)).toEqual(['サーバ', 'ダッシュボード', '動かな', '消え', '読み込み']);
  });
});

describe('buildWordIndex', () => {
  const comments = [
    '7月の大規模障害で丸一日業務が止まりました。', '', '特になし', '月額料金が高い', 'The Slack integration saves us time.',
    'ＣＳＶの読み込みが遅い', 'N/A', '月額料金が高いけど、サポートは丁寧です。',
  ];
  const comment = packText(comments);

  it('gives exactly the words tokenise gives each answer, none for empty or "nothing to say" answers', () => {
    const index = buildWordIndex(comment, 0, comments.length, KEEP);
    const words = decode(index);
    expect(words).toEqual(expected(comment, KEEP));
    expect(words[0]).toContain('障害');
    expect(words[1]).toEqual([]);
    expect(words[2]).toEqual([]);
    expect(words[3]).toEqual(['月額', '料金', '高い']);
    expect(words[4]).toEqual(['slack', 'integration', 'saves', 'time']);
    expect(words[6]).toEqual([]);
    expect(index.ends.length).toBe(comments.length);
    expect(index.tokens.length).toBe(index.ends[index.ends.length - 1]);
    // One id per word.
    expect(new Set(index.words).size).toBe(index.words.length);
    expect(index.tokens[index.ends[2]]).toBe(index.tokens[index.ends[6]]); // 月額 in answers 3 and 7
  });
  it('indexes a range and reports progress', () => {
    const index = buildWordIndex(comment, 3, 6, KEEP);
    expect(decode(index)).toEqual(expected(comment, KEEP).slice(3, 6));
    const seen: number[] = [];
    const many = packText(generated(5000, 3));
    buildWordIndex(many, 0, 5000, KEEP, (done) => seen.push(done));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[seen.length - 1]).toBe(5000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
  it('rejects a range outside the column', () => {
    expect(() => buildWordIndex(comment, 0, comments.length + 1, KEEP)).toThrow(RangeError);
  });
});

describe('mergeWordIndexes', () => {
  it('merging ranges built apart equals building the whole at once', () => {
    const texts = generated(400, 11);
    const comment = packText(texts);
    const whole = buildWordIndex(comment, 0, 400, KEEP);
    const parts = [buildWordIndex(comment, 0, 137, KEEP), buildWordIndex(comment, 137, 137, KEEP), buildWordIndex(comment, 137, 290, KEEP), buildWordIndex(comment, 290, 400, KEEP)];
    const merged = mergeWordIndexes(parts);
    // The parts' vocabularies really differ (the merge has to remap ids).
    expect(parts[2].words).not.toEqual(parts[0].words.slice(0, parts[2].words.length));
    expect(decode(merged)).toEqual(decode(whole));
    expect(decode(merged)).toEqual(expected(comment, KEEP));
    expect([...merged.words].sort()).toEqual([...whole.words].sort());
    expect(merged.tokens.length).toBe(whole.tokens.length);
    expect(Array.from(merged.ends)).toEqual(Array.from(whole.ends));
    expect(decode(mergeWordIndexes([]))).toEqual([]);
  });
});

describe('answersMentioning and retokenise', () => {
  it('re-tokenising the answers a dictionary edit touches equals a fresh build', () => {
    const texts = generated(600, 29);
    const comment = packText(texts);
    const before = buildWordIndex(comment, 0, 600, KEEP);
    // The edit: 権限管理 and 経営会議 added, 障害 and 初期設定 removed.
    const after = [...KEEP.filter((w) => w !== '障害' && w !== '初期設定'), '権限管理', '経営会議'].sort();
    const changed = ['権限管理', '経営会議', '障害', '初期設定'];
    const answers = answersMentioning(comment, changed);
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.length).toBeLessThan(300);
    for (let i = 0; i < texts.length; i++) expect(answers.includes(i)).toBe(changed.some((w) => normaliseComment(texts[i]).includes(w)));
    const fresh = buildWordIndex(comment, 0, 600, after);
    // The edit really changes some answers' words.
    expect(decode(fresh)).not.toEqual(decode(before));
    const updated = retokenise(before, comment, answers, after);
    expect(decode(updated)).toEqual(decode(fresh));
    expect(updated.ends[599]).toBe(updated.tokens.length);
    // The index given is left as it was.
    expect(decode(before)).toEqual(expected(comment, KEEP));
    // Order and repeats do not matter; nothing to redo returns the same index.
    expect(decode(retokenise(before, comment, [...answers].reverse().concat([answers[0]]), after))).toEqual(decode(fresh));
    expect(retokenise(before, comment, [], after)).toBe(before);
    expect(() => retokenise(before, comment, [600], after)).toThrow(RangeError);
    expect(answersMentioning(comment, [])).toEqual(new Uint32Array(0));
  });
});

describe('countWordsByGroup, countsToMap and topWordsOf', () => {
  const texts = generated(300, 7);
  const rnd = mulberry32(2);
  const table = tableFromRows(texts.map((comment) => ({ score: Math.floor(rnd() * 11), comment })));
  // 1 promoters, 2 detractors, 0 (left out) passives; answer 5 left out whatever its score.
  const group = Uint8Array.from(table.score, (s, i) => (i === 5 ? 0 : s >= 9 ? 1 : s <= 6 ? 2 : 0));
  const keep = compileKeepWhole(KEEP);
  const index = buildWordIndex(table.comment, 0, table.length, KEEP);
  const counts = countWordsByGroup(index, group, 2);

  it('counts each group as wordCounts does with pick', () => {
    expect(counts.length).toBe(2);
    for (let g = 1; g <= 2; g++) {
      expect(counts[g - 1].length).toBe(index.words.length);
      const map = countsToMap(index, counts[g - 1]);
      expect(map.size).toBeGreaterThan(20);
      expect(map).toEqual(wordCounts(table, undefined, (i) => group[i] === g, keep));
    }
    // The same through include.
    const include = Uint8Array.from(group, (g) => (g === 2 ? 1 : 0));
    expect(countsToMap(index, counts[1])).toEqual(wordCounts(table, include, undefined, keep));
    // Groups past `groups` are left out.
    const one = countWordsByGroup(index, group, 1);
    expect(one.length).toBe(1);
    expect(Array.from(one[0])).toEqual(Array.from(counts[0]));
  });
  it('lists the most frequent words as topWords does', () => {
    for (let g = 0; g < 2; g++) {
      const map = countsToMap(index, counts[g]);
      for (const limit of [1, 5, 20, 10_000]) expect(topWordsOf(index, counts[g], limit)).toEqual(topWords(map, limit));
    }
    expect(topWordsOf(index, counts[0], 0)).toEqual([]);
  });
});
