import { describe, expect, it } from 'vitest';
import { bestSplit, cusum, detectShifts, ewma, leastSquaresSlope, mannKendall, type PeriodCounts } from './shifts';
import { benjaminiHochberg } from './many-tests';
import { twoSampleTest } from './significance';

// Worked examples of docs/methods.md §6 (computed independently of this code); further expected
// values from SciPy 1.17 (linregress, t.ppf, theilslopes, norm.sf) and plain NumPy re-computations.

const series = (rows: number[][], label = (i: number) => `2024-${String(i + 1).padStart(2, '0')}`): PeriodCounts[] =>
  rows.map(([promoters, passives, detractors], i) => ({ period: label(i), promoters, passives, detractors }));

/** Example A: 150 answers a month, a drop after month 12. */
const exampleA = series([
  [65, 51, 34], [69, 63, 18], [73, 55, 22], [63, 63, 24], [62, 56, 32], [72, 57, 21],
  [64, 66, 20], [64, 65, 21], [72, 57, 21], [63, 66, 21], [72, 57, 21], [78, 58, 14],
  [59, 57, 34], [56, 56, 38], [60, 56, 34], [58, 59, 33], [51, 65, 34], [53, 61, 36],
], (i) => `month ${i + 1}`);

/** Example B: 400 answers a month, rising about a point a month. */
const exampleB = series([
  [162, 148, 90], [157, 171, 72], [169, 154, 77], [166, 165, 69], [166, 158, 76], [183, 147, 70],
  [194, 150, 56], [173, 159, 68], [185, 164, 51], [176, 163, 61], [181, 170, 49], [186, 162, 52],
  [198, 144, 58], [179, 164, 57], [189, 156, 55], [193, 157, 50], [181, 176, 43], [197, 158, 45],
], (i) => `2023-${i + 1}`);
const npsB = exampleB.map((c) => (100 * (c.promoters - c.detractors)) / 400);

const max = (xs: number[]) => Math.max(...xs);

describe('CUSUM on Example A (baseline: months 1–12 pooled)', () => {
  const result = cusum(exampleA);
  it('pools months 1–12: NPS₀ 30.444, V₀ 0.51065', () => {
    expect(result.baseline.nps).toBeCloseTo(30.444444444444446, 8);
    expect(result.baseline.variance).toBeCloseTo(0.5106469135802468, 8);
    expect([result.baseline.from, result.baseline.to]).toEqual([0, 11]);
  });
  it('raises no alarm in months 1–12: max S⁻ 1.552, max S⁺ 1.704', () => {
    expect(max(result.lower.slice(0, 12))).toBeCloseTo(1.5518, 3);
    expect(max(result.upper.slice(0, 12))).toBeCloseTo(1.7042, 3);
    expect(result.signals.filter((s) => s.index < 12)).toEqual([]);
  });
  it('S⁻ is 1.861 at month 13 and 4.523 at month 14, where h = 4 signals a fall', () => {
    expect(result.lower[12]).toBeCloseTo(1.8614, 3);
    expect(result.lower[13]).toBeCloseTo(4.5226, 3);
    expect(result.signals[0]).toEqual({ index: 13, direction: 'down' });
  });
  it('with h = 5 the signal comes one month later, at S⁻ 6.270 in month 15', () => {
    const h5 = cusum(exampleA, { h: 5 });
    expect(h5.lower[14]).toBeCloseTo(6.2697, 3);
    expect(h5.signals[0]).toEqual({ index: 14, direction: 'down' });
  });
  it('re-baselines after the signal on the months since S⁻ last stood at 0 (13 onwards), so the lasting drop signals once', () => {
    expect(result.rebaselines).toHaveLength(1);
    const rebase = result.rebaselines[0];
    expect([rebase.from, rebase.to]).toEqual([12, 17]);
    // Months 13–18 pooled: 337 promoters, 209 detractors of 900.
    expect(rebase.nps).toBeCloseTo((100 * (337 - 209)) / 900, 10);
    expect(rebase.variance).toBeCloseTo((337 + 209) / 900 - ((337 - 209) / 900) ** 2, 10);
    expect(result.signals).toHaveLength(1);
    expect(result.lower.slice(14)).toEqual([0, 0, 0, 0]);
  });
  it('a series that rises signals "up"', () => {
    const rising = series([...Array(8).fill([50, 30, 20]), ...Array(4).fill([80, 15, 5])]);
    const up = cusum(rising, { baselinePeriods: 8 });
    expect(up.signals[0]).toEqual({ index: 8, direction: 'up' });
  });
  it('an empty series gives nothing; a baseline of one category does not divide by zero', () => {
    expect(cusum([]).signals).toEqual([]);
    const flat = cusum(series([[10, 0, 0], [10, 0, 0], [10, 0, 0], [10, 0, 0]]));
    expect(flat.upper.every(Number.isFinite)).toBe(true);
    expect(flat.signals).toEqual([]);
  });
});

