/**
 * Shifts and trends in a series of periods (docs/methods.md §6).
 *
 * Sudden shifts: CUSUM and EWMA on each period's NPS standardised against a pooled baseline, and
 * the best single split by G². Gradual trends: Mann–Kendall with Sen's slope, and the least-squares
 * slope for a familiar number. `detectShifts` turns the simplest of these into the sentences the
 * UI lists, in English and Japanese.
 */
import type { CategoryCounts } from './nps';
import { studentQuantile, twoSampleTest, twoSidedP } from './significance';
import { benjaminiHochberg } from './many-tests';

export interface PeriodCounts extends CategoryCounts {
  period: string;
}

export interface Baseline {
  /** First and last series index pooled. */
  from: number;
  to: number;
  /** Points. */
  nps: number;
  /** Per-answer variance p + d − (p − d)² (share scale, 0…1). */
  variance: number;
}

export interface CusumResult {
  /** S⁺ and S⁻ after each period (the value that signalled, before the restart). */
  upper: number[];
  lower: number[];
  signals: Array<{ index: number; direction: 'up' | 'down' }>;
  /** The first baseline. */
  baseline: Baseline;
  /** Baselines taken after each signal, in order. */
  rebaselines: Baseline[];
}

const total = (c: CategoryCounts) => c.promoters + c.passives + c.detractors;

export function sumCounts(series: readonly CategoryCounts[], from: number, to: number): CategoryCounts {
  const out = { promoters: 0, passives: 0, detractors: 0 };
  for (let t = from; t <= to; t++) {
    out.promoters += series[t].promoters;
    out.passives += series[t].passives;
    out.detractors += series[t].detractors;
  }
  return out;
}

/** Default reference stretch: the first twelve periods, but leave at least two to judge. */
function baselineLength(length: number, requested?: number): number {
  const wanted = requested ?? Math.min(12, length - 2);
  return Math.max(1, Math.min(length, Math.round(wanted)));
}

/**
 * Pooled NPS and per-answer variance of series[from..to]. A baseline where everyone gave the same
 * category has variance 0, which would make every z infinite: it then takes the adjusted-Wald
 * variance (n + 3, +0.75 per extreme category) instead.
 */
function pooled(series: readonly CategoryCounts[], from: number, to: number): Baseline {
  const sum = sumCounts(series, from, to);
  const p = sum.promoters, d = sum.detractors, n = total(sum);
  if (n === 0) return { from, to, nps: 0, variance: 0 };
  let variance = (p + d) / n - ((p - d) / n) ** 2;
  if (variance === 0) {
    const pa = (p + 0.75) / (n + 3), da = (d + 0.75) / (n + 3);
    variance = pa + da - (pa - da) ** 2;
  }
  return { from, to, nps: (100 * (p - d)) / n, variance };
}

/** z_t = (NPS_t − NPS₀)/√(V₀/n_t); 0 for a period without answers or an empty baseline. */
function standardised(c: CategoryCounts, base: Baseline): number {
  const n = total(c);
  if (n === 0 || base.variance === 0) return 0;
  return ((c.promoters - c.detractors) / n - base.nps / 100) / Math.sqrt(base.variance / n);
}

/**
 * Two-sided tabular CUSUM: S⁺ = max(0, S⁺ + z − k), S⁻ = max(0, S⁻ − z − k), signal when S > h.
 *
 * Re-baselining after a signal at t: the shift is dated to the period after the signalling sum last
 * stood at 0 (the usual CUSUM change-point estimate), and the new baseline pools up to
 * `baselinePeriods` periods from there — the same rule as the first baseline, which also includes
 * the periods it judges. Both sums restart at 0 from period t + 1, so a lasting shift gives one
 * signal rather than one per period, and a second shift is measured against the new level.
 */
export function cusum(series: readonly PeriodCounts[], options: { baselinePeriods?: number; k?: number; h?: number } = {}): CusumResult {
  const k = options.k ?? 0.5, h = options.h ?? 4;
  const length = series.length;
  const result: CusumResult = { upper: [], lower: [], signals: [], baseline: { from: 0, to: -1, nps: 0, variance: 0 }, rebaselines: [] };
  if (length === 0) return result;
  const span = baselineLength(length, options.baselinePeriods);
  let base = (result.baseline = pooled(series, 0, span - 1));
  let up = 0, down = 0;
  let lastUpZero = -1, lastDownZero = -1; // last index where each sum was 0 (−1: before the series)
  for (let t = 0; t < length; t++) {
    if (total(series[t]) > 0) {
      const z = standardised(series[t], base);
      up = Math.max(0, up + z - k);
      down = Math.max(0, down - z - k);
    }
    result.upper.push(up);
    result.lower.push(down);
    if (up > h || down > h) {
      const direction = up > h ? 'up' : 'down';
      result.signals.push({ index: t, direction });
      const start = (direction === 'up' ? lastUpZero : lastDownZero) + 1;
      base = pooled(series, start, Math.min(length - 1, start + span - 1));
      result.rebaselines.push(base);
      up = down = 0;
    }
    if (up === 0) lastUpZero = t;
    if (down === 0) lastDownZero = t;
  }
  return result;
}

