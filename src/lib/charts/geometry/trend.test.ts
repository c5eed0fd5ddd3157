import { describe, expect, it } from 'vitest';
import { shareLayers, trendLayout } from './trend';
import { drawnStory, storyMarks } from './story';
import { isoToDay } from '../../engine/days';

const series = [
  { period: '2024-01', from: '2024-01-01', to: '2024-01-31', n: 100, nps: 20, ci95: [5, 34] as [number, number], promoters: 40, passives: 40, detractors: 20 },
  { period: '2024-02', from: '2024-02-01', to: '2024-02-29', n: 12, nps: -10, ci95: [-45, 30] as [number, number], promoters: 3, passives: 5, detractors: 4 },
  { period: '2024-03', from: '2024-03-01', to: '2024-03-31', n: 80, nps: 40, ci95: [25, 53] as [number, number], promoters: 40, passives: 32, detractors: 8 },
];

describe('trendLayout', () => {
  const layout = trendLayout(series, 300, 200, 30);
  it('places one point per period, evenly, and flags small samples', () => {
    expect(layout.points.map((p) => p.x)).toEqual([50, 150, 250]);
    expect(layout.points.map((p) => p.few)).toEqual([false, true, false]);
  });
  it('keeps zero and every interval in view, higher NPS higher up', () => {
    expect(layout.points[2].y).toBeLessThan(layout.points[0].y);
    expect(layout.points[1].yLow).toBeLessThanOrEqual(200);
    expect(layout.zeroY).toBeGreaterThan(0);
    expect(layout.zeroY).toBeLessThan(200);
  });
  it('puts a date between the periods it falls between, and nothing outside the series', () => {
    expect(layout.xOfDay(isoToDay('2024-02-15'))).toBeCloseTo(150, 0);
    const x = layout.xOfDay(isoToDay('2024-02-01'))!;
    expect(x).toBeGreaterThan(50);
    expect(x).toBeLessThan(150);
    expect(layout.xOfDay(isoToDay('2023-12-31'))).toBeNull();
  });
});

describe('shareLayers', () => {
  it('stacks detractors, passives and promoters to 100%', () => {
    const layers = shareLayers(series, 300, 100);
    expect(layers.map((l) => l.category)).toEqual(['detractor', 'passive', 'promoter']);
    // The promoter layer of January runs from 60% (y 40) to 100% (y 0).
    expect(layers[2].path.startsWith('M50,0')).toBe(true);
    expect(layers[2].path).toContain('50,40');
  });
});

describe('trendLayout with a projection and reference values', () => {
  const ahead = [{ period: '2024-04', nps: 45, ci95: [20, 70] as [number, number] }, { period: '2024-05', nps: 50, ci95: [10, 90] as [number, number] }];
  const layout = trendLayout(series, 500, 200, 30, undefined, { ahead, values: [-60] });
  it('makes room for the projected periods after the series, evenly', () => {
    expect(layout.points.map((p) => p.x)).toEqual([50, 150, 250]);
    expect(layout.projection.points.map((p) => p.x)).toEqual([350, 450]);
    expect(layout.step).toBe(100);
    expect(layout.xOf('2024-05')).toBe(450);
    expect(layout.xOf('2030-01')).toBeNull();
  });
  it('fans the projection out from the last point', () => {
    expect(layout.projection.line.startsWith(`M250,${layout.points[2].y}`)).toBe(true);
    expect(layout.projection.points[1].yLow).toBeGreaterThan(layout.projection.points[1].yHigh);
  });
  it('keeps the reference values and the projected intervals in view', () => {
    expect(layout.yOf(-60)).toBeLessThanOrEqual(200);
    expect(layout.yOf(90)).toBeGreaterThanOrEqual(0);
  });
});

describe('storyMarks', () => {
  const layout = trendLayout(series, 300, 200, 30);
  const marks = storyMarks(layout, {
    levels: [{ fromPeriod: '2024-01', toPeriod: '2024-02', nps: 5 }, { fromPeriod: '2024-03', toPeriod: '2024-03', nps: 40 }],
    changes: [{ afterPeriod: '2024-02', startPeriod: '2024-03', from: 5, to: 40, direction: 'up' }],
    trends: [{ fromPeriod: '2024-01', toPeriod: '2024-03', start: 0, end: 40, direction: 'up' }],
  }, 300);
  it('draws each level from half a period before its first point to half a period after its last', () => {
    expect(marks.levels.map((l) => [l.x1, l.x2])).toEqual([[0, 200], [200, 300]]);
    expect(marks.levels[0].y).toBe(layout.yOf(5));
  });
  it('puts a change at the boundary between the two levels, from one level to the other', () => {
    expect(marks.changes).toEqual([{ x: 200, y1: layout.yOf(5), y2: layout.yOf(40), direction: 'up', period: '2024-03' }]);
  });
  it('draws a trend over its span', () => {
    expect(marks.trends[0]).toMatchObject({ x1: 50, x2: 250, y1: layout.yOf(0), y2: layout.yOf(40) });
  });
});

describe('drawnStory', () => {
  const trend = (direction: 'up' | 'down' | null, fromPeriod = '2024-01', stepped = false) => ({ fromPeriod, toPeriod: '2024-03', start: 0, end: 1, direction, stepped });
  it('draws the whole trend only when the line is one steady trend, the recent one when significant', () => {
    const base = { levels: [], changes: [] };
    expect(drawnStory({ ...base, trend: trend('up'), recent: trend(null, '2024-02'), steady: false }).trends).toEqual([]);
    expect(drawnStory({ ...base, trend: trend('up'), recent: trend('down', '2024-02'), steady: false }).trends).toEqual([trend('down', '2024-02')]);
    expect(drawnStory({ ...base, trend: trend('up'), recent: null, steady: true }).trends).toEqual([trend('up')]);
    // A recent "trend" across a change of level is the step, told by the change bar.
    expect(drawnStory({ ...base, trend: null, recent: trend('up', '2024-02', true), steady: false }).trends).toEqual([]);
  });
});
