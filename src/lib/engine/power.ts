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
