/**
 * The dataset's report in the `nps-lines/report@1` schema (docs/report-schema.md): the
 * same figures the overview shows, for people who check numbers or feed them to other tools.
 */
import type { AnswerTable, SegmentColumn } from './answers';
import type { NpsSummary } from './nps';
import { compareSegmentValues } from './segments';
import { detectShifts, type DetectedShift } from './shifts';
import { tellStory } from './story';
import { allTransitions, type Transition } from './transitions';
import { DEFAULT_TOPICS, type Topic } from './text/dictionary';
import { compileTopics } from './text/topics';
import { reportTopics, tagComments, type TopicTags } from './text/tag';
import { topicsByPeriod } from './text/by-period';

/**
 * Topics with their counts overall and per month and quarter. Tags made elsewhere (the page tags
 * in its text worker) are used when given, so a million comments are not read on the main thread.
 */
function topicsReport(input: ReportInput): TopicReport[] {
  const topics = input.topics ?? DEFAULT_TOPICS;
  const tags = input.tags && input.tags.length === input.table.length ? input.tags : tagComments(input.table, compileTopics(topics));
  const per = (kind: 'month' | 'quarter') => topicsByPeriod(input.table, tags, { kind }).byTopic;
  const [months, quarters] = [per('month'), per('quarter')];
  const cells = (list: ReturnType<typeof per>[number]) => list.map(({ period, mentions, positive, negative }) => ({ period, mentions, positive, negative }));
  return reportTopics(tags.totals, topics, input.lang ?? 'ja').map((topic, t) => ({
    ...topic,
    byPeriod: { month: cells(months[t]), quarter: cells(quarters[t]) },
  }));
}
import { computeOverview, type IdentityKind } from './overview';
import { npsByPeriod } from './periods';
import { overviewStory, type Cadence, type OverviewStory, type StoryPeriod as OverviewPeriod } from './overview-story';
import { DEFAULT_IMPACT_DAYS, eventImpact, impactWindows, type WindowNps } from './event-impact';
import type { DatasetRecord, Rejection } from './dataset';
import { followUpKey, type FollowUpState, type FollowUpStatus } from './follow-ups';
import { outcomesReport, type ChurnReport, type ResponseReport, type RevenueReport } from './outcomes-report';

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
  /** Segment dictionaries, for `bySegment`. */
  segmentColumns?: SegmentColumn[];
  /** The dataset's company events, passed through. */
  events?: ReportEvent[];
  /** The topic dictionary in use (the default one when absent) and the language of its labels. */
  topics?: Topic[];
  /** The comments already tagged with `topics` (same answers, same order), if the caller has them. */
  tags?: TopicTags;
  lang?: 'ja' | 'en';
}

export interface ReportEvent {
  date: string;
  label: string;
  kind: string;
  segment?: string;
}

/** An event with the NPS around it (docs/methods.md §6.10), in the default windows. */
export interface ReportEventWithImpact extends ReportEvent {
  impact: EventImpactReport;
}

export interface EventImpactReport {
  /** Days each side (90): before is the days up to the day before the event, after from its day. */
  days: number;
  before: NpsFigures & { from: string; to: string };
  after: NpsFigures & { from: string; to: string };
  /** `paired`: customers who answered in both windows (at least 30); else the windows as independent samples. */
  method: 'paired' | 'independent';
  /** Customers who answered in both windows; null without an identity column. */
  paired: number | null;
  /** Points, after − before (the paired customers' mean change, or the raw difference); null when a window is empty. */
  difference: number | null;
  ci95: [number, number] | null;
  p: number | null;
}

/** The latest complete period of the data's own cadence against the one before (docs/methods.md §6.9). */
export interface LatestReport {
  /** `wave`: the wave column's waves; else calendar `month` or `quarter`. */
  cadence: Cadence;
  period: string;
  n: number;
  nps: number | null;
  /** Customers answering more than once in the period count as customers (1: none did). */
  ci95: [number, number] | null;
  designEffect: number;
  previous: { period: string; n: number; nps: number | null; ci95: [number, number] | null } | null;
  /** Points, latest − previous (raw); its interval and p from the adjusted two-sample test. */
  difference: number | null;
  differenceCi95: [number, number] | null;
  p: number | null;
  /** The smallest change the two periods could have detected (80% power), points. */
  mdd: number | null;
  /** A last period left out as still filling (under half a typical period's answers). */
  inProgress: { period: string; n: number } | null;
}

/** The figures every NPS in the report carries. */
export type NpsFigures = Pick<NpsSummary, 'n' | 'promoters' | 'passives' | 'detractors' | 'nps' | 'ci95'>;

/** One value of a segment column: NPS and the test against all other answers. */
export interface SegmentReport extends NpsFigures {
  value: string;
  /** Points; this value's adjusted NPS minus the rest's; null when either side is empty. */
  differenceFromRest: number | null;
  /** 95% interval of that difference. */
  differenceCi95: [number, number] | null;
  p: number | null;
  /** Benjamini–Hochberg q among the column's values. */
  q: number | null;
  /** The smallest difference the comparison could have detected (80% power), points. */
  mdd: number | null;
  /** Customers answering more than once within this value: 1 without repeats. */
  designEffect: number;
  /** Called higher or lower: q < 0.05 and the column's omnibus test rejects. */
  differs: boolean;
}

