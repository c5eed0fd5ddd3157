/**
 * The Net Promoter Score of a set of answers and its 95% interval.
 *
 * Answers are coded +1 (promoter, 9–10), 0 (passive, 7–8), −1 (detractor, 0–6); the NPS is their
 * mean in points (−100…100). The interval is the adjusted Wald interval (Rocks 2016 "(3,T)",
 * MeasuringU): add 3 answers split 0.75 / 1.5 / 0.75 before the plain Wald formula. It behaves far
 * better than the plain interval for small n and extreme shares (10/0/0 gives [47.5, 100], not
 * the useless [100, 100]).
 */

/**
 * The one rule from a 0–10 score to its category, and the one numeric order of the categories:
 * 0 detractor, 1 passive, 2 promoter (the order of the scores). Every count array, matrix and
 * lookup of the app is indexed this way.
 */
export type Category = 'detractor' | 'passive' | 'promoter';
export type CategoryIndex = 0 | 1 | 2;
export const CATEGORIES: readonly Category[] = ['detractor', 'passive', 'promoter'];
export const DETRACTOR = 0, PASSIVE = 1, PROMOTER = 2;

export function categoryIndex(score: number): CategoryIndex {
  return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
}

export function categoryOf(score: number): Category {
  return CATEGORIES[categoryIndex(score)];
}

/** `categoryIndex` of each score 0…10: a lookup instead of two branches in hot loops. */
export const CATEGORY_INDEX = Uint8Array.from({ length: 11 }, (_, s) => categoryIndex(s));

/** Φ⁻¹(0.975): the 95% two-sided normal quantile. */
export const Z95 = 1.959964;

export interface CategoryCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsSummary extends CategoryCounts {
  n: number;
  /** Points, unrounded; null when there are no answers (never NaN). */
  nps: number | null;
  /** Adjusted-Wald 95% interval in points, clipped to [−100, 100]; null when n = 0. */
  ci95: [number, number] | null;
}

/** Counts per category from a 0–10 histogram (index = score). */
export function countsFromDistribution(distribution: ArrayLike<number>): CategoryCounts {
  const counts = [0, 0, 0];
  for (let s = 0; s <= 10; s++) counts[categoryIndex(s)] += distribution[s] ?? 0;
  return countsOf(counts, 0);
}

export function npsOf({ promoters, passives, detractors }: CategoryCounts): number | null {
  const n = promoters + passives + detractors;
  return n === 0 ? null : (100 * (promoters - detractors)) / n;
}

/** Adjusted-Wald interval in points; null for no answers. */
export function adjustedWaldInterval(counts: CategoryCounts, z = Z95): [number, number] | null {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return null;
  const nA = n + 3;
  const pA = (counts.promoters + 0.75) / nA;
  const dA = (counts.detractors + 0.75) / nA;
  const centre = pA - dA;
  const variance = pA + dA - centre * centre;
  const half = z * Math.sqrt(variance / nA);
  return [100 * Math.max(-1, centre - half), 100 * Math.min(1, centre + half)];
}

export function summarise(counts: CategoryCounts): NpsSummary {
  const n = counts.promoters + counts.passives + counts.detractors;
  return { n, ...counts, nps: npsOf(counts), ci95: adjustedWaldInterval(counts) };
}

/** Answers needed for a ± margin (points) in the worst case shares seen so far (docs/methods.md §2). */
export function answersForMargin(counts: CategoryCounts, marginPoints: number, z = Z95): number {
  const n = counts.promoters + counts.passives + counts.detractors;
  const p = n ? counts.promoters / n : 0.5;
  const d = n ? counts.detractors / n : 0.5;
  const variance = n ? p + d - (p - d) ** 2 : 1;
  const m = marginPoints / 100;
  return Math.max(0, Math.ceil((z * z * variance) / (m * m) - 3));
}

/** The counts at `at`, `at + 1`, `at + 2` of an array laid out in category order. */
export function countsOf(counts: ArrayLike<number>, at: number): CategoryCounts {
  return { detractors: counts[at + DETRACTOR], passives: counts[at + PASSIVE], promoters: counts[at + PROMOTER] };
}
