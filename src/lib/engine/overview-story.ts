/**
 * The overview's story (docs/methods.md §6.9): the answer to "what is our NPS, and is it moving?".
 *
 * The line is drawn at the data's own cadence — its waves when it has a wave column, else months
 * when a typical month has enough answers for a useful interval, else quarters. The headline is
 * the latest complete period with its interval and its change from the period before (the
 * difference's interval, p, and the change those two periods could have detected), and the
 * line's levels and changes come from change-points.ts, each change tied to the company event
 * around it. These are the facts; i18n/story.ts words them.
 *
 * Each period counts customers as customers (docs/methods.md §11): its interval, its test and
 * the change-point search use its counts divided by its design effect, as the trend view does.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { seriesStory, type LevelChange, type SeriesStory } from './change-points';
import { groupDesignEffects } from './clustered';
import { dayToIso, isoToDay } from './days';
import { adjustedWaldInterval, CATEGORY_INDEX, countsOf, summarise, type CategoryCounts, type NpsSummary } from './nps';
import { oneVoicePerGroup } from './one-voice';
import { allDayRange, npsByPeriod, periodLabel, periodRange, periodSlots, type PeriodOptions } from './periods';
import { differenceInterval, minimumDetectableDifference } from './power';
import { gSquared } from './shifts';
import { twoSampleTest } from './significance';
import { assignWaves } from './transitions';
import { hasText } from './text-column';

export type Cadence = 'wave' | 'month' | 'quarter';

/** Months are the line's cadence when the typical (median) month has at least this many answers. */
export const MONTHLY_FROM = 100;
/**
 * The last period counts as complete when it has at least this share of a typical (median)
 * earlier period's answers; with fewer it is still filling, and the one before it is the latest.
 */
export const COMPLETE_SHARE = 0.5;

export interface StoryPeriod extends NpsSummary {
  period: string;
  /** The calendar period's first and last day; for a wave, its first and last dated answer (null: none). */
  from: string | null;
  to: string | null;
  /** Customers answering more than once in the period (1 without); `ci95` counts them as customers. */
  designEffect: number;
}

/** A company event as the story needs it (the dataset's events, or the report's). */
export interface StoryEvent {
  id?: string;
  date: string;
  label: string;
  kind: string;
  segment?: string;
}

export interface LatestChange {
  previous: StoryPeriod;
  /** Points, latest − previous, raw (what the line shows). */
  difference: number;
  /** 95% interval of the difference (adjusted two-sample form, customers as customers). */
  ci95: [number, number] | null;
  p: number;
  /** The smallest change the two periods could have shown four times in five (80% power), points. */
  mdd: number | null;
  significant: boolean;
}

export interface StoryChange extends LevelChange {
  /** The last period of the earlier level and the first period of the new one. */
  before: string;
  period: string;
  /**
   * The event dated from the start of `before` to the end of `period` whose date best splits the
   * two levels' answers (largest G²); null when no event falls there.
   */
  event: StoryEvent | null;
  /** Other events in that window (not named). */
  others: StoryEvent[];
}

export interface OverviewStory {
  cadence: Cadence;
  /** Every period with answers, in time order. */
  series: StoryPeriod[];
  /** Index in `series` of the latest complete period. */
  latest: number;
  /** The last period, left out as still filling (few answers so far); null when it counts. */
  inProgress: StoryPeriod | null;
  /** The latest period against the one before it; null when it is the first. */
  change: LatestChange | null;
  /** Levels, changes and trend of the whole line (change-points.ts). */
  story: SeriesStory;
  /** `story.changes`, each with its periods and the event around it. */
  changes: StoryChange[];
}

export interface OverviewStoryOptions {
  /** The answers kept (1 = keep; all when absent). */
  include?: Uint8Array;
  /** Each customer's latest answer per period only. */
  oneVoice?: boolean;
  events?: readonly StoryEvent[];
}

