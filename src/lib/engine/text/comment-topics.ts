/**
 * The Comments view's topic figures, in one place: the tally of each topic (the summary), its
 * mentions per period (topics over time), per value of a segment column (who talks about what)
 * and per category of answer (what promoters, passives and detractors talk about), and what to
 * fix first (how often × how costly, fix-first.ts).
 *
 * Each figure is computed the first time it is asked for, then kept. At a million answers each
 * costs tens of milliseconds: the view shows its sections one task after another, and each
 * section's figure is then computed in its own task rather than all of them in the first one.
 * New tags or a new filter make a new view; a period or segment column chosen again is not
 * counted again.
 */
import type { AnswerTable, SegmentColumn } from '../answers';
import type { PeriodKind, PeriodOptions } from '../periods';
import { topicsByCategory, topicsByPeriod, topicsBySegment, type TopicPeriodCell, type TopicSegmentRow } from './by-period';
import { tallyTopics, type TopicTags, type TopicTally } from './tag';
import { fixFirst, type Feasibility, type TopicImpact } from './fix-first';

/** Rows of the topic × segment table: the largest values; the rest are counted, not listed. */
export const SEGMENT_ROWS = 30;

export interface TopicsOverTime {
  /** The periods that have answers, in time order, with their first and last day (ISO). */
  periods: Array<{ period: string; from: string; to: string }>;
  /** Per topic (bit order), one cell per period. */
  byTopic: TopicPeriodCell[][];
}

export interface TopicsBySegment {
  /** The values with a written comment, most comments first, at most SEGMENT_ROWS. */
  rows: TopicSegmentRow[];
  /** Values with a written comment beyond those rows. */
  more: number;
}

export interface CommentTopicsOptions {
  /** Which answers the view's filter keeps (all when absent). */
  include?: Uint8Array;
  /** The dataset's segment columns, parallel to `table.segments`. */
  segmentColumns?: readonly SegmentColumn[];
}

/** Weeks are too thin for comments: the comment views read months then. */
export function commentPeriodOptions(kind: PeriodKind, fiscalYearStartMonth?: number): PeriodOptions {
  return { kind: kind === 'week' ? 'month' : kind, fiscalYearStartMonth };
}

export class CommentTopicsView {
  readonly #table: AnswerTable;
  readonly #tags: TopicTags;
  readonly #include: Uint8Array | undefined;
  readonly #segmentColumns: readonly SegmentColumn[];
  #tally: TopicTally[] | null = null;
  #byCategory: Array<{ promoter: number; passive: number; detractor: number }> | null = null;
  readonly #overTime = new Map<string, TopicsOverTime>();
  readonly #bySegment = new Map<number, TopicsBySegment>();
  #fixFirst: { key: string; rows: TopicImpact[] } | null = null;

  constructor(table: AnswerTable, tags: TopicTags, options: CommentTopicsOptions = {}) {
    this.#table = table;
    this.#tags = tags;
    this.#include = options.include;
    this.#segmentColumns = options.segmentColumns ?? [];
  }

  /** Topic ids in bit order: the order of every per-topic list below. */
  get topicIds(): readonly string[] {
    return this.#tags.topicIds;
  }

  /** Answers with a written comment in the whole dataset (not 特になし / N/A). */
  get commented(): number {
    return this.#tags.commented;
  }

  /** Mentions of each topic, and how many positive and negative, over the filtered answers. */
  get tally(): TopicTally[] {
    return (this.#tally ??= tallyTopics(this.#tags, this.#include));
  }

  /** The largest positive or negative count of any topic (at least 1): the scale of the summary's bars. */
  get widest(): number {
    return Math.max(1, ...this.tally.map((x) => Math.max(x.positive, x.negative)));
  }

  /** Positive and negative mentions of each topic per period. */
  overTime(options: PeriodOptions): TopicsOverTime {
    const key = `${options.kind}:${options.fiscalYearStartMonth ?? 1}`;
    let figures = this.#overTime.get(key);
    if (!figures) {
      const { periods, ranges, byTopic } = topicsByPeriod(this.#table, this.#tags, options, this.#include);
      figures = { periods: periods.map((period, k) => ({ period, ...ranges[k] })), byTopic };
      this.#overTime.set(key, figures);
    }
    return figures;
  }

  /** Mentions of each topic per value of segment column `column` (its index). */
  bySegment(column: number): TopicsBySegment {
    let figures = this.#bySegment.get(column);
    if (!figures) {
      const values = this.#segmentColumns[column]?.values;
      const all = values ? topicsBySegment(this.#table, this.#tags, this.#table.segments[column], values, this.#include) : [];
      figures = { rows: all.slice(0, SEGMENT_ROWS), more: Math.max(0, all.length - SEGMENT_ROWS) };
      this.#bySegment.set(column, figures);
    }
    return figures;
  }

  /** Mentions of each topic among promoters, passives and detractors. */
  get byCategory(): Array<{ promoter: number; passive: number; detractor: number }> {
    return (this.#byCategory ??= topicsByCategory(this.#table, this.#tags, this.#include));
  }

  /** Every topic's frequency × cost among the filtered comments, most urgent first (fix-first.ts). */
  fixFirst(feasibility: Readonly<Record<string, Feasibility>> = {}): TopicImpact[] {
    const key = JSON.stringify(Object.entries(feasibility).sort());
    if (this.#fixFirst?.key !== key) this.#fixFirst = { key, rows: fixFirst(this.#table, this.#tags, this.#include, feasibility) };
    return this.#fixFirst.rows;
  }
}

/** The Comments view's topic figures over the answers `include` keeps (see CommentTopicsView). */
export function commentTopicsView(table: AnswerTable, tags: TopicTags, options: CommentTopicsOptions = {}): CommentTopicsView {
  return new CommentTopicsView(table, tags, options);
}
