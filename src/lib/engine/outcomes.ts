/**
 * Everything the Outcomes view shows, from one call (docs/methods.md §17): churn and revenue per
 * NPS category, NPS against churn by segment, satisfaction beside recommendation, and response
 * rates of the invited — each from one answer per account (accounts.ts).
 */
import type { AnswerTable, SegmentColumn } from './answers';
import type { AccountFacts, AccountJoin, InvitationList } from './account-files';
import { accountTable } from './accounts';
import { churnBySegment, churnView, type ChurnView, type SegmentChurnRow } from './churn';
import { csatGrid, datasetCsatScale, type CsatGrid } from './csat';
import type { IdentityKind } from './customers';
import { responseView, type ResponseView } from './response-bias';
import { revenueView, type RevenueView } from './revenue';

export interface OutcomesInput {
  table: AnswerTable;
  identity: IdentityKind;
  segmentColumns: readonly SegmentColumn[];
  outcomes?: AccountFacts;
  invited?: InvitationList;
  /** Share of at-risk revenue expected to be lost, 0–1 (1 when absent). */
  lostShare?: number;
  /** The view's filter (not applied to response rates: see response-bias.ts). */
  include?: Uint8Array;
  /** The segment column to compare churn by (its name); the first one when absent or unknown. */
  segment?: string;
}

export interface OutcomesView {
  /** Accounts with at least one answer the filter keeps. */
  accounts: number;
  /** The outcomes file's join with the answers. */
  join: AccountJoin | null;
  churn: ChurnView | null;
  revenue: RevenueView | null;
  bySegment: { column: string; rows: SegmentChurnRow[] } | null;
  csat: CsatGrid | null;
  response: ResponseView | null;
}

export function outcomesView(input: OutcomesInput): OutcomesView {
  const { table } = input;
  const accounts = accountTable(table, input.identity, input.outcomes, input.include);
  const churn = churnView(table, accounts);
  const columns = input.segmentColumns;
  const s = Math.max(0, columns.findIndex((c) => c.name === input.segment));
  const column = columns[s];
  return {
    accounts: accounts.count,
    join: accounts.join,
    churn,
    revenue: revenueView(table, accounts, input.lostShare ?? 1),
    bySegment: churn && column ? { column: column.name, rows: churnBySegment(table, accounts, column, table.segments[s]) } : null,
    csat: csatGrid(table, accounts, datasetCsatScale(table, input.outcomes)),
    response: input.invited ? responseView(table, input.identity, input.invited) : null,
  };
}

/** What the answers and joined files say beyond the score: whether the Outcomes view has anything to show. */
export function hasOutcomes(table: AnswerTable, record: { outcomes?: AccountFacts; invited?: InvitationList }): boolean {
  if (record.outcomes || record.invited) return true;
  let known = answersWithOutcomes.get(table);
  if (known === undefined) {
    known = false;
    for (let i = 0; i < table.length; i++) {
      if (table.churn[i] >= 0 || Number.isFinite(table.revenue[i]) || table.csat[i] >= 0) {
        known = true;
        break;
      }
    }
    answersWithOutcomes.set(table, known);
  }
  return known;
}

/**
 * Whether a table's own answers hold any outcome, read once per table: its columns do not change,
 * and a million answers without one took ~4 ms to look through at every view switch (the views'
 * links ask it with each new record).
 */
const answersWithOutcomes = new WeakMap<AnswerTable, boolean>();
