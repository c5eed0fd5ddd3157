/**
 * Everything the HTML report shows, from the same engine functions the views call (overview,
 * trend, segments, transitions, comment topics, what to fix first), over the view's filter. The
 * report is then only written out (html-report.ts): no figure is computed twice or differently.
 *
 * Comments and customer ids are read only when the person asked for them, so a report without
 * them cannot carry them by mistake.
 */
import { NO_DAY, type AnswerTable, type SegmentColumn } from '../engine/answers';
import type { CompanyEvent } from '../engine/dataset';
import { computeOverview, type IdentityKind, type Overview } from '../engine/overview';
import { trendView, type TrendView } from '../engine/trend';
import { compareSegmentValues, type SegmentComparison } from '../engine/segments';
import { transitionsView, type TransitionsView } from '../engine/transitions-view';
import { commentTopicsView } from '../engine/text/comment-topics';
import { fixFirstLine, type Feasibility, type TopicImpact } from '../engine/text/fix-first';
import { topicQuotes } from '../engine/text/topic-quotes';
import type { TopicTags, TopicTally } from '../engine/text/tag';
import type { Topic } from '../engine/text/dictionary';
import { customerNames } from '../engine/customers';
import { dayToIso } from '../engine/days';
import { textAt } from '../engine/text-column';
import type { ViewQuery } from '../state/view-query';
import type { PeriodKind } from '../engine/periods';

export interface ReportChoices {
  /** Quote customers' comments (off by default: they may name people). */
  comments: boolean;
  /** Name customers (account or e-mail), in the watch-list and beside quotes (off by default). */
  customerIds: boolean;
}

export interface ReportSource {
  name: string;
  files: readonly string[];
  identity: IdentityKind;
  hasDates: boolean;
  table: AnswerTable;
  segmentColumns: readonly SegmentColumn[];
  query: ViewQuery;
  /** The filter's answers, and those a figure over the whole range counts (one voice per customer). */
  include?: Uint8Array;
  counted?: Uint8Array;
  events: readonly CompanyEvent[];
  /** Topic tags of these answers (null: comments not tagged, no topic sections). */
  tags: TopicTags | null;
  /** The dictionary in use: topic labels and the feasibility people set. */
  topics: readonly Topic[];
}

export interface Quote {
  date: string;
  score: number;
  comment: string;
  /** The customer's account or e-mail; '' unless customer ids were asked for. */
  customer: string;
}

export interface ReportFigures {
  name: string;
  files: readonly string[];
  query: ViewQuery;
  period: PeriodKind;
  /** Answers in the dataset, and kept by the filter (null: no filter). */
  total: number;
  kept: number | null;
  overview: Overview;
  trend: TrendView | null;
  /** The events within the trend's dates, in date order. */
  events: CompanyEvent[];
  segments: Array<{ name: string; comparison: SegmentComparison }>;
  transitions: TransitionsView | null;
  topics: { commented: number; tally: TopicTally[]; fixFirst: TopicImpact[]; line: number; labels: Record<string, string> } | null;
  /** Per topic to fix first (at most three), its newest negative comments; only when asked for. */
  quotes: Array<{ topicId: string; quotes: Quote[] }>;
  /** Customer names by code for the watch-list; only when asked for. */
  customers: string[] | null;
  choices: ReportChoices;
}

const QUOTED_TOPICS = 3;
const QUOTES_PER_TOPIC = 3;

export function reportFigures(source: ReportSource, choices: ReportChoices, lang: 'ja' | 'en'): ReportFigures {
  const { table, query, include } = source;
  const counted = source.counted ?? include;
  let kept: number | null = null;
  if (include) {
    kept = 0;
    for (let i = 0; i < include.length; i++) kept += include[i];
  }
  const options = { kind: query.period, fiscalYearStartMonth: query.fiscalYearStartMonth };
  const trend = source.hasDates ? trendView(table, options, include, query.minN, query.oneVoice && source.identity !== null, source.events) : null;
  const series = trend?.series ?? [];
  const first = series[0]?.from, last = series.at(-1)?.to;
  const events = first && last ? source.events.filter((e) => e.date >= first && e.date <= last).sort((a, b) => a.date.localeCompare(b.date)) : [];
  const segments = source.segmentColumns.map((column, k) => ({ name: column.name, comparison: compareSegmentValues(table, column, table.segments[k], counted) }));
  const transitions = source.identity ? transitionsView(table, { include, segmentColumns: source.segmentColumns, tags: source.tags }) : null;

  let topics: ReportFigures['topics'] = null;
  const quotes: ReportFigures['quotes'] = [];
  if (source.tags) {
    const view = commentTopicsView(table, source.tags, { include, segmentColumns: source.segmentColumns });
    const feasibility = Object.fromEntries(source.topics.flatMap((t) => (t.feasibility ? [[t.id, t.feasibility]] : []))) as Record<string, Feasibility>;
    const fixFirst = view.fixFirst(feasibility);
    const labels = Object.fromEntries(source.topics.map((t) => [t.id, t.label[lang] || t.label.en || t.label.ja || t.id]));
    topics = { commented: countWritten(source.tags, include), tally: view.tally, fixFirst, line: fixFirstLine(fixFirst), labels };
    if (choices.comments) {
      const names = choices.customerIds ? (source.identity === 'respondent' ? table.respondent : table.account) : null;
      for (const row of fixFirst.filter((r) => r.negative > 0).slice(0, QUOTED_TOPICS)) {
        const found = topicQuotes(table, source.tags, row.topicId, -1, QUOTES_PER_TOPIC, include);
        quotes.push({
          topicId: row.topicId,
          quotes: found.map((i) => ({
            date: table.day[i] === NO_DAY ? '' : dayToIso(table.day[i]),
            score: table.score[i],
            comment: textAt(table.comment, i),
            customer: names ? textAt(names, i) || textAt(table.account, i) || textAt(table.respondent, i) : '',
          })),
        });
      }
    }
  }

  return {
    name: source.name,
    files: source.files,
    query,
    period: query.period,
    total: table.length,
    kept,
    overview: computeOverview(table, source.identity, counted),
    trend,
    events,
    segments,
    transitions: transitions && transitions.labels.length >= 2 ? transitions : null,
    topics,
    quotes,
    customers: choices.customerIds && source.identity ? customerNames(table, source.identity) : null,
    choices,
  };
}

/** Written comments among the kept answers: the base of every topic share. */
function countWritten(tags: TopicTags, include?: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < tags.length; i++) if (tags.written[i] && (!include || include[i])) n++;
  return n;
}
