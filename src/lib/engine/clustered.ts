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

/**
 * The design effect of each group's answers (segment values) and of the rest of the answers
 * beside it, the two sides of a "this value against the rest" test (docs/methods.md §11). One
 * pass gathers each customer's sums overall and within each group; the rest of a group is then
 * all customers with that group's part taken out — a customer of the value being tested does not
 * make the rest look clustered. A side without a repeated customer has 1.
 */
export function designEffectsByGroup(score: ArrayLike<number>, customer: ArrayLike<number>, groupOf: ArrayLike<number>, groupCount: number, include?: ArrayLike<number>): { group: Float64Array; rest: Float64Array } {
  let largest = 0;
  for (let i = 0; i < score.length; i++) if (customer[i] > largest) largest = customer[i];
  const counts = new Float64Array(groupCount * 3);
  // Answers of nobody known, per group: how many, Σx and Σx² (each its own customer).
  const loose = new Float64Array(groupCount * 3);
  // Per customer overall, and per (group, customer): Σx and answers.
  const total = new Float64Array(largest + 1), answers = new Float64Array(largest + 1);
  const inGroup = new Map<number, [number, number]>();
  for (let i = 0; i < score.length; i++) {
    if (include && !include[i]) continue;
    const g = groupOf[i], category = CATEGORY_INDEX[score[i]], x = category - 1, c = customer[i];
    counts[3 * g + category]++;
    if (c === 0) {
      loose[3 * g]++;
      loose[3 * g + 1] += x;
      loose[3 * g + 2] += x * x;
      continue;
    }
    total[c] += x;
    answers[c]++;
    const key = g * (largest + 1) + c;
    const entry = inGroup.get(key);
    if (entry) {
      entry[0] += x;
      entry[1]++;
    } else inGroup.set(key, [x, 1]);
  }
  const all = [0, 0, 0];
  for (let k = 0; k < counts.length; k++) all[k % 3] += counts[k];
  let allLoose = 0, allLooseX = 0, allLooseX2 = 0;
  for (let g = 0; g < groupCount; g++) [allLoose, allLooseX, allLooseX2] = [allLoose + loose[3 * g], allLooseX + loose[3 * g + 1], allLooseX2 + loose[3 * g + 2]];
  // Σ over customers of T², T·m, m², for the rest's squares (T − m·r)² expanded.
  let customers = 0, tt = 0, tm = 0, mm = 0;
  for (let c = 1; c <= largest; c++) {
    if (answers[c] === 0) continue;
    customers++;
    tt += total[c] ** 2;
    tm += total[c] * answers[c];
    mm += answers[c] ** 2;
  }
  const nOf = (d: number, m: number, p: number) => d + m + p;
  const npsOf = (d: number, p: number, n: number) => (n ? (p - d) / n : 0);
  const groupNps = new Float64Array(groupCount), restNps = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const [d, m, p] = [counts[3 * g], counts[3 * g + 1], counts[3 * g + 2]];
    groupNps[g] = npsOf(d, p, nOf(d, m, p));
    restNps[g] = npsOf(all[0] - d, all[2] - p, nOf(all[0] - d, all[1] - m, all[2] - p));
  }
  const groupSquares = new Float64Array(groupCount), groupCustomers = new Float64Array(groupCount);
  const restSquares = new Float64Array(groupCount), restCustomers = new Float64Array(groupCount).fill(customers);
  for (let g = 0; g < groupCount; g++) {
    const r = restNps[g];
    restSquares[g] = tt - 2 * r * tm + r * r * mm;
  }
  for (const [key, [sum, m]] of inGroup) {
    const g = Math.floor(key / (largest + 1)), c = key - g * (largest + 1), r = restNps[g];
    groupSquares[g] += (sum - m * groupNps[g]) ** 2;
    groupCustomers[g]++;
    // This customer's part in the rest: all its answers but those in g.
    restSquares[g] -= (total[c] - answers[c] * r) ** 2;
    if (answers[c] > m) restSquares[g] += (total[c] - sum - (answers[c] - m) * r) ** 2;
    else restCustomers[g]--;
  }
  const effect = (d: number, m: number, p: number, G: number, squares: number) => {
    const n = d + m + p;
    if (n === 0 || G >= n || G < 2) return 1;
    const varIid = ((p + d) / n - ((p - d) / n) ** 2) / n;
    return varIid > 0 ? Math.max(1, ((G / (G - 1)) * (squares / (n * n))) / varIid) : 1;
  };
  const group = new Float64Array(groupCount), rest = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const [d, m, p] = [counts[3 * g], counts[3 * g + 1], counts[3 * g + 2]];
    // Loose answers add (x − NPS)² = x² − 2·NPS·x + NPS² each.
    const own = loose[3 * g], ownX = loose[3 * g + 1], ownX2 = loose[3 * g + 2];
    const a = groupNps[g], r = restNps[g];
    group[g] = effect(d, m, p, groupCustomers[g] + own, groupSquares[g] + ownX2 - 2 * a * ownX + own * a * a);
    const restLoose = allLoose - own, restX = allLooseX - ownX, restX2 = allLooseX2 - ownX2;
    rest[g] = effect(all[0] - d, all[1] - m, all[2] - p, restCustomers[g] + restLoose, restSquares[g] + restX2 - 2 * r * restX + restLoose * r * r);
  }
  return { group, rest };
}

