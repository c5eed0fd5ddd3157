/**
 * Calendar periods (ISO weeks, months, quarters, years — optionally fiscal) and NPS per period.
 *
 * A period is a plain integer index counted from 1970, so that grouping a million answers is integer
 * arithmetic on the `day` column with no Date objects or strings; labels and date ranges are made
 * only for the few periods that are shown.
 *   week:    ISO weeks since the week of 1970-01-01 (Monday 1969-12-29 is index 0's first day)
 *   month:   months since 1970-01
 *   quarter: quarters since the (fiscal) year starting in 1970
 *   year:    (fiscal) years since 1970
 * A fiscal year is named by the calendar year it starts in (Japanese convention: FY2024 runs
 * April 2024 – March 2025 when it starts in April).
 */
import { NO_DAY, type AnswerTable } from './answers';
import { civilFromDay, dayFromCivil, dayToIso } from './days';
import { CATEGORY_INDEX, countsOf, summarise, type NpsSummary } from './nps';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface PeriodOptions {
  kind: PeriodKind;
  /** 1–12, default 1 (calendar year); affects 'quarter' and 'year' only. */
  fiscalYearStartMonth?: number;
}

export interface PeriodSummary extends NpsSummary {
  index: number;
  period: string;
  /** First and last day of the period, ISO dates. */
  from: string;
  to: string;
}

/** 1969-12-29, a Monday: ISO weeks counted from it line up with Monday starts. */
const WEEK_ZERO = -3;

function fiscalStart(options: PeriodOptions): number {
  const m = Math.round(options.fiscalYearStartMonth ?? 1);
  return m >= 1 && m <= 12 ? m : 1;
}

/**
 * Months since 1970-01 of a day: civilFromDay without its object, since this runs per answer when
 * the period is computed directly (Hinnant's algorithm, shifted to March-based years).
 */
function monthOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153); // 0 = March … 11 = February
  // mp counts from March of the March-based year yoe + 400·era: March of year y is month
  // (y − 1970)·12 + 2, and January/February (mp 10, 11) fall in y + 1 by the same formula.
  return (yoe + era * 400 - 1970) * 12 + mp + 2;
}

export function periodIndexOf(day: number, options: PeriodOptions): number {
  switch (options.kind) {
    case 'week':
      return Math.floor((day - WEEK_ZERO) / 7);
    case 'month':
      return monthOfDay(day);
    case 'quarter':
      return Math.floor((monthOfDay(day) - (fiscalStart(options) - 1)) / 3);
    case 'year':
      return Math.floor((monthOfDay(day) - (fiscalStart(options) - 1)) / 12);
  }
}

/** First day of the month `months` since 1970-01 (may run past December: 13 → 1971-02). */
function dayOfMonthIndex(months: number): number {
  const year = 1970 + Math.floor(months / 12);
  return dayFromCivil(year, months - (year - 1970) * 12 + 1, 1);
}

