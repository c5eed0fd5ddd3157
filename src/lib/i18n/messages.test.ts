import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { format, shownParams, translate } from './messages';

type Key = keyof typeof en;
const keys = Object.keys(en) as Key[];

/**
 * Japanese texts that are rightly written in Latin letters only. Keep this short: anything a
 * Japanese reader would see in Japanese belongs in Japanese.
 * - 'app.name': the product's name is not translated.
 * - 'overview.nps', 'table.nps', 'refs.value': "NPS" is how Japanese CS teams write Net Promoter Score.
 * - 'overview.nps@employee': and "eNPS" is how Japanese HR teams write the employees' one.
 */
const LATIN_IN_JA: ReadonlySet<Key> = new Set<Key>(['app.name', 'overview.nps', 'table.nps', 'refs.value', 'overview.nps@employee']);

/** Hiragana, katakana (half-width included), CJK ideographs, Japanese punctuation and full-width forms. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** The text a reader sees: placeholders and plural syntax taken out, only their words kept. */
function visible(text: string): string {
  return text
    .replace(/\{\w+,\s*plural,/g, ' ')
    .replace(/(?:=\d+|zero|one|two|few|many|other)\s*\{/g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/[{}#]/g, ' ');
}

describe('messages', () => {
  it('ja has every key of en and en every key of ja, none empty', () => {
    expect(Object.keys(ja).filter((k) => !(k in en))).toEqual([]);
    expect(keys.filter((k) => !(k in ja))).toEqual([]);
    expect(Object.entries(ja).filter(([, v]) => !v.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it('every parameter a text shows is shown in both languages', () => {
    const mismatched = keys.filter((k) => shownParams(en[k]).join() !== shownParams(ja[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('no Japanese text is left in English (only the allow-list is Latin-only)', () => {
    const english = keys.filter((k) => !LATIN_IN_JA.has(k) && /[A-Za-z]{2,}/.test(visible(ja[k])) && !JAPANESE.test(visible(ja[k])));
    expect(english).toEqual([]);
    // The allow-list holds only what is still Latin-only: a key translated since is taken off.
    expect([...LATIN_IN_JA].filter((k) => JAPANESE.test(ja[k]))).toEqual([]);
  });

  it('no English text says "(s)", "file(s)" and the like: plurals are chosen by count', () => {
    expect(keys.filter((k) => /\w\(s\)|\(es\)/.test(en[k]))).toEqual([]);
    // A count placeholder right before a plural noun prints "1 answers": it must choose its form.
    expect(keys.filter((k) => /\{\w+\} (?:answers|rows|files|comments|customers|words|values|mentions|topics)\b/.test(en[k]))).toEqual([]);
  });

  it('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} of {b}', { a: 1 })).toBe('1 of {b}');
  });

  it('format chooses the English plural form by count, with exact options first', () => {
    const text = '{count, plural, =0 {No file} one {Import # file} other {Import # files}}';
    expect(format(text, { count: 0 })).toBe('No file');
    expect(format(text, { count: 1 })).toBe('Import 1 file');
    expect(format(text, { count: 2 })).toBe('Import 2 files');
    // Numbers arrive formatted for display: "1,234" is still a plural.
    expect(format(text, { count: '1,234' })).toBe('Import 1,234 files');
    expect(format('{n, plural, one {# row of “{file}”} other {# rows of “{file}”}}', { n: 1, file: 'a.csv' })).toBe('1 row of “a.csv”');
    expect(format('{n, plural, one {# row} other {# rows}}', {})).toBe('{n, plural, one {# row} other {# rows}}');
  });

  it('Japanese has one form: other', () => {
    expect(format('{count, plural, other {# 件}}', { count: 1 }, 'ja')).toBe('1 件');
    expect(format('{count, plural, one {# file} other {# files}}', { count: 1 }, 'ja')).toBe('1 files');
  });

  it('shownParams lists what a text prints, not a name that only chooses a plural form', () => {
    expect(shownParams('{count, plural, one {answer} other {answers}}')).toEqual([]);
    expect(shownParams('{n, plural, one {# row of {file}} other {# rows of {file}}} in {wave}')).toEqual(['file', 'n', 'wave']);
  });

  it('translate gives texts in the chosen language, plurals included', () => {
    expect(translate('en', 'reason.score-not-whole', { value: '7.5' })).toBe('score is not a whole number from 0 to 10: "7.5"');
    expect(translate('ja', 'reason.score-not-whole', { value: '7.5' })).toBe('スコアが 0〜10 の整数ではありません：「7.5」');
    expect(translate('en', 'preview.import', { count: 1 })).toBe('Import 1 file');
    expect(translate('en', 'preview.import', { count: 3 })).toBe('Import 3 files');
    expect(translate('ja', 'preview.import', { count: 3 })).toBe('3 件のファイルを取り込む');
    expect(translate('en', 'dataset.answers', { count: '1' })).toBe('1 answer');
    expect(translate('en', 'filter.kept', { kept: '60', total: '240' })).toBe('60 of 240 answers');
  });
});
