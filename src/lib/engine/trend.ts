/**
 * The trend view's figures: NPS per period (week, month, quarter or fiscal year) over the answers
 * the filter keeps, with each period's interval and category counts, and the changes found in
 * that series (docs/methods.md §6).
 */
import type { AnswerTable } from './answers';
import { allDayRange, npsByPeriod, periodSlots, type PeriodOptions, type PeriodSummary } from './periods';
import { NO_DAY } from './answers';
import { designEffectsByGroup } from './clustered';
import { adjustedWaldInterval } from './nps';
import { detectShifts, type DetectedShift } from './shifts';
import { oneVoicePerCustomer } from './one-voice';

export interface TrendView {
  /**
   * One entry per period with answers, in time order (categories give the shares chart); its
   * interval counts customers who answered more than once in the period as customers.
   */
  series: Array<PeriodSummary & { designEffect: number }>;
  /** Steps between adjacent periods and a steady trend at the end, each with its test. */
  shifts: DetectedShift[];
}

/** `minN`: periods with fewer answers are too thin to test (and drawn hollow). */
export function trendView(table: AnswerTable, options: PeriodOptions, include: Uint8Array | undefined, minN: number, oneVoice = false): TrendView {
  // One voice per customer on a time line: each customer's latest answer of each period.
  const counted = oneVoice ? oneVoicePerCustomer(table, include, options) : include;
  const plain = npsByPeriod(table, options, counted);
  const effects = periodDesignEffects(table, options, plain, counted);
  const series = plain.map((s, k) => {
    const by = effects[k];
    if (by === 1) return { ...s, designEffect: 1 };
    return { ...s, designEffect: by, ci95: adjustedWaldInterval({ promoters: s.promoters / by, passives: s.passives / by, detractors: s.detractors / by }) };
  });
  return { series, shifts: detectShifts(series, { minN, designEffects: effects }) };
}

/** Each period's design effect: the same customer answering twice in a period counts once. */
function periodDesignEffects(table: AnswerTable, options: PeriodOptions, series: readonly PeriodSummary[], include?: Uint8Array): number[] {
  const range = allDayRange(table);
  if (!range || series.length === 0) return series.map(() => 1);
  const slots = periodSlots(range.minDay, range.maxDay, options);
  // Group = the period's place in the series; answers of no listed period (undated) in the last.
  const place = new Map(series.map((s, k) => [s.index - slots.first, k]));
  const groupOf = new Int32Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i];
    groupOf[i] = d === NO_DAY ? series.length : (place.get(slots.slot(d)) ?? series.length);
  }
  return Array.from(designEffectsByGroup(table.score, table.customer, groupOf, series.length + 1, include).group.subarray(0, series.length));
}
