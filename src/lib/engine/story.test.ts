/**
 * The story of a series (docs/methods.md §6.8). G² profiles, windows and levels below were
 * computed independently with NumPy/SciPy (G² = 2 Σ O ln(O/E) of each split's 2 × 3 table).
 */
import { describe, expect, it } from 'vitest';
import { changeWindow, eventsWithin, nearestEvent, tellStory, type StoryPeriod } from './story';
import { findLevels } from './change-points';
import { periodIndexOf } from './periods';
import { isoToDay } from './days';

const JAN_2024 = (2024 - 1970) * 12;
const months = (rows: number[][], first = JAN_2024): StoryPeriod[] =>
  rows.map(([promoters, passives, detractors], i) => {
    const index = first + i, year = 1970 + Math.floor(index / 12);
    return { promoters, passives, detractors, index, period: `${year}-${String(index - (year - 1970) * 12 + 1).padStart(2, '0')}` };
  });

// Example A of the reference (a drop after month 12) with months 12 and 13 in between: the data
// no longer date the change to one month.
const blurred = [
  [65, 51, 34], [69, 63, 18], [73, 55, 22], [63, 63, 24], [62, 56, 32], [72, 57, 21],
  [64, 66, 20], [64, 65, 21], [72, 57, 21], [63, 66, 21], [72, 57, 21], [60, 62, 28],
  [66, 56, 28], [56, 56, 38], [60, 56, 34], [58, 59, 33], [51, 65, 34], [53, 61, 36],
];
const exampleA = [
  [65, 51, 34], [69, 63, 18], [73, 55, 22], [63, 63, 24], [62, 56, 32], [72, 57, 21],
  [64, 66, 20], [64, 65, 21], [72, 57, 21], [63, 66, 21], [72, 57, 21], [78, 58, 14],
  [59, 57, 34], [56, 56, 38], [60, 56, 34], [58, 59, 33], [51, 65, 34], [53, 61, 36],
];
const exampleC = [
  [66, 54, 30], [63, 60, 27], [68, 52, 30], [64, 58, 28], [65, 56, 29],
  [52, 58, 40], [50, 62, 38], [54, 55, 41], [49, 61, 40], [51, 59, 40],
  [64, 57, 29], [67, 53, 30], [62, 60, 28], [66, 55, 29], [65, 56, 29],
];
const event = (date: string, label = date, kind = 'other') => ({ date, label, kind });

describe('when a change could have started', () => {
  it('Example A: only after month 12 (every other split has G² below 31.34 − 3.84; the next best is 25.64)', () => {
    const series = months(exampleA);
    const { levels, changes } = findLevels(series);
    expect(changeWindow(series, levels[0], levels[1], changes[0].after)).toEqual([11, 11]);
    const story = tellStory(series, { kind: 'month' });
    expect(story.changes[0]).toMatchObject({ afterPeriod: '2024-12', startPeriod: '2025-01', window: ['2025-01', '2025-01'], n: [1800, 900] });
  });

  it('Example C: each change of the dip is dated to one period (G² 17.69 after 5, 16.84 after 10, next best 12.08 and 11.63)', () => {
    const story = tellStory(months(exampleC), { kind: 'month' });
    expect(story.changes.map((c) => c.window)).toEqual([['2024-06', '2024-06'], ['2024-11', '2024-11']]);
  });

  it('a blurred drop: the best split is after month 13 (G² 22.565) but after 11 (21.071) and 12 (20.571) fit about as well', () => {
    const story = tellStory(months(blurred), { kind: 'month' });
    expect(story.changes).toHaveLength(1);
    const [change] = story.changes;
    expect(change.g2).toBeCloseTo(22.5645, 3);
    expect(change.p).toBeCloseTo(0.00018891, 7); // 15 candidate splits × P(χ²₂ > 22.565)
    expect(change.afterPeriod).toBe('2025-01');
    expect(change.window).toEqual(['2024-12', '2025-02']);
    expect(change.from).toBeCloseTo(28.4103, 3);
    expect(change.to).toBeCloseTo(13.7333, 3);
    expect(story.levels.map((l) => [l.fromPeriod, l.toPeriod, l.n])).toEqual([['2024-01', '2025-01', 1950], ['2025-02', '2025-06', 750]]);
  });

  it('a month without answers inside the window is a possible start too', () => {
    // Month 13 (2025-01) of the blurred series has no answers: the best split is now after
    // month 11 (G² 23.184), and after month 12 (23.154) — whose next level starts in 2025-01 or
    // 2025-02, nobody answered in between — fits as well.
    const series = months(blurred).filter((_, i) => i !== 12);
    const story = tellStory(series, { kind: 'month' });
    expect(story.changes).toHaveLength(1);
    expect(story.changes[0].g2).toBeCloseTo(23.184, 3);
    expect(story.changes[0]).toMatchObject({ afterPeriod: '2024-11', startPeriod: '2024-12', window: ['2024-12', '2025-02'] });
  });
});

