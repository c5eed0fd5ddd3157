/**
 * A share of accounts — churned, answered — with its 95% interval (docs/methods.md §17.2).
 *
 * The Wilson score interval, not the plain Wald one: churn and response rates are often near 0
 * or 100% and groups are small (6 detractor accounts), where p ± z·√(p(1−p)/n) collapses to a
 * point (0 of 7 → [0, 0]) or leaves [0, 100]. Wilson keeps close to its nominal 95% there
 * (Agresti & Coull 1998; Brown, Cai & DasGupta 2001) and, unlike the exact Clopper–Pearson
 * interval, is not wider than it needs to be.
 */
import { Z95 } from './nps';
import { fisherExact } from './small-samples';

export interface Rate {
  /** Accounts counted (the denominator). */
  n: number;
  /** Of them, those with the event (churned, answered). */
  events: number;
  /** Percent, 0–100; null when n = 0. */
  rate: number | null;
  /** Wilson 95% interval in percent; null when n = 0. */
  ci95: [number, number] | null;
}

/** Wilson score interval of k events in n, in percent, clipped to [0, 100]; null for n = 0. */
export function wilsonInterval(k: number, n: number, z = Z95): [number, number] | null {
  if (n <= 0) return null;
  const p = k / n, z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half)];
}

export function rateOf(events: number, n: number): Rate {
  return { n, events, rate: n > 0 ? (100 * events) / n : null, ci95: wilsonInterval(events, n) };
}

/**
 * Does one group's rate differ from the rest's? Fisher's exact test of the 2 × 2 table (group vs
 * rest × event vs not): exact, so it holds for a segment value of five accounts. Null when either
 * side is empty.
 */
export function rateVersusRest(group: Rate, all: Rate): number | null {
  const restN = all.n - group.n, restEvents = all.events - group.events;
  if (group.n === 0 || restN === 0) return null;
  return fisherExact(group.events, group.n - group.events, restEvents, restN - restEvents);
}
