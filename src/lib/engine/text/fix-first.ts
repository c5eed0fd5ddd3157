/**
 * What to fix first (impact × how often): for each comment topic, how many of the written comments
 * mention it negatively, and how much lower the NPS of those customers is than that of everyone
 * else who wrote a comment — with the interval of that gap and its q among the topics (one family,
 * docs/methods.md §12).
 *
 * Frequency and cost multiply: a topic that one commenter in five complains about with a gap of 50
 * points weighs as much as one that one in ten complains about with a gap of 100. Their product,
 * share × −gap, is the NPS points the commenters' NPS would gain if those who complain were like
 * the others ("points at stake"). "Fix first" = a gap significantly below zero (q < 0.05) and points
 * at stake at least the median of the topics; otherwise a topic is "frequent" (share at least the
 * median), "costly" (a significant gap at least the median gap) or watched.
 *
 * The gap is an association within this data: customers who complain about price may be unhappy
 * for other reasons too. The view says so.
 */
import type { AnswerTable } from '../answers';
import { CATEGORY_INDEX, npsOf, type CategoryCounts } from '../nps';
import { ALPHA, benjaminiHochberg } from '../many-tests';
import { differenceInterval } from '../power';
import { twoSampleTest } from '../significance';
import type { TopicTags } from './tag';
import type { Topic } from './dictionary';

export interface TopicImpact {
  topicId: string;
  /** Written comments considered, and those mentioning the topic negatively. */
  commented: number;
  negative: number;
  /** negative / commented, 0–1. */
  negativeShare: number;
  /** NPS of those who mention it negatively, and of the other commenters. */
  npsNegative: number | null;
  npsOthers: number | null;
  /** npsNegative − npsOthers (adjusted two-sample test), points; its interval, p and q. */
  gap: number | null;
  gapCi95: [number, number] | null;
  p: number | null;
  q: number | null;
  /** negativeShare × −gap: NPS points among the commenters at stake (0 when the gap is not negative). */
  pointsAtStake: number;
  quadrant: 'fix-first' | 'frequent' | 'costly' | 'watch';
  /** What the user said about fixing it: quick (short-term) or a longer project. */
  feasibility: Feasibility | null;
}

export type Feasibility = NonNullable<Topic['feasibility']>;

const empty = (): CategoryCounts => ({ promoters: 0, passives: 0, detractors: 0 });
const add = (c: CategoryCounts, category: number) => {
  if (category === 2) c.promoters++;
  else if (category === 1) c.passives++;
  else c.detractors++;
};
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

/** The points at stake from which a topic with a significant gap is "fix first": their median over the topics complained about. */
export function fixFirstLine(rows: ReadonlyArray<Pick<TopicImpact, 'negative' | 'pointsAtStake'>>): number {
  return median(rows.filter((r) => r.negative > 0).map((r) => r.pointsAtStake));
}

/**
 * Every topic's impact among the written comments `include` keeps, most urgent first: fix-first
 * topics (short-term ones — quick wins — before the rest), then costly, frequent, watched; within
 * each, the most points at stake first.
 */
export function fixFirst(table: AnswerTable, tags: TopicTags, include?: Uint8Array, feasibility: Readonly<Record<string, Feasibility>> = {}): TopicImpact[] {
  const topics = tags.topicIds.length;
  const negative = Array.from({ length: topics }, empty);
  const all = empty();
  const length = Math.min(table.length, tags.length);
  for (let i = 0; i < length; i++) {
    if ((include && !include[i]) || !tags.written[i]) continue;
    const category = CATEGORY_INDEX[table.score[i]];
    add(all, category);
    for (let bits = tags.mask[i]; bits !== 0; bits &= bits - 1) {
      const t = 31 - Math.clz32(bits & -bits);
      if (tags.polarity[t * tags.length + i] < 0) add(negative[t], category);
    }
  }
  const commented = all.promoters + all.passives + all.detractors;
  const rows = tags.topicIds.map((topicId, t) => {
    const mine = negative[t];
    const others = { promoters: all.promoters - mine.promoters, passives: all.passives - mine.passives, detractors: all.detractors - mine.detractors };
    const n = mine.promoters + mine.passives + mine.detractors;
    const test = twoSampleTest(mine, others);
    return {
      topicId,
      commented,
      negative: n,
      negativeShare: commented ? n / commented : 0,
      npsNegative: npsOf(mine),
      npsOthers: npsOf(others),
      gap: test?.difference ?? null,
      gapCi95: differenceInterval(mine, others),
      p: test?.p ?? null,
      q: null as number | null,
      pointsAtStake: n && test && test.difference < 0 ? (n / commented) * -test.difference : 0,
      quadrant: 'watch' as TopicImpact['quadrant'],
      feasibility: feasibility[topicId] ?? null,
    };
  });
  const tested = rows.filter((r) => r.p !== null);
  const qs = benjaminiHochberg(tested.map((r) => r.p!));
  tested.forEach((r, k) => (r.q = qs[k]));
  // "Typical" is relative to the dictionary's other topics: medians over the topics complained about.
  const complained = rows.filter((r) => r.negative > 0);
  const typicalShare = median(complained.map((r) => r.negativeShare));
  const typicalGap = median(tested.map((r) => r.gap!));
  const typicalStake = fixFirstLine(rows);
  for (const r of rows) {
    const significant = r.gap !== null && r.q !== null && r.q < ALPHA && r.gap < 0;
    if (significant && r.pointsAtStake >= typicalStake) r.quadrant = 'fix-first';
    else if (significant && r.gap! <= typicalGap) r.quadrant = 'costly';
    else if (r.negative > 0 && r.negativeShare >= typicalShare) r.quadrant = 'frequent';
    else r.quadrant = 'watch';
  }
  const order = { 'fix-first': 0, costly: 1, frequent: 2, watch: 3 };
  const quick = (r: TopicImpact) => (r.quadrant === 'fix-first' && r.feasibility === 'short' ? 0 : 1);
  return rows.sort((a, b) => order[a.quadrant] - order[b.quadrant] || quick(a) - quick(b) || b.pointsAtStake - a.pointsAtStake);
}
