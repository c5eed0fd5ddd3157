/**
 * What changed around a company event (docs/methods.md §6.10): the NPS of the answers in a window
 * before the event against a window after it — 90 days each side unless the reader chooses
 * otherwise — overall and per value of a segment column, and which comment topics customers
 * mention more or less often.
 *
 * The before window is the `days` days up to the day before the event, the after window the event's
 * day and the `days − 1` days after it. When customers are known and at least MIN_PAIRED of them
 * answered in both windows, their change is paired (each customer's latest answer in each
 * window; small-samples.ts `pairedChange`: Student's t, or the exact sign test when few moved):
 * the same customers before and after, which a change in who answered cannot fake. Otherwise the
 * two windows are compared as independent samples (the adjusted two-sample test, customers who
 * answered more than once in a window counted as customers). The values of a segment column are
 * one family (Benjamini–Hochberg q), and so are the topics × polarities of one event.
 *
 * Before and after says when, not why: another event, a season or a change in who was asked can
 * move the same answers.
 */
import { NO_DAY, type AnswerTable, type SegmentColumn } from './answers';
import { groupDesignEffects } from './clustered';
import { dayToIso, isoToDay } from './days';
import { ALPHA, benjaminiHochberg } from './many-tests';
import { adjustedWaldInterval, CATEGORY_INDEX, countsOf, summarise, type CategoryCounts, type NpsSummary } from './nps';
import { differenceInterval } from './power';
import { studentQuantile, twoSampleTest } from './significance';
import { fisherExact, pairedChange } from './small-samples';
import { isLater } from './transitions';
import type { TopicTags } from './text/tag';

/** Days each side of an event, unless the reader chooses other windows. */
export const DEFAULT_IMPACT_DAYS = 90;
/** The windows the view offers. */
export const IMPACT_WINDOWS = [30, 60, 90, 180] as const;
/** Fewer customers than this in both windows: the windows are compared as independent samples. */
export const MIN_PAIRED = 30;
/** A topic and polarity mentioned fewer times than this in the two windows is not tested. */
export const MIN_TOPIC_MENTIONS = 10;

export interface ImpactWindows {
  /** First and last day of each window, ISO. */
  before: { from: string; to: string };
  after: { from: string; to: string };
}

export interface WindowNps extends NpsSummary {
  /** Customers answering more than once in the window (1 without); `ci95` counts them as customers. */
  designEffect: number;
}

export interface ImpactTest {
  before: WindowNps;
  after: WindowNps;
  /** `paired`: the customers who answered in both windows; `independent`: all answers of each. */
  method: 'paired' | 'independent';
  /** Customers who answered in both windows; null when customers are not known. */
  paired: number | null;
  /** The test behind p: paired t, the exact sign test, or the two-sample z. */
  test: 't' | 'sign' | 'z' | null;
  /**
   * Points, after − before: the paired customers' mean change, or the raw difference of the two
   * windows' NPS. Null when a window has no answers.
   */
  difference: number | null;
  /** 95% interval of the difference (Student's t for the paired change, else adjusted z); null when it has no spread. */
  ci95: [number, number] | null;
  p: number | null;
}

/** The two windows around an event on `date`. */
export function impactWindows(date: string, days = DEFAULT_IMPACT_DAYS): ImpactWindows {
  const day = isoToDay(date);
  return { before: { from: dayToIso(day - days), to: dayToIso(day - 1) }, after: { from: dayToIso(day), to: dayToIso(day + days - 1) } };
}

const shrink = (c: CategoryCounts, by: number): CategoryCounts => ({ promoters: c.promoters / by, passives: c.passives / by, detractors: c.detractors / by });

/**
 * The impact for each group of answers at once (`groupOf[i]` in 0 … groups − 1; one group when
 * absent): one pass counts the two windows and finds each customer's latest answer in each.
 */
