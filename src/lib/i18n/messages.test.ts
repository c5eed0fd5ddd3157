import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { format, translate } from './messages';

describe('messages', () => {
  it('ja has every key of en, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    expect(Object.entries(ja).filter(([, v]) => !v.trim())).toEqual([]);
  });
  it('every placeholder of a key appears in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = (Object.keys(en) as Array<keyof typeof en>).filter((k) => names(en[k]).join() !== names(ja[k]).join());
    expect(mismatched).toEqual([]);
  });
  it('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} of {b}', { a: 1 })).toBe('1 of {b}');
  });
  it('translate gives the rejection reason in the chosen language', () => {
    expect(translate('en', 'reason.score-not-whole', { value: '7.5' })).toBe('score is not a whole number from 0 to 10: "7.5"');
    expect(translate('ja', 'reason.score-not-whole', { value: '7.5' })).toBe('スコアが 0〜10 の整数ではありません：「7.5」');
  });
});
