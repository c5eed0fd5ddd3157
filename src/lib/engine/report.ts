/**
 * The dataset's report in the `nps-lines/report@1` schema (../shared/acceptance/README.md): the
 * same figures the overview shows, for people who check numbers or feed them to other tools.
 */
import type { AnswerTable } from './answers';
import { computeOverview, type IdentityKind } from './overview';
import { npsByPeriod } from './periods';

export const REPORT_SCHEMA = 'nps-lines/report@1';

export interface RejectedRowReport {
  file: string;
  row: number;
  reason: string;
}

export interface ReportInput {
  name: string;
  files: string[];
  identity: IdentityKind;
  table: AnswerTable;
  rejectedRows: RejectedRowReport[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  dataset: {
    name: string;
    files: string[];
    responses: number;
    rejected: number;
    customers: number | null;
    from: string | null;
    to: string | null;
  };
  rejectedRows: RejectedRowReport[];
  overall: { n: number; promoters: number; passives: number; detractors: number; nps: number | null; ci95: [number, number] | null };
  distribution: number[];
  /** NPS per calendar month and quarter of the date as written (only periods with answers). */
  byPeriod: { month: PeriodReport[]; quarter: PeriodReport[] };
}

export interface PeriodReport {
  period: string;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  ci95: [number, number] | null;
}

function periodsOf(table: AnswerTable, kind: 'month' | 'quarter'): PeriodReport[] {
  return npsByPeriod(table, { kind }).map(({ period, n, promoters, passives, detractors, nps, ci95 }) => ({ period, n, promoters, passives, detractors, nps, ci95 }));
}

export function buildReport(input: ReportInput): Report {
  const o = computeOverview(input.table, input.identity);
  const { n, promoters, passives, detractors, nps, ci95 } = o.overall;
  return {
    schema: REPORT_SCHEMA,
    dataset: {
      name: input.name,
      files: input.files,
      responses: n,
      rejected: input.rejectedRows.length,
      customers: o.customers,
      from: o.from,
      to: o.to,
    },
    rejectedRows: input.rejectedRows,
    overall: { n, promoters, passives, detractors, nps, ci95 },
    distribution: o.distribution,
    byPeriod: { month: periodsOf(input.table, 'month'), quarter: periodsOf(input.table, 'quarter') },
  };
}
