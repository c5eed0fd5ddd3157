/**
 * Where the line really moved (docs/methods.md §6.8): the levels of a series of periods and the
 * changes between them, found over the whole series — a step, and a dip that recovers — with at
 * most one constant series in twenty reporting a change.
 *
 * A stretch of periods is split where the G² of (periods before vs after) × (detractor, passive,
 * promoter) is largest, when it passes its Bonferroni critical value; if no single split does,
 * the best pair of splits is tried (a dip that recovers looks alike on both sides of any one
 * split); every new stretch is searched again. Each stretch keeps at least two periods, so a
 * lone odd period is never a level of its own, and small periods are pooled into their
 * neighbours' level rather than dropped.
 *
 * A steady slide is a trend, not a string of steps: when the series rises or falls steadily
 * (Mann–Kendall over all of it) and a straight line explains the shares at least as well as the
 * levels do (by BIC, which charges each level for its parameters), the line is a trend.
 */
import type { CategoryCounts } from './nps';
import { chiSquareP } from './significance';
import { gSquared, mannKendall, sumCounts } from './shifts';

/** A change of level: after period `after` (the last of the earlier level) the NPS moved. */
export interface LevelChange {
  /** Index of the last period of the earlier level. */
  after: number;
  direction: 'up' | 'down';
  /** NPS of the levels before and after, points (all their answers pooled). */
  from: number;
  to: number;
  /** G² of the split that found it, its degrees of freedom, and its Bonferroni-adjusted p. */
  g2: number;
  df: number;
  p: number;
}

export interface Level {
  from: number;
  to: number;
  counts: CategoryCounts;
  nps: number;
}

export interface Trend {
  direction: 'up' | 'down' | null;
  p: number;
  /** Sen's slope: the typical change per period, points. */
  slope: number;
  /** Periods it was computed over. */
  periods: number;
}

export interface SeriesStory {
  levels: Level[];
  changes: LevelChange[];
  /** Over the whole series. */
  trend: Trend | null;
  /** A steady slide or rise: the changes a step search found are one trend, and listed as such. */
  steady: boolean;
}

const n = (c: CategoryCounts) => c.promoters + c.passives + c.detractors;
const npsOf = (c: CategoryCounts) => (n(c) ? (100 * (c.promoters - c.detractors)) / n(c) : 0);

