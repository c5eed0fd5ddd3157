import { describe, expect, it } from 'vitest';
import { pairedChange } from './small-samples';
import {
  chiSquareP, erfc, gammaQ, lnGamma, normalCdf, studentQuantile, studentTwoSidedP, twoSampleTest, twoSidedP,
} from './significance';

const counts = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });

// Expected values: the worked examples of docs/methods.md §3–§5, and SciPy 1.17 (norm, chi2, t)
// for the distribution functions.

describe('normalCdf is accurate to 1e-7 absolute and keeps relative accuracy in the tails', () => {
  it('Φ(1.959964) = 0.975', () => {
    expect(Math.abs(normalCdf(1.959964) - 0.975)).toBeLessThan(1e-8);
  });
  it('Φ(−3) = 0.0013498980', () => {
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 12);
  });
  it('Φ(−6) = 9.8659e−10 (A–S 7.1.26 would be off by more than the value itself)', () => {
    expect(normalCdf(-6) / 9.865876450376946e-10).toBeCloseTo(1, 9);
  });
  it('Φ(0) = 0.5, Φ(z) + Φ(−z) = 1, Φ(−40) = 0 without NaN', () => {
    expect(normalCdf(0)).toBe(0.5);
    for (const z of [0.1, 0.7, 1.3, 2.49, 2.51, 3.7, 5]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 14);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });
  it('is continuous where erfc switches from series to continued fraction (x = 2.5)', () => {
    expect(erfc(2.5 - 1e-12) / erfc(2.5 + 1e-12)).toBeCloseTo(1, 9);
    expect(erfc(2.5)).toBeCloseTo(4.069520174449590e-4, 15);
  });
  it('twoSidedP(1.959964) = 0.05 and twoSidedP(0) = 1', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 7);
    expect(twoSidedP(-1.959964)).toBeCloseTo(0.05, 7);
    expect(twoSidedP(0)).toBe(1);
  });
});

describe('chiSquareP is the upper tail of χ²', () => {
  it('df 1: McNemar 5.4444 → 0.0196 (methods §5.3)', () => {
    expect(chiSquareP(5.4444, 1)).toBeCloseTo(0.01963115672841376, 10);
  });
  it('df 2: Stuart–Maxwell 7.6923 → 0.0214 (methods §5.3)', () => {
    expect(chiSquareP(7.6923, 2)).toBeCloseTo(0.02136182133570034, 10);
  });
  it('df 3: McNemar–Bowker 7.8095 → 0.0501 (methods §5.4)', () => {
    expect(chiSquareP(7.8095, 3)).toBeCloseTo(0.05011728514031828, 10);
  });
  it('other df through the regularized gamma: df 5, 10, 4 and non-integer 7.5', () => {
    expect(chiSquareP(7.8095, 5)).toBeCloseTo(0.16705167997738504, 10);
    expect(chiSquareP(30, 10)).toBeCloseTo(0.000856641210775301, 12);
    expect(chiSquareP(0.5, 4)).toBeCloseTo(0.9735009788392561, 10);
    expect(chiSquareP(3.3, 7.5)).toBeCloseTo(0.8880974012503822, 10);
  });
  it('keeps relative accuracy far in the tail: χ²(100, 3) = 1.554e−21', () => {
    expect(chiSquareP(100, 3) / 1.5541594313896026e-21).toBeCloseTo(1, 8);
  });
  it('agrees with the closed forms for df 3 and 4', () => {
    for (const x of [0.3, 2, 6, 15]) {
      expect(chiSquareP(x, 3)).toBeCloseTo(erfc(Math.sqrt(x / 2)) + Math.sqrt((2 * x) / Math.PI) * Math.exp(-x / 2), 12);
      expect(chiSquareP(x, 4)).toBeCloseTo(Math.exp(-x / 2) * (1 + x / 2), 12);
    }
  });
  it('a statistic of 0 gives p = 1', () => {
    expect(chiSquareP(0, 2)).toBe(1);
    expect(gammaQ(3, 0)).toBe(1);
  });
  it('lnGamma matches factorials and Γ(½) = √π', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });
});

describe('Student t', () => {
  it('the 97.5% quantile with 16 df is 2.1199 (least-squares CI of methods §6.7)', () => {
    expect(studentQuantile(0.95, 16)).toBeCloseTo(2.1199052992212546, 8);
  });
  it('1 df gives 12.706 and the 99.5% quantile with 3 df 5.841', () => {
    expect(studentQuantile(0.95, 1)).toBeCloseTo(12.706204736174694, 6);
    expect(studentQuantile(0.99, 3)).toBeCloseTo(5.840909309733355, 7);
  });
  it('two-sided p of t = 2.5 with 7 df is 0.0410', () => {
    expect(studentTwoSidedP(2.5, 7)).toBeCloseTo(0.04099221858575289, 10);
  });
});

