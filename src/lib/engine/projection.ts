/**
 * Where the line is heading (docs/methods.md §6.11): the next periods' NPS projected by a local
 * linear trend model — a level that moves by a slope, both drifting a little from period to
 * period — run through a Kalman filter whose measurement noise in each period is known from its
 * answers (the sampling variance of its NPS, customers as customers). The two drift variances are
 * chosen by maximum likelihood on a grid; with both at zero the model is the weighted straight
 * line, with a large level drift it follows the last periods.
 *
 *   yₜ = μₜ + εₜ,  εₜ ~ N(0, Rₜ)          Rₜ = 10⁴ · deffₜ · Vₜ / (nₜ + 3) (adjusted shares, §2)
 *   μₜ₊₁ = μₜ + βₜ + ηₜ,  ηₜ ~ N(0, q_level)
 *   βₜ₊₁ = βₜ + ζₜ,       ζₜ ~ N(0, q_slope)
 *
 * The prediction interval is that of the NPS a period of typical size will show: the state's
 * uncertainty plus the median period's sampling variance. It does not include the uncertainty of
 * the two drift variances themselves, nor anything the company does next.
 */
import { type CategoryCounts } from './nps';
import { periodLabel, periodRange, type PeriodOptions } from './periods';
import { dayToIso } from './days';

/** Fewest periods with answers before a projection is shown. */
export const MIN_PROJECTION_PERIODS = 8;
const Z95 = 1.959964;
/** Diffuse start: the initial level and slope are unknown (variance κ, large against any Rₜ). */
const KAPPA = 1e9;

export interface KalmanResult {
  logLikelihood: number;
  /** Filtered level and slope after the last observation, and their covariance [[μμ, μβ], [μβ, ββ]]. */
  state: [number, number];
  covariance: [[number, number], [number, number]];
}

/**
 * The local linear trend filter over observations at integer times `at` (increasing; a gap is
 * several steps without an observation), y in points with measurement variances `r`. The first
 * two observations only pin down the diffuse start and add nothing to the likelihood.
 */
export function localLinearTrend(at: readonly number[], y: readonly number[], r: readonly number[], q: { level: number; slope: number }): KalmanResult {
  let [a0, a1] = [0, 0];
  let [p00, p01, p11] = [KAPPA, 0, KAPPA];
  let logLikelihood = 0;
  for (let t = 0; t < y.length; t++) {
    const steps = t === 0 ? 0 : at[t] - at[t - 1];
    for (let s = 0; s < steps; s++) {
      // a = T a, P = T P Tᵀ + Q with T = [[1, 1], [0, 1]].
      a0 += a1;
      [p00, p01, p11] = [p00 + 2 * p01 + p11 + q.level, p01 + p11, p11 + q.slope];
    }
    const v = y[t] - a0, f = p00 + r[t];
    const k0 = p00 / f, k1 = p01 / f;
    a0 += k0 * v;
    a1 += k1 * v;
    [p00, p01, p11] = [p00 - k0 * p00, p01 - k0 * p01, p11 - k1 * p01];
    if (t >= 2) logLikelihood -= 0.5 * (Math.log(2 * Math.PI) + Math.log(f) + (v * v) / f);
  }
  return { logLikelihood, state: [a0, a1], covariance: [[p00, p01], [p01, p11]] };
}

/** The state `steps` periods after a filtered one: its mean level and the level's variance. */
export function stepAhead(result: KalmanResult, steps: number, q: { level: number; slope: number }): { level: number; variance: number } {
  let [a0, a1] = result.state;
  let [[p00, p01], [, p11]] = result.covariance;
  for (let s = 0; s < steps; s++) {
    a0 += a1;
    [p00, p01, p11] = [p00 + 2 * p01 + p11 + q.level, p01 + p11, p11 + q.slope];
  }
  return { level: a0, variance: p00 };
}

/** Drift variances tried, as multiples of the median measurement variance (0 and 10⁻⁴ … 10). */
const LEVEL_RATIOS = [0, ...Array.from({ length: 11 }, (_, k) => 10 ** ((k - 8) / 2))];
const SLOPE_RATIOS = [0, ...Array.from({ length: 11 }, (_, k) => 10 ** ((k - 10) / 2))];

/** The drift variances of largest likelihood on the grid (the smaller ones on a tie). */
export function fitLocalLinearTrend(at: readonly number[], y: readonly number[], r: readonly number[]): { q: { level: number; slope: number }; result: KalmanResult } {
  const scale = median(r);
  let best: { q: { level: number; slope: number }; result: KalmanResult } | null = null;
  for (const level of LEVEL_RATIOS) {
    for (const slope of SLOPE_RATIOS) {
      const q = { level: level * scale, slope: slope * scale };
      const result = localLinearTrend(at, y, r, q);
      if (!best || result.logLikelihood > best.result.logLikelihood + 1e-9) best = { q, result };
    }
  }
  return best!;
}

export interface ProjectedPeriod {
  period: string;
  from: string;
  to: string;
  /** Points. */
  nps: number;
  /** 95% prediction interval of the NPS a period of typical size will show, clipped to ±100. */
  ci95: [number, number];
}

export interface Projection {
  points: ProjectedPeriod[];
  /** The filtered level and slope (points a period) at the last period, with standard errors. */
  level: number;
  slope: number;
  slopeSe: number;
  /** The answers a period was taken to have (the median), and the periods fitted. */
  typicalN: number;
  periods: number;
  /** The drift variances chosen (points²). */
  q: { level: number; slope: number };
}

export interface ProjectionInput extends CategoryCounts {
  /** Period index (periods.ts). */
  index: number;
  designEffect?: number;
}

/** The sampling variance of a period's NPS in points² (adjusted shares, × its design effect). */
export function measurementVariance(c: CategoryCounts, designEffect = 1): number {
  const n = c.promoters + c.passives + c.detractors + 3;
  const p = (c.promoters + 0.75) / n, d = (c.detractors + 0.75) / n;
  return (1e4 * designEffect * (p + d - (p - d) ** 2)) / n;
}

/** The next `ahead` periods' projection; null with fewer than MIN_PROJECTION_PERIODS periods. */
export function projectSeries(series: readonly ProjectionInput[], options: PeriodOptions, ahead = 2): Projection | null {
  const used = series.filter((c) => c.promoters + c.passives + c.detractors > 0);
  if (used.length < MIN_PROJECTION_PERIODS) return null;
  const at = used.map((c) => c.index);
  const y = used.map((c) => (100 * (c.promoters - c.detractors)) / (c.promoters + c.passives + c.detractors));
  const r = used.map((c) => measurementVariance(c, c.designEffect));
  const { q, result } = fitLocalLinearTrend(at, y, r);
  const future = median(r);
  const last = at[at.length - 1];
  const points = Array.from({ length: ahead }, (_, k): ProjectedPeriod => {
    const index = last + k + 1;
    const { level, variance } = stepAhead(result, k + 1, q);
    const half = Z95 * Math.sqrt(variance + future);
    const range = periodRange(index, options);
    return { period: periodLabel(index, options), from: dayToIso(range.from), to: dayToIso(range.to), nps: level, ci95: [Math.max(-100, level - half), Math.min(100, level + half)] };
  });
  const n = median(used.map((c) => c.promoters + c.passives + c.detractors));
  return { points, level: result.state[0], slope: result.state[1], slopeSe: Math.sqrt(result.covariance[1][1]), typicalN: Math.round(n), periods: used.length, q };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
