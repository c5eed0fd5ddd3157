/**
 * Layout of the topic timeline: per topic a row of diverging bars over the periods — positive
 * mentions up, negative down — on one scale shared by every row, so a taller bar means more
 * mentions whichever topic it is in. Events are placed on the same period axis (dayToX).
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { dayToX } from './trend';

export interface TimelineCell {
  positive: number;
  negative: number;
  /** Answers with a written comment in the period: the base of "per 100 comments". */
  commented: number;
}

export type TimelineMeasure = 'count' | 'per100';

export interface TimelineBar {
  x: number;
  width: number;
  /** Positive bar from `up` to the middle line, negative bar from the middle line down `down` px. */
  up: number;
  down: number;
  positive: number;
  negative: number;
}

export interface TopicTimelineLayout {
  /** bars[topic][period] */
  bars: TimelineBar[][];
  /** The x of each period's centre (axis labels). */
  centres: number[];
  /** Half the row height: the middle line of every row. */
  middle: number;
  /** The largest value on the shared scale (count or per 100 comments). */
  max: number;
  xOfDay: (day: number) => number | null;
}

export function measureOf(cell: TimelineCell, side: 'positive' | 'negative', measure: TimelineMeasure): number {
  return measure === 'count' ? cell[side] : cell.commented ? (100 * cell[side]) / cell.commented : 0;
}

export function topicTimeline(
  periods: ReadonlyArray<{ period: string; from: string; to: string }>,
  rows: ReadonlyArray<readonly TimelineCell[]>,
  width: number,
  rowHeight: number,
  measure: TimelineMeasure,
): TopicTimelineLayout {
  const x = scaleBand<string>().domain(periods.map((p) => p.period)).range([0, width]).paddingInner(0.25).paddingOuter(0.15);
  let max = 0;
  for (const row of rows) for (const cell of row) max = Math.max(max, measureOf(cell, 'positive', measure), measureOf(cell, 'negative', measure));
  const middle = rowHeight / 2;
  // A little room at both ends so the tallest bar does not touch the next row.
  const h = scaleLinear().domain([0, max || 1]).range([0, middle - 2]);
  const centres = periods.map((p) => (x(p.period) ?? 0) + x.bandwidth() / 2);
  const bars = rows.map((row) =>
    row.map((cell, k) => ({
      x: x(periods[k].period) ?? 0,
      width: x.bandwidth(),
      up: middle - h(measureOf(cell, 'positive', measure)),
      down: h(measureOf(cell, 'negative', measure)),
      positive: cell.positive,
      negative: cell.negative,
    })),
  );
  return { bars, centres, middle, max, xOfDay: dayToX(periods, centres) };
}

/**
 * A line for each event label (0 = nearest the chart), so that no label runs over another:
 * each takes the lowest line whose previous label ends before it starts. Labels are placed at
 * `xs` (sorted or not) and run right from there.
 */
export function labelLines(xs: readonly number[], widths: readonly number[], gap = 6): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ends: number[] = [];
  const lines = new Array<number>(xs.length).fill(0);
  for (const i of order) {
    let line = ends.findIndex((end) => end + gap <= xs[i]);
    if (line < 0) line = ends.push(-Infinity) - 1;
    ends[line] = xs[i] + widths[i];
    lines[i] = line;
  }
  return lines;
}
