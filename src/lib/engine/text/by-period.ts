/** Positive and negative mentions of each topic per period, per segment value and per category of answer. */
import type { AnswerTable } from '../answers';
import { NO_DAY } from '../answers';
import { dayToIso } from '../days';
import { periodIndexOf, periodLabel, periodRange, type PeriodOptions } from '../periods';
import type { TopicTags } from './tag';

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
  const index = new Map<number, number>();
  const order: number[] = [];
  for (let i = 0; i < table.length; i++) {
    if ((include && !include[i]) || table.day[i] === NO_DAY) continue;
    const p = periodIndexOf(table.day[i], options);
    if (!index.has(p)) index.set(p, 0), order.push(p);
  }
  order.sort((a, b) => a - b);
  order.forEach((p, k) => index.set(p, k));
  const periods = order.map((p) => periodLabel(p, options));
  const ranges = order.map((p) => {
    const r = periodRange(p, options);
    return { from: dayToIso(r.from), to: dayToIso(r.to) };
  });
  const byTopic = tags.topicIds.map(() => periods.map((period) => ({ period, mentions: 0, positive: 0, negative: 0, commented: 0 })));
  const commented = new Int32Array(periods.length);
  for (let i = 0; i < table.length; i++) {
    if ((include && !include[i]) || table.day[i] === NO_DAY) continue;
    const k = index.get(periodIndexOf(table.day[i], options))!;
    const bits = tags.mask[i];
    if (tags.written[i]) commented[k]++;
    if (!bits) continue;
    for (let t = 0; t < tags.topicIds.length; t++) {
      if (!(bits & (1 << t))) continue;
      const cell = byTopic[t][k];
      cell.mentions++;
      const pol = tags.polarity[t * tags.length + i];
      if (pol > 0) cell.positive++;
      else if (pol < 0) cell.negative++;
    }
  }
  byTopic.forEach((cells) => cells.forEach((c, k) => (c.commented = commented[k])));
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
  for (let i = 0; i < table.length; i++) {
    // Answers saying only 特になし / N/A are not "commented" (tags.commented does the same).
    if ((include && !include[i]) || !tags.written[i]) continue;
    const code = codes[i];
    const bits = tags.mask[i];
    commented[code]++;
    if (!bits) continue;
    for (let t = 0; t < topicCount; t++) {
      if (!(bits & (1 << t))) continue;
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
  const out = tags.topicIds.map(() => ({ promoter: 0, passive: 0, detractor: 0 }));
  for (let i = 0; i < table.length; i++) {
    if (include && !include[i]) continue;
    const bits = tags.mask[i];
    if (!bits) continue;
    const s = table.score[i];
    const group = s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor';
    for (let t = 0; t < tags.topicIds.length; t++) if (bits & (1 << t)) out[t][group]++;
  }
  return out;
}
