/** The worked examples of docs/methods.md §12–14, to ±0.01 (and SciPy where noted). */
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, omnibusTest } from './many-tests';
import { answerVariance, answersNeeded, differenceInterval, minimumDetectableDifference, samplePlan } from './power';
import { exactBinomialP, mcnemar, pairedChange } from './small-samples';

const c = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });

describe('many comparisons', () => {
  it('Benjamini–Hochberg: ten p-values, two stay below 0.05', () => {
    const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216];
    const q = benjaminiHochberg(p);
    [0.01, 0.04, 0.084, 0.084, 0.084, 0.1, 0.1057, 0.216, 0.216, 0.216].forEach((x, i) => expect(q[i]).toBeCloseTo(x, 4));
    // Order does not matter: the q of each p follows it.
    const shuffled = [5, 0, 9, 3, 1, 8, 2, 7, 4, 6];
    expect(benjaminiHochberg(shuffled.map((i) => p[i]))).toEqual(shuffled.map((i) => q[i]));
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
  });

  it('omnibus χ² of three plans 30/20/50, 40/30/30, 55/25/20: 23.60, df 4, p 9.6e−5', () => {
    const test = omnibusTest([c(30, 20, 50), c(40, 30, 30), c(55, 25, 20)])!;
    expect(test.chi2).toBeCloseTo(23.6, 2);
    expect(test.df).toBe(4);
    expect(test.p).toBeCloseTo(9.6e-5, 6);
    expect(omnibusTest([c(3, 2, 1)])).toBeNull();
    // An empty group is left out; a category nobody is in leaves the df.
    expect(omnibusTest([c(5, 0, 5), c(0, 0, 0), c(8, 0, 2)])!.df).toBe(1);
  });
});

describe('what the data can tell', () => {
  it('the interval of a difference: 55/25/20 vs 40/30/30 is 24.27 [2.15, 46.39]', () => {
    const [lo, hi] = differenceInterval(c(55, 25, 20), c(40, 30, 30))!;
    expect(lo).toBeCloseTo(2.15, 2);
    expect(hi).toBeCloseTo(46.39, 2);
  });

  it('minimum detectable difference of two months of 100 answers (40/30/30, 35/35/30): 32.40 points', () => {
    expect(answerVariance(c(40, 30, 30))).toBeCloseTo(0.69, 6);
    expect(answerVariance(c(35, 35, 30))).toBeCloseTo(0.6475, 6);
    expect(minimumDetectableDifference(c(40, 30, 30), c(35, 35, 30))).toBeCloseTo(32.4, 2);
    expect(minimumDetectableDifference(c(0, 0, 0), c(1, 0, 0))).toBeNull();
  });

  it('answers needed to see 10 points with those spreads: 1,050 per group', () => {
    expect(answersNeeded(0.69, 0.6475, 10)).toBe(1050);
  });
});

describe('small samples', () => {
  it('exact McNemar below 25 changes: 7 vs 1 gives 0.0703 (the χ² form said 0.034)', () => {
    expect(mcnemar(7, 1)).toEqual({ p: expect.closeTo(0.0703, 4), exact: true });
    expect(exactBinomialP(5, 0)).toBeCloseTo(0.0625, 6);
    expect(exactBinomialP(3, 1)).toBeCloseTo(0.625, 6);
    expect(exactBinomialP(0, 0)).toBe(1);
    // 30 vs 10: the χ² form, p = P(|Z| > 20/√40) (SciPy: 0.001565).
    expect(mcnemar(30, 10)).toEqual({ p: expect.closeTo(0.001565, 5), exact: false });
  });

  it("paired change with Student's t: the table of §3 gives +20, t 2.872, p 0.00499", () => {
    const change = pairedChange([[15, 10, 5], [4, 26, 10], [1, 4, 25]])!;
    expect(change).toMatchObject({ n: 100, method: 't', up: 25, down: 9 });
    expect(change.difference).toBeCloseTo(20, 6);
    expect(change.se).toBeCloseTo(6.96, 2);
    expect(change.statistic).toBeCloseTo(2.872, 3);
    expect(change.p).toBeCloseTo(0.00499, 5);
  });

  it('the exact sign test when few moved or all moved one way (never p = 0)', () => {
    const few = pairedChange([[3, 2, 0], [1, 4, 1], [0, 0, 2]])!;
    expect(few).toMatchObject({ n: 13, up: 3, down: 1, method: 'sign' });
    expect(few.difference).toBeCloseTo(15.38, 2);
    expect(few.p).toBeCloseTo(0.625, 6);
    // Two customers, both detractor → promoter: the z form said p = 0.
    const two = pairedChange([[0, 0, 2], [0, 0, 0], [0, 0, 0]])!;
    expect(two).toMatchObject({ method: 'sign', up: 2, down: 0, difference: 200, se: 0 });
    expect(two.p).toBeCloseTo(0.5, 6);
    expect(pairedChange([[1, 0, 0], [0, 0, 0], [0, 0, 0]])).toBeNull();
  });
});

describe('samplePlan', () => {
  it('says what a series of periods can tell: answers needed for a change, and the change it can see', () => {
    // Four months of 40/30/30 in shares: V = 0.69; 80, 100, 120, 300 answers (median 110).
    const months = [c(32, 24, 24), c(40, 30, 30), c(48, 36, 36), c(120, 90, 90)];
    const plan = samplePlan(months, 10)!;
    const z = 1.959964 + 0.841621;
    expect(plan.typical).toBe(110);
    // (z₀.₉₇₅ + z₀.₈)² · 2V / Δ² = 7.84888 · 1.38 / 0.01 = 1,083.2 → 1,084 a month.
    expect(plan.needed).toBe(Math.ceil((z * z * 1.38) / 0.01));
    expect(plan.needed).toBe(1084);
    // Now: 100 · z · √(2V / 110) = 31.38 points.
    expect(plan.detectable).toBeCloseTo(100 * z * Math.sqrt(1.38 / 110), 10);
    expect(plan.detectable).toBeCloseTo(31.38, 2);
    expect(samplePlan([], 5)).toBeNull();
    expect(samplePlan(months, 0)).toBeNull();
  });
});
