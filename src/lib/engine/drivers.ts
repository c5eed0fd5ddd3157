/**
 * What sets customers who improved apart from those who declined: for each segment column, the
 * share of each value among improvers and among decliners; and for comment topics, the share
 * of each group that mentions the topic (and negatively).
 *
 * Each gap is tested (Fisher's exact test: the groups are often small) and all the gaps of a
 * list are one family (Benjamini–Hochberg q, docs/methods.md §12). A value or topic of fewer than
 * MIN_DRIVER_CUSTOMERS customers is not ranked at all: 2 of 3 is no pattern.
 */
import type { AnswerTable, SegmentColumn } from './answers';
import type { TopicTags } from './text/tag';
import { benjaminiHochberg } from './many-tests';
import { fisherExact } from './small-samples';

/** Fewer customers than this with a value (or mentioning a topic) are not ranked. */
export const MIN_DRIVER_CUSTOMERS = 10;

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
  /** Fisher's exact p of the gap, and its q among all the rows ranked. */
  p: number;
  q: number;
}

/** Ranks by q, then by the size of the gap; fills q over the list (one family). */
function ranked<T extends { p: number; q: number; difference: number }>(rows: T[]): T[] {
  const qs = benjaminiHochberg(rows.map((r) => r.p));
  rows.forEach((r, i) => (r.q = qs[i]));
  return rows.sort((a, b) => a.q - b.q || Math.abs(b.difference) - Math.abs(a.difference));
}

/** `improvers` / `decliners`: one answer index per customer (their answer in the later wave). */
export function segmentDrivers(table: AnswerTable, columns: readonly SegmentColumn[], improvers: readonly number[], decliners: readonly number[], minCustomers = MIN_DRIVER_CUSTOMERS): DriverRow[] {
  const rows: DriverRow[] = [];
  columns.forEach((column, s) => {
    const codes = table.segments[s];
    const up = new Int32Array(column.values.length), down = new Int32Array(column.values.length);
    for (const i of improvers) up[codes[i]]++;
    for (const i of decliners) down[codes[i]]++;
    column.values.forEach((value, code) => {
      if (code === 0 && !value) return;
      if (up[code] + down[code] === 0 || up[code] + down[code] < minCustomers) return;
      const shareImproved = improvers.length ? up[code] / improvers.length : 0;
      const shareDeclined = decliners.length ? down[code] / decliners.length : 0;
      const p = fisherExact(up[code], improvers.length - up[code], down[code], decliners.length - down[code]);
      rows.push({ column: column.name, value, improved: up[code], declined: down[code], shareImproved, shareDeclined, difference: 100 * (shareImproved - shareDeclined), p, q: p });
    });
  });
  return ranked(rows);
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
  /** Fisher's exact p of the gap in mentions, and its q among the topics ranked. */
  p: number;
  q: number;
}

/** Which comment topics improvers and decliners mention (in the later wave's comment). */
export function topicDrivers(tags: TopicTags, improvers: readonly number[], decliners: readonly number[], minCustomers = MIN_DRIVER_CUSTOMERS): TopicDriverRow[] {
  const share = (answers: readonly number[], t: number, negative: boolean) => {
    if (!answers.length) return 0;
    let k = 0;
    for (const i of answers) if (tags.mask[i] & (1 << t) && (!negative || tags.polarity[t * tags.length + i] < 0)) k++;
    return k / answers.length;
  };
  const rows = tags.topicIds.flatMap((topicId, t) => {
    const shareImproved = share(improvers, t, false), shareDeclined = share(decliners, t, false);
    const up = Math.round(shareImproved * improvers.length), down = Math.round(shareDeclined * decliners.length);
    if (up + down < minCustomers) return [];
    const p = fisherExact(up, improvers.length - up, down, decliners.length - down);
    return [{ topicId, shareImproved, shareDeclined, negativeImproved: share(improvers, t, true), negativeDeclined: share(decliners, t, true), difference: 100 * (shareImproved - shareDeclined), p, q: p }];
  });
  return ranked(rows);
}
