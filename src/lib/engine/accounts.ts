/**
 * One answer per account, for rates of accounts (docs/methods.md §17.1): a customer who answered
 * five times is one account that churned or not, with one revenue. Each account's answer that
 * counts is its latest among the kept answers — or, for an account that left on a known date, its
 * latest answer on or before that date, so that churned accounts are measured before they left,
 * never by an exit survey. Answers without a known customer are accounts of their own.
 *
 * Churn, revenue and satisfaction come from the outcomes file when it knows them for the account,
 * else from the answers' own columns (the latest answer that has a value).
 */
import { NO_DAY, type AnswerTable } from './answers';
import { churnDayOf, joinAccounts, type AccountFacts, type AccountJoin } from './account-files';
import type { IdentityKind } from './customers';
import { assignWaves, isLater } from './transitions';

export interface AccountTable {
  count: number;
  /** The customer code of each account (0: an answer without a known customer). */
  code: Int32Array;
  /** The answer that counts (latest, or latest before leaving); −1 when every answer came after. */
  answer: Int32Array;
  /** The account's answer of the latest earlier wave than its counted answer's, or −1. */
  previous: Int32Array;
  /** 1 churned, 0 not, −1 unknown. */
  churn: Int8Array;
  revenue: Float64Array;
  /** Satisfaction of the account on the scale of `csatSource`, −1 when unknown. */
  csat: Int8Array;
  /** Where satisfaction comes from: the answers' column (same moment as the score), the file, none. */
  csatSource: 'answers' | 'file' | null;
  /** Churned accounts whose leaving date is known (their counted answer is from before it). */
  datedChurn: number;
  /** Churned accounts whose every answer came after they left: no answer counts for them. */
  afterLeaving: number;
  /** The outcomes file joined, when there is one. */
  join: AccountJoin | null;
}

/** Any value of a typed column among the kept answers. */
function anyKept(column: ArrayLike<number>, known: (v: number) => boolean, include?: Uint8Array): boolean {
  for (let i = 0; i < column.length; i++) if ((!include || include[i]) && known(column[i])) return true;
  return false;
}

export function accountTable(table: AnswerTable, identity: IdentityKind, facts?: AccountFacts, include?: Uint8Array): AccountTable {
  const n = table.length;
  const join = facts ? joinAccounts(table, identity, facts.accounts) : null;
  let maxCode = 0;
  for (let i = 0; i < n; i++) if (table.customer[i] > maxCode) maxCode = table.customer[i];
  const accountOf = new Int32Array(maxCode + 1).fill(-1);
  const ofAnswer = new Int32Array(n).fill(-1);
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (include && !include[i]) continue;
    const c = table.customer[i];
    if (c === 0) ofAnswer[i] = codes.push(0) - 1;
    else {
      if (accountOf[c] < 0) accountOf[c] = codes.push(c) - 1;
      ofAnswer[i] = accountOf[c];
    }
  }
  const count = codes.length;
  const code = Int32Array.from(codes);
  const entry = (a: number) => (join && code[a] > 0 ? join.entryOf[code[a]] : -1);

  // Facts from the answers: the latest answer with a value.
  const churn = new Int8Array(count).fill(-1), revenue = new Float64Array(count).fill(NaN);
  const churnFrom = new Int32Array(count).fill(-1), revenueFrom = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = ofAnswer[i];
    if (a < 0) continue;
    if (table.churn[i] >= 0 && (churnFrom[a] < 0 || isLater(table, i, churnFrom[a]))) {
      churnFrom[a] = i;
      churn[a] = table.churn[i];
    }
    if (Number.isFinite(table.revenue[i]) && (revenueFrom[a] < 0 || isLater(table, i, revenueFrom[a]))) {
      revenueFrom[a] = i;
      revenue[a] = table.revenue[i];
    }
  }
  // The file overrides where it knows: it was joined on purpose, and is usually the newer.
  const leftOn = new Int32Array(count).fill(NO_DAY);
  for (let a = 0; a < count; a++) {
    const e = entry(a);
    if (e < 0 || !facts) continue;
    const fileChurn = facts.churn?.[e] ?? -1;
    if (fileChurn >= 0) churn[a] = fileChurn;
    const fileRevenue = facts.revenue?.[e];
    if (fileRevenue !== null && fileRevenue !== undefined && Number.isFinite(fileRevenue)) revenue[a] = fileRevenue;
    if (churn[a] === 1) leftOn[a] = churnDayOf(facts, e);
  }

  // The answer that counts: the latest, or the latest on or before the day the account left.
  const answer = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = ofAnswer[i];
    if (a < 0) continue;
    if (leftOn[a] !== NO_DAY && table.day[i] !== NO_DAY && table.day[i] > leftOn[a]) continue;
    if (answer[a] < 0 || isLater(table, i, answer[a])) answer[a] = i;
  }
  let datedChurn = 0, afterLeaving = 0;
  for (let a = 0; a < count; a++) {
    if (leftOn[a] === NO_DAY) continue;
    datedChurn++;
    if (answer[a] < 0) afterLeaving++;
  }

  // The wave before: for "falling" (lower than the account's answer of its previous wave).
  const waves = assignWaves(table, undefined, include);
  const previous = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = ofAnswer[i];
    if (a < 0 || answer[a] < 0 || code[a] === 0) continue;
    const w = waves.waveOf[i], counted = waves.waveOf[answer[a]];
    if (w < 0 || w >= counted) continue;
    const p = previous[a];
    if (p < 0 || w > waves.waveOf[p] || (w === waves.waveOf[p] && isLater(table, i, p))) previous[a] = i;
  }

  // Satisfaction: the answers' own column first (asked with the score), else the file's.
  const csat = new Int8Array(count).fill(-1);
  const fromAnswers = anyKept(table.csat, (v) => v >= 0, include);
  const fromFile = !fromAnswers && !!facts?.csat && facts.csat.some((v) => v >= 0);
  for (let a = 0; a < count; a++) {
    if (fromAnswers && answer[a] >= 0) csat[a] = table.csat[answer[a]];
    else if (fromFile) csat[a] = facts!.csat![entry(a)] ?? -1;
  }
  return {
    count, code, answer, previous, churn, revenue, csat,
    csatSource: fromAnswers ? 'answers' : fromFile ? 'file' : null,
    datedChurn, afterLeaving, join,
  };
}

/** The account's counted answer is lower than its answer of the wave before. */
export function isFalling(table: AnswerTable, accounts: AccountTable, a: number): boolean {
  const i = accounts.answer[a], p = accounts.previous[a];
  return i >= 0 && p >= 0 && table.score[i] < table.score[p];
}
