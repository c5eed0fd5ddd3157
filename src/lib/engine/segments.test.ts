import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { compareSegments, compareSegmentValues, comparesCultures } from './segments';

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

describe('compareSegmentValues: one family, customers as customers', () => {
  const column = { name: 'plan', values: ['', 'A', 'B'] };
  it('gives q, the interval of each difference, the detectable difference and the omnibus test', () => {
    const table = tableFromRows([...rows(40, 30, 30, 1), ...rows(55, 25, 20, 2)], 1);
    const { rows: r, omnibus } = compareSegmentValues(table, column, table.segments[0]);
    // Two tests with the same p: q = p.
    expect(r[0].q).toBeCloseTo(r[0].vsRest!.p, 10);
    // The worked example of docs/methods.md §13: [2.15, 46.39].
    expect(r[0].differenceCi95![0]).toBeCloseTo(2.15, 2);
    expect(r[0].differenceCi95![1]).toBeCloseTo(46.39, 2);
    expect(r[0].mdd).toBeGreaterThan(30);
    // 2 × 3 table, expected 25 / 27.5 / 47.5 a row: χ² = 2·(25/25 + 6.25/27.5 + 56.25/47.5) = 4.823
    // on 2 df, p = e^(−χ²/2) = 0.0897.
    expect(omnibus!.df).toBe(2);
    expect(omnibus!.chi2).toBeCloseTo(4.823, 3);
    expect(omnibus!.p).toBeCloseTo(Math.exp(-4.82297 / 2), 4);
    // p 0.0315 but the column's values do not differ overall at 5%: nothing is called different.
    expect(r.map((x) => x.differs)).toEqual([false, false]);
  });

  it('calls a value different only when the column differs and its q is below 0.05', () => {
    const table = tableFromRows([...rows(70, 20, 10, 1), ...rows(30, 30, 40, 2)], 1);
    const { rows: r, omnibus } = compareSegmentValues(table, column, table.segments[0]);
    expect(omnibus!.p).toBeLessThan(0.001);
    expect(r.map((x) => [x.value, x.differs])).toEqual([['A', true], ['B', true]]);
  });

  it('counts a customer who answered many times as one customer: the test loses its confidence', () => {
    // Plan A: 4 customers answering 10 times each, two all 10s, two all 3s; plan B: 40 customers,
    // 16/12/12 of 10, 8 and 3, once each.
    const a = [10, 10, 3, 3].flatMap((s, c) => Array.from({ length: 10 }, () => ({ score: s, customer: 1 + c, segments: [1] })));
    const b = [...Array(16).fill(10), ...Array(12).fill(8), ...Array(12).fill(3)].map((s, i) => ({ score: s, customer: 10 + i, segments: [2] }));
    const table = tableFromRows([...a, ...b], 1);
    const independent = tableFromRows([...a, ...b].map((x, i) => ({ ...x, customer: 100 + i })), 1);
    const clustered = compareSegmentValues(table, column, table.segments[0]).rows.find((x) => x.value === 'A')!;
    const naive = compareSegmentValues(independent, column, independent.segments[0]).rows.find((x) => x.value === 'A')!;
    expect(naive.designEffect).toBe(1);
    // Ten identical answers a customer: NPS 0, Tg = ±10, Var_cl = 4/3 · 400 / 40² = 1/3 against
    // Var_iid = 1/40: design effect 13.33 — A's 40 answers carry about as much as 3 customers.
    expect(clustered.designEffect).toBeCloseTo(40 / 3, 6);
    expect(clustered.mdd!).toBeGreaterThan(naive.mdd! * 1.5);
    expect(clustered.vsRest!.se).toBeGreaterThan(naive.vsRest!.se * 1.5);
  });

  it('flags a value by chance in about 5% of columns of 20 values that all share one distribution', () => {
    // 200 seeded datasets, 20 values × 60 answers each, every answer from the same distribution.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = ['', ...Array.from({ length: 20 }, (_, v) => `V${v}`)];
    let flagged = 0, rawFlagged = 0;
    for (let d = 0; d < 200; d++) {
      const answers = Array.from({ length: 20 * 60 }, (_, i) => {
        const u = random();
        return { score: u < 0.4 ? 10 : u < 0.7 ? 8 : 4, segments: [1 + (i % 20)] };
      });
      const table = tableFromRows(answers, 1);
      const r = compareSegmentValues(table, { name: 'csm', values }, table.segments[0]).rows;
      if (r.some((x) => x.differs)) flagged++;
      if (r.some((x) => x.vsRest && x.vsRest.p < 0.05)) rawFlagged++;
    }
    expect(flagged / 200).toBeLessThanOrEqual(0.06);
    // Without the correction most columns would show a "difference".
    expect(rawFlagged / 200).toBeGreaterThan(0.4);
  });
});
