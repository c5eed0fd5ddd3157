/**
 * Where the line is heading (docs/methods.md §6.11). Reference figures were computed independently
 * in NumPy (tests' source: the matrix Kalman filter started exactly from the first two
 * observations; the weighted least-squares line in closed form), not by this code.
 */
import { describe, expect, it } from 'vitest';
import { fitLocalLinearTrend, localLinearTrend, measurementVariance, projectSeries, stepAhead } from './projection';

const y = [12.0, 15.5, 9.8, 14.1, 18.0, 16.2, 21.4, 19.9, 24.3, 22.0];
const r = [30.0, 25.0, 40.0, 28.0, 33.0, 26.0, 31.0, 45.0, 29.0, 27.0];
const times = y.map((_, t) => t);

describe('the local linear trend filter', () => {
  it('matches the matrix filter: q_level 5, q_slope 0.5', () => {
    const q = { level: 5, slope: 0.5 };
    const k = localLinearTrend(times, y, r, q);
    expect(k.logLikelihood).toBeCloseTo(-25.707786, 5);
    expect(k.state[0]).toBeCloseTo(23.268271, 5);
    expect(k.state[1]).toBeCloseTo(1.265757, 5);
    expect(k.covariance[0][0]).toBeCloseTo(14.251353, 4);
    expect(k.covariance[0][1]).toBeCloseTo(2.842193, 4);
    expect(k.covariance[1][1]).toBeCloseTo(2.619806, 4);
    expect(stepAhead(k, 1, q).level).toBeCloseTo(24.534027, 5);
    expect(stepAhead(k, 1, q).variance).toBeCloseTo(27.555544, 4);
    expect(stepAhead(k, 2, q).variance).toBeCloseTo(46.599346, 4);
  });

  it('with no drift it is the weighted least-squares line (1/Rₜ weights): at t = 10 and 11', () => {
    const q = { level: 0, slope: 0 };
    const k = localLinearTrend(times, y, r, q);
    expect(stepAhead(k, 1, q).level).toBeCloseTo(24.564862, 5);
    expect(stepAhead(k, 1, q).variance).toBeCloseTo(13.963854, 4);
    expect(stepAhead(k, 2, q).level).toBeCloseTo(25.859324, 5);
    expect(stepAhead(k, 2, q).variance).toBeCloseTo(18.269209, 4);
    expect(k.logLikelihood).toBeCloseTo(-25.160564, 5);
  });

  it('steps over a period without answers (times 0–4, 6–10)', () => {
    const k = localLinearTrend([0, 1, 2, 3, 4, 6, 7, 8, 9, 10], y, r, { level: 5, slope: 0.5 });
    expect(k.logLikelihood).toBeCloseTo(-25.920405, 5);
    expect(k.state[0]).toBeCloseTo(23.122585, 5);
    expect(k.state[1]).toBeCloseTo(1.126599, 5);
  });

  it('chooses the drift of largest likelihood on its grid (here none: −25.16 beats −25.71 and −26.51)', () => {
    const fit = fitLocalLinearTrend(times, y, r);
    expect(fit.q).toEqual({ level: 0, slope: 0 });
  });
});

/** A month of counts with the given NPS (400 answers: promoters − detractors = 4·NPS). */
const month = (nps: number, index: number) => ({ promoters: 140 + 2 * nps, passives: 120, detractors: 140 - 2 * nps, index });

describe('projectSeries', () => {
  const JAN_2024 = (2024 - 1970) * 12;
  it('a constant line projects flat, within its noise', () => {
    const wobble = [0, 2, -1.5, 1, -2, 0.5, 1.5, -1, 0, -0.5, 2, -2];
    const p = projectSeries(wobble.map((w, k) => month(30 + w, JAN_2024 + k)), { kind: 'month' })!;
    expect(p.points.map((x) => x.period)).toEqual(['2025-01', '2025-02']);
    expect(p.points[0]).toMatchObject({ from: '2025-01-01', to: '2025-01-31' });
    for (const x of p.points) {
      expect(Math.abs(x.nps - 30)).toBeLessThan(1.5);
      expect(x.ci95[0]).toBeLessThan(30);
      expect(x.ci95[1]).toBeGreaterThan(30);
      // Wider than one month's sampling noise alone (±1.96·√(10⁴·0.6101/403) = ±7.62 at
      // 200/120/80), by the state's own uncertainty, which is smaller.
      expect(x.ci95[1] - x.ci95[0]).toBeGreaterThan(2 * 7.62);
      expect(x.ci95[1] - x.ci95[0]).toBeLessThan(2 * 7.62 * 1.5);
    }
    expect(Math.abs(p.slope)).toBeLessThan(2 * p.slopeSe);
  });

  it('a steady rise of 2 points a month projects the rise', () => {
    const p = projectSeries(Array.from({ length: 12 }, (_, k) => month(10 + 2 * k, JAN_2024 + k)), { kind: 'month' })!;
    expect(p.slope).toBeCloseTo(2, 6);
    expect(p.points[0].nps).toBeCloseTo(34, 6);
    expect(p.points[1].nps).toBeCloseTo(36, 6);
    expect(p.points[1].ci95[1] - p.points[1].ci95[0]).toBeGreaterThan(p.points[0].ci95[1] - p.points[0].ci95[0]);
  });

  it('needs eight periods', () => {
    expect(projectSeries(Array.from({ length: 7 }, (_, k) => month(30, JAN_2024 + k)), { kind: 'month' })).toBeNull();
    expect(projectSeries(Array.from({ length: 8 }, (_, k) => month(30, JAN_2024 + k)), { kind: 'month' })).not.toBeNull();
  });

  it('measures each period by its answers: 40/30/30 of 100 → 10⁴ · 0.684749 / 103 = 66.48 points²', () => {
    expect(measurementVariance({ promoters: 40, passives: 30, detractors: 30 })).toBeCloseTo(66.4805, 3);
    expect(measurementVariance({ promoters: 40, passives: 30, detractors: 30 }, 2)).toBeCloseTo(132.961, 2);
  });
});
