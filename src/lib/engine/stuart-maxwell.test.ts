import { describe, expect, it } from 'vitest';
import { mcnemarBowker, stuartMaxwell } from './stuart-maxwell';

// Expected values: the worked examples of docs/methods.md §5.3–§5.4 (the first table is also §4's).
const SECTION_2 = [[15, 10, 5], [4, 26, 10], [1, 4, 25]];
const UEBERSAX = [[20, 10, 5], [3, 30, 15], [0, 5, 40]];
const SINGULAR = [[10, 8, 0], [1, 20, 0], [0, 0, 30]];

describe('stuartMaxwell tests whether the category shares changed between two waves', () => {
  it('section-2 table: X² 7.6923, df 2, p 0.0214', () => {
    const r = stuartMaxwell(SECTION_2)!;
    expect(r.chi2).toBeCloseTo(7.6923, 4);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(0.0214, 4);
  });
  it("Uebersax's example: X² 13.7647, df 2, p 0.001026", () => {
    const r = stuartMaxwell(UEBERSAX)!;
    expect(r.chi2).toBeCloseTo(13.7647, 4);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(0.001026, 6);
  });
  it('all movement between one pair: generalised inverse, df 1, equals McNemar (8 − 1)²/9', () => {
    const r = stuartMaxwell(SINGULAR)!;
    expect(r.chi2).toBeCloseTo(49 / 9, 10);
    expect(r.chi2).toBeCloseTo(5.4444, 4);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.0196, 4);
  });
  it('movement only between detractor and promoter (the pair that skips passive) is also df 1 McNemar', () => {
    const r = stuartMaxwell([[5, 0, 6], [0, 9, 0], [2, 0, 7]])!;
    expect(r.df).toBe(1);
    expect(r.chi2).toBeCloseTo((6 - 2) ** 2 / 8, 10);
  });
  it('a non-singular table equals the closed-form 2×2 inverse dᵀS⁻¹d', () => {
    // Row sums (30, 40, 30), column sums (20, 40, 40); S and d written out from their definitions.
    const t = [[10, 10, 10], [5, 20, 15], [5, 10, 15]];
    const r = [30, 40, 30], c = [20, 40, 40];
    const d1 = r[0] - c[0], d2 = r[1] - c[1];
    const s11 = r[0] + c[0] - 2 * t[0][0], s22 = r[1] + c[1] - 2 * t[1][1], s12 = -(t[0][1] + t[1][0]);
    const expected = (d1 * d1 * s22 + d2 * d2 * s11 - 2 * d1 * d2 * s12) / (s11 * s22 - s12 * s12);
    const got = stuartMaxwell(t)!;
    expect(got.chi2).toBeCloseTo(expected, 10);
    expect(got.p).toBeCloseTo(Math.exp(-expected / 2), 10);
  });
  it('does not depend on which category is listed last (dropped from d)', () => {
    const reorder = (t: number[][], o: number[]) => o.map((i) => o.map((j) => t[i][j]));
    for (const t of [SECTION_2, UEBERSAX, SINGULAR]) {
      const base = stuartMaxwell(t)!;
      for (const o of [[2, 0, 1], [1, 2, 0], [0, 2, 1]]) {
        const r = stuartMaxwell(reorder(t, o))!;
        expect(r.chi2).toBeCloseTo(base.chi2, 9);
        expect(r.df).toBe(base.df);
      }
    }
  });
  it('2×2 table: McNemar (b − c)²/(b + c) with df 1', () => {
    const r = stuartMaxwell([[30, 12], [4, 50]])!;
    expect(r.chi2).toBeCloseTo(64 / 16, 10);
    expect(r.df).toBe(1);
  });
  it('null when nobody changed category (nothing moved, nothing to test)', () => {
    expect(stuartMaxwell([[10, 0, 0], [0, 20, 0], [0, 0, 30]])).toBeNull();
    expect(stuartMaxwell([[0, 0, 0], [0, 0, 0], [0, 0, 0]])).toBeNull();
  });
  it('balanced movement gives X² 0 and p 1, not null', () => {
    const r = stuartMaxwell([[10, 3, 0], [3, 10, 0], [0, 0, 10]])!;
    expect(r.chi2).toBeCloseTo(0, 12);
    expect(r.p).toBeCloseTo(1, 12);
  });
});

describe('mcnemarBowker tests whether moves one way balance the moves back', () => {
  it('section-2 table: 36/14 + 16/6 + 36/14 = 7.8095, df 3, p 0.0501', () => {
    const r = mcnemarBowker(SECTION_2)!;
    expect(r.chi2).toBeCloseTo(36 / 14 + 16 / 6 + 36 / 14, 10);
    expect(r.chi2).toBeCloseTo(7.8095, 4);
    expect(r.df).toBe(3);
    expect(r.p).toBeCloseTo(0.0501, 4);
  });
  it('pairs nobody moved between are left out of the sum and of df', () => {
    const r = mcnemarBowker(SINGULAR)!;
    expect(r.chi2).toBeCloseTo(49 / 9, 10);
    expect(r.df).toBe(1);
  });
  it('null when nobody changed category', () => {
    expect(mcnemarBowker([[4, 0, 0], [0, 5, 0], [0, 0, 6]])).toBeNull();
  });
});
