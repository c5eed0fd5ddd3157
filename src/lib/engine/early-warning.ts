/**
 * An early warning (docs/methods.md §6.10): are the most recent periods sliding below the line's
 * current level before any of them is significantly lower on its own? The monitoring charts of
 * shifts.ts answer it — EWMA and CUSUM of each period's NPS standardised against a baseline —
 * with the control-chart convention of a warning limit at 2σ inside the action limit at 3σ.
 *
 * The baseline is the current level (change-points.ts) without the recent periods, at most its
 * last twelve periods: "below what this line has been doing lately", not below a level it left.
 * Counts are divided by each period's design effect first (customers as customers, §11).
 */
import type { CategoryCounts } from './nps';
import { cusum, ewma, sumCounts, type PeriodCounts } from './shifts';
import { twoSampleTest } from './significance';

export interface WarningPeriod {
  period: string;
  n: number;
  nps: number;
  /** NPS − the baseline's, points; p of the adjusted two-sample test against the baseline. */
  difference: number;
  p: number;
}

export interface EarlyWarning {
  /**
   * drift: every recent period below the baseline and the EWMA past its warning limit (or
   * CUSUM's lower sum past half its decision value), none significantly lower on its own;
   * signal: the EWMA past its action limit, or every recent period below the baseline with CUSUM
   * signalling or one of them already significantly lower on its own; steady: neither.
   */
  status: 'drift' | 'signal' | 'steady';
  /**
   * What said so: the EWMA past its limit (warning for a drift, action for a signal), CUSUM's
   * lower sum past its value (h/2, h), or a period significantly lower on its own; null when steady.
   */
  trigger: 'ewma' | 'cusum' | 'alone' | null;
  baseline: { fromPeriod: string; toPeriod: string; n: number; nps: number };
  recent: WarningPeriod[];
  /** EWMA (λ 0.2) of the standardised NPS at the last period, and its limits there (2σ, 3σ). */
  ewma: number;
  warningLimit: number;
  actionLimit: number;
  /** CUSUM's lower sum at the last period (k 0.5; it signals above CUSUM_H). */
  cusumLower: number;
}

export interface WarningPeriodInput extends PeriodCounts {
  designEffect?: number;
}

/** Periods judged, and the fewest baseline periods a judgement needs. */
export const RECENT = 3;
export const MIN_BASELINE = 3;
const MAX_BASELINE = 12;
export const CUSUM_H = 4;

const total = (c: CategoryCounts) => c.promoters + c.passives + c.detractors;
const npsOf = (c: CategoryCounts) => (100 * (c.promoters - c.detractors)) / total(c);

/**
 * The early warning of a series whose current level starts at `levelFrom` (a series index); null
 * when that level has fewer than MIN_BASELINE periods before the last RECENT ones (a recent change
 * is told as a change, not as a drift).
 */
export function earlyWarning(series: readonly WarningPeriodInput[], levelFrom: number): EarlyWarning | null {
  const length = series.length;
  const recentFrom = length - RECENT;
  const baseFrom = Math.max(levelFrom, recentFrom - MAX_BASELINE);
  if (recentFrom - baseFrom < MIN_BASELINE) return null;
  const effective = series.slice(baseFrom).map((c): PeriodCounts => {
    const by = c.designEffect ?? 1;
    return { period: c.period, promoters: c.promoters / by, passives: c.passives / by, detractors: c.detractors / by };
  });
  const baselinePeriods = recentFrom - baseFrom;
  const base = sumCounts(effective, 0, baselinePeriods - 1);
  const raw = sumCounts(series, baseFrom, recentFrom - 1);
  const e = ewma(effective, { baselinePeriods });
  const c = cusum(effective, { baselinePeriods, h: CUSUM_H });
  const last = effective.length - 1;
  const recent = series.slice(recentFrom).map((p, k): WarningPeriod => {
    const test = twoSampleTest(effective[baselinePeriods + k], base, true);
    return { period: p.period, n: total(p), nps: npsOf(p), difference: npsOf(p) - npsOf(raw), p: test?.p ?? 1 };
  });
  const actionLimit = e.limits[last], warningLimit = (2 / 3) * actionLimit;
  const value = e.values[last], lower = c.lower[last];
  const below = recent.every((r) => r.difference < 0);
  const alone = recent.some((r) => r.difference < 0 && r.p < 0.05);
  const charts = value < -actionLimit || c.signals.some((s) => s.direction === 'down' && s.index >= baselinePeriods);
  // One period lower on its own among others that are not is an odd period, not a slide: the
  // slide is every recent period below the level, caught by the charts before any alone.
  const drift = below && (value < -warningLimit || lower > CUSUM_H / 2);
  const signal = value < -actionLimit || (below && (charts || alone));
  const trigger = signal
    ? value < -actionLimit ? 'ewma' : charts ? 'cusum' : 'alone'
    : drift ? (value < -warningLimit ? 'ewma' : 'cusum') : null;
  return {
    status: signal ? 'signal' : drift ? 'drift' : 'steady',
    trigger,
    baseline: { fromPeriod: series[baseFrom].period, toPeriod: series[recentFrom - 1].period, n: total(raw), nps: npsOf(raw) },
    recent,
    ewma: value,
    warningLimit,
    actionLimit,
    cusumLower: lower,
  };
}
