/**
 * The trend view's figures: NPS per period (week, month, quarter or fiscal year) over the answers
 * the filter keeps, with each period's interval and category counts, and the changes found in
 * that series (docs/methods.md §6).
 */
import type { AnswerTable } from './answers';
import { npsByPeriod, type PeriodOptions, type PeriodSummary } from './periods';
import { detectShifts, type DetectedShift } from './shifts';
import { oneVoicePerCustomer } from './one-voice';

export interface TrendView {
  /** One entry per period with answers, in time order (categories give the shares chart). */
  series: PeriodSummary[];
  /** Steps between adjacent periods and a steady trend at the end, each with its test. */
  shifts: DetectedShift[];
}

/** `minN`: periods with fewer answers are too thin to test (and drawn hollow). */
export function trendView(table: AnswerTable, options: PeriodOptions, include: Uint8Array | undefined, minN: number, oneVoice = false): TrendView {
  // One voice per customer on a time line: each customer's latest answer of each period.
  const counted = oneVoice ? oneVoicePerCustomer(table, include, options) : include;
  const series = npsByPeriod(table, options, counted);
  return { series, shifts: detectShifts(series, { minN }) };
}