/** A change the trend view marks, found on the monthly series (see shifts.ts). */
export type ShiftReport = Omit<DetectedShift, 'sentence'> & { sentence: string };

/** A change of level in the monthly series (story.ts, docs/methods.md §6.8). */
export interface ChangeReport {
  /** The last month of the earlier level. */
  after: string;
  /** The first and last month in which the new level may have started. */
  window: [string, string];
  direction: 'up' | 'down';
  /** NPS of the levels before and after, points. */
  from: number;
  to: number;
  g2: number;
  /** Bonferroni-adjusted p of the split. */
  p: number;
  /** The company event nearest to the window (offset in months, 0 within it); absent when none is within 3 months. */
  nearestEvent?: { date: string; label: string; kind: string; offset: number };
}

/** Mann–Kendall and Sen's slope over the whole monthly series; nulls with fewer than 3 months. */
export interface TrendReport {
  direction: 'up' | 'down' | null;
  p: number | null;
  /** Points a month. */
  slope: number | null;
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
  overall: NpsFigures & {
    /** 1 when no customer answered more than once (or none is known). */
    designEffect: number;
    /** The interval counting customers as customers (docs/methods.md §11); `ci95` counts answers. */
    ci95Customers: [number, number] | null;
  };
  /** The latest complete period and its change; null without dates or waves. */
  latest: LatestReport | null;
  distribution: number[];
  /** NPS per calendar month and quarter of the date as written (only periods with answers). */
  byPeriod: { month: PeriodReport[]; quarter: PeriodReport[] };
  /** Segment column name → its values, best NPS first. */
  bySegment: Record<string, SegmentReport[]>;
  /** Segment column name → do its values differ at all (χ² of values × categories)? */
  segmentTests: Record<string, { chi2: number; df: number; p: number } | null>;
  /** With `impact` when the dataset has events (the command line has none). */
  events: Array<ReportEvent | ReportEventWithImpact>;
  /** Significant changes between consecutive months and a sustained trend over the last months. */
  shifts: ShiftReport[];
  /** Changes of level in the monthly series ([] when nothing changed). */
  changes: ChangeReport[];
  /** The trend of the whole monthly series. */
  trend: TrendReport;
  /** One entry per consecutive pair of waves (wave column, else calendar quarters). */
  transitions: TransitionReport[];
  /** Mentions per topic of the default dictionary (or the dictionary given), with polarity. */
  topics: TopicReport[];
  /** Follow-up statuses recorded for this dataset's answers (only where states were given). */
  followUps?: Record<FollowUpStatus, number>;
  /** Churn per NPS category of accounts, when churn is known (a column or an outcomes file). */
  churn?: ChurnReport;
  /** Revenue per NPS category and at risk, when revenue is known. */
  revenue?: RevenueReport;
  /** Response rate per wave, when the invited accounts are known. */
  responses?: ResponseReport[];
}

export interface TopicPeriodReport {
  period: string;
  mentions: number;
  positive: number;
  negative: number;
}

export interface TopicReport {
  id: string;
  label: string;
  mentions: number;
  positive: number;
  negative: number;
  /** The same counts per calendar month and quarter (periods with dated answers). */
  byPeriod: { month: TopicPeriodReport[]; quarter: TopicPeriodReport[] };
}

export interface TransitionReport {
  from: string;
  to: string;
  paired: number;
  onlyFrom: number;
  onlyTo: number;
  matrix: Transition['matrix'];
  stuartMaxwell: { chi2: number; df: number; p: number } | null;
}

export interface PeriodReport extends NpsFigures {
  period: string;
}

function periodsOf(table: AnswerTable, kind: 'month' | 'quarter'): PeriodReport[] {
  return npsByPeriod(table, { kind }).map(({ period, n, promoters, passives, detractors, nps, ci95 }) => ({ period, n, promoters, passives, detractors, nps, ci95 }));
}

