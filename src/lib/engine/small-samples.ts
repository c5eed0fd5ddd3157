/**
 * Small samples (docs/methods.md §14): large-sample approximations mislead when few customers
 * changed category. Exact binomial tests replace McNemar's χ² below 25 changes and the paired
 * change's z when fewer than 10 customers moved or all moved one way (where the standard
 * deviation can be 0 and z infinite); the paired change otherwise uses Student's t.
 */
import { lnGamma, studentTwoSidedP, twoSidedP } from './significance';

/** Two-sided exact binomial p of `a` against `b` at even odds: 2·P(X ≤ min(a, b)), at most 1. */
export function exactBinomialP(a: number, b: number): number {
  const n = a + b;
  if (n === 0) return 1;
  const k = Math.min(a, b);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(lnGamma(n + 1) - lnGamma(i + 1) - lnGamma(n - i + 1) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

/** McNemar with all movement between two categories: b one way, c the other. */
export function mcnemar(b: number, c: number): { p: number; exact: boolean } {
  if (b + c < 25) return { p: exactBinomialP(b, c), exact: true };
  // χ² with 1 df is z² for a normal: p = P(|Z| > |b − c| / √(b + c)).
  return { p: twoSidedP((b - c) / Math.sqrt(b + c)), exact: false };
}

export interface PairedChange {
  /** Paired customers, and those who moved to a better or worse category. */
  n: number;
  up: number;
  down: number;
  /** Mean change of the +1/0/−1 code, points. */
  difference: number;
  /** Standard error, points (0 when nobody moved or all moved alike). */
  se: number;
  /** Student's t with n − 1 df, or the exact sign test on up against down. */
  method: 't' | 'sign';
  statistic: number | null;
  p: number;
}

/** Below this many customers who changed category, the sign test decides. */
export const SIGN_TEST_BELOW = 10;

/**
 * The NPS change of the same customers between two waves, from their 3 × 3 table
 * (rows wave 1, columns wave 2, in category order). Null with fewer than two customers.
 */
export function pairedChange(table3x3: readonly (readonly number[])[]): PairedChange | null {
  let n = 0, sum = 0, sumSq = 0, up = 0, down = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const count = table3x3[i]?.[j] ?? 0;
      n += count;
      sum += count * (j - i);
      sumSq += count * (j - i) ** 2;
      if (j > i) up += count;
      else if (j < i) down += count;
    }
  }
  if (n < 2) return null;
  const mean = sum / n;
  const se = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)) / n);
  const base = { n, up, down, difference: 100 * mean, se: 100 * se };
  if (up + down < SIGN_TEST_BELOW || up === 0 || down === 0 || se === 0) {
    return { ...base, method: 'sign', statistic: null, p: exactBinomialP(up, down) };
  }
  const t = mean / se;
  return { ...base, method: 't', statistic: t, p: studentTwoSidedP(t, n - 1) };
}

/**
 * Fisher's exact test of a 2 × 2 table [[a, b], [c, d]] (two-sided: the tables with the same
 * margins that are no more likely than this one). For group shares with few customers, where
 * the normal approximation of two proportions misleads.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const row1 = a + b, col1 = a + c, n = a + b + c + d;
  const logChoose = (x: number, k: number) => lnGamma(x + 1) - lnGamma(k + 1) - lnGamma(x - k + 1);
  const logP = (x: number) => logChoose(row1, x) + logChoose(n - row1, col1 - x) - logChoose(n, col1);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
    const lp = logP(x);
    // A relative tolerance, as R does, so that tables equal to the observed one are counted.
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