/** The x with P(χ²_df > x) = p, by bisection (χ² quantiles for the Bonferroni critical values). */
export function chiSquareCritical(p: number, df: number): number {
  let lo = 0, hi = 1;
  while (chiSquareP(hi, df) > p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquareP(mid, df) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

interface Split {
  cuts: number[];
  g2: number;
  df: number;
  p: number;
}

/**
 * The pooled counts of any stretch of a series in constant time (running totals): the split
 * searches below add up stretches O(length²) times, which summed period by period made a five-year
 * weekly series take most of a second.
 */
export function stretchSums(series: readonly CategoryCounts[]): (from: number, to: number) => CategoryCounts {
  const p = new Float64Array(series.length + 1), m = new Float64Array(series.length + 1), d = new Float64Array(series.length + 1);
  series.forEach((c, t) => {
    p[t + 1] = p[t] + c.promoters;
    m[t + 1] = m[t] + c.passives;
    d[t + 1] = d[t] + c.detractors;
  });
  return (from, to) => ({ promoters: p[to + 1] - p[from], passives: m[to + 1] - m[from], detractors: d[to + 1] - d[from] });
}

/** The best single split of series[from..to] that passes its critical value, else the best pair. */
function bestSplitOf(sum: (from: number, to: number) => CategoryCounts, from: number, to: number, alpha: number): Split | null {
  const length = to - from + 1;
  const single = length - 3; // splits after from+1 … to−2: two periods each side
  if (single >= 1) {
    let best = -1, g = -Infinity;
    for (let t = from + 1; t <= to - 2; t++) {
      const value = gSquared([sum(from, t), sum(t + 1, to)]);
      if (value > g) [best, g] = [t, value];
    }
    if (g > chiSquareCritical(alpha / single, 2)) return { cuts: [best], g2: g, df: 2, p: Math.min(1, single * chiSquareP(g, 2)) };
  }
  // Pairs of splits, three stretches of two periods or more.
  let pairs = 0, cuts: number[] = [], g = -Infinity;
  for (let a = from + 1; a <= to - 4; a++) {
    for (let b = a + 2; b <= to - 2; b++) {
      pairs++;
      const value = gSquared([sum(from, a), sum(a + 1, b), sum(b + 1, to)]);
      if (value > g) [cuts, g] = [[a, b], value];
    }
  }
  if (pairs >= 1 && g > chiSquareCritical(alpha / pairs, 4)) return { cuts, g2: g, df: 4, p: Math.min(1, pairs * chiSquareP(g, 4)) };
  return null;
}

/** The levels of a series and the changes between them (see the module's comment). */
export function findLevels(series: readonly CategoryCounts[], alpha = 0.05): { levels: Level[]; changes: LevelChange[] } {
  const found: Array<{ after: number; g2: number; df: number; p: number }> = [];
  const sums = stretchSums(series);
  const search = (from: number, to: number) => {
    const split = bestSplitOf(sums, from, to, alpha);
    if (!split) return;
    for (const cut of split.cuts) found.push({ after: cut, g2: split.g2, df: split.df, p: split.p });
    const bounds = [from - 1, ...split.cuts, to];
    for (let k = 0; k + 1 < bounds.length; k++) search(bounds[k] + 1, bounds[k + 1]);
  };
  if (series.length >= 4) search(0, series.length - 1);
  found.sort((x, y) => x.after - y.after);
  const bounds = [-1, ...found.map((f) => f.after), series.length - 1];
  const levels: Level[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const counts = sums(bounds[k] + 1, bounds[k + 1]);
    levels.push({ from: bounds[k] + 1, to: bounds[k + 1], counts, nps: npsOf(counts) });
  }
  const changes = found.map((f, k): LevelChange => ({
    after: f.after,
    direction: levels[k + 1].nps >= levels[k].nps ? 'up' : 'down',
    from: levels[k].nps,
    to: levels[k + 1].nps,
    g2: f.g2,
    df: f.df,
    p: f.p,
  }));
  return { levels, changes };
}

/** Multinomial log-likelihood of the counts under per-period shares. */
function logLikelihood(series: readonly CategoryCounts[], shares: (t: number) => [number, number, number]): number {
  let ll = 0;
  series.forEach((c, t) => {
    const [d, m, p] = shares(t).map((x) => Math.min(1 - 1e-9, Math.max(1e-9, x)));
    ll += c.detractors * Math.log(d) + c.passives * Math.log(m) + c.promoters * Math.log(p);
  });
  return ll;
}

/** Promoter and detractor shares as straight lines in the period (weighted least squares). */
function lineShares(series: readonly CategoryCounts[]): (t: number) => [number, number, number] {
  let w = 0, sx = 0, sxx = 0, sp = 0, sxp = 0, sd = 0, sxd = 0;
  series.forEach((c, t) => {
    const k = n(c);
    if (!k) return;
    w += k; sx += k * t; sxx += k * t * t;
    sp += c.promoters; sxp += t * c.promoters; sd += c.detractors; sxd += t * c.detractors;
  });
  const det = w * sxx - sx * sx;
  const fit = (s: number, sxs: number) => (det ? [(s * sxx - sx * sxs) / det, (w * sxs - sx * s) / det] : [s / w, 0]);
  const [ap, bp] = fit(sp, sxp), [ad, bd] = fit(sd, sxd);
  return (t) => {
    const p = ap + bp * t, d = ad + bd * t;
    return [d, 1 - p - d, p];
  };
}

/** Does a straight line explain the shares at least as well as these levels (BIC)? */
function lineExplains(series: readonly CategoryCounts[], levels: readonly Level[]): boolean {
  const total = series.reduce((s, c) => s + n(c), 0);
  const share = (c: CategoryCounts) => [c.detractors / n(c), c.passives / n(c), c.promoters / n(c)] as [number, number, number];
  const levelOf = (t: number) => levels.find((l) => t >= l.from && t <= l.to)!;
  const levelLL = logLikelihood(series, (t) => share(levelOf(t).counts));
  const lineLL = logLikelihood(series, lineShares(series));
  // Each level has two free shares; each change a position. The line has two lines of two each.
  const levelParams = 2 * levels.length + (levels.length - 1), lineParams = 4;
  return -2 * lineLL + lineParams * Math.log(total) <= -2 * levelLL + levelParams * Math.log(total);
}

/** Mann–Kendall and Sen's slope over the NPS of these periods (null with fewer than 3). */
export function trendOf(series: readonly CategoryCounts[], alpha = 0.05): Trend | null {
  const values = series.filter((c) => n(c) > 0).map(npsOf);
  if (values.length < 3) return null;
  const mk = mannKendall(values);
  return { direction: mk.p < alpha && mk.s !== 0 ? (mk.s > 0 ? 'up' : 'down') : null, p: mk.p, slope: mk.senSlope, periods: values.length };
}

/** The levels, changes and trend of a series, told as the app tells them. */
export function seriesStory(series: readonly CategoryCounts[], alpha = 0.05): SeriesStory {
  const { levels, changes } = findLevels(series, alpha);
  const trend = trendOf(series, alpha);
  const steady = changes.length > 0 && trend?.direction != null && changes.every((c) => c.direction === trend.direction) && lineExplains(series, levels);
  return steady ? { levels: [levels.reduce((all, l) => ({ from: all.from, to: l.to, counts: sumCounts(series, all.from, l.to), nps: npsOf(sumCounts(series, all.from, l.to)) }))], changes: [], trend, steady } : { levels, changes, trend, steady };
}
