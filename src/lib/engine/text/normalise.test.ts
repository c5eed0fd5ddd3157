import { describe, expect, it } from 'vitest';
import { isEmptyComment, normaliseComment, normaliseKeyword } from './normalise';

describe('normaliseComment', () => {
  it('drops a run of long vowel marks that ends a katakana word, however it was typed', () => {
    expect(normaliseComment('ダウンロード―ー')).toBe('ダウンロード');
    expect(normaliseComment('サーバーー、ユーザー')).toBe('サーバ、ユーザ');
  });
  it('folds full-width Latin and digits to ASCII and lower-cases them', () => {
    expect(normaliseComment('ＣＳＶ出力が１０秒')).toBe('csv出力が10秒');
    expect(normaliseComment('Slack Integration')).toBe('slack integration');
  });
  it('turns half-width katakana into full-width: ｻﾎﾟｰﾄ is サポート', () => {
    expect(normaliseComment('ｻﾎﾟｰﾄが親切')).toBe('サポートが親切');
  });
  it('drops the long vowel mark at the end of a katakana word, so サーバー ≡ サーバ', () => {
    expect(normaliseComment('サーバーが重い')).toBe(normaliseComment('サーバが重い'));
    expect(normaliseComment('サーバーが重い')).toBe('サーバが重い');
  });
  it('keeps a long vowel mark inside a word (サポート stays サポート)', () => {
    expect(normaliseComment('サポートチーム')).toBe('サポートチーム');
  });
  it('reads a dash typed after katakana as the long vowel mark', () => {
    expect(normaliseComment('サ−ビス')).toBe('サービス');
    expect(normaliseComment('サ―ビス')).toBe('サービス');
  });
  it('collapses runs of spaces (ideographic ones too) and trims', () => {
    expect(normaliseComment('  動作が\u3000\u3000遅い  ')).toBe('動作が 遅い');
  });
  it('keeps line breaks as one sentence break', () => {
    expect(normaliseComment('良い\r\n\r\n  でも高い')).toBe('良い\nでも高い');
  });
  it("unifies typographic apostrophes, so don’t reads as don't", () => {
    expect(normaliseComment('Don’t like it')).toBe("don't like it");
  });
  it('leaves plain Japanese text unchanged', () => {
    expect(normaliseComment('問い合わせへの回答が丁寧で安心できます。')).toBe('問い合わせへの回答が丁寧で安心できます。');
  });
});

describe('normaliseKeyword', () => {
  it('folds keywords like text, so ｻｰﾊﾞｰ and サーバー are the same keyword', () => {
    expect(normaliseKeyword('ｻｰﾊﾞｰ')).toBe('サーバ');
    expect(normaliseKeyword('サーバー')).toBe('サーバ');
  });
  it('keeps the case of regex escapes (\\B is not \\b)', () => {
    expect(normaliseKeyword('API\\B')).toBe('api\\B');
  });
  it('keeps a long vowel mark that a group continues (スムー(ズ|ス))', () => {
    expect(normaliseKeyword('スムー(ズ|ス)')).toBe('スムー(ズ|ス)');
    expect(normaliseKeyword('サーバー|エラー')).toBe('サーバ|エラ');
  });
});

describe('isEmptyComment', () => {
  it('treats 特になし, なし, 無し, N/A, - and blanks as saying nothing', () => {
    for (const t of ['特になし', '特に無し', '特にありません。', 'なし', '無し', 'N/A', 'n/a', 'ｎ／ａ', '-', '---', 'ー', '', '  ', 'None.', 'Nothing special.']) {
      expect(isEmptyComment(t), t).toBe(true);
    }
  });
  it('keeps short real comments', () => {
    for (const t of ['遅い', '高い', 'Great', 'なしでも良いが高い', '特になしと言いたいが動作が遅い']) expect(isEmptyComment(t), t).toBe(false);
  });
});
