/**
 * What customers wrote about a topic, to quote beside a figure (the HTML report, when the person
 * chooses to include comments): the newest comments that mention the topic with the polarity
 * asked for, among the answers the filter keeps.
 */
import { NO_DAY, type AnswerTable } from '../answers';
import type { TopicTags } from './tag';

/** Answer indices, newest first (undated answers last, in table order). */
export function topicQuotes(table: AnswerTable, tags: TopicTags, topicId: string, polarity: 1 | -1, limit: number, include?: Uint8Array): number[] {
  const t = tags.topicIds.indexOf(topicId);
  if (t < 0 || limit <= 0) return [];
  const n = tags.length;
  const found: number[] = [];
  for (let i = 0; i < n; i++) {
    if ((include && !include[i]) || !(tags.mask[i] & (1 << t)) || tags.polarity[t * n + i] !== polarity) continue;
    found.push(i);
  }
  const day = (i: number) => (table.day[i] === NO_DAY ? -Infinity : table.day[i]);
  found.sort((a, b) => day(b) - day(a) || table.seconds[b] - table.seconds[a] || a - b);
  return found.slice(0, limit);
}
