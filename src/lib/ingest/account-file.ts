/**
 * A second file about the accounts, read to be joined on the account id (engine/account-files.ts):
 * an outcomes file from the CRM or billing system (account, churned, when, ARR, CSAT) and/or a
 * list of the accounts invited to the survey (account, wave, plan…). What a file is read as
 * follows from its columns: churn, a churn date, revenue or satisfaction make it outcomes; an
 * invited flag, a wave, or nothing but ids make it a list of the invited.
 */
import { NO_DAY } from '../engine/answers';
import type { AccountFacts, InvitationList } from '../engine/account-files';
import { identityCell } from '../engine/customers';
import { detectDelimiter, isBlankRecord, parseRecords, type Delimiter } from './csv';
import { decodeText, detectEncoding, type Encoding } from './encoding';
import { parseAmount, parseChurn, parseCsat } from './flags';
import { detectRoles, profileColumn } from './roles';
import { inferDateOrder, parseDate, type DateOrder } from './values';

export type AccountFileRole = 'account' | 'churn' | 'churnDate' | 'revenue' | 'csat' | 'invited' | 'wave' | 'segment' | 'ignore';
export const ACCOUNT_FILE_ROLES: readonly AccountFileRole[] = ['account', 'churn', 'churnDate', 'revenue', 'csat', 'invited', 'wave', 'segment', 'ignore'];
const SINGLE: readonly AccountFileRole[] = ['account', 'churn', 'churnDate', 'revenue', 'csat', 'invited', 'wave'];

/** Bigger than any account list; a file this size is the answers, not a list of accounts. */
export const MAX_ACCOUNT_FILE_BYTES = 50 * 1024 * 1024;
const MAX_ROWS = 500_000;

export type AccountFileProblem = 'empty-file' | 'header-only' | 'too-big' | 'no-account';
export class AccountFileError extends Error {
  constructor(readonly problem: AccountFileProblem) {
    super(problem);
  }
}

export interface AccountFilePlan {
  name: string;
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  roles: AccountFileRole[];
  dateOrder: DateOrder;
  /** The first data rows, for the preview. */
  rows: string[][];
  /** Data rows in the file. */
  rowCount: number;
}

const INVITED_HEADER = /invit|招待|配信|送付|依頼|対象|\bsent\b|survey.?sent/i;
const CHURN_DATE_HEADER = /churn|cancel|解約|退会|離職|退職|leav|left|termination|終了/i;

interface Read {
  records: string[][];
  encoding: Encoding;
  delimiter: Delimiter;
}

function readRecords(bytes: Uint8Array): Read {
  if (bytes.length > MAX_ACCOUNT_FILE_BYTES) throw new AccountFileError('too-big');
  const { encoding } = detectEncoding(bytes);
  const text = decodeText(bytes, encoding);
  if (!text.trim()) throw new AccountFileError('empty-file');
  const delimiter = detectDelimiter(text);
  const records = parseRecords(text, delimiter).filter((r, k) => k === 0 || !isBlankRecord(r));
  if (records.length < 2) throw new AccountFileError('header-only');
  if (records.length > MAX_ROWS + 1) throw new AccountFileError('too-big');
  return { records, encoding, delimiter };
}

/** Reads the file and proposes a role for each column. */
export function planAccountFile(bytes: Uint8Array, name: string): AccountFilePlan {
  const { records, encoding, delimiter } = readRecords(bytes);
  const headers = records[0].map((h) => h.trim());
  const data = records.slice(1);
  while (headers.length < Math.max(...data.slice(0, 400).map((r) => r.length))) headers.push('');
  const sample = data.slice(0, 400);
  const values = headers.map((_, c) => sample.map((r) => r[c] ?? ''));
  const profiles = headers.map((h, c) => profileColumn(h, values[c]));
  const detected = detectRoles(profiles, sample.length);
  const roles: AccountFileRole[] = detected.map((role, c) => {
    const header = headers[c];
    const flags = profiles[c].filled > 0 && profiles[c].churnShare >= 0.8 && profiles[c].distinct <= 6;
    if (INVITED_HEADER.test(header) && flags) return 'invited';
    switch (role) {
      case 'account': case 'churn': case 'revenue': case 'csat': case 'wave': case 'segment': return role;
      case 'touchpoint': case 'phase': return 'segment';
      case 'date': case 'renewal': return CHURN_DATE_HEADER.test(header) ? 'churnDate' : 'ignore';
      default: return 'ignore';
    }
  });
  // A file of one row per account has no repeated ids, which the answers' detection looks for:
  // an e-mail column, else a column named like an id whose values are nearly all distinct.
  if (!roles.includes('account')) {
    const respondent = detected.indexOf('respondent');
    const idLike = profiles.findIndex((p, c) => (roles[c] === 'ignore' || roles[c] === 'segment') && p.filled > 0 && p.idShare >= 0.9 && p.distinct >= 0.9 * p.filled && (/id|no\.?$|code|番号|コード/i.test(p.header) || c === 0));
    const pick = respondent >= 0 ? respondent : idLike;
    if (pick >= 0) roles[pick] = 'account';
  }
  // Later churn-date-like columns under a date header: only when churn is known and no date was taken.
  if (roles.includes('churn') && !roles.includes('churnDate')) {
    const dated = profiles.findIndex((p, c) => roles[c] === 'ignore' && p.dateShare >= 0.5 && CHURN_DATE_HEADER.test(p.header));
    if (dated >= 0) roles[dated] = 'churnDate';
  }
  const dateColumn = roles.indexOf('churnDate');
  return {
    name, encoding, delimiter, headers, roles,
    dateOrder: dateColumn >= 0 ? inferDateOrder(values[dateColumn].filter((v) => v.trim())).order : 'ymd',
    rows: data.slice(0, 6),
    rowCount: data.length,
  };
}

