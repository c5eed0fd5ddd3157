/**
 * The early warning (docs/methods.md §6.10) on series of known shape. Expected EWMA, CUSUM and p
 * values were computed independently in NumPy/SciPy from the formulas of the reference's §4.
 */
import { describe, expect, it } from 'vitest';
import { earlyWarning } from './early-warning';

const series = (rows: number[][], designEffect = 1) =>
  rows.map(([promoters, passives, detractors], i) => ({ period: `P${String(i + 1).padStart(2, '0')}`, promoters, passives, detractors, designEffect }));
// Twelve periods of 300 answers at 120/110/70 (NPS +16.67, V₀ 0.6056).
const level = Array.from({ length: 12 }, () => [120, 110, 70]);

describe('earlyWarning', () => {
  it('the last three periods each 8 points lower: none significant alone (p 0.084 each), together past the warning limit', () => {
    const w = earlyWarning(series([...level, [106, 114, 80], [106, 114, 80], [106, 114, 80]]), 0)!;
    expect(w).toMatchObject({ status: 'drift', trigger: 'ewma' });
    // z = −0.08/√(0.6056/300) = −1.78 a period; E = 0.2·z·(1 + 0.8 + 0.64) = −0.8689 against
    // ±0.6663 (2σ) and ±0.9994 (3σ) at t = 15; S⁻ = 3 × (1.78 − 0.5) = 3.842, below 4.
    expect(w.ewma).toBeCloseTo(-0.868947, 5);
    expect(w.warningLimit).toBeCloseTo(0.666254, 5);
    expect(w.actionLimit).toBeCloseTo(0.999381, 5);
    expect(w.cusumLower).toBeCloseTo(3.841889, 5);
    expect(w.recent.map((r) => r.p)).toEqual([0, 0, 0].map(() => expect.closeTo(0.08427, 4)));
    expect(w.recent.map((r) => r.difference)).toEqual([0, 0, 0].map(() => expect.closeTo(-8, 10)));
    expect(w.baseline).toMatchObject({ fromPeriod: 'P01', toPeriod: 'P12', n: 3600 });
    expect(w.baseline.nps).toBeCloseTo(16.6667, 4);
  });

  it('a steady line is steady', () => {
    const w = earlyWarning(series([...level, ...level.slice(0, 3)]), 0)!;
    expect(w).toMatchObject({ status: 'steady', trigger: null });
    expect(w.ewma).toBeCloseTo(0, 10);
    expect(w.recent.map((r) => r.p)).toEqual([0, 0, 0].map(() => expect.closeTo(0.97408, 4)));
  });

  it('a fall of 20 points is a signal, not a premonition (each period alone p 2.6e−5)', () => {
    const w = earlyWarning(series([...level, [90, 110, 100], [90, 110, 100], [90, 110, 100]]), 0)!;
    expect(w).toMatchObject({ status: 'signal', trigger: 'ewma' });
    expect(w.ewma).toBeCloseTo(-2.172368, 5);
    expect(w.recent[0].p).toBeCloseTo(2.597e-5, 8);
  });

  it('one recent period back at the level: no drift (EWMA −0.465)', () => {
    const w = earlyWarning(series([...level, [106, 114, 80], [125, 110, 65], [106, 114, 80]]), 0)!;
    expect(w.status).toBe('steady');
    expect(w.ewma).toBeCloseTo(-0.465338, 5);
  });

  it('a drift CUSUM sees before the EWMA: +10, +10, +12.67 after a level of +16.67', () => {
    // z −1.484, −1.484, −0.890: E −0.605, still inside ±0.666; S⁻ 0.984, 1.968, 2.358 — past 2.
    const w = earlyWarning(series([...level, [108, 114, 78], [108, 114, 78], [114, 110, 76]]), 0)!;
    expect(w.ewma).toBeCloseTo(-0.6054, 4);
    expect(w.cusumLower).toBeCloseTo(2.358, 3);
    expect(w).toMatchObject({ status: 'drift', trigger: 'cusum' });
  });

  it('one period significantly lower alone between two at the level is an odd period, not a slide', () => {
    // The middle period at 90/110/100 (p 2.6e−5 alone), the others back at the level.
    const w = earlyWarning(series([...level, [120, 110, 70], [90, 110, 100], [120, 110, 70]]), 0)!;
    expect(w.recent[1].p).toBeCloseTo(2.597e-5, 8);
    expect(w.status).toBe('steady');
  });

  it('customers answering several times weigh less: with a design effect of 3 the same drift stays steady', () => {
    // z shrinks by √3 to −1.028: E −0.5017 (inside ±0.666), S⁻ 3 × 0.528 = 1.583 (below 2).
    const w = earlyWarning(series([...level, [106, 114, 80], [106, 114, 80], [106, 114, 80]], 3), 0)!;
    expect(w.status).toBe('steady');
    expect(w.ewma).toBeCloseTo(-0.868947 / Math.sqrt(3), 5);
  });

  it('judges only against the current level, at most its last twelve periods before the recent three', () => {
    const rows = [...Array.from({ length: 20 }, () => [150, 100, 50]), ...level, [106, 114, 80], [106, 114, 80], [106, 114, 80]];
    expect(earlyWarning(series(rows), 20)).toMatchObject({ status: 'drift', baseline: { fromPeriod: 'P21', toPeriod: 'P32' } });
    expect(earlyWarning(series(rows), 0)!.baseline.fromPeriod).toBe('P21');
    // A level that began two periods before the recent ones is too new to be a baseline.
    expect(earlyWarning(series(rows), 30)).toBeNull();
  });
});
