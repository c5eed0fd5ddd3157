/**
 * Which segments moved with a change of level (docs/methods.md §6.9): for each value of a segment
 * column, its NPS over the periods of the level before the change against its NPS over the level
 * after. The same customers often answer on both sides and several times on each, so the
 * difference's variance counts customers as clusters across both sides (`changesByGroup`). The
 * values of a column are one family: Benjamini–Hochberg q, and "moved" only when q < 0.05.
 * Cochran's Q says whether the values moved by different amounts at all — "the fall is in
 * Standard, not in Enterprise" needs that, not only one value tested and another not.
 */
import type { AnswerTable, SegmentColumn } from './answers';
import { NO_DAY } from './answers';
import { CATEGORY_INDEX, Z95, type CategoryCounts } from './nps';
import { allDayRange, periodSlots, type PeriodOptions } from './periods';
import { chiSquareP, differenceTest } from './significance';
import { ALPHA, benjaminiHochberg } from './many-tests';

export interface SideFigures extends CategoryCounts {
  n: number;
  /** Points; null without answers. */
  nps: number | null;
}

/** One group's change between the two sides. */
export interface GroupChange {
  before: SideFigures;
  after: SideFigures;
  /** After − before, points (raw NPS, what the lines show); null when a side is empty. */
  difference: number | null;
  /** Its standard error, points, customers counted as customers on both sides; null when a side is empty. */
  se: number | null;
}

export interface SegmentMove extends GroupChange {
  value: string;
  differenceCi95: [number, number] | null;
  p: number | null;
  q: number | null;
  /**
   * with: moved significantly in the change's direction; against: significantly the other way;
   * unclear: tested, q ≥ 0.05 (no clear change — not "no change": see the interval);
   * few: fewer than `minN` answers on a side, not tested.
   */
  moved: 'with' | 'against' | 'unclear' | 'few';
}

export interface SegmentMoves {
  column: string;
  /** Values with answers on either side: those that moved with the change first, largest first. */
  rows: SegmentMove[];
  /** Cochran's Q over the tested values' differences: did they move by different amounts? */
  heterogeneity: { chi2: number; df: number; p: number } | null;
}

/** Period indices (periods.ts) of the level before and the level after, inclusive. */
export interface LevelSpans {
  before: [number, number];
  after: [number, number];
  direction: 'up' | 'down';
}

/** Groups × customers up to this many are summed in one typed array (8 MB). */
const DENSE_LIMIT = 1 << 18;
const npsOf = (c: CategoryCounts, n: number) => (n ? (100 * (c.promoters - c.detractors)) / n : null);

/**
 * The change of each group between the periods `spans.before` and `spans.after`, with the
 * linearised, cluster-robust variance of a difference of two means: with
 * Tg = Σ_before (x − NPS_b)/n_b − Σ_after (x − NPS_a)/n_a over customer g's answers of the group
 * (x = +1, 0, −1), Var = G/(G − 1) · Σ Tg² over the G customers. A customer who answered before
 * and after is compared with themselves, so their steady opinion is not noise; one who answered
 * three times in a level is not three independent customers. An answer of nobody known is a
 * customer of its own.
 */
