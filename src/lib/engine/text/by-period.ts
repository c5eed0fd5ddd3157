/** Positive and negative mentions of each topic per period, and per category of answer. */
import type { AnswerTable } from '../answers';
import { NO_DAY } from '../answers';
import { periodIndexOf, periodLabel, type PeriodOptions } from '../periods';
import type { TopicTags } from './tag';

export interface TopicPeriodCell {
  period: string;
  positive: number;
  negative: number;
  /** Answers with a written comment in the period: mentions are read against it. */
  commented: number;
}

export function topicsByPeriod(table: AnswerTable, tags: TopicTags, options: PeriodOptions, include?: Uint8Array): { periods: string[]; byTopic: TopicPeriodCell[][] } {
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
  const byTopic = tags.topicIds.map(() => periods.map((period) => ({ period, positive: 0, negative: 0, commented: 0 })));
  const commented = new Int32Array(periods.length);
  for (let i = 0; i < table.length; i++) {
    if ((include && !include[i]) || table.day[i] === NO_DAY) continue;
    const k = index.get(periodIndexOf(table.day[i], options))!;
    const bits = tags.mask[i];
    if (table.comment.ends[i] !== (i === 0 ? 0 : table.comment.ends[i - 1])) commented[k]++;
    if (!bits) continue;
    for (let t = 0; t < tags.topicIds.length; t++) {
      if (!(bits & (1 << t))) continue;
      const pol = tags.polarity[t * tags.length + i];
      if (pol > 0) byTopic[t][k].positive++;
      else if (pol < 0) byTopic[t][k].negative++;
    }
  }
  byTopic.forEach((cells) => cells.forEach((c, k) => (c.commented = commented[k])));
  return { periods, byTopic };
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
