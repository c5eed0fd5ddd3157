import { describe, expect, it } from 'vitest';
import { concatText, emptyText, packText, sliceText, textAt, textIsEmpty, TextColumnBuilder, unpackText } from './text-column';

const values = ['サポート', '', 'fast, "stable"', '😀 emoji', '', '改行\nあり'];

describe('TextColumn', () => {
  it('packText / textAt give back every value, empty ones included', () => {
    const c = packText(values);
    expect(values.map((_, i) => textAt(c, i))).toEqual(values);
    expect(values.map((_, i) => textIsEmpty(c, i))).toEqual([false, true, false, false, true, false]);
  });
  it('sliceText keeps the values of the range and rebases the offsets', () => {
    const s = sliceText(packText(values), 2, 5);
    expect(unpackText(s)).toEqual(values.slice(2, 5));
    expect(s.text).toBe(values.slice(2, 5).join(''));
    expect(unpackText(sliceText(packText(values), 0, 0))).toEqual([]);
  });
  it('concatText joins columns in order', () => {
    const c = concatText([packText(values.slice(0, 3)), emptyText(2), packText(values.slice(3))]);
    expect(unpackText(c)).toEqual([...values.slice(0, 3), '', '', ...values.slice(3)]);
  });
  it('TextColumnBuilder grows past its capacity and across blocks', () => {
    const b = new TextColumnBuilder(2);
    const many = Array.from({ length: 10_000 }, (_, i) => (i % 3 ? `v${i}` : ''));
    for (const v of many) b.push(v);
    const c = b.finish();
    expect(c.ends.length).toBe(10_000);
    expect(textAt(c, 9_998)).toBe('v9998');
    expect(unpackText(c)).toEqual(many);
  });
});
