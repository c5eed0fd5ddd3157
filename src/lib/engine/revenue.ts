/**
 * Revenue per category and revenue at risk (docs/methods.md §17.4). Revenue is the account's
 * (ARR, MRR… as the file writes it), once per account whatever its number of answers, and only of
 * accounts not known to have churned: revenue already lost is not at risk.
 *
 * Revenue at risk is the revenue of detractors and of falling passives (passives whose answer is
 * lower than in the wave before) times the share of it the person expects to lose — 100% unless
 * they say otherwise. The share of such accounts that did churn in this data is shown beside it as
 * a guide, not as a forecast.
 */
import type { AnswerTable } from './answers';
import { isFalling, type AccountTable } from './accounts';
import { CATEGORIES, CATEGORY_INDEX, DETRACTOR, PASSIVE, type Category } from './nps';
import { rateOf, type Rate } from './proportion';

export interface CategoryRevenue {
  accounts: number;
  sum: number;
  /** Percent of all the revenue counted; null when there is none. */
  share: number | null;
  /** The part of `sum` at risk under the assumption (detractors: all of theirs; passives: the falling ones'). */
  atRisk: number;
}

export interface RevenueView {
  /** Accounts counted: a counted answer, a revenue, not churned. */
  accounts: number;
  /** Accounts with a counted answer but no revenue (left out). */
  missing: number;
  /** Churned accounts with a revenue (left out: it is no longer at risk). */
  churnedLeftOut: number;
  total: number;
  byCategory: Record<Category, CategoryRevenue>;
  /** Revenue of detractors and falling passives before the assumption, and its accounts. */
  base: { detractors: number; fallingPassives: number; total: number; accounts: number };
  /** The share of the base expected to be lost (0–1) and what it makes. */
  lostShare: number;
  atRisk: number;
  /** Of all detractor and falling-passive accounts with a known churn status, the share that churned. */
  observedLoss: Rate | null;
}

/** Revenue per category and at risk; null when no account has a revenue. */
export function revenueView(table: AnswerTable, accounts: AccountTable, lostShare = 1): RevenueView | null {
  const share = Math.min(1, Math.max(0, Number.isFinite(lostShare) ? lostShare : 1));
  const sums = [0, 0, 0], counts = [0, 0, 0];
  let missing = 0, churnedLeftOut = 0, fallingSum = 0, baseAccounts = 0, riskKnown = 0, riskChurned = 0;
  for (let a = 0; a < accounts.count; a++) {
    const i = accounts.answer[a];
    if (i < 0) continue;
    const category = CATEGORY_INDEX[table.score[i]];
    const atRisk = category === DETRACTOR || (category === PASSIVE && isFalling(table, accounts, a));
    if (atRisk && accounts.churn[a] >= 0) {
      riskKnown++;
      riskChurned += accounts.churn[a];
    }
    const revenue = accounts.revenue[a];
    if (!Number.isFinite(revenue)) {
      missing++;
      continue;
    }
    if (accounts.churn[a] === 1) {
      churnedLeftOut++;
      continue;
    }
    sums[category] += revenue;
    counts[category]++;
    if (atRisk) {
      baseAccounts++;
      if (category === PASSIVE) fallingSum += revenue;
    }
  }
  const accountsCounted = counts[0] + counts[1] + counts[2];
  if (accountsCounted === 0 && churnedLeftOut === 0) return null;
  const total = sums[0] + sums[1] + sums[2];
  const baseTotal = sums[DETRACTOR] + fallingSum;
  const byCategory = Object.fromEntries(CATEGORIES.map((c, k) => [c, {
    accounts: counts[k],
    sum: sums[k],
    share: total > 0 ? (100 * sums[k]) / total : null,
    atRisk: share * (k === DETRACTOR ? sums[k] : k === PASSIVE ? fallingSum : 0),
  }])) as Record<Category, CategoryRevenue>;
  return {
    accounts: accountsCounted,
    missing,
    churnedLeftOut,
    total,
    byCategory,
    base: { detractors: sums[DETRACTOR], fallingPassives: fallingSum, total: baseTotal, accounts: baseAccounts },
    lostShare: share,
    atRisk: share * baseTotal,
    observedLoss: riskKnown ? rateOf(riskChurned, riskKnown) : null,
  };
}
