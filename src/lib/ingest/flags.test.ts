import { describe, expect, it } from 'vitest';
import { parseAmount, parseChurn, parseCsat } from './flags';

describe('parseChurn', () => {
  it('reads yes-like flags in English and Japanese as churned', () => {
    expect(['yes', 'TRUE', '1', 'churned', '解約', 'あり', '解約済み'].map(parseChurn)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
  it('reads no-like flags as retained and anything else as unknown', () => {
    expect(['no', 'false', '0', 'active', '継続', 'なし'].map(parseChurn)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(['', 'maybe', '検討中'].map(parseChurn)).toEqual([-1, -1, -1]);
  });
});

describe('parseAmount', () => {
  it('reads US, European and Japanese amounts', () => {
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('¥120,000')).toBe(120000);
    expect(parseAmount('120,000円')).toBe(120000);
    expect(parseAmount('12万')).toBe(120000);
    expect(parseAmount('１２０００')).toBe(12000);
    expect(parseAmount('7,5')).toBe(7.5);
    expect(parseAmount('1.234.567')).toBe(1234567);
    expect(parseAmount('-300')).toBe(-300);
  });
  it('gives NaN for text', () => {
    expect(parseAmount('')).toBeNaN();
    expect(parseAmount('n/a')).toBeNaN();
  });
});

describe('parseCsat', () => {
  it('reads whole satisfaction answers as tools write them', () => {
    expect(['4', '４', '5 - Very satisfied', '5（とても満足）', '0', '10', '7.0'].map(parseCsat)).toEqual([4, 4, 5, 5, 0, 10, 7]);
  });
  it('gives −1 for blanks, fractions, words and numbers off every scale', () => {
    expect(['', '4.5', '3,5', 'satisfied', '11', '-1'].map(parseCsat)).toEqual([-1, -1, -1, -1, -1, -1]);
  });
});
