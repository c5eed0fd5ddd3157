/**
 * One voice per customer (docs/methods.md §11): each customer's latest answer among those the
 * filter keeps — per period on a time line — so that an account answering five times counts once,
 * as B2B teams often want to read their NPS. Answers without a known customer are each their own.
 * "Latest" is the transitions' rule: date and time as written, then the later file and row.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { largestCode } from './customers';
import { allDayRange, periodSlots, type PeriodOptions } from './periods';
import { isLater } from './transitions';

/** The mask keeping one answer per customer (per period when `periods` is given). */
export function oneVoicePerCustomer(table: AnswerTable, include?: Uint8Array, periods?: PeriodOptions): Uint8Array {
  const { customer, length } = table;
  const keep = new Uint8Array(length);
  const range = periods ? allDayRange(table) : null;
  const slots = periods && range ? periodSlots(range.minDay, range.maxDay, periods) : null;
  if (!slots) return latestPerCustomer(table, keep, include);
  // The latest answer so far of each customer and period: index + 1, 0 for none.
  const latest = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    if (include && !include[i]) continue;
    const c = customer[i];
    if (c === 0) {
      keep[i] = 1;
      continue;
    }
    // On a time line an undated answer belongs to no period, as in npsByPeriod.
    const slot = table.day[i] === NO_DAY ? -1 : slots.slot(table.day[i]);
    const key = c * (slots.count + 1) + slot + 1;
    const seen = latest.get(key);
    if (seen === undefined || isLater(table, i, seen - 1)) latest.set(key, i + 1);
  }
  for (const i of latest.values()) keep[i - 1] = 1;
  return keep;
}

/**
 * Each customer's latest answer over the whole range: per customer code in a typed array, not a
 * map — the filter's "one voice per customer" runs on the page at every filter change (a map
 * took ~60 ms at a million answers).
 */
function latestPerCustomer(table: AnswerTable, keep: Uint8Array, include?: Uint8Array): Uint8Array {
  const { customer, length } = table;
  const largest = largestCode(customer);
  const latest = new Int32Array(largest + 1);
  for (let i = 0; i < length; i++) {
    if (include && !include[i]) continue;
    const c = customer[i];
    if (c === 0) keep[i] = 1;
    else if (latest[c] === 0 || isLater(table, i, latest[c] - 1)) latest[c] = i + 1;
  }
  for (let c = 1; c <= largest; c++) if (latest[c]) keep[latest[c] - 1] = 1;
  return keep;
}

/**
 * The mask keeping one answer per customer and group (`groupOf[i]`, −1 for none: such answers
 * are left out): the waves of a wave column, where `oneVoicePerCustomer` knows calendar periods.
 */
export function oneVoicePerGroup(table: AnswerTable, groupOf: Int32Array, groups: number, include?: Uint8Array): Uint8Array {
  const keep = new Uint8Array(table.length);
  const latest = new Map<number, number>();
  for (let i = 0; i < table.length; i++) {
    if ((include && !include[i]) || groupOf[i] < 0) continue;
    const c = table.customer[i];
    if (c === 0) {
      keep[i] = 1;
      continue;
    }
    const key = c * groups + groupOf[i];
    const seen = latest.get(key);
    if (seen === undefined || isLater(table, i, seen - 1)) latest.set(key, i + 1);
  }
  for (const i of latest.values()) keep[i - 1] = 1;
  return keep;
}
