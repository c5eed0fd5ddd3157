/**
 * The `nps-lines/report@1` report from the warehouse's count tables (counts.ts): the same
 * statistics functions engine/report.ts calls, given counts instead of answers, the fields in
 * the same order — so that `--engine duckdb` prints the JSON the page downloads.
 */
import { adjustedWaldInterval, countsFromDistribution, summarise, type CategoryCounts } from '../engine/nps';
import { periodLabel, periodRange, type PeriodSummary } from '../engine/periods';
import { dayToIso } from '../engine/days';
import { twoSampleTest } from '../engine/significance';
import { differenceInterval, minimumDetectableDifference } from '../engine/power';
import { ALPHA, benjaminiHochberg, omnibusTest } from '../engine/many-tests';
import { stuartMaxwell } from '../engine/stuart-maxwell';
import { detectShifts } from '../engine/shifts';
import { tellStory } from '../engine/story';
import { latestOf, type Cadence, type StoryPeriod as OverviewPeriod } from '../engine/overview-story';
import type { Rejection } from '../engine/dataset';
import type { TopicTally } from '../engine/text/tag';
import { reportTopics } from '../engine/text/tag';
import type { Topic } from '../engine/text/dictionary';
import { latestFigures, REPORT_SCHEMA, type PeriodReport, type Report, type SegmentReport, type TopicPeriodReport, type TransitionReport } from '../engine/report';
import { clusteredFromSums, sideEffect, squaresAbout, type CustomerSums, type LooseSums } from './design-effects';

/** One value of a segment column, as counts.ts segmentValues returns it. */
export interface SegmentValueCounts extends CategoryCounts, LooseSums {
  value: string;
  /** Customers who answered with this value, and their sums within it (ss = Σs², sn = Σs·n, nn = Σn²). */
  customers: number;
  ss: number;
  sn: number;
  nn: number;
  /** Customers all of whose answers have this value. */
  onlyHere: number;
  /** Σt², Σt·m, Σm² of the rest minus those of all customers. */
  dTt: number;
  dTm: number;
  dMm: number;
}

/** Mentions of each topic (dictionary order): overall and per month (months since 1970-01). */
export interface TopicCounts {
  totals: TopicTally[];
  byMonth: Map<number, Array<{ mentions: number; positive: number; negative: number }>>;
}

export interface WarehouseCounts {
  distribution: number[];
  customers: number;
  firstDay: number | null;
  lastDay: number | null;
  /** Dated answers per month and category (0 detractor, 1 passive, 2 promoter). */
  months: Array<{ month: number; cat: number; n: number }>;
  clusters: CustomerSums & LooseSums;
  segments: Array<{ name: string; values: SegmentValueCounts[] }>;
  /** Waves in order, with the customers who answered each. */
  waves: Array<{ label: string; customers: number }>;
  /** Customers per (wave w, its category, category in wave w + 1). */
  transitions: Array<{ w: number; fromCat: number; toCat: number; n: number }>;
  rejected: Array<{ file: number; row: number; rejection: Rejection }>;
  topics: TopicCounts;
  /** The overview's line (counts.ts periodSums) at the data's cadence; null without dates or waves. */
  line: { cadence: Cadence; periods: PeriodSums[] } | null;
}

/** One period of the overview's line: counts.ts periodSums's row (g: wave index, or month or quarter index). */
export interface PeriodSums extends CategoryCounts, CustomerSums, LooseSums {
  g: number;
  /** The wave's label (waves only). */
  label?: string;
  firstDay: number | null;
  lastDay: number | null;
}

export interface WarehouseReportContext {
  name: string;
  files: string[];
  identity: 'account' | 'respondent' | null;
  describe: (rejection: Rejection) => string;
  topics: Topic[];
  lang: 'ja' | 'en';
}

const figures = ({ n, promoters, passives, detractors, nps, ci95 }: PeriodSummary | ReturnType<typeof summarise>) => ({ n, promoters, passives, detractors, nps, ci95 });

/** The period series (engine/periods.ts npsByPeriod): periods with answers, in time order. */
function series(months: WarehouseCounts['months'], kind: 'month' | 'quarter'): PeriodSummary[] {
  const byPeriod = new Map<number, number[]>();
  for (const { month, cat, n } of months) {
    const index = kind === 'month' ? month : Math.floor(month / 3);
    const counts = byPeriod.get(index) ?? [0, 0, 0];
    counts[cat] += n;
    byPeriod.set(index, counts);
  }
  return [...byPeriod.keys()].sort((a, b) => a - b).map((index) => {
    const [detractors, passives, promoters] = byPeriod.get(index)!;
    const range = periodRange(index, { kind });
    return { index, period: periodLabel(index, { kind }), from: dayToIso(range.from), to: dayToIso(range.to), ...summarise({ promoters, passives, detractors }) };
  });
}

