import { describe, expect, it } from 'vitest';
import { shareLayers, trendLayout } from './trend';
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
