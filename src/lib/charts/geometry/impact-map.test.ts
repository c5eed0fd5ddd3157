import { describe, expect, it } from 'vitest';
import { impactMap } from './impact-map';
import { labelWidth } from './text-width';

const rows = [
  { id: 'price', label: 'Price', negativeShare: 0.2, gap: -50, quadrant: 'fix-first' },
  { id: 'support', label: 'Support', negativeShare: 0.05, gap: -100, quadrant: 'costly' },
  { id: 'praise', label: 'Praise', negativeShare: 0, gap: null, quadrant: 'watch' },
];

describe('impactMap', () => {
  const map = impactMap(rows, 5, 400, 200);
  it('places share on x and cost (−gap) on y, costlier higher', () => {
    expect(map.dots.map((d) => d.id)).toEqual(['price', 'support']);
    // x: 0 … 0.24 (0.22 made nice, steps of 0.02) over 400 px → 0.2 at 333.3; y: 0 … 120 (110 made nice) over 200 px.
    expect(map.dots[0].x).toBeCloseTo((0.2 / 0.24) * 400, 6);
    expect(map.dots[0].y).toBeCloseTo(200 - (50 / 120) * 200, 6);
    expect(map.dots[1].y).toBeLessThan(map.dots[0].y);
  });
  it('draws the fix-first line where share × cost equals the threshold', () => {
    const points = map.boundary.slice(1).split('L').map((p) => p.split(',').map(Number));
    expect(points.length).toBeGreaterThan(10);
    for (const [px, py] of points) {
      const share = (px / 400) * 0.24, cost = ((200 - py) / 200) * 120;
      // The path's coordinates are rounded to 0.001 px.
      expect(share * cost).toBeCloseTo(5, 2);
    }
  });
  it('keeps labels inside the plot and apart', () => {
    const crowded = impactMap([
      { id: 'a', label: 'A topic', negativeShare: 0.1, gap: -60, quadrant: 'watch' },
      { id: 'b', label: 'B topic', negativeShare: 0.1, gap: -61, quadrant: 'watch' },
      { id: 'c', label: 'Near the edge', negativeShare: 0.3, gap: -20, quadrant: 'watch' },
    ], 3, 300, 200);
    const [a, b, c] = crowded.dots;
    // A and B sit on top of each other: their labels go to opposite sides or to different lines.
    expect(a.anchor !== b.anchor || Math.abs(a.labelY - b.labelY) >= 12 - 1e-9).toBe(true);
    expect(c.anchor).toBe('end');
    for (const d of crowded.dots) {
      const w = labelWidth(d.label, 11);
      const [x0, x1] = d.anchor === 'start' ? [d.labelX, d.labelX + w] : [d.labelX - w, d.labelX];
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(300);
    }
  });
  it('has no line when nothing is at stake', () => {
    expect(impactMap(rows, 0, 400, 200).boundary).toBe('');
  });
});