describe('the nearest event', () => {
  const series = months(blurred); // window 2024-12 … 2025-02, best start 2025-02
  const near = (events: ReturnType<typeof event>[]) => tellStory(series, { kind: 'month' }, events).changes[0];

  it('is the one within the window, offset 0, and the others there are named too', () => {
    const change = near([event('2024-10-01', 'Earlier'), event('2025-01-10', 'Price increase', 'pricing'), event('2024-12-20', 'Outage', 'incident'), event('2025-06-01', 'Later')]);
    // Both in the window: the one in the best split's first month wins… there is none in 2025-02,
    // so the nearer to it: 2025-01 (one month) before 2024-12 (two).
    expect(change.nearestEvent).toEqual({ date: '2025-01-10', label: 'Price increase', kind: 'pricing', offset: 0 });
    expect(change.otherEvents).toEqual([{ date: '2024-12-20', label: 'Outage', kind: 'incident' }]);
  });

  it('says how far it is: two months before the earliest start beats two months after the latest', () => {
    expect(near([event('2025-04-15', 'After'), event('2024-10-20', 'Before')]).nearestEvent).toMatchObject({ label: 'Before', offset: -2 });
    expect(near([event('2025-04-15', 'After'), event('2024-08-20', 'Long before')]).nearestEvent).toMatchObject({ label: 'After', offset: 2 });
  });

  it('is none when every event is more than three periods away', () => {
    const change = near([event('2024-08-30'), event('2025-06-01')]);
    expect(change.nearestEvent).toBeNull();
    expect(change.otherEvents).toEqual([]);
  });

  it('reads the event date in the series\' periods (quarters)', () => {
    const q = { kind: 'quarter' as const };
    const start = periodIndexOf(isoToDay('2024-04-01'), q);
    expect(nearestEvent([event('2024-06-30', 'Q2'), event('2024-07-01', 'Q3')], [start, start], start, q)).toMatchObject({ label: 'Q2', offset: 0 });
    expect(nearestEvent([event('2024-07-01', 'Q3')], [start, start], start, q)).toMatchObject({ offset: 1 });
    expect(eventsWithin([event('2024-05-01', 'b'), event('2024-04-01', 'a'), event('not a date')], start, start, q).map((e) => e.label)).toEqual(['a', 'b']);
  });
});

describe('trends', () => {
  it('whole range and recent: the recent one leaves out periods with fewer than minN answers', () => {
    // Eight months rising 2 points a month (400 answers: NPS 15 + 2t), then a small month (20
    // answers at NPS −50) and two more months of the rise.
    const rising = Array.from({ length: 11 }, (_, t) => [160 + 4 * t, 140, 100 - 4 * t]);
    const rows = [...rising.slice(0, 8), [5, 5, 10], ...rising.slice(8, 10)];
    const story = tellStory(months(rows), { kind: 'month' }, [], 30);
    // Recent: the last six months of 400 answers, 23 … 29, 31, 33: S = 15, Var 28.33, p 0.0085.
    expect(story.recent).toMatchObject({ direction: 'up', periods: 6 });
    expect(story.recent!.p).toBeCloseTo(0.0085, 4);
    expect(story.recent!.slope).toBeCloseTo(2, 10);
    // Sen's line through 23, 25, … 33: intercept median(xᵢ − 2i) = 23, ending at 33.
    expect(story.recent).toMatchObject({ fromPeriod: '2024-05', toPeriod: '2024-11' });
    expect(story.recent!.start).toBeCloseTo(23, 10);
    expect(story.recent!.end).toBeCloseTo(33, 10);
    // Whole range: all 11 months, the small one included (it is one odd value among 11).
    expect(story.trend!.periods).toBe(11);
    expect(story.trend!.direction).toBe('up');
    // Sen's slope over all 11: the median of 55 pairwise slopes; the line's intercept the median
    // of xᵢ − slope·i (values 15 … 29, −50, 31, 33 at i = 0 … 10).
    expect(story.trend!.slope).toBeCloseTo(2, 10);
    expect(story.trend!.start).toBeCloseTo(15, 10);
    expect(story.trend!.end).toBeCloseTo(35, 10);
  });

  it('says whether a change of level begins within a trend\'s span (then it is not steady)', () => {
    // Example A: the change after month 12 lies within the whole series and within the last six.
    const story = tellStory(months(exampleA), { kind: 'month' });
    expect(story.trend!.stepped).toBe(true);
    expect(story.recent!.stepped).toBe(false); // months 13–18, all after the change
    const rows = [...exampleA.slice(0, 12), ...exampleA.slice(12, 16)];
    expect(tellStory(months(rows), { kind: 'month' }).recent).toMatchObject({ fromPeriod: '2024-11', stepped: true });
  });

  it('has nothing to tell without periods', () => {
    expect(tellStory([], { kind: 'month' })).toEqual({ levels: [], changes: [], trend: null, recent: null, steady: false });
  });

  it('keeps a small period in its level, never drops it', () => {
    const rows = [...exampleA.slice(0, 12), [3, 2, 1], ...exampleA.slice(12)];
    const story = tellStory(months(rows), { kind: 'month' }, [], 30);
    expect(story.levels.reduce((n, l) => n + l.n, 0)).toBe(150 * 18 + 6);
    expect(story.levels.flatMap((l) => [l.from, l.to])).toEqual([0, story.levels[0].to, story.levels[0].to + 1, 18]);
  });
});