/**
 * EWMA of the standardised values against the first baseline: E_t = λz_t + (1 − λ)E_{t−1}, E₀ = 0,
 * limits ±L·√(λ/(2−λ)·(1 − (1−λ)^{2t})) (exact for early periods, not the asymptotic value).
 * It is not re-baselined: it answers "where is the series now relative to the reference", while
 * dating successive shifts is CUSUM's job. `signals` lists every period outside its limits.
 */
export function ewma(series: readonly PeriodCounts[], options: { baselinePeriods?: number; lambda?: number; L?: number } = {}): { values: number[]; limits: number[]; signals: number[] } {
  const lambda = options.lambda ?? 0.2, width = options.L ?? 3;
  const out = { values: [] as number[], limits: [] as number[], signals: [] as number[] };
  if (series.length === 0) return out;
  const base = pooled(series, 0, baselineLength(series.length, options.baselinePeriods) - 1);
  let e = 0;
  series.forEach((c, t) => {
    if (total(c) > 0) e = lambda * standardised(c, base) + (1 - lambda) * e;
    const limit = width * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * (t + 1))));
    out.values.push(e);
    out.limits.push(limit);
    if (Math.abs(e) > limit) out.signals.push(t);
  });
  return out;
}

/** Values closer than this count as ties (NPS values computed along different paths). */
const TIE = 1e-9;

const median = (sorted: number[]) => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Mann–Kendall S = Σ_{i<j} sign(x_j − x_i), Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18 over tie
 * groups of size t, Z = (S − sign S)/√Var(S) (continuity correction), two-sided p. Sen's slope is
 * the median of the pairwise slopes (x_j − x_i)/(j − i), per period.
 */
export function mannKendall(values: readonly number[]): { s: number; variance: number; z: number; p: number; senSlope: number } {
  const n = values.length;
  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const diff = values[j] - values[i];
      if (Math.abs(diff) > TIE) s += Math.sign(diff);
      slopes.push(Math.abs(diff) > TIE ? diff / (j - i) : 0);
    }
  }
  const sorted = [...values].sort((a, b) => a - b);
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] - sorted[j - 1] <= TIE) j++;
    const t = j - i;
    tieTerm += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { s, variance, z, p: twoSidedP(z), senSlope: slopes.length ? median(slopes.sort((a, b) => a - b)) : 0 };
}

/**
 * Ordinary least-squares slope of the values against their position (per period) with a 95%
 * interval from Student's t with n − 2 df. Fewer than two values: slope 0; fewer than three: the
 * interval is unbounded (no residual degrees of freedom).
 */
export function leastSquaresSlope(values: readonly number[]): { slope: number; ci95: [number, number] } {
  const n = values.length;
  if (n < 2) return { slope: 0, ci95: [-Infinity, Infinity] };
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let sxx = 0, sxy = 0;
  values.forEach((y, x) => {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
  });
  const slope = sxy / sxx;
  if (n < 3) return { slope, ci95: [-Infinity, Infinity] };
  let sse = 0;
  values.forEach((y, x) => (sse += (y - meanY - slope * (x - meanX)) ** 2));
  const half = studentQuantile(0.95, n - 2) * Math.sqrt(sse / (n - 2) / sxx);
  return { slope, ci95: [slope - half, slope + half] };
}

