import { describe, expect, it } from 'vitest';
import { concatText, emptyText, packText, sliceText, splitByText, textAt, textIsEmpty, TextColumnBuilder, unpackText } from './text-column';

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

describe('splitByText', () => {
  it('cuts the answers into parts of about equal text, not equal counts', () => {
    // Four answers of 10 characters: halves of 20.
    expect(splitByText(Int32Array.from([10, 20, 30, 40]), 2)).toEqual([0, 2, 4]);
    // One long comment first (90 of 100 characters): it is a part of its own.
    expect(splitByText(Int32Array.from([90, 92, 94, 96, 98, 100]), 2)).toEqual([0, 1, 6]);
    expect(splitByText(Int32Array.from([5, 10, 15, 20, 25, 30]), 3)).toEqual([0, 2, 4, 6]);
  });

  it('never makes an empty part', () => {
    expect(splitByText(Int32Array.from([0, 0, 0]), 2)).toEqual([0, 1, 3]);
    expect(splitByText(Int32Array.from([7]), 4)).toEqual([0, 1]);
    expect(splitByText(new Int32Array(0), 2)).toEqual([0, 0]);
  });
});

describe('concatText of long columns', () => {
  it('joins when first read, and reads, clones and spreads as the joined text', () => {
    const long = 'コメント'.repeat(200_000); // 800,000 characters
    const a = packText([long, 'a']), b = packText(['b', long]);
    const joined = concatText([a, b]);
    expect(joined.ends).toEqual(Uint32Array.from([800_000, 800_001, 800_002, 1_600_002]));
    expect(textAt(joined, 1)).toBe('a');
    expect(textAt(joined, 2)).toBe('b');
    expect(joined.text.length).toBe(1_600_002);
    expect(joined.text).toBe(long + 'a' + 'b' + long);
    // A copy made by a structured clone (a worker, IndexedDB) or a spread holds the same text.
    expect(structuredClone(joined).text).toBe(joined.text);
    expect({ ...joined }.text).toBe(joined.text);
    expect(unpackText(joined)).toEqual([long, 'a', 'b', long]);
  });
});