function impactsOf(table: AnswerTable, date: string, days: number, options: { include?: Uint8Array; customersKnown: boolean; groupOf?: ArrayLike<number>; groups?: number }): ImpactTest[] {
  const groups = options.groups ?? 1;
  const { include, groupOf } = options;
  const start = isoToDay(date) - days, eventDay = start + days, end = eventDay + days - 1;
  const counts = new Float64Array(groups * 6); // [group][window 0 before, 1 after][category]
  // The group and window of every answer (2·group + window), for the design effects; −1: neither.
  const place = new Int32Array(table.length).fill(-1);
  let largest = 0;
  if (options.customersKnown) for (let i = 0; i < table.length; i++) if (table.customer[i] > largest) largest = table.customer[i];
  const latest = [new Int32Array(largest + 1).fill(-1), new Int32Array(largest + 1).fill(-1)];
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i];
    if (d === NO_DAY || d < start || d > end || (include && !include[i])) continue;
    const w = d < eventDay ? 0 : 1, g = groupOf ? groupOf[i] : 0;
    counts[6 * g + 3 * w + CATEGORY_INDEX[table.score[i]]]++;
    place[i] = 2 * g + w;
    const c = table.customer[i];
    if (c > 0 && options.customersKnown) {
      const seen = latest[w][c];
      if (seen < 0 || isLater(table, i, seen)) latest[w][c] = i;
    }
  }
  const effects = groupDesignEffects(table.score, table.customer, place, 2 * groups, include);
  // Pairs: the customers with an answer in both windows, in the group of their answer before.
  const pairs = Array.from({ length: groups }, () => [[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  const pairedIn = new Int32Array(groups);
  for (let c = 1; c <= largest; c++) {
    const b = latest[0][c], a = latest[1][c];
    if (b < 0 || a < 0) continue;
    const g = groupOf ? groupOf[b] : 0;
    pairs[g][CATEGORY_INDEX[table.score[b]]][CATEGORY_INDEX[table.score[a]]]++;
    pairedIn[g]++;
  }
  return Array.from({ length: groups }, (_, g) => {
    const window = (w: number): WindowNps => {
      const c = countsOf(counts, 6 * g + 3 * w), by = effects[2 * g + w], summary = summarise(c);
      return { ...summary, ci95: by === 1 ? summary.ci95 : adjustedWaldInterval(shrink(c, by)), designEffect: by };
    };
    const before = window(0), after = window(1);
    const paired = options.customersKnown ? pairedIn[g] : null;
    if (paired !== null && paired >= MIN_PAIRED) {
      const change = pairedChange(pairs[g])!;
      const half = change.se > 0 ? studentQuantile(0.95, change.n - 1) * change.se : null;
      return { before, after, method: 'paired', paired, test: change.method, difference: change.difference, ci95: half === null ? null : [change.difference - half, change.difference + half], p: change.p };
    }
    const a = shrink(after, after.designEffect), b = shrink(before, before.designEffect);
    const test = twoSampleTest(a, b, true);
    return {
      before, after, method: 'independent', paired, test: test ? 'z' : null,
      difference: test ? after.nps! - before.nps! : null,
      ci95: test ? differenceInterval(a, b) : null,
      p: test?.p ?? null,
    };
  });
}

/** The NPS before and after an event, overall (see the module's comment). */
export function eventImpact(table: AnswerTable, date: string, options: { days?: number; include?: Uint8Array; customersKnown: boolean }): ImpactTest {
  return impactsOf(table, date, options.days ?? DEFAULT_IMPACT_DAYS, { include: options.include, customersKnown: options.customersKnown })[0];
}

export interface SegmentImpactRow {
  value: string;
  impact: ImpactTest;
  /** Benjamini–Hochberg q among the column's tested values; null when not tested (too few answers). */
  q: number | null;
  /** Tested and q < 0.05. */
  changed: boolean;
}

/**
 * Each value of a segment column before and after the event, the values with at least `minN`
 * answers in each window tested as one family; values without answers in either window left out.
 */
export function segmentImpact(table: AnswerTable, column: SegmentColumn, codes: Uint16Array, date: string, options: { days?: number; include?: Uint8Array; customersKnown: boolean; minN?: number }): SegmentImpactRow[] {
  const minN = options.minN ?? 30;
  const impacts = impactsOf(table, date, options.days ?? DEFAULT_IMPACT_DAYS, { include: options.include, customersKnown: options.customersKnown, groupOf: codes, groups: column.values.length });
  const rows = impacts.map((impact, code) => ({ value: column.values[code], impact })).filter((r) => r.impact.before.n + r.impact.after.n > 0);
  const tested = rows.filter((r) => r.impact.p !== null && r.impact.before.n >= minN && r.impact.after.n >= minN);
  const qs = benjaminiHochberg(tested.map((r) => r.impact.p!));
  const qOf = new Map(tested.map((r, k) => [r, qs[k]]));
  return rows
    .map((r) => {
      const q = qOf.get(r) ?? null;
      return { ...r, q, changed: q !== null && q < ALPHA };
    })
    .sort((x, y) => (y.impact.after.n + y.impact.before.n) - (x.impact.after.n + x.impact.before.n));
}

export interface TopicSide {
  /** Answers whose comment mentions the topic with this polarity. */
  mentions: number;
  /** Answers with a written comment in the window: the base of the share. */
  commented: number;
  /** mentions / commented, 0–1 (0 without comments). */
  share: number;
}

export interface TopicChangeRow {
  topicId: string;
  polarity: 'negative' | 'positive';
  before: TopicSide;
  after: TopicSide;
  /** Points of share, after − before. */
  difference: number;
  /** Fisher's exact p and its q among the rows tested; null for fewer than MIN_TOPIC_MENTIONS mentions. */
  p: number | null;
  q: number | null;
  changed: boolean;
}

/**
 * How often each topic is mentioned negatively and positively, as a share of the written
 * comments in each window: Fisher's exact test of each (mentioned or not × before or after), all
 * the rows of one event one family. Ranked by q, then by the size of the change.
 */
export function topicChanges(table: AnswerTable, tags: TopicTags, date: string, options: { days?: number; include?: Uint8Array } = {}): TopicChangeRow[] {
  const days = options.days ?? DEFAULT_IMPACT_DAYS;
  const start = isoToDay(date) - days, eventDay = start + days, end = eventDay + days - 1;
  const T = tags.topicIds.length;
  const commented = [0, 0];
  const negative = [new Int32Array(T), new Int32Array(T)], positive = [new Int32Array(T), new Int32Array(T)];
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i];
    if (!tags.written[i] || d === NO_DAY || d < start || d > end || (options.include && !options.include[i])) continue;
    const w = d < eventDay ? 0 : 1;
    commented[w]++;
    const mask = tags.mask[i];
    if (!mask) continue;
    for (let t = 0; t < T; t++) {
      if (!(mask & (1 << t))) continue;
      const polarity = tags.polarity[t * tags.length + i];
      if (polarity < 0) negative[w][t]++;
      else if (polarity > 0) positive[w][t]++;
    }
  }
  const side = (mentions: number, w: number): TopicSide => ({ mentions, commented: commented[w], share: commented[w] ? mentions / commented[w] : 0 });
  const rows: TopicChangeRow[] = [];
  for (let t = 0; t < T; t++) {
    for (const [polarity, counts] of [['negative', negative], ['positive', positive]] as const) {
      const before = side(counts[0][t], 0), after = side(counts[1][t], 1);
      const tested = before.mentions + after.mentions >= MIN_TOPIC_MENTIONS && commented[0] > 0 && commented[1] > 0;
      const p = tested ? fisherExact(after.mentions, after.commented - after.mentions, before.mentions, before.commented - before.mentions) : null;
      rows.push({ topicId: tags.topicIds[t], polarity, before, after, difference: 100 * (after.share - before.share), p, q: null, changed: false });
    }
  }
  const tested = rows.filter((r) => r.p !== null);
  benjaminiHochberg(tested.map((r) => r.p!)).forEach((q, k) => {
    tested[k].q = q;
    tested[k].changed = q < ALPHA;
  });
  return rows.sort((x, y) => (x.q ?? 2) - (y.q ?? 2) || Math.abs(y.difference) - Math.abs(x.difference));
}