export function periodRange(index: number, options: PeriodOptions): { from: number; to: number } {
  if (options.kind === 'week') {
    const from = WEEK_ZERO + 7 * index;
    return { from, to: from + 6 };
  }
  const length = options.kind === 'month' ? 1 : options.kind === 'quarter' ? 3 : 12;
  const first = index * length + (options.kind === 'month' ? 0 : fiscalStart(options) - 1);
  return { from: dayOfMonthIndex(first), to: dayOfMonthIndex(first + length) - 1 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function periodLabel(index: number, options: PeriodOptions): string {
  switch (options.kind) {
    case 'week': {
      // The ISO year is the year of the week's Thursday; the week number counts Thursdays in it.
      const thursday = WEEK_ZERO + 7 * index + 3;
      const { year } = civilFromDay(thursday);
      const week = Math.floor((thursday - dayFromCivil(year, 1, 1)) / 7) + 1;
      return `${pad(year, 4)}-W${pad(week)}`;
    }
    case 'month': {
      const year = 1970 + Math.floor(index / 12);
      return `${pad(year, 4)}-${pad(index - (year - 1970) * 12 + 1)}`;
    }
    case 'quarter': {
      const year = 1970 + Math.floor(index / 4);
      const quarter = index - (year - 1970) * 4 + 1;
      return `${fiscalStart(options) === 1 ? '' : 'FY'}${pad(year, 4)}-Q${quarter}`;
    }
    case 'year':
      return `${fiscalStart(options) === 1 ? '' : 'FY'}${pad(1970 + index, 4)}`;
  }
}

/** Beyond this many days (~550 years) a day → period lookup costs more than it saves. */
const MAX_LOOKUP_DAYS = 200_000;

const rangeOfDays = new WeakMap<Int32Array, { minDay: number; maxDay: number } | null>();

/** dayRange of all answers, computed once per day column. */
export function allDayRange(table: AnswerTable): { minDay: number; maxDay: number } | null {
  if (!rangeOfDays.has(table.day)) rangeOfDays.set(table.day, dayRange(table));
  return rangeOfDays.get(table.day)!;
}

/** The first and last answer day among the dated answers `include` keeps, or null. */
export function dayRange(table: AnswerTable, include?: Uint8Array): { minDay: number; maxDay: number } | null {
  const { day, length } = table;
  let minDay = Infinity, maxDay = -Infinity;
  for (let i = 0; i < length; i++) {
    const d = day[i];
    if (d === NO_DAY || (include !== undefined && include[i] === 0)) continue;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  return minDay > maxDay ? null : { minDay, maxDay };
}

/**
 * The period of every day in [minDay, maxDay] as a slot from 0 (the first period): a table when the
 * range is small enough (a typed-array read per answer instead of calendar arithmetic), else
 * computed. For counting loops over millions of answers.
 */
export function periodSlots(minDay: number, maxDay: number, options: PeriodOptions): { first: number; count: number; lookup: Int32Array | null; slot: (day: number) => number } {
  const first = periodIndexOf(minDay, options);
  const count = periodIndexOf(maxDay, options) - first + 1;
  const span = maxDay - minDay + 1;
  if (span > MAX_LOOKUP_DAYS) return { first, count, lookup: null, slot: (day) => periodIndexOf(day, options) - first };
  const lookup = new Int32Array(span);
  for (let d = 0; d < span; d++) lookup[d] = periodIndexOf(minDay + d, options) - first;
  return { first, count, lookup, slot: (day) => lookup[day - minDay] };
}

/**
 * NPS per period over the answers `include` keeps (1 = keep; all when omitted). Answers without a
 * date are skipped; periods without answers are left out; the result is sorted by time.
 *
 * Two tight passes over typed arrays: the first finds the date range, the second counts into an
 * Int32Array of (period, category). Periods come from a day → period table over that range, since
 * real data spans a few thousand distinct days while answers run to millions.
 */
export function npsByPeriod(table: AnswerTable, options: PeriodOptions, include?: Uint8Array): PeriodSummary[] {
  const { day, score, length } = table;
  // The range of all dated answers, remembered per table: periods the filter empties are left
  // out below anyway, and a second pass over a million days is saved on every filter change.
  const range = allDayRange(table);
  if (!range) return [];
  const { minDay, maxDay } = range;
  const { first: firstPeriod, count: periodCount, lookup } = periodSlots(minDay, maxDay, options);
  // counts[3p…3p + 2]: the categories (in category order) of period firstPeriod + p.
  const counts = new Int32Array(3 * periodCount);
  if (lookup) {
    // Branch-free: the mask is added, the category looked up (a filter's pattern is unpredictable).
    if (include === undefined) {
      for (let i = 0; i < length; i++) {
        const d = day[i];
        if (d !== NO_DAY) counts[3 * lookup[d - minDay] + CATEGORY_INDEX[score[i]]]++;
      }
    } else {
      for (let i = 0; i < length; i++) {
        const d = day[i];
        if (d !== NO_DAY) counts[3 * lookup[d - minDay] + CATEGORY_INDEX[score[i]]] += include[i];
      }
    }
  } else {
    for (let i = 0; i < length; i++) {
      const d = day[i];
      if (d === NO_DAY || (include !== undefined && include[i] === 0)) continue;
      counts[3 * (periodIndexOf(d, options) - firstPeriod) + CATEGORY_INDEX[score[i]]]++;
    }
  }

  return seriesOf(counts, 0, firstPeriod, periodCount, options);
}

/** The periods with answers among `periodCount` slots of counts laid out (slot, category) from `at`. */
function seriesOf(counts: Int32Array, at: number, firstPeriod: number, periodCount: number, options: PeriodOptions): PeriodSummary[] {
  const out: PeriodSummary[] = [];
  for (let p = 0; p < periodCount; p++) {
    const { promoters, passives, detractors } = countsOf(counts, at + 3 * p);
    if (promoters + passives + detractors === 0) continue;
    const index = firstPeriod + p;
    const range = periodRange(index, options);
    out.push({
      index,
      period: periodLabel(index, options),
      from: dayToIso(range.from),
      to: dayToIso(range.to),
      ...summarise({ promoters, passives, detractors }),
    });
  }
  return out;
}

/** One group of answers (a segment value, a lifecycle phase): its NPS overall and per period. */
export interface GroupNps {
  group: number;
  /** Every kept answer of the group, dated or not. */
  summary: NpsSummary;
  /** Its dated answers per period, on the periods of the whole table. */
  series: PeriodSummary[];
}

/**
 * NPS of several groups of answers at once — overall and per period — in one pass: `groupOf[i]`
 * is answer i's group, and only the groups listed are counted (a segment of 10,000 values needs
 * lines for its largest few only). The same figures as `npsByPeriod` over a mask per group,
 * without a mask and a pass per group.
 */
export function npsByGroup(table: AnswerTable, groupOf: ArrayLike<number>, groups: readonly number[], options: PeriodOptions, include?: Uint8Array): GroupNps[] {
  const { day, score, length } = table;
  let largest = -1;
  for (const g of groups) largest = Math.max(largest, g);
  // slotOf[group] = its place among the listed groups, −1 for a group not listed.
  const slotOf = new Int32Array(largest + 1).fill(-1);
  groups.forEach((g, k) => (slotOf[g] = k));
  const range = allDayRange(table);
  const slots = range ? periodSlots(range.minDay, range.maxDay, options) : null;
  const periodCount = slots?.count ?? 0;
  const totals = new Int32Array(3 * groups.length);
  const counts = new Int32Array(3 * groups.length * periodCount);
  for (let i = 0; i < length; i++) {
    if (include !== undefined && include[i] === 0) continue;
    const g = groupOf[i];
    const k = g >= 0 && g <= largest ? slotOf[g] : -1;
    if (k < 0) continue;
    const category = CATEGORY_INDEX[score[i]];
    totals[3 * k + category]++;
    const d = day[i];
    if (d !== NO_DAY && slots) counts[3 * (k * periodCount + slots.slot(d)) + category]++;
  }
  return groups.map((group, k) => ({
    group,
    summary: summarise(countsOf(totals, 3 * k)),
    series: slots ? seriesOf(counts, 3 * k * periodCount, slots.first, periodCount, options) : [],
  }));
}