/** engine/segments.ts compareSegmentValues, from the value counts (code order) and their sums. */
function segmentReport(values: readonly SegmentValueCounts[], all: CustomerSums & LooseSums, overallEffect: number) {
  const total = values.reduce((t, v) => ({ promoters: t.promoters + v.promoters, passives: t.passives + v.passives, detractors: t.detractors + v.detractors }), { promoters: 0, passives: 0, detractors: 0 });
  const shrink = (c: CategoryCounts, by: number): CategoryCounts => ({ promoters: c.promoters / by, passives: c.passives / by, detractors: c.detractors / by });
  const npsOf = (c: CategoryCounts) => {
    const n = c.promoters + c.passives + c.detractors;
    return n ? (c.promoters - c.detractors) / n : 0;
  };
  const rows = values.map((v) => {
    const mine = { promoters: v.promoters, passives: v.passives, detractors: v.detractors };
    const rest = { promoters: total.promoters - v.promoters, passives: total.passives - v.passives, detractors: total.detractors - v.detractors };
    const a = npsOf(mine), r = npsOf(rest);
    const own = squaresAbout(a, { customers: v.customers, tt: v.ss, tm: v.sn, mm: v.nn }, v);
    const restLoose = { loose: all.loose - v.loose, looseX: all.looseX - v.looseX, looseX2: all.looseX2 - v.looseX2 };
    const restSums = { customers: all.customers - v.onlyHere, tt: all.tt + v.dTt, tm: all.tm + v.dTm, mm: all.mm + v.dMm };
    const groupEffect = sideEffect(mine.detractors, mine.passives, mine.promoters, v.customers + v.loose, own);
    const restEffect = sideEffect(rest.detractors, rest.passives, rest.promoters, restSums.customers + restLoose.loose, squaresAbout(r, restSums, restLoose));
    const x = shrink(mine, groupEffect), y = shrink(rest, restEffect);
    return { value: v.value, ...summarise(mine), vsRest: twoSampleTest(x, y), differenceCi95: differenceInterval(x, y), mdd: minimumDetectableDifference(x, y), designEffect: groupEffect };
  });
  // Rao–Scott's first-order correction: the table's counts over the overall design effect.
  const omnibus = omnibusTest(rows.map((r) => shrink(r, overallEffect)));
  const tested = rows.filter((r) => r.vsRest);
  const qs = benjaminiHochberg(tested.map((r) => r.vsRest!.p));
  const qOf = new Map(tested.map((r, i) => [r, qs[i]]));
  const columnDiffers = omnibus !== null && omnibus.p < ALPHA;
  const full = rows.map((r): SegmentReport => {
    const q = qOf.get(r) ?? null;
    return {
      value: r.value, n: r.n, promoters: r.promoters, passives: r.passives, detractors: r.detractors, nps: r.nps, ci95: r.ci95,
      differenceFromRest: r.vsRest?.difference ?? null, differenceCi95: r.differenceCi95, p: r.vsRest?.p ?? null, q, mdd: r.mdd,
      designEffect: r.designEffect, differs: columnDiffers && q !== null && q < ALPHA,
    };
  });
  return { rows: full.sort((a, b) => (b.nps ?? -Infinity) - (a.nps ?? -Infinity)), omnibus };
}

/** One transition per consecutive pair of waves (engine/transitions.ts transitionOf). */
function transitionsReport(waves: WarehouseCounts['waves'], pairs: WarehouseCounts['transitions']): TransitionReport[] {
  return waves.slice(1).map((to, k) => {
    const counts = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    for (const p of pairs) if (p.w === k) counts[p.fromCat][p.toCat] += p.n;
    const paired = counts.flat().reduce((s, n) => s + n, 0);
    const row = (i: number) => ({ detractor: counts[i][0], passive: counts[i][1], promoter: counts[i][2] });
    return {
      from: waves[k].label, to: to.label, paired, onlyFrom: waves[k].customers - paired, onlyTo: to.customers - paired,
      matrix: { detractor: row(0), passive: row(1), promoter: row(2) }, stuartMaxwell: stuartMaxwell(counts),
    };
  });
}

