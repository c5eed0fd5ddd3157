import { describe, expect, it } from 'vitest';
import { parseAmount, parseChurn } from './flags';

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
