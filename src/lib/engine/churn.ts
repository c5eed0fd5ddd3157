/**
 * Churn against NPS (docs/methods.md §17.2–17.3): per category, the share of accounts that
 * churned, with its Wilson interval; whether churn differs between categories at all (χ² of the
 * 2 × 3 table); and the NPS of churned against retained accounts, measured by the answer that
 * counts for each (accounts.ts: before they left, when the date is known). One account, one
 * answer, so every account weighs the same and the tests' independence holds.
 *
 * This is correlation within this data: it cannot say that a detractor leaves *because* of what
 * they answered.
 */
import type { AnswerTable, SegmentColumn } from './answers';
import type { AccountTable } from './accounts';
import { benjaminiHochberg, omnibusTest } from './many-tests';
import { CATEGORIES, CATEGORY_INDEX, countsOf, summarise, type Category, type NpsSummary } from './nps';
import { differenceInterval } from './power';
import { rateOf, rateVersusRest, type Rate } from './proportion';
import { twoSampleTest } from './significance';
import type { ChiSquareTest } from './stuart-maxwell';

export interface ChurnView {
  /** Accounts with a counted answer and a known churn status (the denominator of every rate). */
  accounts: number;
  /** Accounts with a counted answer whose churn status is unknown: left out. */
  unknown: number;
  /** Churned accounts whose every answer came after they left: left out. */
  afterLeaving: number;
  /** Churned accounts measured by an answer from before their known leaving date. */
  datedChurn: number;
  byCategory: Record<Category, Rate>;
  overall: Rate;
  /** Does churn differ between the categories at all? χ² of churned / retained × category. */
  test: ChiSquareTest | null;
  /** An expected count of that table is below 5: the χ² p is only approximate. */
  fewExpected: boolean;
  churned: NpsSummary;
  retained: NpsSummary;
  /** Retained minus churned NPS (adjusted, points), its 95% interval and p. */
  difference: { difference: number; ci95: [number, number]; p: number } | null;
}

/** Churn per category of the accounts' counted answers; null when no account's churn is known. */
export function churnView(table: AnswerTable, accounts: AccountTable): ChurnView | null {
  // counts[churned][category]
  const counts = [[0, 0, 0], [0, 0, 0]];
  let unknown = 0;
  for (let a = 0; a < accounts.count; a++) {
    const i = accounts.answer[a];
    if (i < 0) continue;
    if (accounts.churn[a] < 0) unknown++;
    else counts[accounts.churn[a]][CATEGORY_INDEX[table.score[i]]]++;
  }
  const known = counts[0][0] + counts[0][1] + counts[0][2] + counts[1][0] + counts[1][1] + counts[1][2];
  if (known === 0) return null;
  const byCategory = Object.fromEntries(CATEGORIES.map((c, k) => [c, rateOf(counts[1][k], counts[0][k] + counts[1][k])])) as Record<Category, Rate>;
  const churned = countsOf(counts[1], 0), retained = countsOf(counts[0], 0);
  const churnedN = counts[1][0] + counts[1][1] + counts[1][2];
  const expectedBelow5 = [0, 1].some((row) => [0, 1, 2].some((k) => {
    const column = counts[0][k] + counts[1][k];
    const rowTotal = counts[row][0] + counts[row][1] + counts[row][2];
    return column > 0 && (rowTotal * column) / known < 5;
  }));
  const test = twoSampleTest(retained, churned);
  const ci95 = differenceInterval(retained, churned);
  return {
    accounts: known,
    unknown,
    afterLeaving: accounts.afterLeaving,
    datedChurn: accounts.datedChurn,
    byCategory,
    overall: rateOf(churnedN, known),
    test: omnibusTest([retained, churned]),
    fewExpected: expectedBelow5,
    churned: summarise(churned),
    retained: summarise(retained),
    difference: test && ci95 ? { difference: test.difference, ci95, p: test.p } : null,
  };
}

export interface SegmentChurnRow {
  value: string;
  /** NPS of the value's accounts (their counted answers). */
  nps: NpsSummary;
  churn: Rate;
  /** Fisher's exact p of the value's churn rate against the other values'; q over the column. */
  p: number | null;
  q: number | null;
}

/**
 * NPS and churn per value of a segment column (the value of each account's counted answer),
 * highest churn first; each value's churn rate tested against the rest, q over the column.
 */
export function churnBySegment(table: AnswerTable, accounts: AccountTable, column: SegmentColumn, codes: Uint16Array): SegmentChurnRow[] {
  const k = column.values.length;
  const categories = new Int32Array(3 * k), known = new Int32Array(k), churned = new Int32Array(k);
  let allKnown = 0, allChurned = 0;
  for (let a = 0; a < accounts.count; a++) {
    const i = accounts.answer[a];
    if (i < 0) continue;
    const v = codes[i];
    categories[3 * v + CATEGORY_INDEX[table.score[i]]]++;
    if (accounts.churn[a] < 0) continue;
    known[v]++;
    churned[v] += accounts.churn[a];
    allKnown++;
    allChurned += accounts.churn[a];
  }
  const all = rateOf(allChurned, allKnown);
  const rows = column.values.flatMap((value, v) => {
    const nps = summarise(countsOf(categories, 3 * v));
    if (nps.n === 0) return [];
    const churn = rateOf(churned[v], known[v]);
    return [{ value, nps, churn, p: rateVersusRest(churn, all), q: null as number | null }];
  });
  const tested = rows.filter((r) => r.p !== null);
  benjaminiHochberg(tested.map((r) => r.p!)).forEach((q, j) => (tested[j].q = q));
  return rows.sort((a, b) => (b.churn.rate ?? -1) - (a.churn.rate ?? -1) || b.nps.n - a.nps.n);
}