/** G² = 2 Σ O·ln(O/E) of a table (rows × 3 categories); empty cells contribute 0. */
export function gSquared(rows: CategoryCounts[]): number {
  const cells = rows.map((r) => [r.promoters, r.passives, r.detractors]);
  const rowSums = cells.map((r) => r[0] + r[1] + r[2]);
  const colSums = [0, 1, 2].map((j) => cells.reduce((s, r) => s + r[j], 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  let g = 0;
  cells.forEach((r, i) => r.forEach((o, j) => {
    if (o > 0) g += o * Math.log((o * n) / (rowSums[i] * colSums[j]));
  }));
  return 2 * g;
}

/**
 * Dates a single past shift: the split with the largest G² of (periods ≤ τ vs > τ) × category.
 * Candidates keep at least two periods each side, so K = length − 3; the Bonferroni critical value
 * −2·ln(α/K) is the χ²(2) upper-α/K point (its tail is e^(−x/2)). Null below four periods.
 */
export function bestSplit(series: readonly CategoryCounts[], alpha = 0.05): { after: number; g2: number; critical: number; significant: boolean } | null {
  const candidates = series.length - 3;
  if (candidates < 1 || series.every((c) => total(c) === 0)) return null;
  let after = 1, g2 = -Infinity;
  for (let tau = 1; tau <= series.length - 3; tau++) {
    const g = gSquared([sumCounts(series, 0, tau), sumCounts(series, tau + 1, series.length - 1)]);
    if (g > g2) [after, g2] = [tau, g];
  }
  const critical = -2 * Math.log(alpha / candidates);
  return { after, g2, critical, significant: g2 > critical };
}

/** One line of the UI's list of changes; `difference` is in points (later − earlier). */
export interface DetectedShift {
  kind: 'step' | 'trend';
  from: string;
  to: string;
  direction: 'up' | 'down';
  /** Step: raw NPS difference. Trend: Sen's slope × (periods − 1), the change along the fitted line. */
  difference: number;
  p: number;
  /** Benjamini–Hochberg q among all the steps tested (a trend is one test: q = p). */
  q: number;
  /** Step: n of both periods. Trend: n of the first and last period of the trend. */
  n: [number, number];
  sentence: { en: string; ja: string };
}

/** 12.0 points; 2 significant digits when one decimal would print 0.0. */
const points = (x: number) => (Math.abs(x) >= 0.05 ? Math.abs(x).toFixed(1) : Math.abs(x).toPrecision(2));
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
/** p to three decimals, "p < 0.001" below; a fourth decimal when three would round up to 0.050. */
function pText(p: number, name = 'p'): string {
  if (p < 0.001) return `${name} < 0.001`;
  const three = p.toFixed(3);
  return `${name} = ${p < 0.05 && three === '0.050' ? p.toFixed(4) : three}`;
}

/**
 * What the UI lists:
 * - steps: each period against the one before it (twoSampleTest, adjusted), skipped when either has
 *   fewer than `minN` answers, listed when the Benjamini–Hochberg q over all the steps tested is
 *   below 0.05. The reported difference is the raw NPS change (what the chart shows); the p-value
 *   is the adjusted test's.
 * - a trend: Mann–Kendall over the last `trendPeriods` periods (default 6, the ones with ≥ minN
 *   answers; fewer when the series is shorter): a fixed recent window, because the question is "is
 *   it still moving", and a long window would flag a trend that ended long ago. Mann–Kendall cannot
 *   reach p < 0.05 with fewer than 5 values, so very short series never show a trend.
 */
export function detectShifts(series: readonly PeriodCounts[], options: { trendPeriods?: number; minN?: number; designEffects?: readonly number[] } = {}): DetectedShift[] {
  const minN = options.minN ?? 30, k = Math.max(3, Math.round(options.trendPeriods ?? 6));
  const out: DetectedShift[] = [];
  const nps = (c: CategoryCounts) => (100 * (c.promoters - c.detractors)) / total(c);
  // Every step that can be tested is one family (docs/methods.md §12): 29 month-to-month tests
  // flag one or two by chance at p < 0.05; a step is listed when its q is below 0.05.
  const steps: Array<{ before: PeriodCounts; after: PeriodCounts; n: [number, number]; p: number; difference: number }> = [];
  for (let t = 1; t < series.length; t++) {
    const before = series[t - 1], after = series[t];
    const n: [number, number] = [total(before), total(after)];
    if (n[0] < minN || n[1] < minN) continue;
    // Customers who answered more than once in a period count as customers (docs/methods.md §11).
    const shrink = (c: PeriodCounts, t: number) => {
      const by = options.designEffects?.[t] ?? 1;
      return { promoters: c.promoters / by, passives: c.passives / by, detractors: c.detractors / by };
    };
    const test = twoSampleTest(shrink(after, t), shrink(before, t - 1), true);
    if (test) steps.push({ before, after, n, p: test.p, difference: nps(after) - nps(before) });
  }
  const qs = benjaminiHochberg(steps.map((x) => x.p));
  for (const [i, { before, after, n, p, difference }] of steps.entries()) {
    const q = qs[i];
    if (q >= 0.05 || difference === 0) continue;
    const up = difference > 0;
    const basis = [pText(p), pText(q, 'q'), `n = ${count(n[0])} / ${count(n[1])}`];
    out.push({ kind: 'step', from: before.period, to: after.period, direction: up ? 'up' : 'down', difference, p, q, n, sentence: {
      en: `NPS ${up ? 'rose' : 'fell'} ${points(difference)} points from ${before.period} to ${after.period} (${basis.join(', ')}).`,
      ja: `NPS は ${before.period} から ${after.period} に ${points(difference)} ポイント${up ? '上昇' : '低下'}しました（${basis.join('、')}）。`,
    } });
  }
  const recent = series.filter((c) => total(c) >= minN).slice(-k);
  const m = recent.length;
  if (m >= 3) {
    const mk = mannKendall(recent.map(nps));
    if (mk.p < 0.05 && mk.s !== 0) {
      const up = mk.s > 0, first = recent[0], last = recent[m - 1];
      const n: [number, number] = [total(first), total(last)];
      const basis = [`Mann–Kendall ${pText(mk.p)}`, `n = ${count(n[0])} / ${count(n[1])}`];
      out.push({ kind: 'trend', from: first.period, to: last.period, direction: up ? 'up' : 'down', difference: mk.senSlope * (m - 1), p: mk.p, q: mk.p, n, sentence: {
        en: `NPS ${up ? 'rose' : 'fell'} steadily over the ${m} periods from ${first.period} to ${last.period}, by about ${points(mk.senSlope)} points a period (${basis.join(', ')}).`,
        ja: `NPS は ${first.period} から ${last.period} までの ${m} 期間で継続的に${up ? '上昇' : '低下'}しています（1 期間あたり約 ${points(mk.senSlope)} ポイント、${basis.join('、')}）。`,
      } });
    }
  }
  return out;
}
