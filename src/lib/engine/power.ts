/**
 * What the data can and cannot tell (docs/methods.md §13): every comparison says how large a
 * difference its sample could have seen, so that "no significant change" is never read as "no
 * change"; and how many answers a difference of a given size would need.
 */
import { Z95, type CategoryCounts } from './nps';
import { twoSampleTest } from './significance';

/** Φ⁻¹(0.8): 80% power. */
export const Z80 = 0.841621;

/** Per-answer variance V = p + d − (p − d)² of a group (unadjusted shares). */
export function answerVariance(c: CategoryCounts): number {
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) return 1;
  const p = c.promoters / n, d = c.detractors / n;
  return p + d - (p - d) ** 2;
}

/** The 95% interval of a difference a − b (adjusted, as the two-sample test), in points. */
export function differenceInterval(a: CategoryCounts, b: CategoryCounts): [number, number] | null {
  const test = twoSampleTest(a, b, true);
  return test ? [test.difference - Z95 * test.se, test.difference + Z95 * test.se] : null;
}

/**
 * The smallest difference (points) that two groups of these sizes and spreads would show as
 * significant four times in five (80% power, two-sided 5%): (z₀.₉₇₅ + z₀.₈)·√(V₁/n₁ + V₂/n₂).
 */
export function minimumDetectableDifference(a: CategoryCounts, b: CategoryCounts): number | null {
  const na = a.promoters + a.passives + a.detractors, nb = b.promoters + b.passives + b.detractors;
  if (na === 0 || nb === 0) return null;
  return 100 * (Z95 + Z80) * Math.sqrt(answerVariance(a) / na + answerVariance(b) / nb);
}

/** Answers each of two groups needs to detect a difference of `points` (80% power, 5%). */
export function answersNeeded(varianceA: number, varianceB: number, points: number): number {
  const delta = points / 100;
  return Math.ceil(((Z95 + Z80) ** 2 * (varianceA + varianceB)) / (delta * delta));
}

/** What a series of periods (or a set of segment values) can tell, for the sample-size planner. */
export interface SamplePlan {
  /** Answers each period (value) needs for a change of `points` to be seen four times in five. */
  needed: number;
  /** The typical (median) answers a period has now. */
  typical: number;
  /** The smallest change between two typical periods the data can see now, points. */
  detectable: number | null;
}

/**
 * "To see a 5-point change between quarters you need ~1,050 answers a quarter; you have 310." The
 * spread V comes from all the answers together (a period's own V is too noisy to plan with).
 */
export function samplePlan(groups: readonly CategoryCounts[], points: number): SamplePlan | null {
  const sizes = groups.map((g) => g.promoters + g.passives + g.detractors).filter((n) => n > 0).sort((a, b) => a - b);
  if (sizes.length === 0 || !(points > 0)) return null;
  const all = groups.reduce((t, g) => ({ promoters: t.promoters + g.promoters, passives: t.passives + g.passives, detractors: t.detractors + g.detractors }), { promoters: 0, passives: 0, detractors: 0 });
  const v = answerVariance(all);
  const middle = sizes.length >> 1;
  const typical = sizes.length % 2 ? sizes[middle] : (sizes[middle - 1] + sizes[middle]) / 2;
  return { needed: answersNeeded(v, v, points), typical, detectable: 100 * (Z95 + Z80) * Math.sqrt((2 * v) / typical) };
}
