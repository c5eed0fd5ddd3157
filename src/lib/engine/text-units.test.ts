import { describe, expect, it, vi } from 'vitest';
import { concatText, packText, sliceText, textAt, TextColumnBuilder, unpackText } from './text-column';
import { codeUnitReader, textFromWire, textToWire, unitsOf } from './text-units';
import { letGo } from './let-go';
import { blankTable, tableFromWire, tableToWire } from './answers';

const build = (values: readonly string[]) => {
  const b = new TextColumnBuilder(1);
  for (const v of values) b.push(v);
  return b.finish();
};

const ids = ['a1d39140-3d88', '', 'ACME-42', 'x'];
const comments = ['速い', '', 'fast, "stable"', '😀 emoji', '\ufeffstarts with a BOM', '改行\nあり'];

describe('text columns built as code units', () => {
  it('keeps an ASCII column one byte a character, and any other as UTF-16', () => {
    const a = build(ids), c = build(comments);
    expect(unitsOf(a)![0]).toBeInstanceOf(Uint8Array);
    expect(unitsOf(c)![0]).toBeInstanceOf(Uint16Array);
    // The first values were written as bytes before the first non-ASCII one came.
    expect(unitsOf(build(['plain', 'then', 'ü']))![0]).toBeInstanceOf(Uint16Array);
    expect(unitsOf(build(['plain', 'then', 'ü']))![0].length).toBe(10);
  });

  it('gives back every value, empty ones, emoji and a leading U+FEFF included', () => {
    const c = build(comments);
    expect(comments.map((_, i) => textAt(c, i))).toEqual(comments);
    expect(c.text).toBe(comments.join(''));
    expect(unpackText(c)).toEqual(comments);
    expect(unpackText(build([]))).toEqual([]);
  });

  it('reads a few values without decoding the column, and decodes it once for many', () => {
    const many = Array.from({ length: 70_000 }, (_, i) => `コメント${i}`);
    const c = build(many);
    expect(textAt(c, 69_999)).toBe('コメント69999');
    expect(textAt(c, 0)).toBe('コメント0');
    expect(unitsOf(c)).toBeDefined();
    for (let i = 0; i < many.length; i++) expect(textAt(c, i)).toBe(many[i]);
    expect(unitsOf(c)).toBeUndefined(); // decoded once the single reads ran out
    expect(textAt(c, 17)).toBe('コメント17');
    // A long value read alone, and one of ASCII only, come out whole too.
    const long = 'とても長い😀'.repeat(400), ascii = 'x'.repeat(5000);
    const mixed = build(['a', long, ascii]);
    expect([textAt(mixed, 1), textAt(mixed, 2), textAt(mixed, 0)]).toEqual([long, ascii, 'a']);
    expect(unitsOf(mixed)).toBeDefined();
  });

  it('is cloned, spread and compared as its text', () => {
    const c = build(comments);
    expect(structuredClone(c)).toEqual({ text: comments.join(''), ends: c.ends });
    expect({ ...build(comments) }.text).toBe(comments.join(''));
    expect(build(comments)).toEqual(packText(comments));
  });

  it('joins columns still in code units without decoding them, across ASCII and UTF-16 parts', () => {
    const joined = concatText([build(ids), build([]), build(comments)]);
    expect(unitsOf(joined)).toHaveLength(2);
    const all = [...ids, ...comments];
    expect(all.map((_, i) => textAt(joined, i))).toEqual(all);
    const read = codeUnitReader(concatText([build(ids), build(comments)]));
    const text = all.join('');
    expect(Array.from(text, (_, k) => read(k))).toEqual(Array.from(text, (_, k) => text.charCodeAt(k)));
    // Out of order too (it starts from the part read last).
    const back = Array.from(text, (_, k) => text.length - 1 - k);
    expect(back.map(read)).toEqual(back.map((k) => text.charCodeAt(k)));
    expect(joined.text).toBe(text);
    expect(unitsOf(joined)).toBeUndefined();
    // A decoded column is read from its text.
    expect(codeUnitReader(packText(['ab']))(1)).toBe(98);
    expect(unpackText(sliceText(concatText([build(ids), build(comments)]), 3, 6))).toEqual(all.slice(3, 6));
  });

  it('travels between threads as its code units, moved rather than copied', () => {
    const c = build(comments);
    const { wire, transfer } = textToWire(c);
    expect(transfer).toHaveLength(1);
    const received = textFromWire(structuredClone(wire, { transfer }));
    expect(unpackText(received)).toEqual(comments);
    expect(unitsOf(c)![0].length).toBe(0); // the sender's units went with the message
    // Decoded text goes as it is.
    const plain = packText(['a', 'b']);
    expect(textToWire(plain)).toEqual({ wire: plain, transfer: [] });
    expect(textFromWire(plain)).toBe(plain);
  });

  it('a whole table goes with its typed columns and its texts transferred', () => {
    const table = blankTable(3);
    table.score.set([9, 7, 0]);
    table.comment = build(['good', '', 'とても遅い']);
    table.account = build(['A', 'B', 'C']);
    const { table: wire, transfer } = tableToWire(table);
    const back = tableFromWire(structuredClone(wire, { transfer }));
    expect(Array.from(back.score)).toEqual([9, 7, 0]);
    expect(unpackText(back.comment)).toEqual(['good', '', 'とても遅い']);
    expect(unpackText(back.account)).toEqual(['A', 'B', 'C']);
    expect(table.score.length).toBe(0);
  });
});

describe('letGo', () => {
  it('detaches the buffers given, once, where ArrayBuffer.prototype.transfer exists', () => {
    const a = new Uint8Array(8), b = new ArrayBuffer(4);
    const spies = [a.buffer, b].map((buffer) => {
      const spy = vi.fn();
      Object.defineProperty(buffer, 'transfer', { value: spy });
      return spy;
    });
    letGo(a, b, null, undefined);
    expect(spies[0]).toHaveBeenCalledWith(0);
    expect(spies[1]).toHaveBeenCalledWith(0);
  });

  it('frees what a buffer held, in a runtime that can (Chromium, Node 22)', () => {
    const a = new Uint8Array(1024);
    letGo(a);
    const canTransfer = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function';
    expect(a.length).toBe(canTransfer ? 0 : 1024);
    letGo(a); // a detached buffer is left alone
  });
});
