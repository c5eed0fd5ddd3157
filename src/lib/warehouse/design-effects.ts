/**
 * Design effects from sums over customers (counts.ts CLUSTERS, segmentValues) instead of one
 * pass over the answers: engine/clustered.ts's formulas, with each customer's squared deviation
 * (T − m·NPS)² summed as Σ T² − 2·NPS·Σ T·m + NPS²·Σ m². The sums are exact integers; the
 * results agree with the engine's to rounding (~1e-15 relative), which the equality test allows.
 */
import { adjustedWaldInterval, type CategoryCounts } from '../engine/nps';

/** Σ over customers of T² (tt), T·m (tm), m² (mm): T = Σx of a customer's answers, m = how many. */
export interface CustomerSums {
  customers: number;
  tt: number;
  tm: number;
  mm: number;
}

/** Answers of nobody known: each its own customer. Count, Σx, Σx². */
export interface LooseSums {
  loose: number;
  looseX: number;
  looseX2: number;
}

/** Σ (T − m·a)² over customers plus Σ (x − a)² over loose answers, about the centre `a`. */
export function squaresAbout(a: number, c: CustomerSums, l: LooseSums): number {
  return c.tt - 2 * a * c.tm + a * a * c.mm + (l.looseX2 - 2 * a * l.looseX + l.loose * a * a);
}

/** engine/clustered.ts clusteredNps: the design effect of all answers and the interval for customers. */
export function clusteredFromSums(counts: CategoryCounts, c: CustomerSums, l: LooseSums): { designEffect: number; ci95: [number, number] | null } {
  const { promoters, passives, detractors } = counts;
  const n = detractors + passives + promoters;
  if (n === 0) return { designEffect: 1, ci95: null };
  const nps = (promoters - detractors) / n;
  const customers = l.loose + c.customers;
  const squares = squaresAbout(nps, c, l);
  const p = promoters / n, d = detractors / n;
  const varIid = (p + d - (p - d) ** 2) / n;
  const varClustered = customers > 1 ? (customers / (customers - 1)) * (squares / (n * n)) : varIid;
  const designEffect = customers < n && varIid > 0 ? Math.max(1, varClustered / varIid) : 1;
  const effective = { promoters: promoters / designEffect, passives: passives / designEffect, detractors: detractors / designEffect };
  return { designEffect, ci95: adjustedWaldInterval(effective) };
}

/** engine/clustered.ts designEffectsByGroup's `effect`: one side of a "value against the rest" test. */
export function sideEffect(d: number, m: number, p: number, customers: number, squares: number): number {
  const n = d + m + p;
  if (n === 0 || customers >= n || customers < 2) return 1;
  const varIid = ((p + d) / n - ((p - d) / n) ** 2) / n;
  return varIid > 0 ? Math.max(1, ((customers / (customers - 1)) * (squares / (n * n))) / varIid) : 1;
}
