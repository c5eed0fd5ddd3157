/**
 * Customers counted as customers (docs/methods.md §11): when the same account answers wave after
 * wave, or several contacts of one account answer a wave, its answers are not independent, and an
 * interval that treats them so is too narrow. The customer-clustered variance counts each
 * customer's answers together:
 *
 *   Tg = Σ over customer g's answers of (xᵢ − NPS),  Var_cl = G/(G−1) · Σ Tg² / n²
 *
 * against Var_iid = V/n with V = p + d − (p − d)². Their ratio is the design effect (at least 1);
 * the counts divided by it are the "effective" counts, and the adjusted-Wald interval of those is
 * the interval for customers. Answers without a known customer are customers of their own.
 */
import { adjustedWaldInterval, CATEGORY_INDEX, type CategoryCounts } from './nps';

export interface ClusteredNps {
  n: number;
  /** Distinct customers among the answers (an answer without one counts as its own). */
  customers: number;
  /** Var_cl / Var_iid, at least 1: how many times the answers overstate the information. */
  designEffect: number;
  /** The category counts divided by the design effect. */
  effective: CategoryCounts;
  /** The adjusted-Wald interval of the effective counts, in points; null without answers. */
  ci95: [number, number] | null;
}

/** Below this the design effect is not worth a word (and is within noise of 1). */
export const NOTABLE_DESIGN_EFFECT = 1.2;

/**
 * The clustered figures of the answers `include` keeps; `customer[i]` is answer i's customer code
 * (0: unknown). One pass for the sums per customer, one over the customers.
 */
export function clusteredNps(score: ArrayLike<number>, customer: ArrayLike<number>, include?: ArrayLike<number>): ClusteredNps {
  const length = score.length;
  let largest = 0;
  for (let i = 0; i < length; i++) if (customer[i] > largest) largest = customer[i];
  // Per customer: the sum of its answers' codes (+1/0/−1) and how many it gave.
  const sum = new Float64Array(largest + 1);
  const count = new Int32Array(largest + 1);
  const counts = [0, 0, 0];
  const loose: number[] = [];
  for (let i = 0; i < length; i++) {
    if (include && !include[i]) continue;
    const category = CATEGORY_INDEX[score[i]];
    counts[category]++;
    const x = category - 1; // detractor −1, passive 0, promoter +1
    const c = customer[i];
    if (c === 0) loose.push(x);
    else {
      sum[c] += x;
      count[c]++;
    }
  }
  const [detractors, passives, promoters] = counts;
  const n = detractors + passives + promoters;
  const plain = { promoters, passives, detractors };
  if (n === 0) return { n, customers: 0, designEffect: 1, effective: plain, ci95: null };
  const nps = (promoters - detractors) / n;
  let customers = loose.length, squares = 0;
  for (const x of loose) squares += (x - nps) ** 2;
  for (let c = 1; c <= largest; c++) {
    if (count[c] === 0) continue;
    customers++;
    squares += (sum[c] - count[c] * nps) ** 2;
  }
  const p = promoters / n, d = detractors / n;
  const varIid = (p + d - (p - d) ** 2) / n;
  const varClustered = customers > 1 ? (customers / (customers - 1)) * (squares / (n * n)) : varIid;
  // Without a repeated customer the answers are independent: the clustered form would only add its
  // small-sample factor G/(G−1).
  const designEffect = customers < n && varIid > 0 ? Math.max(1, varClustered / varIid) : 1;
  const effective = { promoters: promoters / designEffect, passives: passives / designEffect, detractors: detractors / designEffect };
  return { n, customers, designEffect, effective, ci95: adjustedWaldInterval(effective) };
}
