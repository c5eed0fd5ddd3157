/** Positive and negative mentions of each topic per period, per segment value and per category of answer. */
import type { AnswerTable } from '../answers';
import { NO_DAY } from '../answers';
import { dayToIso } from '../days';
import { allDayRange, periodLabel, periodRange, periodSlots, type PeriodOptions } from '../periods';
import type { TopicTags } from './tag';
import { categoryIndex, countsOf } from '../nps';

export interface TopicPeriodCell {
  period: string;
  /** Answers mentioning the topic (positive, negative or neutral). */
  mentions: number;
  positive: number;
  negative: number;
  /** Answers with a written comment in the period (not 特になし / N/A): mentions are read against it. */
  commented: number;
}

export interface TopicPeriods {
  /** Labels of the periods that have answers, in time order. */
  periods: string[];
  /** First and last day (ISO) of each period: where events fall, and the browser's period filter. */
  ranges: Array<{ from: string; to: string }>;
  byTopic: TopicPeriodCell[][];
}

export function topicsByPeriod(table: AnswerTable, tags: TopicTags, options: PeriodOptions, include?: Uint8Array): TopicPeriods {
  const topicCount = tags.topicIds.length;
  // All dated answers' range (cached): periods the filter empties are dropped below.
  const range = allDayRange(table);
  if (!range) return { periods: [], ranges: [], byTopic: tags.topicIds.map(() => []) };
  const { first, count, slot } = periodSlots(range.minDay, range.maxDay, options);
  // Per period slot: answers, written comments, and per topic mentions / positive / negative.
  const answers = new Int32Array(count);
  const commented = new Int32Array(count);
  const counts = new Int32Array(count * topicCount * 3);
  const { day, length } = table;
  const { mask, polarity, written } = tags;
  for (let i = 0; i < length; i++) {
    const d = day[i];
    if (d === NO_DAY || (include !== undefined && include[i] === 0)) continue;
    const k = slot(d);
    answers[k]++;
    if (written[i]) commented[k]++;
    // Only the topics the answer mentions: one step per set bit.
    for (let bits = mask[i]; bits !== 0; bits &= bits - 1) {
      const t = 31 - Math.clz32(bits & -bits);
      const at = (k * topicCount + t) * 3;
      counts[at]++;
      const pol = polarity[t * length + i];
      if (pol > 0) counts[at + 1]++;
      else if (pol < 0) counts[at + 2]++;
    }
  }
  const slots: number[] = [];
  for (let k = 0; k < count; k++) if (answers[k]) slots.push(k);
  const periods = slots.map((k) => periodLabel(first + k, options));
  const ranges = slots.map((k) => {
    const r = periodRange(first + k, options);
    return { from: dayToIso(r.from), to: dayToIso(r.to) };
  });
  const byTopic = tags.topicIds.map((_, t) =>
    slots.map((k, j) => {
      const at = (k * topicCount + t) * 3;
      return { period: periods[j], mentions: counts[at], positive: counts[at + 1], negative: counts[at + 2], commented: commented[k] };
    }),
  );
  return { periods, ranges, byTopic };
}

export interface TopicSegmentRow {
  /** The segment value as written ('' for answers without one). */
  value: string;
  /** Answers of this value with a written comment (the base the mentions are read against). */
  commented: number;
  /** Per topic (bit order): mentions, and how many of them positive / negative. */
  byTopic: Array<{ mentions: number; positive: number; negative: number }>;
}

/**
 * Mentions of each topic per value of one segment column (plan, region…): which customers talk
 * about what. Values without a written comment are left out; rows come largest first.
 */
export function topicsBySegment(table: AnswerTable, tags: TopicTags, codes: Uint16Array, values: readonly string[], include?: Uint8Array): TopicSegmentRow[] {
  const topicCount = tags.topicIds.length;
  const counts = new Int32Array(values.length * topicCount * 3);
  const commented = new Int32Array(values.length);
  for (let i = 0, len = table.length; i < len; i++) {
    // Answers saying only 特になし / N/A are not "commented" (tags.commented does the same).
    if ((include && !include[i]) || !tags.written[i]) continue;
    const code = codes[i];
    commented[code]++;
    for (let bits = tags.mask[i]; bits !== 0; bits &= bits - 1) {
      const t = 31 - Math.clz32(bits & -bits);
      const at = (code * topicCount + t) * 3;
      counts[at]++;
      const pol = tags.polarity[t * tags.length + i];
      if (pol > 0) counts[at + 1]++;
      else if (pol < 0) counts[at + 2]++;
    }
  }
  const rows: TopicSegmentRow[] = [];
  for (let c = 0; c < values.length; c++) {
    if (!commented[c]) continue;
    const byTopic = tags.topicIds.map((_, t) => {
      const at = (c * topicCount + t) * 3;
      return { mentions: counts[at], positive: counts[at + 1], negative: counts[at + 2] };
    });
    rows.push({ value: values[c], commented: commented[c], byTopic });
  }
  return rows.sort((a, b) => b.commented - a.commented || a.value.localeCompare(b.value));
}

/** Mentions of each topic among promoters, passives and detractors (what each group talks about). */
export function topicsByCategory(table: AnswerTable, tags: TopicTags, include?: Uint8Array): Array<{ promoter: number; passive: number; detractor: number }> {
  const counts = new Int32Array(tags.topicIds.length * 3);
  for (let i = 0, len = table.length; i < len; i++) {
    if (include && !include[i]) continue;
    const group = categoryIndex(table.score[i]);
    for (let bits = tags.mask[i]; bits !== 0; bits &= bits - 1) counts[(31 - Math.clz32(bits & -bits)) * 3 + group]++;
  }
  return tags.topicIds.map((_, t) => {
    const { promoters, passives, detractors } = countsOf(counts, t * 3);
    return { promoter: promoters, passive: passives, detractor: detractors };
  });
}