export function changesByGroup(table: AnswerTable, groupOf: ArrayLike<number>, groupCount: number, options: PeriodOptions, spans: Omit<LevelSpans, 'direction'>, include?: Uint8Array, denseLimit = DENSE_LIMIT): GroupChange[] {
  const range = allDayRange(table);
  if (!range) return [];
  const slots = periodSlots(range.minDay, range.maxDay, options);
  const counts = new Float64Array(groupCount * 2 * 3);
  let largest = 0;
  for (let i = 0; i < table.length; i++) if (table.customer[i] > largest) largest = table.customer[i];
  // Per (group, customer): the sums of codes and the answers, before and after — in one typed
  // array when it is small enough (a level change: one group), else only for the pairs present.
  const width = largest + 1;
  const dense = groupCount * width <= denseLimit ? new Float64Array(4 * groupCount * width) : null;
  const byCustomer = new Map<number, Float64Array>();
  const loose: Array<{ group: number; side: number; x: number }> = [];
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i];
    if (d === NO_DAY || (include && !include[i])) continue;
    const period = slots.first + slots.slot(d);
    const side = period >= spans.before[0] && period <= spans.before[1] ? 0 : period >= spans.after[0] && period <= spans.after[1] ? 1 : -1;
    if (side < 0) continue;
    const group = groupOf[i], category = CATEGORY_INDEX[table.score[i]], x = category - 1;
    counts[3 * (2 * group + side) + category]++;
    const c = table.customer[i];
    if (c === 0) {
      loose.push({ group, side, x });
      continue;
    }
    const key = group * width + c;
    if (dense) {
      dense[4 * key + 2 * side] += x;
      dense[4 * key + 2 * side + 1]++;
      continue;
    }
    let sums = byCustomer.get(key);
    if (!sums) byCustomer.set(key, (sums = new Float64Array(4)));
    sums[2 * side] += x;
    sums[2 * side + 1]++;
  }
  const figures = (k: number): SideFigures => {
    const c = { detractors: counts[3 * k], passives: counts[3 * k + 1], promoters: counts[3 * k + 2] };
    const n = c.detractors + c.passives + c.promoters;
    return { ...c, n, nps: npsOf(c, n) };
  };
  const sides = Array.from({ length: groupCount }, (_, g) => [figures(2 * g), figures(2 * g + 1)] as const);
  const squares = new Float64Array(groupCount), clusters = new Float64Array(groupCount);
  const share = (f: SideFigures) => (f.nps ?? 0) / 100;
  const add = (g: number, sb: number, cb: number, sa: number, ca: number) => {
    const [b, a] = sides[g];
    const t = (b.n ? (sb - cb * share(b)) / b.n : 0) - (a.n ? (sa - ca * share(a)) / a.n : 0);
    squares[g] += t * t;
    clusters[g]++;
  };
  if (dense) {
    for (let key = 0; key < groupCount * width; key++) {
      const o = 4 * key;
      if (dense[o + 1] || dense[o + 3]) add(Math.floor(key / width), dense[o], dense[o + 1], dense[o + 2], dense[o + 3]);
    }
  }
  for (const [key, s] of byCustomer) add(Math.floor(key / width), s[0], s[1], s[2], s[3]);
  for (const { group, side, x } of loose) add(group, side ? 0 : x, side ? 0 : 1, side ? x : 0, side ? 1 : 0);
  return sides.map(([before, after], g) => {
    const both = before.nps !== null && after.nps !== null;
    const G = clusters[g];
    return {
      before,
      after,
      difference: both ? after.nps! - before.nps! : null,
      se: both ? 100 * Math.sqrt(G > 1 ? (G / (G - 1)) * squares[g] : 0) : null,
    };
  });
}

/** The values of a segment column before and after a change (see the module's comment). */
export function segmentMoves(table: AnswerTable, column: SegmentColumn, codes: Uint16Array, options: PeriodOptions, spans: LevelSpans, include?: Uint8Array, minN = 30): SegmentMoves {
  const changes = changesByGroup(table, codes, column.values.length, options, spans, include);
  const rows: SegmentMove[] = [];
  const tested: Array<{ row: SegmentMove; difference: number; se: number; p: number }> = [];
  changes.forEach((change, code) => {
    if (change.before.n === 0 && change.after.n === 0) return;
    const row: SegmentMove = { ...change, value: column.values[code], differenceCi95: null, p: null, q: null, moved: 'few' };
    rows.push(row);
    if (change.before.n < minN || change.after.n < minN || change.difference === null || change.se === null) return;
    const { p } = differenceTest(change.difference, change.se);
    row.p = p;
    row.differenceCi95 = [change.difference - Z95 * change.se, change.difference + Z95 * change.se];
    tested.push({ row, difference: change.difference, se: change.se, p });
  });
  const qs = benjaminiHochberg(tested.map((t) => t.p));
  const sign = spans.direction === 'up' ? 1 : -1;
  tested.forEach(({ row }, k) => {
    row.q = qs[k];
    row.moved = qs[k] >= ALPHA ? 'unclear' : Math.sign(row.difference ?? 0) === sign ? 'with' : 'against';
  });
  const order = { with: 0, against: 1, unclear: 2, few: 3 };
  const along = (r: SegmentMove) => sign * (r.difference ?? 0);
  rows.sort((a, b) => order[a.moved] - order[b.moved] || along(b) - along(a));
  return { column: column.name, rows, heterogeneity: cochranQ(tested) };
}

/**
 * Cochran's Q: Σ wᵢ(dᵢ − d̄)² with wᵢ = 1/SEᵢ² and d̄ the weighted mean, on k − 1 degrees of
 * freedom; null with fewer than two differences or a zero standard error.
 */
export function cochranQ(differences: ReadonlyArray<{ difference: number; se: number }>): { chi2: number; df: number; p: number } | null {
  if (differences.length < 2 || differences.some((d) => !(d.se > 0))) return null;
  let sw = 0, swd = 0;
  for (const { difference, se } of differences) {
    sw += 1 / se ** 2;
    swd += difference / se ** 2;
  }
  const mean = swd / sw;
  let chi2 = 0;
  for (const { difference, se } of differences) chi2 += (difference - mean) ** 2 / se ** 2;
  const df = differences.length - 1;
  return { chi2, df, p: chiSquareP(chi2, df) };
}
