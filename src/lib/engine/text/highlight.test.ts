import { describe, expect, it } from 'vitest';
import { cutAt, foldWithOrigins, highlightSpans, keywordInContext, searchPattern } from './highlight';
import { packText } from '../text-column';
import { normaliseComment } from './normalise';
import { sampleCsv } from '../sample';
import { compileTopic } from './topics';
import { DEFAULT_TOPICS } from './dictionary';

const marked = (text: string, needle: string, patterns: RegExp[] = []) =>
  cutAt(text, highlightSpans(text, needle, patterns)).filter((p) => p.hit).map((p) => p.text);

describe('highlightSpans', () => {
  it('marks a Japanese substring and an English word case-insensitively', () => {
    expect(marked('サポートの返信が遅い。サポート以外は満足', 'サポート')).toEqual(['サポート', 'サポート']);
    expect(marked('The Dashboard is slow; dashboard exports fail', 'dashboard')).toEqual(['Dashboard', 'dashboard']);
  });

  it('marks what was typed when folding changes the length (half-width kana, full-width Latin)', () => {
    expect(marked('ｻﾎﾟｰﾄが遅い', 'サポート')).toEqual(['ｻﾎﾟｰﾄ']);
    expect(marked('ＣＳＶの出力', 'csv')).toEqual(['ＣＳＶ']);
    const { folded, origin } = foldWithOrigins('ｻﾎﾟｰﾄ');
    expect(folded).toBe('サポート');
    expect([...origin]).toEqual([0, 1, 3, 4, 5]);
  });

  it('marks every keyword of a topic, merged with the search', () => {
    const support = compileTopic(DEFAULT_TOPICS.find((t) => t.id === 'support')!);
    expect(marked('問い合わせへの返信が遅い', '', support.keywords.map((k) => k.pattern))).toEqual(['問い合わせ', '返信']);
    expect(marked('サポートの対応が遅い', 'ートの対', [/サポート/])).toEqual(['サポートの対']);
  });

  it('keeps the whole text when nothing matches', () => {
    expect(cutAt('abc', highlightSpans('abc', 'x'))).toEqual([{ text: 'abc', hit: false }]);
    expect(cutAt('', [])).toEqual([{ text: '', hit: false }]);
  });
});

describe('keywordInContext', () => {
  const comments = packText([
    'サポートの返信がとても遅いので困っています。改善してほしい',
    '料金が高い',
    '',
    'ｻﾎﾟｰﾄは丁寧',
    '管理画面が見やすい。サポートも良い',
  ]);
  const support = /サポート/;

  it('cuts the newest matching comments around their first match, as typed', () => {
    const lines = keywordInContext(comments, support, 6, 5);
    expect(lines.map((l) => l.answer)).toEqual([4, 3, 0]);
    expect(lines[0]).toEqual({ answer: 4, before: '…見やすい。', match: 'サポート', after: 'も良い' });
    expect(lines[1]).toEqual({ answer: 3, before: '', match: 'ｻﾎﾟｰﾄ', after: 'は丁寧' });
    expect(lines[2]).toEqual({ answer: 0, before: '', match: 'サポート', after: 'の返信がと…' });
  });

  it('stops at the limit and honours the filter', () => {
    expect(keywordInContext(comments, support, 1).map((l) => l.answer)).toEqual([4]);
    expect(keywordInContext(comments, support, 6, 24, Uint8Array.from([1, 1, 1, 0, 0])).map((l) => l.answer)).toEqual([0]);
  });
});

describe('foldWithOrigins folds as tagging does', () => {
  it('gives normaliseComment\'s text for the sample\'s comments and for the awkward cases', () => {
    const awkward = ['サ−バが落ちた', 'サーバー、ユーザー', 'ｻｰﾊﾞｰ が  重い', 'Don’t   like\r\n\r\n  it', '月末〜月初', 'インターフェース', 'ＣＳＶ　出力', ' 前後に空白 ', 'ダウンロード―ー'];
    const comments = [...awkward, ...sampleCsv().split('\n').slice(1, 800)];
    for (const text of comments) expect(foldWithOrigins(text).folded.trim()).toBe(normaliseComment(text));
  });

  it('marks a keyword the tagger matched through a folding (dash for ー, word-final ー)', () => {
    expect(marked('サ−バが落ちた', '', [/サーバ/])).toEqual(['サ−バ']);
    expect(marked('サーバーが落ちた', 'サーバ')).toEqual(['サーバー']);
    expect(keywordInContext(packText(['サ−バが落ちた']), /サーバ/)[0].match).toBe('サ−バ');
  });

  it('ends a mark after the whole piece a match ends in', () => {
    expect(marked('㍿㍿', '会社株')).toEqual(['㍿㍿']);
  });

  it('finds an English search term at the start of a word only', () => {
    expect(marked('Start the article', 'art')).toEqual(['art']);
    expect(highlightSpans('Start the article', 'art')).toEqual([{ start: 10, end: 13 }]);
    expect(marked('サポートが遅い', 'ート')).toEqual(['ート']);
  });
});

describe('searchPattern', () => {
  it('folds the search like the comments', () => {
    expect(searchPattern('サーバー')!.source).toBe('サーバ');
    expect(searchPattern('ｻｰﾊﾞｰ')!.source).toBe('サーバ');
    expect(marked('ｻｰﾊﾞｰが重い', 'サーバー')).toEqual(['ｻｰﾊﾞｰ']);
    expect(searchPattern('  ')).toBeNull();
  });
});
