/**
 * What sets customers who improved apart from those who declined: for each segment column, the
 * share of each value among improvers and among decliners; and for comment topics, the share
 * of each group that mentions the topic (and negatively).
 */
import type { AnswerTable, SegmentColumn } from './answers';
import type { TopicTags } from './text/tag';

export interface DriverRow {
  column: string;
  value: string;
  improved: number;
  declined: number;
  /** Shares among improvers and among decliners, 0–1. */
  shareImproved: number;
  shareDeclined: number;
  /** shareImproved − shareDeclined, in points. */
  difference: number;
}

/** `improvers` / `decliners`: one answer index per customer (their answer in the later wave). */
export function segmentDrivers(table: AnswerTable, columns: readonly SegmentColumn[], improvers: readonly number[], decliners: readonly number[]): DriverRow[] {
  const rows: DriverRow[] = [];
  columns.forEach((column, s) => {
    const codes = table.segments[s];
    const up = new Int32Array(column.values.length), down = new Int32Array(column.values.length);
    for (const i of improvers) up[codes[i]]++;
    for (const i of decliners) down[codes[i]]++;
    column.values.forEach((value, code) => {
      if (code === 0 && !value) return;
      if (up[code] + down[code] === 0) return;
      const shareImproved = improvers.length ? up[code] / improvers.length : 0;
      const shareDeclined = decliners.length ? down[code] / decliners.length : 0;
      rows.push({ column: column.name, value, improved: up[code], declined: down[code], shareImproved, shareDeclined, difference: 100 * (shareImproved - shareDeclined) });
    });
  });
  return rows.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
}

export interface TopicDriverRow {
  topicId: string;
  /** Shares of improvers / decliners whose later-wave comment mentions the topic, 0–1. */
  shareImproved: number;
  shareDeclined: number;
  /** Shares whose mention of it is negative. */
  negativeImproved: number;
  negativeDeclined: number;
  /** shareImproved − shareDeclined, in points. */
  difference: number;
}

/** Which comment topics improvers and decliners mention (in the later wave's comment). */
export function topicDrivers(tags: TopicTags, improvers: readonly number[], decliners: readonly number[]): TopicDriverRow[] {
  const share = (answers: readonly number[], t: number, negative: boolean) => {
    if (!answers.length) return 0;
    let k = 0;
    for (const i of answers) if (tags.mask[i] & (1 << t) && (!negative || tags.polarity[t * tags.length + i] < 0)) k++;
    return k / answers.length;
  };
  return tags.topicIds
    .map((topicId, t) => {
      const shareImproved = share(improvers, t, false), shareDeclined = share(decliners, t, false);
      return { topicId, shareImproved, shareDeclined, negativeImproved: share(improvers, t, true), negativeDeclined: share(decliners, t, true), difference: 100 * (shareImproved - shareDeclined) };
    })
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
}