/** An event as the view needs it. */
export interface ImpactEvent {
  id?: string;
  date: string;
  label: string;
  kind: string;
  segment?: string;
}

export interface EventImpactView<E extends ImpactEvent> {
  days: number;
  /** Every event, in date order, with its overall impact. */
  items: Array<{ event: E; windows: ImpactWindows; impact: ImpactTest }>;
  /** The chosen event: its segment column's values and its topic changes (null until tagged). */
  detail: { event: E; column: string | null; segments: SegmentImpactRow[]; topics: TopicChangeRow[] | null } | null;
}

/** Everything the event impact section shows (trend view). */
export function eventImpactView<E extends ImpactEvent>(table: AnswerTable, events: readonly E[], options: {
  days?: number;
  include?: Uint8Array;
  customersKnown: boolean;
  /** The event whose details are shown (its id), and the segment column to split it by. */
  selected?: string | null;
  segmentColumns?: readonly SegmentColumn[];
  segment?: number;
  tags?: TopicTags | null;
  minN?: number;
}): EventImpactView<E> {
  const days = options.days ?? DEFAULT_IMPACT_DAYS;
  const base = { days, include: options.include, customersKnown: options.customersKnown };
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const items = sorted.map((event) => ({ event, windows: impactWindows(event.date, days), impact: eventImpact(table, event.date, base) }));
  const chosen = sorted.find((e) => e.id !== undefined && e.id === options.selected) ?? null;
  if (!chosen) return { days, items, detail: null };
  const columns = options.segmentColumns ?? [];
  const s = Math.min(Math.max(0, options.segment ?? 0), columns.length - 1);
  const column = columns[s];
  return {
    days,
    items,
    detail: {
      event: chosen,
      column: column?.name ?? null,
      segments: column ? segmentImpact(table, column, table.segments[s], chosen.date, { ...base, minN: options.minN }) : [],
      topics: options.tags && options.tags.length === table.length ? topicChanges(table, options.tags, chosen.date, { days, include: options.include }) : null,
    },
  };
}

/**
 * The events a chart of one segment value shows: those for every customer, and those for this
 * value (an event's `segment` is `column: value`); not those for another value of the same column.
 */
export function eventsFor<E extends { segment?: string }>(events: readonly E[], column: string, value: string): E[] {
  return events.filter((e) => {
    if (!e.segment) return true;
    const at = e.segment.indexOf(':');
    if (at < 0) return true;
    return e.segment.slice(0, at).trim() !== column || e.segment.slice(at + 1).trim() === value;
  });
}
