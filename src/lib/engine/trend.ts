/**
 * The trend view's figures: NPS per period (week, month, quarter or fiscal year) over the answers
 * the filter keeps, with each period's interval and category counts, and what the series tells
 * (docs/methods.md §6): its levels and the changes between them tied to the company's events, the
 * trends over the whole series and its last periods, the steps between neighbouring periods, an
 * early warning and where the line is heading.
 */
import type { AnswerTable } from './answers';
import { allDayRange, npsByPeriod, periodSlots, type PeriodOptions, type PeriodSummary } from './periods';
import { NO_DAY } from './answers';
import { groupDesignEffects as designEffectsOfGroups } from './clustered';
import { adjustedWaldInterval } from './nps';
import { detectShifts, type DetectedShift } from './shifts';
import { oneVoicePerCustomer } from './one-voice';
import { tellStory, type Story, type StoryChange, type StoryEvent, type StoryLevel } from './story';
import { changesByGroup } from './segment-moves';
import { twoSampleTest } from './significance';
import { earlyWarning, type EarlyWarning } from './early-warning';
import { projectSeries, type Projection } from './projection';

export interface TrendLevel extends StoryLevel {
  /** The level's interval, counting a customer who answered in several of its periods once (§11). */
  ci95: [number, number] | null;
  designEffect: number;
}

export interface TrendChange extends StoryChange {
  /**
   * The change's variance with customers as clusters on both sides, against answers counted as
   * independent (which the G² assumes): about 1 when repeated answers within a level and the same
   * customers on both sides offset each other; well above 1 means the G²'s p is too small.
   */
  designEffect: number;
  /** The period indices of the level before and the level after, for segmentMoves. */
  spans: { before: [number, number]; after: [number, number]; direction: 'up' | 'down' };
}

export interface TrendView {
  /**
   * One entry per period with answers, in time order (categories give the shares chart); its
   * interval counts customers who answered more than once in the period as customers.
   */
  series: Array<PeriodSummary & { designEffect: number }>;
  /** Steps between adjacent periods (Benjamini–Hochberg) and a steady trend at the end, each with its test. */
  shifts: DetectedShift[];
  /** Levels, changes tied to events, the whole-range and recent trends. */
  story: Omit<Story, 'levels' | 'changes'> & { levels: TrendLevel[]; changes: TrendChange[] };
  /** Are the last periods drifting below the current level? Null when that level is too new. */
  warning: EarlyWarning | null;
  /** The next two periods (null with fewer than eight periods). */
  projection: Projection | null;
  /** The answers these figures count (the filter's, or one voice per customer per period). */
  counted: Uint8Array | undefined;
}

/**
 * `minN`: periods with fewer answers are too thin to test (and drawn hollow); they stay in the
 * levels. `events`: the company's events as plain data.
 */
export function trendView(table: AnswerTable, options: PeriodOptions, include: Uint8Array | undefined, minN: number, oneVoice = false, events: readonly StoryEvent[] = []): TrendView {
  // One voice per customer on a time line: each customer's latest answer of each period.
  const counted = oneVoice ? oneVoicePerCustomer(table, include, options) : include;
  const plain = npsByPeriod(table, options, counted);
  const effects = periodDesignEffects(table, options, plain, counted);
  const series = plain.map((s, k) => {
    const by = effects[k];
    if (by === 1) return { ...s, designEffect: 1 };
    return { ...s, designEffect: by, ci95: adjustedWaldInterval({ promoters: s.promoters / by, passives: s.passives / by, detractors: s.detractors / by }) };
  });
  const told = tellStory(series, options, events, minN);
  const levelEffects = groupDesignEffects(table, options, series, told.levels.map((l) => [l.from, l.to]), counted);
  const levels = told.levels.map((l, k): TrendLevel => {
    const by = levelEffects[k];
    return { ...l, designEffect: by, ci95: adjustedWaldInterval({ promoters: l.counts.promoters / by, passives: l.counts.passives / by, detractors: l.counts.detractors / by }) };
  });
  const changes = told.changes.map((c, k): TrendChange => {
    const spans = { before: [series[levels[k].from].index, series[levels[k].to].index] as [number, number], after: [series[levels[k + 1].from].index, series[levels[k + 1].to].index] as [number, number] };
    const [clustered] = changesByGroup(table, new Uint8Array(table.length), 1, options, spans, counted);
    const independent = twoSampleTest(levels[k + 1].counts, levels[k].counts, false);
    const designEffect = clustered?.se && independent?.se ? (clustered.se / independent.se) ** 2 : 1;
    return { ...c, designEffect, spans: { ...spans, direction: c.direction } };
  });
  return {
    series,
    shifts: detectShifts(series, { minN, designEffects: effects }),
    story: { ...told, levels, changes },
    warning: levels.length ? earlyWarning(series, levels[levels.length - 1].from) : null,
    projection: projectSeries(series, options),
    counted,
  };
}

/** Each period's design effect: the same customer answering twice in a period counts once. */
function periodDesignEffects(table: AnswerTable, options: PeriodOptions, series: readonly PeriodSummary[], include?: Uint8Array): number[] {
  return groupDesignEffects(table, options, series, series.map((_, k) => [k, k]), include);
}

/** The design effect of each group of consecutive periods, given as [first, last] series places. */
function groupDesignEffects(table: AnswerTable, options: PeriodOptions, series: readonly PeriodSummary[], groups: ReadonlyArray<readonly [number, number]>, include?: Uint8Array): number[] {
  const range = allDayRange(table);
  if (!range || series.length === 0) return groups.map(() => 1);
  const slots = periodSlots(range.minDay, range.maxDay, options);
  // Group of each period slot; answers of no listed period (undated) in none (−1).
  const groupOfSlot = new Map<number, number>();
  groups.forEach(([from, to], g) => {
    for (let k = from; k <= to; k++) groupOfSlot.set(series[k].index - slots.first, g);
  });
  const groupOf = new Int32Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i];
    groupOf[i] = d === NO_DAY ? -1 : (groupOfSlot.get(slots.slot(d)) ?? -1);
  }
  // Each group on its own, from typed arrays (clustered.ts): the map keyed by group and customer
  // took ~80 ms of each Trend view at a million answers.
  return Array.from(designEffectsOfGroups(table.score, table.customer, groupOf, groups.length, include));
}
