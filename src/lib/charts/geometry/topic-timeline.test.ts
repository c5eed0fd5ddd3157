import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../engine/days';
import { labelLines, topicTimeline } from './topic-timeline';
import { labelWidth } from './text-width';

const periods = [
  { period: '2024-Q1', from: '2024-01-01', to: '2024-03-31' },
  { period: '2024-Q2', from: '2024-04-01', to: '2024-06-30' },
];
const rows = [
  [{ positive: 2, negative: 10, commented: 100 }, { positive: 4, negative: 5, commented: 20 }],
  [{ positive: 0, negative: 1, commented: 100 }, { positive: 1, negative: 0, commented: 20 }],
];

describe('topicTimeline', () => {
  it('puts every row on one count scale: the largest count fills half a row', () => {
    const layout = topicTimeline(periods, rows, 200, 42, 'count');
    expect(layout.max).toBe(10);
    expect(layout.middle).toBe(21);
    // 10 negative mentions: 19 px below the middle (half a row less 2 px of air); 5 → 9.5 px.
    expect(layout.bars[0][0].down).toBeCloseTo(19);
    expect(layout.bars[0][1].down).toBeCloseTo(9.5);
    expect(layout.bars[0][1].up).toBeCloseTo(21 - 7.6);
    expect(layout.bars[1][0].down).toBeCloseTo(1.9);
  });

  it('per 100 comments divides by the period\'s written comments', () => {
    const layout = topicTimeline(periods, rows, 200, 42, 'per100');
    // Q2: 5 of 20 = 25 per 100 is the largest value; Q1's 10 of 100 = 10 → 19·10/25.
    expect(layout.max).toBe(25);
    expect(layout.bars[0][1].down).toBeCloseTo(19);
    expect(layout.bars[0][0].down).toBeCloseTo(7.6);
  });

  it('places an event day between the bars of its periods and nothing outside them', () => {
    const layout = topicTimeline(periods, rows, 200, 42, 'count');
    const [q1, q2] = layout.centres;
    expect(q1).toBeLessThan(q2);
    const x = layout.xOfDay(isoToDay('2024-04-01'))!;
    expect(x).toBeGreaterThan(q1);
    expect(x).toBeLessThan(q2);
    expect(layout.xOfDay(isoToDay('2023-12-31'))).toBeNull();
    expect(layout.xOfDay(isoToDay('2024-07-01'))).toBeNull();
  });
});

describe('labelLines', () => {
  it('puts a label on the first line that is free where it starts', () => {
    // 0–100 on line 0; 50 collides → line 1; 120 fits after the first on line 0; 130 collides
    // with 120–200 (line 0) and 50–150 (line 1) → line 2.
    expect(labelLines([0, 50, 120, 130], [100, 100, 80, 10])).toEqual([0, 1, 0, 2]);
    expect(labelLines([300, 0], [50, 50])).toEqual([0, 0]);
  });

  it('measures CJK wider than Latin', () => {
    expect(labelWidth('価格改定')).toBeCloseTo(42);
    expect(labelWidth('abcd')).toBeCloseTo(4 * 10.5 * 0.62);
  });
});