/** Gives a column a role; a single role moves away from the column that had it. */
export function withRole(plan: AccountFilePlan, column: number, role: AccountFileRole): AccountFilePlan {
  const roles = plan.roles.map((r) => (SINGLE.includes(role) && r === role ? 'ignore' : r));
  roles[column] = role;
  return { ...plan, roles };
}

/** What a file with these roles is read as. */
export function readsAs(roles: readonly AccountFileRole[]): { outcomes: boolean; invited: boolean } {
  const outcomes = roles.some((r) => r === 'churn' || r === 'churnDate' || r === 'revenue' || r === 'csat');
  return { outcomes, invited: roles.includes('invited') || roles.includes('wave') || !outcomes };
}

/** The file's facts and/or invitations, as its plan says. */
export function readAccountFile(bytes: Uint8Array, plan: AccountFilePlan, at: number): { outcomes?: AccountFacts; invited?: InvitationList } {
  const account = plan.roles.indexOf('account');
  if (account < 0) throw new AccountFileError('no-account');
  const { records } = readRecords(bytes);
  const data = records.slice(1);
  const col = (role: AccountFileRole) => plan.roles.indexOf(role);
  const header = (c: number) => plan.headers[c] || `#${c + 1}`;
  const cell = (r: string[], c: number) => (c >= 0 ? (r[c] ?? '').trim() : '');
  const { outcomes, invited } = readsAs(plan.roles);
  const result: { outcomes?: AccountFacts; invited?: InvitationList } = {};
  let withoutAccount = 0;

  if (outcomes) {
    const [churn, churnDate, revenue, csat] = [col('churn'), col('churnDate'), col('revenue'), col('csat')];
    const entry = new Map<string, number>();
    const facts: AccountFacts = {
      file: plan.name, importedAt: at,
      columns: { account: header(account), ...(churn >= 0 ? { churn: header(churn) } : {}), ...(churnDate >= 0 ? { churnDate: header(churnDate) } : {}), ...(revenue >= 0 ? { revenue: header(revenue) } : {}), ...(csat >= 0 ? { csat: header(csat) } : {}) },
      accounts: [],
      ...(churn >= 0 || churnDate >= 0 ? { churn: [] } : {}),
      ...(churnDate >= 0 ? { churnDay: [] } : {}),
      ...(revenue >= 0 ? { revenue: [] } : {}),
      ...(csat >= 0 ? { csat: [] } : {}),
      withoutAccount: 0,
      repeated: 0,
    };
    for (const r of data) {
      const id = identityCell(cell(r, account));
      if (!id) { withoutAccount++; continue; }
      let e = entry.get(id);
      if (e === undefined) entry.set(id, (e = facts.accounts.push(id) - 1));
      else facts.repeated++;
      const day = churnDate >= 0 ? (parseDate(cell(r, churnDate), plan.dateOrder)?.day ?? NO_DAY) : NO_DAY;
      // A leaving date with no flag says the account left.
      if (facts.churn) facts.churn[e] = churn >= 0 ? (parseChurn(cell(r, churn)) >= 0 ? parseChurn(cell(r, churn)) : day !== NO_DAY ? 1 : -1) : day !== NO_DAY ? 1 : -1;
      if (facts.churnDay) facts.churnDay[e] = day;
      if (facts.revenue) {
        const v = parseAmount(cell(r, revenue));
        facts.revenue[e] = Number.isFinite(v) ? v : null;
      }
      if (facts.csat) facts.csat[e] = parseCsat(cell(r, csat));
    }
    facts.withoutAccount = withoutAccount;
    result.outcomes = facts;
  }

  if (invited) {
    const [wave, flag] = [col('wave'), col('invited')];
    const segmentColumns = plan.roles.flatMap((r, c) => (r === 'segment' ? [c] : []));
    const list: InvitationList = {
      file: plan.name, importedAt: at,
      columns: { account: header(account), ...(wave >= 0 ? { wave: header(wave) } : {}), ...(flag >= 0 ? { invited: header(flag) } : {}), segments: segmentColumns.map(header) },
      accounts: [],
      ...(wave >= 0 ? { waves: [] } : {}),
      segments: segmentColumns.map(() => []),
      withoutAccount: 0,
      notInvited: 0,
    };
    let missing = 0;
    for (const r of data) {
      const id = identityCell(cell(r, account));
      if (!id) { missing++; continue; }
      if (flag >= 0 && parseChurn(cell(r, flag)) === 0) { list.notInvited++; continue; }
      list.accounts.push(id);
      list.waves?.push(cell(r, wave));
      segmentColumns.forEach((c, s) => list.segments[s].push(cell(r, c)));
    }
    list.withoutAccount = missing;
    result.invited = list;
  }
  return result;
}