describe('EWMA on Example A (λ 0.2, L 3)', () => {
  const result = ewma(exampleA);
  it('first signals at month 15: −1.043 against ±0.999', () => {
    expect(result.signals[0]).toBe(14);
    expect(result.values[14]).toBeCloseTo(-1.0426, 3);
    expect(result.limits[14]).toBeCloseTo(0.99938, 4);
  });
  it('uses the exact early limits: 3·√(0.2/1.8·(1 − 0.8²)) = 0.6 in the first period', () => {
    expect(result.limits[0]).toBeCloseTo(0.6, 10);
    expect(result.values[0]).toBeCloseTo(-0.33516, 4);
  });
  it('stays outside the limits for the rest of the series (no re-baselining)', () => {
    expect(result.signals).toEqual([14, 15, 16, 17]);
  });
});

describe('bestSplit dates a past shift by G² with a Bonferroni critical value', () => {
  it('Example A: after month 12, G² 31.34 against 11.41 for 15 candidates', () => {
    const split = bestSplit(exampleA)!;
    expect(split.after).toBe(11);
    expect(split.g2).toBeCloseTo(31.340815327546224, 6);
    expect(split.critical).toBeCloseTo(-2 * Math.log(0.05 / 15), 10);
    expect(split.critical).toBeCloseTo(11.4076, 3);
    expect(split.significant).toBe(true);
  });
  it('a gradual trend also splits significantly (Example B: after month 6, G² 38.65), so a split alone does not prove a step', () => {
    const split = bestSplit(exampleB)!;
    expect(split.after).toBe(5);
    expect(split.g2).toBeCloseTo(38.64686934624609, 6);
    expect(split.significant).toBe(true);
  });
  it('a steady series has G² 0 and no significant split', () => {
    const split = bestSplit(series(Array(10).fill([50, 30, 20])))!;
    expect(split.g2).toBeCloseTo(0, 10);
    expect(split.significant).toBe(false);
  });
  it('needs four periods (two each side); fewer give null', () => {
    expect(bestSplit(exampleA.slice(0, 3))).toBeNull();
    const four = bestSplit(exampleA.slice(10, 14))!;
    expect(four.after).toBe(1);
    expect(four.critical).toBeCloseTo(-2 * Math.log(0.05), 10);
  });
});

describe('Mann–Kendall with tie and continuity corrections', () => {
  it('Example B: S 111, Var(S) 692.333 (ties 33.5 ×3, 34.5 ×2), Z 4.1806, p 2.9e−5, Sen 1.0', () => {
    const mk = mannKendall(npsB);
    expect(mk.s).toBe(111);
    // (18·17·41 − 3·2·11 − 2·1·9)/18
    expect(mk.variance).toBeCloseTo((18 * 17 * 41 - 66 - 18) / 18, 10);
    expect(mk.z).toBeCloseTo(110 / Math.sqrt(692.3333333333334), 10);
    expect(mk.z).toBeCloseTo(4.1806, 4);
    expect(mk.p).toBeCloseTo(2.9078463925644816e-5, 9);
    expect(mk.senSlope).toBeCloseTo(1, 10);
  });
  it('a falling series gives negative S, Z and slope; reversal flips the signs only', () => {
    const down = mannKendall([...npsB].reverse());
    expect(down.s).toBe(-111);
    expect(down.z).toBeCloseTo(-4.1806, 4);
    expect(down.senSlope).toBeCloseTo(-1, 10);
  });
  it('a constant series has S 0, p 1 and slope 0 (every pair a tie)', () => {
    expect(mannKendall([5, 5, 5, 5])).toEqual({ s: 0, variance: 0, z: 0, p: 1, senSlope: 0 });
  });
  it('1, 2, 3, 4, 5 gives S 10, Var 50/3 and the continuity-corrected Z 9/√(50/3)', () => {
    const mk = mannKendall([1, 2, 3, 4, 5]);
    expect(mk.s).toBe(10);
    expect(mk.variance).toBeCloseTo(50 / 3, 10);
    expect(mk.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 10);
    expect(mk.p).toBeLessThan(0.05);
  });
});

