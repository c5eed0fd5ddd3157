/**
 * The story a series of periods tells (docs/methods.md §6.8): its levels and the changes between
 * them (change-points.ts), when each change could have started, the company event nearest to it,
 * and the trend over the whole series and over its last periods.
 *
 * Events come in as plain data ({ date, label, kind }): the engine knows nothing of where they are
 * stored. Periods with few answers stay in the series and are pooled into their level; only the
 * recent trend, like the step tests, leaves out periods with fewer than `minN` answers.
 */
import type { CategoryCounts } from './nps';
import { seriesStory, stretchSums, trendOf, type Level, type LevelChange, type Trend } from './change-points';
import { gSquared } from './shifts';
import { periodIndexOf, periodLabel, periodRange, type PeriodOptions } from './periods';
import { isoToDay } from './days';

export interface StoryEvent {
  /** ISO date. */
  date: string;
  label: string;
  kind: string;
}

export interface NearestEvent extends StoryEvent {
  /**
   * Periods between the event's period and the periods where the new level may have started:
   * 0 within them, −1 one period before the earliest, +2 two periods after the latest.
   */
  offset: number;
}

/** A period of the series as the story needs it (PeriodSummary has all of this). */
export interface StoryPeriod extends CategoryCounts {
  /** The period's index (periods.ts): consecutive periods differ by 1, gaps show. */
  index: number;
  period: string;
}

export interface StoryLevel extends Level {
  fromPeriod: string;
  toPeriod: string;
  n: number;
}

export interface StoryChange extends LevelChange {
  /** The last period of the earlier level, and the first of the new one. */
  afterPeriod: string;
  startPeriod: string;
  /**
   * The first and last period in which the new level may have started: the first periods of every
   * split of the two levels' stretch whose G² is within WINDOW_G2 of the best one. The same
   * period twice when the data date the change to one period.
   */
  window: [string, string];
  /** Answers in the level before and the level after. */
  n: [number, number];
  /** The company event closest to the window, at most EVENT_REACH periods away; null if none. */
  nearestEvent: NearestEvent | null;
  /** Other events within the window: the data cannot tell which of them came first in effect. */
  otherEvents: StoryEvent[];
}

/** A trend with the periods it spans and Sen's line through them, for drawing. */
export interface StoryTrend extends Trend {
  fromPeriod: string;
  toPeriod: string;
  /**
   * Sen's line at the first and last period: the intercept is the median of xᵢ − slope·i over
   * the periods' positions i = 0 … m − 1 (Conover's estimator), so the line runs through the
   * middle of the values as the slope runs through the middle of the pairs.
   */
  start: number;
  end: number;
  /**
   * A change of level begins within its span: the rise or fall is a step, not steady, and is said
   * "overall" (and not drawn as a line).
   */
  stepped: boolean;
}

export interface Story {
  levels: StoryLevel[];
  changes: StoryChange[];
  /** Over the whole series (every period with answers). */
  trend: StoryTrend | null;
  /** Over the last RECENT_PERIODS periods with at least `minN` answers (null with fewer than 3). */
  recent: StoryTrend | null;
  /** A steady rise or fall: the whole-range trend, not a string of steps (change-points.ts). */
  steady: boolean;
}

/**
 * How much worse than the best split a split may fit and still be a possible date of the change:
 * the 95% point of χ² on 1 degree of freedom (a likelihood-ratio set for one position; approximate,
 * since a change point's position is not a regular parameter — Siegmund 1988).
 */
export const WINDOW_G2 = 3.841459;
/** An event further than this many periods from a change is not its nearest event. */
export const EVENT_REACH = 3;
/** The recent trend's window, as the trend view's list of shifts uses it. */
export const RECENT_PERIODS = 6;

const total = (c: CategoryCounts) => c.promoters + c.passives + c.detractors;

/**
 * The positions a change between two neighbouring levels may have: every split of the levels'
 * joint stretch (keeping two periods each side, as the search does) whose G² comes within
 * WINDOW_G2 of the best one. The found split is always among them.
 */
