/**
 * Satisfaction beside recommendation (docs/methods.md §17.5). A customer satisfied with the
 * service who would still not recommend it stays out of inertia and may leave quietly: satisfied
 * (the top two answers of the CSAT scale) but a passive or a detractor is an *inertia risk*.
 *
 * The scale is read from the answers: the highest answer given up to 5 is a 1–5 scale, up to 7 a
 * 1–7 scale, above that 0–10. "Satisfied" is the usual CSAT top-two box: 4–5, 6–7, 9–10.
 */
import type { AnswerTable } from './answers';
import type { AccountFacts } from './account-files';
import type { AccountTable } from './accounts';
import { joinAccounts } from './account-files';
import type { IdentityKind } from './customers';
import { CATEGORY_INDEX, PROMOTER } from './nps';
import { rateOf, type Rate } from './proportion';

export type CsatScale = 5 | 7 | 10;

/** The scale the answers were given on, from the highest of them; null without any. */
export function csatScaleOf(values: ArrayLike<number>): CsatScale | null {
  let max = -1;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max < 0 ? null : max <= 5 ? 5 : max <= 7 ? 7 : 10;
}

/**
 * The dataset's satisfaction scale, read from every answer of its source (the answers' column,
 * else the outcomes file) — never from a filtered part, which might lack the top answers.
 */
export function datasetCsatScale(table: AnswerTable, facts?: AccountFacts): CsatScale | null {
  return csatScaleOf(table.csat) ?? (facts?.csat ? csatScaleOf(facts.csat) : null);
}

/** The lowest answer that counts as satisfied on a scale (its top two boxes). */
export function satisfiedFrom(scale: CsatScale): number {
  return scale - 1;
}

/** The answers of a scale, lowest first: 1–5, 1–7 or 0–10. */
export function scaleValues(scale: CsatScale): number[] {
  return scale === 10 ? Array.from({ length: 11 }, (_, v) => v) : Array.from({ length: scale }, (_, v) => v + 1);
}

export interface CsatGrid {
  scale: CsatScale;
  source: 'answers' | 'file';
  /** One row per answer of the scale, highest first: accounts per NPS category (detractor, passive, promoter). */
  rows: Array<{ value: number; counts: [number, number, number]; n: number }>;
  /** Accounts with both a satisfaction and a counted answer. */
  accounts: number;
  /** Satisfied (top two boxes), and of them the passives and detractors: the inertia risk. */
  satisfied: number;
  inertia: number;
  /** Churn of the inertia-risk accounts and of satisfied promoters, when churn is known. */
  inertiaChurn: Rate | null;
  satisfiedPromoterChurn: Rate | null;
}

/**
 * The CSAT × NPS category grid of accounts (one counted answer each) on the dataset's scale
 * (datasetCsatScale); null without satisfaction.
 */
export function csatGrid(table: AnswerTable, accounts: AccountTable, scale: CsatScale | null): CsatGrid | null {
  if (!accounts.csatSource || !scale) return null;
  const known: number[] = [];
  for (let a = 0; a < accounts.count; a++) if (accounts.csat[a] >= 0 && accounts.answer[a] >= 0) known.push(a);
  const from = satisfiedFrom(scale);
  const values = scaleValues(scale);
  const counts = values.map(() => [0, 0, 0] as [number, number, number]);
  const offset = values[0];
  let satisfied = 0, inertia = 0, inertiaKnown = 0, inertiaChurned = 0, promotersKnown = 0, promotersChurned = 0;
  for (const a of known) {
    const v = accounts.csat[a], category = CATEGORY_INDEX[table.score[accounts.answer[a]]];
    if (v - offset >= 0 && v - offset < counts.length) counts[v - offset][category]++;
    if (v < from) continue;
    satisfied++;
    const churn = accounts.churn[a];
    if (category === PROMOTER) {
      if (churn >= 0) { promotersKnown++; promotersChurned += churn; }
      continue;
    }
    inertia++;
    if (churn >= 0) { inertiaKnown++; inertiaChurned += churn; }
  }
  const rows = values.map((value, k) => ({ value, counts: counts[k], n: counts[k][0] + counts[k][1] + counts[k][2] })).reverse();
  return {
    scale, source: accounts.csatSource, rows, accounts: known.length, satisfied, inertia,
    inertiaChurn: inertiaKnown ? rateOf(inertiaChurned, inertiaKnown) : null,
    satisfiedPromoterChurn: promotersKnown ? rateOf(promotersChurned, promotersKnown) : null,
  };
}

/**
 * Per answer: 1 when it is a passive or detractor answer from a satisfied customer — satisfied in
 * the same response (the answers' CSAT column) or, without one, by the outcomes file. For the
 * follow-up lists' inertia badge and filter. Null when nothing says how satisfied anyone is.
 */
export function inertiaAnswers(table: AnswerTable, identity: IdentityKind, facts?: AccountFacts): Uint8Array | null {
  const n = table.length;
  const own = csatScaleOf(table.csat);
  // The answers' own scale is known to be missing here: only the file's is left to read.
  const fileScale = own || !facts?.csat ? null : csatScaleOf(facts.csat);
  if (!own && !fileScale) return null;
  const marks = new Uint8Array(n);
  if (own) {
    const from = satisfiedFrom(own);
    for (let i = 0; i < n; i++) marks[i] = table.csat[i] >= from && CATEGORY_INDEX[table.score[i]] !== PROMOTER ? 1 : 0;
    return marks;
  }
  const from = satisfiedFrom(fileScale!);
  const { entryOf } = joinAccounts(table, identity, facts!.accounts);
  for (let i = 0; i < n; i++) {
    const e = entryOf[table.customer[i]] ?? -1;
    marks[i] = e >= 0 && table.customer[i] > 0 && facts!.csat![e] >= from && CATEGORY_INDEX[table.score[i]] !== PROMOTER ? 1 : 0;
  }
  return marks;
}