describe('leastSquaresSlope', () => {
  it('Example B: 0.966 a month, 95% CI [0.689, 1.243] (t with 16 df)', () => {
    const ls = leastSquaresSlope(npsB);
    expect(ls.slope).toBeCloseTo(0.9659442724458205, 8);
    expect(ls.ci95[0]).toBeCloseTo(0.6892499230447857, 6);
    expect(ls.ci95[1]).toBeCloseTo(1.2426386218468553, 6);
  });
  it('an exact line has its slope and a zero-width interval; two points leave the interval open', () => {
    expect(leastSquaresSlope([1, 3, 5, 7])).toEqual({ slope: 2, ci95: [2, 2] });
    expect(leastSquaresSlope([1, 4])).toEqual({ slope: 3, ci95: [-Infinity, Infinity] });
  });
});

/** mulberry32: a small seeded PRNG, so the noise series is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 20 periods of 200 answers drawn at 45% promoters / 30% passives / 25% detractors (NPS 20). */
function noise(seed: number): PeriodCounts[] {
  const random = mulberry32(seed);
  return Array.from({ length: 20 }, (_, t) => {
    const c = { period: `P${t + 1}`, promoters: 0, passives: 0, detractors: 0 };
    for (let i = 0; i < 200; i++) {
      const u = random();
      if (u < 0.45) c.promoters++;
      else if (u < 0.75) c.passives++;
      else c.detractors++;
    }
    return c;
  });
}

/** The p of every step the detector can test (both periods with ≥ 30 answers). */
function stepPs(s: PeriodCounts[]): number[] {
  const ps: number[] = [];
  const n = (c: PeriodCounts) => c.promoters + c.passives + c.detractors;
  for (let t = 1; t < s.length; t++) if (n(s[t - 1]) >= 30 && n(s[t]) >= 30) ps.push(twoSampleTest(s[t], s[t - 1], true)!.p);
  return ps;
}

