/**
 * Where the trend chart draws what its series tells (engine/story.ts): each level as a flat
 * segment behind the line, from half a period before its first point to half a period after its
 * last; each change as a bar at the boundary joining the two levels; a trend as Sen's line over
 * the periods it spans; reference lines across the plot.
 */
import type { TrendLayout } from './trend';

export interface StoryInput {
  levels: ReadonlyArray<{ fromPeriod: string; toPeriod: string; nps: number }>;
  changes: ReadonlyArray<{ afterPeriod: string; startPeriod: string; from: number; to: number; direction: 'up' | 'down' }>;
  /** Trends to draw (significant ones), each over its span. */
  trends: ReadonlyArray<{ fromPeriod: string; toPeriod: string; start: number; end: number; direction: 'up' | 'down' | null }>;
}

export interface StoryMarks {
  levels: Array<{ x1: number; x2: number; y: number }>;
  changes: Array<{ x: number; y1: number; y2: number; direction: 'up' | 'down'; period: string }>;
  trends: Array<{ x1: number; y1: number; x2: number; y2: number; direction: 'up' | 'down' | null }>;
}

export function storyMarks(layout: TrendLayout, story: StoryInput, width: number): StoryMarks {
  const half = layout.step / 2;
  const clamp = (x: number) => Math.max(0, Math.min(width, x));
  const levels = story.levels.flatMap((l) => {
    const [a, b] = [layout.xOf(l.fromPeriod), layout.xOf(l.toPeriod)];
    return a === null || b === null ? [] : [{ x1: clamp(a - half), x2: clamp(b + half), y: layout.yOf(l.nps) }];
  });
  const changes = story.changes.flatMap((c) => {
    const [a, b] = [layout.xOf(c.afterPeriod), layout.xOf(c.startPeriod)];
    return a === null || b === null ? [] : [{ x: (a + b) / 2, y1: layout.yOf(c.from), y2: layout.yOf(c.to), direction: c.direction, period: c.startPeriod }];
  });
  const trends = story.trends.flatMap((t) => {
    const [a, b] = [layout.xOf(t.fromPeriod), layout.xOf(t.toPeriod)];
    return a === null || b === null ? [] : [{ x1: a, y1: layout.yOf(t.start), x2: b, y2: layout.yOf(t.end), direction: t.direction }];
  });
  return { levels, changes, trends };
}

/**
 * What of a story the chart draws: every level and change; the whole series' trend when the line
 * is one steady trend (otherwise its levels tell it better), and the recent trend when it is
 * significant and no change of level falls within it (a step is not a slope).
 */
export function drawnStory(story: {
  levels: StoryInput['levels'];
  changes: StoryInput['changes'];
  trend: (StoryInput['trends'][number] & { stepped: boolean }) | null;
  recent: (StoryInput['trends'][number] & { stepped: boolean }) | null;
  steady: boolean;
}): StoryInput {
  const trends = [story.steady ? story.trend : null, story.recent].filter((t): t is StoryInput['trends'][number] & { stepped: boolean } => t !== null && t.direction !== null && !t.stepped);
  return { levels: story.levels, changes: story.changes, trends };
}