export function changeWindow(series: readonly CategoryCounts[], before: Level, after: Level, found: number): [number, number] {
  const from = before.from, to = after.to;
  const sum = stretchSums(series);
  const g2 = (t: number) => gSquared([sum(from, t), sum(t + 1, to)]);
  let best = -Infinity;
  const values: Array<[number, number]> = [];
  for (let t = from + 1; t <= to - 2; t++) {
    const g = g2(t);
    values.push([t, g]);
    best = Math.max(best, g);
  }
  let first = found, last = found;
  for (const [t, g] of values) {
    if (g < best - WINDOW_G2) continue;
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  return [first, last];
}

/**
 * The event closest to the periods [start, end] (period indices) where a change may have begun,
 * `best` being the period the best split gives: fewest periods from [start, end] first; on a tie
 * an event before or within them (a cause comes before its effect), then the one nearer to
 * `best`, then the fewer days from it, then the earlier. None further than `reach` periods.
 */
export function nearestEvent(events: readonly StoryEvent[], window: [number, number], best: number, options: PeriodOptions, reach = EVENT_REACH): NearestEvent | null {
  const [start, end] = window;
  const bestDay = periodRange(best, options).from;
  let chosen: Candidate | null = null;
  for (const event of events) {
    const day = isoToDay(event.date);
    if (Number.isNaN(day)) continue;
    const index = periodIndexOf(day, options);
    const offset = index < start ? index - start : index > end ? index - end : 0;
    if (Math.abs(offset) > reach) continue;
    const candidate: Candidate = { event: { date: event.date, label: event.label, kind: event.kind, offset }, fromBest: Math.abs(index - best), days: Math.abs(day - bestDay) };
    if (!chosen || closer(candidate, chosen)) chosen = candidate;
  }
  return chosen?.event ?? null;
}

/** The events whose period lies in [start, end], in date order. */
export function eventsWithin(events: readonly StoryEvent[], start: number, end: number, options: PeriodOptions): StoryEvent[] {
  return events
    .filter((e) => {
      const day = isoToDay(e.date);
      if (Number.isNaN(day)) return false;
      const index = periodIndexOf(day, options);
      return index >= start && index <= end;
    })
    .map(({ date, label, kind }) => ({ date, label, kind }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

interface Candidate {
  event: NearestEvent;
  /** Periods and days from the first period of the best split's new level. */
  fromBest: number;
  days: number;
}

function closer(a: Candidate, b: Candidate): boolean {
  const [x, y] = [Math.abs(a.event.offset), Math.abs(b.event.offset)];
  if (x !== y) return x < y;
  const [aBefore, bBefore] = [a.event.offset <= 0, b.event.offset <= 0];
  if (aBefore !== bBefore) return aBefore;
  if (a.fromBest !== b.fromBest) return a.fromBest < b.fromBest;
  if (a.days !== b.days) return a.days < b.days;
  return a.event.date < b.event.date;
}

/** The story of a series of periods (see the module's comment). */
export function tellStory(series: readonly StoryPeriod[], options: PeriodOptions, events: readonly StoryEvent[] = [], minN = 30): Story {
  if (series.length === 0) return { levels: [], changes: [], trend: null, recent: null, steady: false };
  const story = seriesStory(series);
  const levels: StoryLevel[] = story.levels.map((l) => ({ ...l, fromPeriod: series[l.from].period, toPeriod: series[l.to].period, n: total(l.counts) }));
  const changes: StoryChange[] = story.changes.map((change, k) => {
    const [first, last] = changeWindow(series, levels[k], levels[k + 1], change.after);
    // The new level began in the period after the last of the earlier level: with periods
    // missing in between, any of those could be it.
    const start = series[first].index + 1, end = series[last + 1].index;
    const nearest = nearestEvent(events, [start, end], series[change.after + 1].index, options);
    return {
      ...change,
      afterPeriod: series[change.after].period,
      startPeriod: series[change.after + 1].period,
      window: [periodLabel(start, options), periodLabel(end, options)],
      n: [levels[k].n, levels[k + 1].n],
      nearestEvent: nearest,
      otherEvents: eventsWithin(events, start, end, options).filter((e) => !nearest || e.date !== nearest.date || e.label !== nearest.label),
    };
  });
  const recent = series.filter((c) => total(c) >= minN).slice(-RECENT_PERIODS);
  const starts = changes.map((c) => c.after + 1);
  const stepped = (trend: Omit<StoryTrend, 'stepped'> | null): StoryTrend | null => {
    if (!trend) return null;
    const [first, last] = [series.findIndex((p) => p.period === trend.fromPeriod), series.findIndex((p) => p.period === trend.toPeriod)];
    return { ...trend, stepped: starts.some((s) => s > first && s <= last) };
  };
  return { levels, changes, trend: stepped(drawnTrend(series, story.trend)), recent: stepped(drawnTrend(recent, trendOf(recent))), steady: story.steady };
}

/** The trend of these periods with its span and Sen's line (see StoryTrend); null without one. */
function drawnTrend(series: readonly StoryPeriod[], trend: Trend | null): Omit<StoryTrend, 'stepped'> | null {
  const used = series.filter((c) => total(c) > 0);
  if (!trend || used.length === 0) return null;
  const values = used.map((c) => (100 * (c.promoters - c.detractors)) / total(c));
  const intercept = median(values.map((v, i) => v - trend.slope * i));
  return { ...trend, fromPeriod: used[0].period, toPeriod: used[used.length - 1].period, start: intercept, end: intercept + trend.slope * (values.length - 1) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