export function buildReport(input: ReportInput): Report {
  const o = computeOverview(input.table, input.identity);
  const segments = (input.segmentColumns ?? []).map((column, s) => ({ column, comparison: compareSegmentValues(input.table, column, input.table.segments[s]) }));
  const { n, promoters, passives, detractors, nps, ci95 } = o.overall;
  const months = npsByPeriod(input.table, { kind: 'month' });
  const story = tellStory(months, { kind: 'month' }, input.events ?? []);
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
    overall: { n, promoters, passives, detractors, nps, ci95, designEffect: o.clustered?.designEffect ?? 1, ci95Customers: o.clustered?.ci95 ?? ci95 },
    distribution: o.distribution,
    latest: latestReport(input.table),
    byPeriod: { month: periodsOf(input.table, 'month'), quarter: periodsOf(input.table, 'quarter') },
    bySegment: Object.fromEntries(segments.map(({ column, comparison }) => [
      column.name,
      comparison.rows.map((r) => ({
        value: r.value, n: r.n, promoters: r.promoters, passives: r.passives, detractors: r.detractors, nps: r.nps, ci95: r.ci95,
        differenceFromRest: r.vsRest?.difference ?? null, differenceCi95: r.differenceCi95, p: r.vsRest?.p ?? null, q: r.q, mdd: r.mdd,
        designEffect: r.designEffect, differs: r.differs,
      })),
    ])),
    segmentTests: Object.fromEntries(segments.map(({ column, comparison }) => [column.name, comparison.omnibus])),
    events: (input.events ?? []).map((e) => ({ ...e, impact: impactReport(input.table, e.date, input.identity !== null) })),
    topics: topicsReport(input),
    transitions: allTransitions(input.table).transitions.map(({ from, to, paired, onlyFrom, onlyTo, matrix, stuartMaxwell }) => ({ from, to, paired, onlyFrom, onlyTo, matrix, stuartMaxwell })),
    shifts: detectShifts(months).map((s) => ({
      kind: s.kind, from: s.from, to: s.to, direction: s.direction, difference: s.difference, p: s.p, q: s.q, n: s.n, sentence: s.sentence.en,
    })),
    changes: story.changes.map((c) => ({
      after: c.afterPeriod, window: c.window, direction: c.direction, from: c.from, to: c.to, g2: c.g2, p: c.p,
      ...(c.nearestEvent ? { nearestEvent: c.nearestEvent } : {}),
    })),
    trend: story.trend ? { direction: story.trend.direction, p: story.trend.p, slope: story.trend.slope } : { direction: null, p: null, slope: null },
  };
}

function latestReport(table: AnswerTable): LatestReport | null {
  const story = overviewStory(table);
  return story ? latestFigures(story.cadence, story.series, story) : null;
}

/** The report's `latest` from a line and its latest period (overview-story.ts latestOf); shared with warehouse/report.ts. */
export function latestFigures(cadence: Cadence, series: readonly OverviewPeriod[], story: Pick<OverviewStory, 'latest' | 'inProgress' | 'change'>): LatestReport {
  const { period, n, nps, ci95, designEffect } = series[story.latest];
  const change = story.change;
  const previous = change ? { period: change.previous.period, n: change.previous.n, nps: change.previous.nps, ci95: change.previous.ci95 } : null;
  return {
    cadence, period, n, nps, ci95, designEffect, previous,
    difference: change?.difference ?? null, differenceCi95: change?.ci95 ?? null, p: change?.p ?? null, mdd: change?.mdd ?? null,
    inProgress: story.inProgress ? { period: story.inProgress.period, n: story.inProgress.n } : null,
  };
}

function impactReport(table: AnswerTable, date: string, customersKnown: boolean): EventImpactReport {
  const impact = eventImpact(table, date, { customersKnown });
  const windows = impactWindows(date, DEFAULT_IMPACT_DAYS);
  const figures = ({ n, promoters, passives, detractors, nps, ci95 }: WindowNps, side: 'before' | 'after') => ({ ...windows[side], n, promoters, passives, detractors, nps, ci95 });
  return {
    days: DEFAULT_IMPACT_DAYS,
    before: figures(impact.before, 'before'),
    after: figures(impact.after, 'after'),
    method: impact.method,
    paired: impact.paired,
    difference: impact.difference,
    ci95: impact.ci95,
    p: impact.p,
  };
}

/** What a report needs besides the dataset itself. */
export interface ReportContext {
  /** A rejected row's reason in the reader's language. */
  describe: (rejection: Rejection) => string;
  /** Stored follow-up states (by answer key); the report counts those of this dataset's answers. */
  followUps?: ReadonlyMap<string, FollowUpState>;
  events?: ReportEvent[];
  topics?: Topic[];
  tags?: TopicTags;
  lang?: 'ja' | 'en';
}

/**
 * The report of a stored dataset: the one way the page and the command line make it, so that
 * the same files give the same JSON wherever they are read.
 */
export function datasetReport(record: DatasetRecord, table: AnswerTable, context: ReportContext): Report {
  const report = buildReport({
    name: record.name,
    files: record.files.map((f) => f.name),
    identity: record.identity,
    table,
    rejectedRows: record.rejected.map((r) => ({ file: record.files[r.file]?.name ?? '', row: r.row, reason: context.describe(r.rejection) })),
    segmentColumns: record.segmentColumns,
    events: context.events ?? [],
    topics: context.topics,
    tags: context.tags,
    lang: context.lang,
  });
  Object.assign(report, outcomesReport(record, table));
  if (!context.followUps) return report;
  const counts: Record<FollowUpStatus, number> = { new: 0, contacted: 0, resolved: 0, wont: 0 };
  // Keys are strings made per answer: not made at all when nothing was ever recorded.
  for (let i = 0; context.followUps.size > 0 && i < table.length; i++) {
    const state = context.followUps.get(followUpKey(table, i));
    if (state) counts[state.status]++;
  }
  return { ...report, followUps: counts };
}