/** Topics with their counts overall and per month and quarter with answers (engine/report.ts topicsReport). */
function topicsReport(topics: TopicCounts, months: readonly PeriodSummary[], quarters: readonly PeriodSummary[], dictionary: Topic[], lang: 'ja' | 'en') {
  const cell = (t: number, period: string, monthList: number[]): TopicPeriodReport => {
    const sum = { period, mentions: 0, positive: 0, negative: 0 };
    for (const m of monthList) {
      const c = topics.byMonth.get(m)?.[t];
      if (!c) continue;
      sum.mentions += c.mentions;
      sum.positive += c.positive;
      sum.negative += c.negative;
    }
    return sum;
  };
  return reportTopics(topics.totals, dictionary, lang).map((topic, t) => ({
    ...topic,
    byPeriod: {
      month: months.map((m) => cell(t, m.period, [m.index])),
      quarter: quarters.map((q) => cell(t, q.period, [3 * q.index, 3 * q.index + 1, 3 * q.index + 2])),
    },
  }));
}

/**
 * The report's `latest` (engine/report.ts latestReport): the overview's line made from the
 * periods' counts and sums, then overview-story.ts latestOf as the TypeScript engine runs it.
 */
function latestReport(line: WarehouseCounts['line']) {
  if (!line || line.periods.length === 0) return null;
  const series: OverviewPeriod[] = line.periods.map((p) => {
    const counts = { promoters: p.promoters, passives: p.passives, detractors: p.detractors };
    const summary = summarise(counts);
    const n = summary.n;
    const by = sideEffect(p.detractors, p.passives, p.promoters, p.customers + p.loose, squaresAbout(n ? (p.promoters - p.detractors) / n : 0, p, p));
    const calendar = line.cadence === 'wave' ? null : { kind: line.cadence } as const;
    const range = calendar ? periodRange(p.g, calendar) : null;
    return {
      period: calendar ? periodLabel(p.g, calendar) : p.label!,
      from: range ? dayToIso(range.from) : p.firstDay === null ? null : dayToIso(p.firstDay),
      to: range ? dayToIso(range.to) : p.lastDay === null ? null : dayToIso(p.lastDay),
      ...summary,
      ci95: by === 1 ? summary.ci95 : adjustedWaldInterval({ promoters: p.promoters / by, passives: p.passives / by, detractors: p.detractors / by }),
      designEffect: by,
    };
  });
  return latestFigures(line.cadence, series, latestOf(series));
}

export function warehouseReport(counts: WarehouseCounts, context: WarehouseReportContext): Report {
  const overall = summarise(countsFromDistribution(counts.distribution));
  const clustered = context.identity ? clusteredFromSums(overall, counts.clusters, counts.clusters) : null;
  const months = series(counts.months, 'month');
  const quarters = series(counts.months, 'quarter');
  const story = tellStory(months, { kind: 'month' });
  const segments = counts.segments.map(({ name, values }) => ({ name, comparison: segmentReport(values, counts.clusters, clustered?.designEffect ?? 1) }));
  const rejectedRows = counts.rejected.map((r) => ({ file: context.files[r.file] ?? '', row: r.row, reason: context.describe(r.rejection) }));
  return {
    schema: REPORT_SCHEMA,
    dataset: {
      name: context.name,
      files: context.files,
      responses: overall.n,
      rejected: rejectedRows.length,
      customers: context.identity ? counts.customers : null,
      from: counts.firstDay === null ? null : dayToIso(counts.firstDay),
      to: counts.lastDay === null ? null : dayToIso(counts.lastDay),
    },
    rejectedRows,
    overall: { ...figures(overall), designEffect: clustered?.designEffect ?? 1, ci95Customers: clustered?.ci95 ?? overall.ci95 },
    distribution: counts.distribution,
    latest: latestReport(counts.line),
    byPeriod: { month: months.map((p) => ({ period: p.period, ...figures(p) })), quarter: quarters.map((p) => ({ period: p.period, ...figures(p) })) } as { month: PeriodReport[]; quarter: PeriodReport[] },
    bySegment: Object.fromEntries(segments.map(({ name, comparison }) => [name, comparison.rows])),
    segmentTests: Object.fromEntries(segments.map(({ name, comparison }) => [name, comparison.omnibus])),
    events: [],
    topics: topicsReport(counts.topics, months, quarters, context.topics, context.lang),
    transitions: transitionsReport(counts.waves, counts.transitions),
    shifts: detectShifts(months).map((s) => ({ kind: s.kind, from: s.from, to: s.to, direction: s.direction, difference: s.difference, p: s.p, q: s.q, n: s.n, sentence: s.sentence.en })),
    // The story of the monthly series from the same month counts (engine/report.ts); the command
    // line has no events, so no change has a nearest event.
    changes: story.changes.map((c) => ({ after: c.afterPeriod, window: c.window, direction: c.direction, from: c.from, to: c.to, g2: c.g2, p: c.p })),
    trend: story.trend ? { direction: story.trend.direction, p: story.trend.p, slope: story.trend.slope } : { direction: null, p: null, slope: null },
  };
}
