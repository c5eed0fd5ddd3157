import { describe, expect, it } from 'vitest';
import { HIGH, LOW, NEGATIVE, POSITIVE, REQUEST, lexiconSize } from './lexicon';
import { keywordSource } from './keyword';

const ALL = [...REQUEST, ...POSITIVE, ...NEGATIVE, ...HIGH, ...LOW];

describe('lexicon', () => {
  it('is a small CS lexicon: 150 to 300 entries', () => {
    expect(lexiconSize()).toBe(ALL.length);
    expect(ALL.length).toBeGreaterThanOrEqual(150);
    expect(ALL.length).toBeLessThanOrEqual(300);
  });
  it('covers Japanese and English', () => {
    const english = ALL.filter((e) => /^[\x00-\x7f]+$/.test(e)).length;
    expect(english).toBeGreaterThan(50);
    expect(ALL.length - english).toBeGreaterThan(100);
  });
  it('compiles every entry as a regex and lists no entry twice', () => {
    expect(ALL.filter((e) => keywordSource(e).error)).toEqual([]);
    expect(ALL.filter((e, i) => ALL.indexOf(e) !== i)).toEqual([]);
  });
  it('matches no empty text (an entry that did would score every clause)', () => {
    expect(ALL.filter((e) => new RegExp(keywordSource(e).source).test(''))).toEqual([]);
  });
});
