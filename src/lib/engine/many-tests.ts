/**
 * Many comparisons at once (docs/methods.md §12): thirty CSMs tested against the rest flag about
 * one and a half by chance alone, and so do twenty-nine month-to-month steps. Each view's set of
 * tests is one family; Benjamini–Hochberg keeps the share of false discoveries among what is
 * called real under 5%, and the omnibus test of a segment column's k × 3 table says whether its
 * values differ at all before any one of them is highlighted.
 */
import type { CategoryCounts } from './nps';
import { chiSquareP } from './significance';
import type { ChiSquareTest } from './stuart-maxwell';

/** The level below which a q (or p) counts as a real difference. */
export const ALPHA = 0.05;

/** Benjamini–Hochberg q-values, in the order of `p`: q₍ᵢ₎ = min over j ≥ i of (m / j)·p₍ⱼ₎, at most 1. */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Array<number>(m);
  let smallest = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    smallest = Math.min(smallest, (m / rank) * p[i]);
    q[i] = smallest;
  }
  return q;
}

/**
 * Do the groups (segment values) differ in their promoter / passive / detractor mix at all? The
 * χ² test of the k × 3 table, with (k − 1)(c − 1) degrees of freedom for the c categories anyone
 * is in; null with fewer than two groups with answers, or one category only.
 */
export function omnibusTest(groups: readonly CategoryCounts[]): ChiSquareTest | null {
  const rows = groups.map((g) => [g.detractors, g.passives, g.promoters]).filter((r) => r[0] + r[1] + r[2] > 0);
  const columns = [0, 1, 2].map((j) => rows.reduce((s, r) => s + r[j], 0));
  const used = [0, 1, 2].filter((j) => columns[j] > 0);
  if (rows.length < 2 || used.length < 2) return null;
  const n = columns.reduce((s, c) => s + c, 0);
  let chi2 = 0;
  for (const r of rows) {
    const total = r[0] + r[1] + r[2];
    for (const j of used) {
      const expected = (total * columns[j]) / n;
      chi2 += (r[j] - expected) ** 2 / expected;
    }
  }
  const df = (rows.length - 1) * (used.length - 1);
  return { chi2, df, p: chiSquareP(chi2, df) };
}
