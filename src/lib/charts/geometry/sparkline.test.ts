import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline';

describe('sparkline', () => {
  it('spreads the answers over 60 px and puts 10 at y 2, 0 at y 18', () => {
    const s = sparkline([10, 8, 5]);
    // x: 0, 30, 60; y = 18 − 1.6·score: 2, 5.2, 10.
    expect(s.points.map((p) => [p.x, +p.y.toFixed(6), p.category])).toEqual([[0, 2, 'promoter'], [30, 5.2, 'passive'], [60, 10, 'detractor']]);
    expect(s.path.startsWith('M0,2L30,5.2')).toBe(true);
  });
  it('one answer sits at the left edge', () => {
    expect(sparkline([0]).points).toEqual([{ x: 0, y: 18, category: 'detractor' }]);
  });
});
