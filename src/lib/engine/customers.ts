/**
 * Who the customers are: the account when the data names one, otherwise the respondent (e-mail
 * or person id). Per-response ids are never identities, and neither are placeholders such as
 * Microsoft Forms' `anonymous`.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { textAt } from './text-column';

export type IdentityKind = 'account' | 'respondent' | null;

/** Placeholders some tools write where no identity exists. */
const NOT_AN_IDENTITY = new Set(['', 'anonymous', 'anonymous user', '匿名']);

/** No placeholder is longer (ingest/customer-keys.ts reads longer ids straight from the bytes). */
export const PLACEHOLDER_MAX_LENGTH = 14;

/** The id as written, or '' when the cell holds a placeholder that identifies nobody. */
export function identityCell(raw: string): string {
  const key = raw.trim();
  // Every placeholder is short: skip the lower-casing for real ids (a million calls per import).
  return key.length <= PLACEHOLDER_MAX_LENGTH && NOT_AN_IDENTITY.has(key.toLowerCase()) ? '' : key;
}

/**
 * Customer codes for every answer: 1, 2, 3… in order of first appearance, 0 for nobody. Equal
 * ids get equal codes, so grouping by customer needs no strings afterwards.
 */
export function encodeCustomers(table: AnswerTable, identity: IdentityKind): Uint32Array {
  const codes = new Uint32Array(table.length);
  if (!identity) return codes;
  const column = identity === 'account' ? table.account : table.respondent;
  const seen = new Map<string, number>();
  for (let i = 0, len = table.length; i < len; i++) {
    const id = textAt(column, i);
    if (!id) continue;
    let code = seen.get(id);
    if (code === undefined) {
      code = seen.size + 1;
      seen.set(id, code);
    }
    codes[i] = code;
  }
  return codes;
}

const largest = new WeakMap<Uint32Array, number>();

/** The highest customer code, remembered per column: filters recount often, codes never change. */
export function largestCode(customer: Uint32Array): number {
  let max = largest.get(customer);
  if (max === undefined) {
    max = 0;
    for (let i = 0; i < customer.length; i++) if (customer[i] > max) max = customer[i];
    largest.set(customer, max);
  }
  return max;
}

/** How many distinct customers answered among the answers `include` keeps (1 = keep; all by default). */
export function countCustomers(table: AnswerTable, include?: Uint8Array): number {
  const { customer } = table;
  const max = largestCode(customer);
  const seen = new Uint8Array(max + 1);
  if (include) for (let i = 0, len = table.length; i < len; i++) seen[customer[i]] |= include[i];
  else for (let i = 0, len = table.length; i < len; i++) seen[customer[i]] = 1;
  let count = 0;
  for (let c = 1; c <= max; c++) count += seen[c];
  return count;
}

/** Each customer code's id as written (index = code; '' for code 0). */
export function customerNames(table: AnswerTable, identity: IdentityKind): string[] {
  const names: string[] = [''];
  if (!identity) return names;
  const column = identity === 'account' ? table.account : table.respondent;
  for (let i = 0, len = table.length; i < len; i++) {
    const c = table.customer[i];
    if (c && names[c] === undefined) names[c] = textAt(column, i);
  }
  return names;
}

/**
 * Each customer's name (its identity as written), looked up when asked: the customer's first
 * answer is found in one pass over the codes, and only the names shown are read. customerNames
 * made a string for each of ~290,000 customers of a million answers, and decoded every id to do it
 * (~90 ms of the Transitions view), for the hundred the view shows.
 */
export function customerNamer(table: AnswerTable, identity: IdentityKind): (customer: number) => string {
  if (!identity) return () => '';
  const column = identity === 'account' ? table.account : table.respondent;
  let largest = 0;
  for (let i = 0, len = table.length; i < len; i++) if (table.customer[i] > largest) largest = table.customer[i];
  const first = new Int32Array(largest + 1).fill(-1);
  for (let i = 0, len = table.length; i < len; i++) {
    const c = table.customer[i];
    if (c && first[c] < 0) first[c] = i;
  }
  return (customer) => (customer > 0 && customer <= largest && first[customer] >= 0 ? textAt(column, first[customer]) : '');
}

/**
 * Every answer of one customer, oldest first (answers without a date last, in file order): the
 * history a comment's reader opens to see whether this detractor was a promoter last year.
 */
export function answersOfCustomer(table: AnswerTable, code: number): number[] {
  if (!code) return [];
  const out: number[] = [];
  for (let i = 0, len = table.length; i < len; i++) if (table.customer[i] === code) out.push(i);
  const day = (i: number) => (table.day[i] === NO_DAY ? Infinity : table.day[i]);
  return out.sort((a, b) => (day(a) === day(b) ? 0 : day(a) < day(b) ? -1 : 1) || table.seconds[a] - table.seconds[b] || a - b);
}
