import { describe, expect, it } from 'vitest';
import { rateBars } from './rate-bars';
import { rateOf } from '../../engine/proportion';

describe('rateBars(items, width)', () => {
  it('draws each rate from 0 with its interval on an axis up to the highest interval end', () => {
    // 3 of 6 → 50% [18.76, 81.24]; 1 of 8 → 12.5% [2.24, 47.09]: the axis runs 0–100 (nice of 81.2).
    const layout = rateBars([{ key: 'd', label: 'D', rate: rateOf(3, 6) }, { key: 'p', label: 'P', rate: rateOf(1, 8) }], 200, 30);
    expect(layout.bars[0].width).toBeCloseTo(100, 6);
    expect(layout.bars[0].low).toBeCloseTo(37.52, 2);
    expect(layout.bars[0].high).toBeCloseTo(162.48, 2);
    expect(layout.bars[1].y).toBeCloseTo(30 + 6.75, 6);
    expect(layout.ticks.at(-1)).toEqual({ value: 100, x: 200 });
    expect(layout.height).toBe(60);
  });

  it('zooms in on small rates, and draws nothing for a group without accounts', () => {
    const layout = rateBars([{ key: 'a', label: 'A', rate: rateOf(1, 50) }, { key: 'b', label: 'B', rate: rateOf(0, 0) }], 100);
    // 1 of 50: 2% [0.35, 10.50] → axis 0–12 (nice): 2% is a sixth of it.
    expect(layout.ticks.at(-1)!.value).toBe(12);
    expect(layout.bars[0].width).toBeCloseTo(100 / 6, 6);
    expect(layout.bars[1]).toMatchObject({ width: 0, low: 0, high: 0 });
  });
});