/**
 * The design effect of each group's answers on their own (the periods of a line, the windows
 * around an event): designEffectsByGroup's `group` without the rest beside each group, from
 * answers ordered by group (a counting sort) and per-customer sums in typed arrays reset after
 * each group — no map keyed by group and customer, so it runs on every filter change at a
 * million answers. `groupOf[i]` < 0: in no group.
 */
export function groupDesignEffects(score: ArrayLike<number>, customer: ArrayLike<number>, groupOf: ArrayLike<number>, groups: number, include?: ArrayLike<number>): Float64Array {
  const length = score.length;
  const start = new Int32Array(groups + 1);
  let largest = 0;
  for (let i = 0; i < length; i++) {
    if (groupOf[i] < 0 || (include && !include[i])) continue;
    start[groupOf[i] + 1]++;
    if (customer[i] > largest) largest = customer[i];
  }
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const order = new Int32Array(start[groups]);
  const at = start.slice(0, groups);
  for (let i = 0; i < length; i++) if (groupOf[i] >= 0 && !(include && !include[i])) order[at[groupOf[i]]++] = i;
  const sum = new Float64Array(largest + 1), count = new Int32Array(largest + 1), touched = new Int32Array(order.length);
  const out = new Float64Array(groups).fill(1);
  for (let g = 0; g < groups; g++) {
    const counts = [0, 0, 0];
    let seen = 0, loose = 0, looseX = 0, looseX2 = 0;
    for (let k = start[g]; k < start[g + 1]; k++) {
      const i = order[k], category = CATEGORY_INDEX[score[i]], x = category - 1, c = customer[i];
      counts[category]++;
      if (c === 0) {
        loose++;
        looseX += x;
        looseX2 += x * x;
        continue;
      }
      if (count[c] === 0) touched[seen++] = c;
      sum[c] += x;
      count[c]++;
    }
    const [d, , p] = counts, n = start[g + 1] - start[g];
    const nps = n ? (p - d) / n : 0;
    // Each customer's (Σx − m·NPS)²; an answer of nobody known is a customer of its own.
    let squares = looseX2 - 2 * nps * looseX + loose * nps * nps;
    for (let k = 0; k < seen; k++) {
      const c = touched[k];
      squares += (sum[c] - count[c] * nps) ** 2;
      sum[c] = 0;
      count[c] = 0;
    }
    const G = seen + loose;
    if (n === 0 || G >= n || G < 2) continue;
    const varIid = ((p + d) / n - ((p - d) / n) ** 2) / n;
    if (varIid > 0) out[g] = Math.max(1, ((G / (G - 1)) * (squares / (n * n))) / varIid);
  }
  return out;
}
