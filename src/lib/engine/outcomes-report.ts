/**
 * The report's `churn`, `revenue` and `responses` (docs/report-schema.md): the Outcomes view's
 * figures of the whole dataset, with the outcomes file and the list of the invited joined when the
 * dataset has them. Absent when the data says nothing about them.
 */
import type { AnswerTable } from './answers';
import { accountTable } from './accounts';
import { churnView } from './churn';
import type { DatasetRecord } from './dataset';
import { CATEGORIES, type Category } from './nps';
import type { NpsFigures } from './report';
import type { Rate } from './proportion';
import { responseView } from './response-bias';
import { revenueView } from './revenue';
import { hasOutcomes } from './outcomes';

export interface RateReport {
  n: number;
  churned: number;
  /** Percent, 0–100. */
  rate: number | null;
  /** Wilson 95% interval, percent. */
  ci95: [number, number] | null;
}

export interface ChurnReport {
  /** Accounts with a counted answer and a known churn status: one answer each. */
  accounts: number;
  /** Accounts left out: churn status unknown; churned with every answer after leaving. */
  unknown: number;
  afterLeaving: number;
  byCategory: Record<Category, RateReport>;
  overall: RateReport;
  /** χ² of churned / retained × category (df 2). */
  test: { chi2: number; df: number; p: number } | null;
  npsChurned: NpsFigures;
  npsRetained: NpsFigures;
}

export interface RevenueReport {
  /** Accounts counted (a revenue, not churned), and those left out for want of a revenue. */
  accounts: number;
  missing: number;
  total: number;
  byCategory: Record<Category, { accounts: number; sum: number; share: number | null; atRisk: number }>;
  atRisk: { base: number; lostShare: number; total: number };
}

export interface ResponseReport {
  wave: string;
  invited: number;
  answered: number;
  rate: number | null;
  ci95: [number, number] | null;
}

const rateReport = (r: Rate): RateReport => ({ n: r.n, churned: r.events, rate: r.rate, ci95: r.ci95 });
const figures = ({ n, promoters, passives, detractors, nps, ci95 }: NpsFigures): NpsFigures => ({ n, promoters, passives, detractors, nps, ci95 });

export function outcomesReport(record: Pick<DatasetRecord, 'identity' | 'outcomes' | 'invited' | 'lostShare'>, table: AnswerTable): { churn?: ChurnReport; revenue?: RevenueReport; responses?: ResponseReport[] } {
  // Most exports know nothing of churn or revenue: no accounts to build then.
  if (!hasOutcomes(table, record)) return {};
  const accounts = accountTable(table, record.identity, record.outcomes);
  const churn = churnView(table, accounts);
  const revenue = revenueView(table, accounts, record.lostShare ?? 1);
  const responses = record.invited ? responseView(table, record.identity, record.invited) : null;
  return {
    ...(churn ? {
      churn: {
        accounts: churn.accounts, unknown: churn.unknown, afterLeaving: churn.afterLeaving,
        byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, rateReport(churn.byCategory[c])])) as Record<Category, RateReport>,
        overall: rateReport(churn.overall),
        test: churn.test,
        npsChurned: figures(churn.churned),
        npsRetained: figures(churn.retained),
      },
    } : {}),
    ...(revenue ? {
      revenue: {
        accounts: revenue.accounts, missing: revenue.missing, total: revenue.total,
        byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, { ...revenue.byCategory[c] }])) as RevenueReport['byCategory'],
        atRisk: { base: revenue.base.total, lostShare: revenue.lostShare, total: revenue.atRisk },
      },
    } : {}),
    ...(responses ? { responses: responses.byWave.map((w) => ({ wave: w.wave, invited: w.rate.n, answered: w.rate.events, rate: w.rate.rate, ci95: w.rate.ci95 })) } : {}),
  };
}
