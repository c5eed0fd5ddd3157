import { describe, expect, it } from 'vitest';
import { adjustedWaldInterval, answersForMargin, categoryOf, countsFromDistribution, npsOf, summarise } from './nps';

const counts = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });

describe('npsOf', () => {
  it('is % promoters − % detractors: the textbook 60/30/10 of 100 gives 50', () => {
    expect(npsOf(counts(60, 30, 10))).toBeCloseTo(50, 10);
  });
  it('60% promoters and 20% detractors give 40', () => {
    expect(npsOf(counts(60, 20, 20))).toBeCloseTo(40, 10);
  });
  it('all detractors give −100 and all promoters 100', () => {
    expect(npsOf(counts(0, 0, 7))).toBe(-100);
    expect(npsOf(counts(12, 0, 0))).toBe(100);
  });
  it('no answers give no NPS (null, never NaN)', () => {
    expect(npsOf(counts(0, 0, 0))).toBeNull();
    const s = summarise(counts(0, 0, 0));
    expect(s.nps).toBeNull();
    expect(s.ci95).toBeNull();
    expect(s.n).toBe(0);
  });
});

describe('categoryOf', () => {
  it('puts 6 with detractors, 7 and 8 with passives, 9 with promoters', () => {
    expect([0, 6, 7, 8, 9, 10].map(categoryOf)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
  it('countsFromDistribution splits a 0–10 histogram at the same edges', () => {
    expect(countsFromDistribution([1, 0, 2, 3, 3, 0, 1, 15, 15, 28, 32])).toEqual(counts(60, 30, 10));
  });
});

// Worked examples of docs/methods.md §2 (computed independently of this code), to ±0.01 point.
describe('adjustedWaldInterval(counts) matches the worked examples', () => {
  const cases: Array<[[number, number, number], [number, number]]> = [
    [[30, 20, 10], [13.30, 50.19]],
    [[40, 30, 30], [-6.27, 25.69]],
    [[11, 5, 4], [-1.87, 62.74]],
    [[10, 0, 0], [47.50, 100]],
    [[500, 300, 200], [25.08, 34.74]],
  ];
  for (const [[p, m, d], [lo, hi]] of cases) {
    it(`${p}/${m}/${d} → [${lo}, ${hi}]`, () => {
      const ci = adjustedWaldInterval(counts(p, m, d))!;
      expect(Math.abs(ci[0] - lo)).toBeLessThan(0.01);
      expect(Math.abs(ci[1] - hi)).toBeLessThan(0.01);
    });
  }
  it('40/30/30 step by step: [−6.2719, 25.6894]', () => {
    const [lo, hi] = adjustedWaldInterval(counts(40, 30, 30))!;
    expect(lo).toBeCloseTo(-6.2719, 3);
    expect(hi).toBeCloseTo(25.6894, 3);
  });
  it('clips the upper end of 10/0/0 at 100 (it would be 106.34)', () => {
    expect(adjustedWaldInterval(counts(10, 0, 0))![1]).toBe(100);
  });
});

describe('answersForMargin', () => {
  it('needs 1,022 answers for ±5 points when p = d = 1/3 (docs/methods.md §2)', () => {
    expect(answersForMargin(counts(1, 1, 1), 5)).toBe(1022);
  });
  it('needs 170 answers for ±10 points at p 0.6 / d 0.1', () => {
    expect(answersForMargin(counts(60, 30, 10), 10)).toBe(170);
  });
});
