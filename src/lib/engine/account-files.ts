/**
 * What a second file says about the accounts (customers) of a dataset, joined on their id: an
 * outcomes file (churned or not, when they left, revenue, satisfaction) and a list of the
 * accounts invited to answer. Both are kept on the dataset's record (engine/dataset.ts) as plain
 * arrays, one entry per row, so they copy, store and back up as JSON.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { customerNames, type IdentityKind } from './customers';

export interface AccountFacts {
  file: string;
  importedAt: number;
  /** The file's header of each column used. */
  columns: { account: string; churn?: string; churnDate?: string; revenue?: string; csat?: string };
  /** One entry per account (an account listed twice keeps its last row). */
  accounts: string[];
  /** 1 churned, 0 not, −1 unknown (absent: the file has no churn column). */
  churn?: number[];
  /** The day the account left (days since 1970), NO_DAY when unknown. */
  churnDay?: number[];
  /** Revenue (ARR, MRR…), null when unknown. */
  revenue?: Array<number | null>;
  /** Satisfaction on the file's scale, −1 when unknown. */
  csat?: number[];
  /** Rows without an account id (not joined). */
  withoutAccount: number;
  /** Accounts listed more than once (the last row counts). */
  repeated: number;
}

export interface InvitationList {
  file: string;
  importedAt: number;
  columns: { account: string; wave?: string; invited?: string; segments: string[] };
  /** One entry per invitation: an account (in a wave, when the list names waves). */
  accounts: string[];
  /** The wave of each invitation as written; absent: every wave invited every account listed. */
  waves?: string[];
  /** Per segment column of the list (plan, region…), the value of each invitation. */
  segments: string[][];
  withoutAccount: number;
  /** Rows whose invited flag said no: left out. */
  notInvited: number;
}

/**
 * The key two files are joined on: the id as written, compatibility forms folded (a full-width
 * `Ａ００１` from a Japanese spreadsheet is `A001`), spaces around it dropped. Case is kept: some
 * systems' ids differ only in case.
 */
export function joinKey(id: string): string {
  return id.normalize('NFKC').trim();
}

export interface AccountJoin {
  /** Per customer code: the file's entry for that customer, −1 when the file does not list it. */
  entryOf: Int32Array;
  /** Accounts of the file that answered, and those that did not (never in the answers). */
  matched: number;
  unmatched: number;
  /** The first ids of the file that match no answer (to check for a mismatched id column). */
  unmatchedExamples: string[];
  /** Customers who answered but are not in the file. */
  notListed: number;
  /** How many customers answered (the join's other side). */
  customers: number;
}

/** Joins a file's account ids to the dataset's customers (the account, else the respondent). */
export function joinAccounts(table: AnswerTable, identity: IdentityKind, ids: readonly string[]): AccountJoin {
  const names = customerNames(table, identity);
  const codeOf = new Map<string, number>();
  for (let c = 1; c < names.length; c++) if (names[c]) codeOf.set(joinKey(names[c]), c);
  const entryOf = new Int32Array(names.length).fill(-1);
  const unmatchedExamples: string[] = [];
  let matched = 0, unmatched = 0;
  const seen = new Set<string>();
  ids.forEach((id, entry) => {
    const key = joinKey(id);
    const code = codeOf.get(key);
    if (code !== undefined) entryOf[code] = entry;
    if (seen.has(key)) return;
    seen.add(key);
    if (code !== undefined) matched++;
    else {
      unmatched++;
      if (unmatchedExamples.length < 5) unmatchedExamples.push(id);
    }
  });
  const customers = Math.max(0, names.length - 1);
  return { entryOf, matched, unmatched, unmatchedExamples, notListed: customers - matched, customers };
}

/** The churn day of a file's entry, or NO_DAY. */
export function churnDayOf(facts: AccountFacts | undefined, entry: number): number {
  return entry >= 0 && facts?.churnDay ? (facts.churnDay[entry] ?? NO_DAY) : NO_DAY;
}