interface Grouping {
  cadence: Cadence;
  /** Period of each answer (0 … labels.length − 1), −1 for none (undated, or filtered out). */
  groupOf: Int32Array;
  labels: string[];
  /** Calendar bounds of each period (ISO), or null for waves (their answers' days are used). */
  bounds: Array<{ from: string; to: string }> | null;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const shrink = (c: CategoryCounts, by: number): CategoryCounts => ({ promoters: c.promoters / by, passives: c.passives / by, detractors: c.detractors / by });

/** The data's own cadence: waves, else months with ≥ MONTHLY_FROM answers in a typical month, else quarters. */
function groupingOf(table: AnswerTable, include?: Uint8Array): Grouping | null {
  if (hasText(table.wave)) {
    // Waves when the data has two or more, even when the filter keeps one (that wave is the line).
    const waves = assignWaves(table, { kind: 'column' }, include);
    const many = waves.labels.length >= 2 || (include !== undefined && waves.labels.length === 1 && assignWaves(table, { kind: 'column' }).labels.length >= 2);
    if (many) return { cadence: 'wave', groupOf: waves.waveOf, labels: waves.labels, bounds: null };
  }
  const months = npsByPeriod(table, { kind: 'month' }, include);
  if (months.length === 0) return null;
  const cadence = calendarCadence(months);
  const options: PeriodOptions = { kind: cadence };
  const range = allDayRange(table)!;
  const slots = periodSlots(range.minDay, range.maxDay, options);
  const groupOf = new Int32Array(table.length).fill(-1);
  const used = new Int32Array(slots.count).fill(-1);
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i];
    if (d === NO_DAY || (include && !include[i])) continue;
    const s = slots.slot(d);
    used[s] = 0;
    groupOf[i] = s;
  }
  // Periods without answers are no periods of the line: renumber the used ones 0, 1, 2…
  const labels: string[] = [], bounds: Array<{ from: string; to: string }> = [];
  for (let s = 0; s < slots.count; s++) {
    if (used[s] < 0) continue;
    used[s] = labels.length;
    labels.push(periodLabel(slots.first + s, options));
    const r = periodRange(slots.first + s, options);
    bounds.push({ from: dayToIso(r.from), to: dayToIso(r.to) });
  }
  for (let i = 0; i < table.length; i++) if (groupOf[i] >= 0) groupOf[i] = used[groupOf[i]];
  return { cadence, groupOf, labels, bounds };
}

/** Months when the typical (median) month has at least MONTHLY_FROM answers, else quarters. */
export function calendarCadence(months: ReadonlyArray<{ n: number }>): 'month' | 'quarter' {
  return median(months.map((m) => m.n)) >= MONTHLY_FROM ? 'month' : 'quarter';
}

/**
 * The latest complete period of a line (not empty) and its change from the one before: the
 * overview's figures from the periods' counts and design effects alone, so the command line's
 * DuckDB engine (warehouse/report.ts) gives them from counts made in SQL.
 */
export function latestOf(series: readonly StoryPeriod[]): { effective: CategoryCounts[]; latest: number; inProgress: StoryPeriod | null; change: LatestChange | null } {
  const effective = series.map((s) => shrink(s, s.designEffect));

  // The latest complete period: the last one, unless it has too few answers yet.
  let latest = series.length - 1;
  let inProgress: StoryPeriod | null = null;
  if (series.length >= 2 && series[latest].n < COMPLETE_SHARE * median(series.slice(0, -1).map((s) => s.n))) {
    inProgress = series[latest];
    latest--;
  }
  let change: LatestChange | null = null;
  if (latest >= 1) {
    const a = effective[latest], b = effective[latest - 1];
    const test = twoSampleTest(a, b, true)!;
    change = {
      previous: series[latest - 1],
      difference: series[latest].nps! - series[latest - 1].nps!,
      ci95: differenceInterval(a, b),
      p: test.p,
      mdd: minimumDetectableDifference(a, b),
      significant: test.p < 0.05,
    };
  }

  return { effective, latest, inProgress, change };
}

