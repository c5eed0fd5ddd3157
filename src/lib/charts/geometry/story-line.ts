/**
 * Layout of the overview's line: the whole history at the data's cadence (trendLayout's points,
 * line and band), the levels between the changes change-points.ts found as flat segments, and a
 * mark at each change, between the last period of the old level and the first of the new one.
 */
import { scaleLinear } from 'd3-scale';
import { npsDomain, trendLayout, type TrendInput, type TrendLayout } from './trend';

export interface StoryLineInput extends Omit<TrendInput, 'from' | 'to'> {
  /** Null for a wave without dated answers: then events cannot be placed. */
  from: string | null;
  to: string | null;
}

export interface StoryLineLayout extends TrendLayout {
  levels: Array<{ x1: number; x2: number; y: number; nps: number }>;
  changes: Array<{ x: number; y: number; direction: 'up' | 'down' }>;
}

export function storyLineLayout(
  series: readonly StoryLineInput[],
  levels: ReadonlyArray<{ from: number; to: number; nps: number }>,
  changes: ReadonlyArray<{ after: number; direction: 'up' | 'down' }>,
  width: number,
  height: number,
): StoryLineLayout {
  const dated = series.every((s) => s.from && s.to);
  const input = series.map((s) => ({ ...s, from: s.from ?? '', to: s.to ?? '' }));
  const base = trendLayout(input, width, height, 0);
  // The same y scale as trendLayout's: the domain every interval and zero need, made nice.
  const y = scaleLinear().domain(npsDomain(input)).nice().range([height, 0]);
  const xs = base.points.map((p) => p.x);
  const half = xs.length > 1 ? (xs[1] - xs[0]) / 2 : width / 2;
  const clip = (x: number) => Math.max(0, Math.min(width, x));
  return {
    ...base,
    xOfDay: dated ? base.xOfDay : () => null,
    levels: levels.map((l) => ({ x1: clip(xs[l.from] - half), x2: clip(xs[l.to] + half), y: y(l.nps), nps: l.nps })),
    changes: changes.map((c, k) => ({ x: (xs[c.after] + xs[c.after + 1]) / 2, y: y(levels[k + 1]?.nps ?? 0), direction: c.direction })),
  };
}
