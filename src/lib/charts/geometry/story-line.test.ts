import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../engine/days';
import { storyLineLayout } from './story-line';

const period = (p: string, nps: number, from: string | null, to: string | null) => ({ period: p, from, to, n: 100, nps, ci95: [nps - 10, nps + 10] as [number, number] });

describe('storyLineLayout', () => {
  // Four quarters on 400 px: points at 50, 150, 250, 350; NPS −20 … +40 with ±10 → the domain
  // [−30, 50] (nice), 100 px high: y = 100 − (nps + 30) · 100 / 80.
  const series = [period('Q1', 10, '2024-01-01', '2024-03-31'), period('Q2', -20, '2024-04-01', '2024-06-30'), period('Q3', -10, '2024-07-01', '2024-09-30'), period('Q4', 40, '2024-10-01', '2024-12-31')];
  const levels = [{ from: 0, to: 0, nps: 10 }, { from: 1, to: 2, nps: -15 }, { from: 3, to: 3, nps: 40 }];
  const changes = [{ after: 0, direction: 'down' as const }, { after: 2, direction: 'up' as const }];
  const layout = storyLineLayout(series, levels, changes, 400, 100);

  it('draws each level across its periods, half a step either side', () => {
    expect(layout.points.map((p) => p.x)).toEqual([50, 150, 250, 350]);
    expect(layout.levels.map((l) => [l.x1, l.x2, l.y])).toEqual([[0, 100, 50], [100, 300, 81.25], [300, 400, 12.5]]);
  });

  it('marks each change between the two periods, at the new level', () => {
    expect(layout.changes).toEqual([{ x: 100, y: 81.25, direction: 'down' }, { x: 300, y: 12.5, direction: 'up' }]);
  });

  it('places dates when every period has them, none for waves without dates', () => {
    // Q2's middle day (mid-May) is its point.
    expect(layout.xOfDay(isoToDay('2024-05-16'))).toBeCloseTo(150, 0);
    const undated = storyLineLayout([period('W1', 0, null, null), period('W2', 5, null, null)], [], [], 400, 100);
    expect(undated.xOfDay(isoToDay('2024-05-15'))).toBeNull();
  });
});
