import { describe, expect, it } from 'vitest';
import { firstLookLine } from './first-look-line';

const month = (m: number, n: number, nps: number | null) => ({ month: m, iso: `m${m}`, n, nps });

describe('firstLookLine', () => {
  it('places months by the calendar and scales NPS onto the height', () => {
    const l = firstLookLine([month(0, 100, 10), month(1, 100, -10), month(3, 100, 30)], 300, 100);
    expect(l.points.map((p) => p.x)).toEqual([0, 100, 300]);
    // The domain is niced around −10…30: 0 sits inside it, higher NPS higher up (smaller y).
    expect(l.zero).not.toBeNull();
    expect(l.points[2].y).toBeLessThan(l.points[0].y);
    expect(l.points[1].y).toBeGreaterThan(l.zero!);
  });
  it('joins neighbouring months and keeps every point, thin ones too, inside the chart', () => {
    const l = firstLookLine([month(0, 5, 80), month(1, 100, 10), month(2, 100, 12), month(3, 3, -90)], 300, 64);
    // One piece from month 1 to month 2: a move and a line.
    expect(l.path.match(/M/g)!.length).toBe(1);
    expect(l.path).toContain('L');
    for (const p of l.points) {
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(64);
    }
  });
  it('breaks the line at a missing month and leaves thin months out of it', () => {
    const l = firstLookLine([month(0, 100, 10), month(1, 5, 90), month(2, 100, 12), month(5, 100, 8)], 500, 100);
    expect(l.points.find((p) => p.iso === 'm1')!.thin).toBe(true);
    // Three separate pieces (each a lone point: a move only) — never a segment through the thin month or the gap.
    expect(l.path.match(/M/g)!.length).toBe(3);
    expect(l.path).not.toContain('L');
  });
  it('draws nothing but keeps a sane scale without months', () => {
    const l = firstLookLine([], 300, 100);
    expect(l.path).toBe('');
    expect(l.points).toEqual([]);
    expect(l.zero).not.toBeNull();
  });
});
