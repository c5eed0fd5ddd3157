import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { compareSegments, comparesCultures } from './segments';

/** 40/30/30 in plan A (code 1) and 55/25/20 in plan B (code 2): the worked example of docs/methods.md §3. */
function rows(p: number, m: number, d: number, code: number) {
  return [...Array(p).fill(10), ...Array(m).fill(8), ...Array(d).fill(3)].map((score) => ({ score, segments: [code] }));
}

describe('compareSegments', () => {
  const column = { name: 'plan', values: ['', 'A', 'B'] };
  const table = tableFromRows([...rows(40, 30, 30, 1), ...rows(55, 25, 20, 2)], 1);
  const result = compareSegments(table, column, table.segments[0]);

  it('gives n, NPS and interval per value, best first', () => {
    expect(result.map((r) => [r.value, r.n, r.nps])).toEqual([['B', 100, 35], ['A', 100, 10]]);
    expect(result[1].ci95![0]).toBeCloseTo(-6.27, 1);
  });
  it('tests each value against the rest (adjusted two-sample test, p 0.0315 here)', () => {
    expect(result[0].vsRest!.p).toBeCloseTo(0.0315, 3);
    expect(result[0].vsRest!.difference).toBeCloseTo(24.27, 1);
    expect(result[1].vsRest!.difference).toBeCloseTo(-24.27, 1);
  });
  it('honours the filter mask', () => {
    const mask = new Uint8Array(table.length);
    mask.fill(1, 0, 100);
    expect(compareSegments(table, column, table.segments[0], mask).map((r) => r.value)).toEqual(['A']);
  });
});

describe('comparesCultures', () => {
  it('flags country, language and region columns', () => {
    expect(['Country', '国', 'region', '言語'].map(comparesCultures)).toEqual([true, true, true, true]);
    expect(comparesCultures('plan')).toBe(false);
  });
});