describe('twoSampleTest compares independent groups: difference = group 1 − group 2', () => {
  it('plain: 40/30/30 vs 55/25/20 → −25 points, SE 11.48, z −2.178, p 0.0294', () => {
    const t = twoSampleTest(counts(40, 30, 30), counts(55, 25, 20), false)!;
    expect(t.difference).toBeCloseTo(-25, 10);
    expect(t.se).toBeCloseTo(11.478240283248995, 8);
    expect(t.z).toBeCloseTo(-2.1780342093451606, 8);
    expect(t.p).toBeCloseTo(0.02940348997658956, 8);
  });
  it('swapping the groups flips the sign of difference and z, not SE or p', () => {
    const t = twoSampleTest(counts(55, 25, 20), counts(40, 30, 30), false)!;
    expect(t.difference).toBeCloseTo(25, 10);
    expect(t.se).toBeCloseTo(11.478240283248995, 8);
    expect(t.z).toBeCloseTo(2.1780342093451606, 8);
    expect(t.p).toBeCloseTo(0.02940348997658956, 8);
  });
  it('adjusted (the default): 55/25/20 vs 40/30/30 → 24.27, SE 11.29, z 2.151, p 0.0315', () => {
    const t = twoSampleTest(counts(55, 25, 20), counts(40, 30, 30))!;
    expect(t.difference).toBeCloseTo(24.27184466019417, 8);
    expect(t.se).toBeCloseTo(11.286211391134152, 8);
    expect(t.z).toBeCloseTo(2.1505750529589442, 8);
    expect(t.p).toBeCloseTo(0.03150975615529494, 8);
  });
  it('12/5/3 vs 7/6/7: plain p 0.0716, adjusted p 0.0917', () => {
    expect(twoSampleTest(counts(12, 5, 3), counts(7, 6, 7), false)!.p).toBeCloseTo(0.0715764520899823, 8);
    expect(twoSampleTest(counts(12, 5, 3), counts(7, 6, 7), true)!.p).toBeCloseTo(0.0916999596283355, 8);
  });
  it('an empty group gives null', () => {
    expect(twoSampleTest(counts(0, 0, 0), counts(7, 6, 7))).toBeNull();
    expect(twoSampleTest(counts(7, 6, 7), counts(0, 0, 0))).toBeNull();
  });
  it('zero variance in both groups: identical gives z 0 / p 1, opposite gives p 0 (plain), adjusted stays finite', () => {
    const same = twoSampleTest(counts(10, 0, 0), counts(5, 0, 0), false)!;
    expect([same.z, same.p]).toEqual([0, 1]);
    const opposite = twoSampleTest(counts(10, 0, 0), counts(0, 0, 10), false)!;
    expect(opposite.z).toBe(Infinity);
    expect(opposite.p).toBe(0);
    const adjusted = twoSampleTest(counts(10, 0, 0), counts(0, 0, 10))!;
    expect(Number.isFinite(adjusted.z)).toBe(true);
    expect(adjusted.p).toBeLessThan(1e-6);
  });
});

describe('the paired change uses each customer\'s change between waves', () => {
  const table = [[15, 10, 5], [4, 26, 10], [1, 4, 25]];
  it('[[15,10,5],[4,26,10],[1,4,25]] → ΔNPS +20, SE 6.96, t 2.872 on 99 df, p 0.00499', () => {
    // Changes: +1 ×20, +2 ×5, −1 ×8, −2 ×1, 0 ×66 → mean 0.2, Σd² 52, s² = (52 − 100·0.2²)/99.
    const se = 100 * Math.sqrt((52 - 4) / 99 / 100);
    const t = pairedChange(table)!;
    expect(t.difference).toBeCloseTo(20, 10);
    expect(t.se).toBeCloseTo(se, 10);
    expect(t.se).toBeCloseTo(6.96, 2);
    expect(t.statistic).toBeCloseTo(20 / se, 10);
    expect(t.statistic).toBeCloseTo(2.872, 3);
    expect(t.p).toBeCloseTo(studentTwoSidedP(20 / se, 99), 12);
    expect(t.p).toBeCloseTo(0.00499, 5);
  });
  it('treating the same table as independent samples is much weaker: p 0.063 plain, 0.0669 adjusted', () => {
    // Wave 2 = column sums (20 / 40 / 40 detractor/passive/promoter), wave 1 = row sums (30 / 40 / 30).
    expect(twoSampleTest(counts(40, 40, 20), counts(30, 40, 30), false)!.p).toBeCloseTo(0.06331778683004569, 8);
    expect(twoSampleTest(counts(40, 40, 20), counts(30, 40, 30))!.p).toBeCloseTo(0.06687693570413505, 8);
  });
  it('nobody moving gives ΔNPS 0 with p 1; fewer than two customers give null', () => {
    const t = pairedChange([[5, 0, 0], [0, 5, 0], [0, 0, 5]])!;
    expect([t.difference, t.se, t.p, t.method]).toEqual([0, 0, 1, 'sign']);
    expect(pairedChange([[0, 0, 0], [0, 0, 1], [0, 0, 0]])).toBeNull();
  });
});
