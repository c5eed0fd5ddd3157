import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../engine/days';
import { placeEventLabels } from './event-labels';

// A 400 px axis from 2024-01-01 (x 0) with one pixel a day.
const start = isoToDay('2024-01-01');
const xOfDay = (day: number) => (day < start || day > start + 400 ? null : day - start);

describe('placeEventLabels', () => {
  it('writes each label from its line, on the first free line above the chart, inside the chart', () => {
    const placed = placeEventLabels([
      { date: '2024-01-11', label: 'Price' }, // x 10, 'Price' 5 × 6.51 = 32.55 px from 14
      { date: '2024-01-21', label: 'Support' }, // x 20, starts at 24: runs into 'Price' → line 1
      { date: '2024-03-01', label: 'Release' }, // x 60, starts at 64: free on line 0
      { date: '2025-02-03', label: 'Late' }, // x 399: pushed left to end at 400
      { date: '2023-12-01', label: 'Before' }, // off the axis: not drawn
    ], xOfDay, 400);
    expect(placed.map((p) => [p.event.label, p.x, p.textX, p.line])).toEqual([
      ['Price', 10, 14, 0], ['Support', 20, 24, 1], ['Release', 60, 64, 0], ['Late', 399, 400 - 4 * 10.5 * 0.62, 0],
    ]);
    expect(placed[0].width).toBeCloseTo(32.55);
  });

  it('shortens a long label with an ellipsis, counting characters (not UTF-16 units)', () => {
    const [p] = placeEventLabels([{ date: '2024-01-02', label: 'サポート体制強化（AIチャットボット導入・窓口増員）' }], xOfDay, 400, 10);
    expect(p.text).toBe('サポート体制強化（…');
    const [q] = placeEventLabels([{ date: '2024-01-02', label: 'Short one' }], xOfDay, 400, 10);
    expect(q.text).toBe('Short one');
  });
});