/** The overview's line and what it says (see the module's comment); null without dates or waves. */
export function overviewStory(table: AnswerTable, options: OverviewStoryOptions = {}): OverviewStory | null {
  const grouping = groupingOf(table, options.include);
  if (!grouping) return null;
  const { groupOf, labels } = grouping;
  const G = labels.length;
  const counted = options.oneVoice ? oneVoicePerGroup(table, groupOf, G, options.include) : options.include;
  // Per period: category counts, and the first and last dated answer (a wave's span).
  const counts = new Float64Array(3 * G);
  const first = new Float64Array(G).fill(Infinity), last = new Float64Array(G).fill(-Infinity);
  for (let i = 0; i < table.length; i++) {
    const g = groupOf[i];
    if (g < 0 || (counted && !counted[i])) continue;
    counts[3 * g + CATEGORY_INDEX[table.score[i]]]++;
    const d = table.day[i];
    if (d === NO_DAY) continue;
    if (d < first[g]) first[g] = d;
    if (d > last[g]) last[g] = d;
  }
  const effects = groupDesignEffects(table.score, table.customer, groupOf, G, counted);
  const series: StoryPeriod[] = [];
  for (let g = 0; g < G; g++) {
    const c = countsOf(counts, 3 * g);
    const summary = summarise(c);
    if (summary.n === 0) continue;
    const by = effects[g];
    series.push({
      period: labels[g],
      from: grouping.bounds ? grouping.bounds[g].from : Number.isFinite(first[g]) ? dayToIso(first[g]) : null,
      to: grouping.bounds ? grouping.bounds[g].to : Number.isFinite(last[g]) ? dayToIso(last[g]) : null,
      ...summary,
      ci95: by === 1 ? summary.ci95 : adjustedWaldInterval(shrink(c, by)),
      designEffect: by,
    });
  }
  if (series.length === 0) return null;
  const { effective, latest, inProgress, change } = latestOf(series);

  const story = seriesStory(effective);
  const changes = story.changes.map((c) => tieToEvent(table, c, story, series, groupOf, counted, options.events ?? []));
  return { cadence: grouping.cadence, series, latest, inProgress, change, story, changes };
}

/**
 * The change with the event around it: the events dated from the first day of the earlier
 * level's last period to the last day of the new level's first period. When several are, the one
 * whose date best splits the answers of the two levels (largest G² of before / from that day ×
 * categories) is named: the data says which date the change is nearer to.
 */
function tieToEvent(table: AnswerTable, change: LevelChange, story: SeriesStory, series: readonly StoryPeriod[], groupOf: Int32Array, counted: Uint8Array | undefined, events: readonly StoryEvent[]): StoryChange {
  const before = series[change.after], after = series[change.after + 1];
  const base = { ...change, before: before.period, period: after.period };
  if (!before.from || !after.to) return { ...base, event: null, others: [] };
  const start = isoToDay(before.from), end = isoToDay(after.to);
  const candidates = events.filter((e) => {
    const day = isoToDay(e.date);
    return day >= start && day <= end;
  }).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  if (candidates.length <= 1) return { ...base, event: candidates[0] ?? null, others: [] };
  const k = story.levels.findIndex((l) => l.to === change.after);
  const from = story.levels[k].from, to = story.levels[k + 1].to;
  const days = candidates.map((e) => isoToDay(e.date));
  const sides = days.map(() => [new Float64Array(3), new Float64Array(3)]);
  for (let i = 0; i < table.length; i++) {
    const g = groupOf[i], d = table.day[i];
    if (g < from || g > to || d === NO_DAY || (counted && !counted[i])) continue;
    const category = CATEGORY_INDEX[table.score[i]];
    for (let j = 0; j < days.length; j++) sides[j][d < days[j] ? 0 : 1][category]++;
  }
  const g2 = sides.map(([b, a]) => gSquared([countsOf(b, 0), countsOf(a, 0)]));
  // Strictly larger: on a tie (no answer between two dates) the earlier event is named.
  let best = 0;
  for (let j = 1; j < g2.length; j++) if (g2[j] > g2[best] + 1e-9) best = j;
  return { ...base, event: candidates[best], others: candidates.filter((_, j) => j !== best) };
}