describe('detectShifts lists significant steps and a recent trend, with sentences in English and Japanese', () => {
  // 300 answers a period: NPS +30 (120/150/30) for six months, then +10 (90/150/60).
  const drop = series([...Array(6).fill([120, 150, 30]), ...Array(6).fill([90, 150, 60])]);

  it('finds a clear drop (+30 → +10) as one step with its sentence', () => {
    const shifts = detectShifts(drop);
    expect(shifts).toHaveLength(1);
    const [step] = shifts;
    expect(step).toMatchObject({ kind: 'step', from: '2024-06', to: '2024-07', direction: 'down', n: [300, 300] });
    expect(step.difference).toBeCloseTo(-20, 10);
    expect(step.p).toBeCloseTo(0.00028409032042548814, 9); // adjusted two-sample test
    // One of several months tested: q = m/rank · p (docs/methods.md §12).
    expect(step.q).toBeCloseTo(benjaminiHochberg(stepPs(drop))[5], 12);
    expect(step.sentence.en).toBe(`NPS fell 20.0 points from 2024-06 to 2024-07 (p < 0.001, q = ${step.q.toFixed(3)}, n = 300 / 300).`);
    expect(step.sentence.ja).toBe(`NPS は 2024-06 から 2024-07 に 20.0 ポイント低下しました（p < 0.001、q = ${step.q.toFixed(3)}、n = 300 / 300）。`);
  });
  it('says "rose" / 上昇 for a rise and prints p to three decimals', () => {
    const [step] = detectShifts(exampleA.slice(11, 13).reverse().map((c, i) => ({ ...c, period: ['2024-Q3', '2024-Q4'][i] })));
    // Month 13 (25 of 150 net) → month 12 (64 of 150 net): +26.0 points, adjusted p 0.00186.
    expect(step.sentence.en).toBe('NPS rose 26.0 points from 2024-Q3 to 2024-Q4 (p = 0.002, q = 0.002, n = 150 / 150).');
    expect(step.sentence.ja).toBe('NPS は 2024-Q3 から 2024-Q4 に 26.0 ポイント上昇しました（p = 0.002、q = 0.002、n = 150 / 150）。');
  });
  it('shows a fourth decimal when three would round p up to 0.050, and groups thousands in n', () => {
    const [near] = detectShifts(series([[50, 30, 20], [25, 36, 19]]));
    expect(near.p).toBeCloseTo(0.0497769474292064, 9);
    expect(near.sentence.en).toBe('NPS fell 22.5 points from 2024-01 to 2024-02 (p = 0.0498, q = 0.0498, n = 100 / 80).');
    const [big] = detectShifts(series([[600, 360, 240], [480, 480, 240]]));
    expect(big.sentence.en).toBe('NPS fell 10.0 points from 2024-01 to 2024-02 (p = 0.001, q = 0.001, n = 1,200 / 1,200).');
  });
  it('skips steps where either period has fewer than minN answers', () => {
    const small = series([[12, 6, 2], [4, 6, 10]]); // NPS 50 → −30 with 20 answers each
    expect(detectShifts(small)).toEqual([]);
    expect(detectShifts(small, { minN: 20 })).toHaveLength(1);
  });
  it('finds Example B\'s rise as a trend over all 18 months: about 1.0 point a month', () => {
    const shifts = detectShifts(exampleB, { trendPeriods: 18 });
    const trend = shifts.find((s) => s.kind === 'trend')!;
    expect(trend).toMatchObject({ from: '2023-1', to: '2023-18', direction: 'up', n: [400, 400] });
    expect(trend.p).toBeCloseTo(2.9078463925644816e-5, 9);
    expect(trend.difference).toBeCloseTo(17, 10); // Sen's slope 1.0 × 17 steps
    expect(trend.sentence.en).toBe('NPS rose steadily over the 18 periods from 2023-1 to 2023-18, by about 1.0 points a period (Mann–Kendall p < 0.001, n = 400 / 400).');
    expect(trend.sentence.ja).toBe('NPS は 2023-1 から 2023-18 までの 18 期間で継続的に上昇しています（1 期間あたり約 1.0 ポイント、Mann–Kendall p < 0.001、n = 400 / 400）。');
  });
  it('looks only at the last 6 periods by default: Example B\'s last six months show no trend', () => {
    // 35, 30.5, 33.5, 35.75, 34.5, 38: S = 7, Z = 6/√(6·5·17/18) = 1.13.
    expect(detectShifts(exampleB).filter((s) => s.kind === 'trend')).toEqual([]);
  });
  it('finds six steadily falling periods as a downward trend (the minimum window reaching p < 0.05 is 5)', () => {
    const falling = series([[60, 25, 15], [58, 25, 17], [56, 25, 19], [54, 25, 21], [52, 25, 23], [50, 25, 25]].map((r) => r.map((x) => 4 * x)));
    const trend = detectShifts(falling).find((s) => s.kind === 'trend')!;
    // S = −15, Var = 6·5·17/18, Z = −14/√28.33 = −2.630, p = 0.00854.
    expect(trend.direction).toBe('down');
    expect(trend.p).toBeCloseTo(0.008535, 5);
    expect(trend.difference).toBeCloseTo(-20, 10);
    expect(trend.sentence.en).toBe('NPS fell steadily over the 6 periods from 2024-01 to 2024-06, by about 4.0 points a period (Mann–Kendall p = 0.009, n = 400 / 400).');
  });
  it('pure noise around NPS 20 (seed 1: 20 periods × 200 answers) gives no trend and at most 2 of 19 steps', () => {
    const shifts = detectShifts(noise(1));
    expect(shifts.filter((s) => s.kind === 'trend')).toEqual([]);
    expect(shifts.filter((s) => s.kind === 'step').length).toBeLessThanOrEqual(2);
  });
  it('over 200 noise series hardly any series shows a step (q < 0.05; by raw p most would), and trends are rare', () => {
    let withStep = 0, withRawStep = 0, trends = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const shifts = detectShifts(noise(seed));
      if (shifts.some((s) => s.kind === 'step')) withStep++;
      if (stepPs(noise(seed)).some((p) => p < 0.05)) withRawStep++;
      trends += shifts.filter((s) => s.kind === 'trend').length;
    }
    // BH keeps the family-wise false alarms of a null series near 5%; 19 raw tests give ~60%.
    expect(withStep / 200).toBeLessThanOrEqual(0.07);
    expect(withRawStep / 200).toBeGreaterThan(0.4);
    expect(trends / 200).toBeLessThan(0.05);
  });
  it('a steady series and an empty one give nothing', () => {
    expect(detectShifts(series(Array(10).fill([50, 30, 20])))).toEqual([]);
    expect(detectShifts([])).toEqual([]);
  });
});
