/**
 * Which segments moved with a change (docs/methods.md §6.9). Expected figures were computed
 * independently in NumPy/SciPy: the cluster-robust variance summed customer by customer, normal
 * p-values, Benjamini–Hochberg by hand, Cochran's Q from its definition.
 */
import { describe, expect, it } from 'vitest';
import { tableFromRows, type AnswerRow } from './answers';
import { changesByGroup, cochranQ, segmentMoves } from './segment-moves';
import { isoToDay } from './days';

const JAN = (2024 - 1970) * 12, FEB = JAN + 1, MAR = JAN + 2;
const scores = (p: number, m: number, d: number) => [...Array(p).fill(10), ...Array(m).fill(7), ...Array(d).fill(2)] as number[];
const answer = (score: number, date: string, customer: number, code: number): AnswerRow => ({ score, day: isoToDay(date), customer, segments: [code] });

// A (code 1): 100 customers in January at 40/30/30, 100 others in March at 55/25/20.
const planA = [
  ...scores(40, 30, 30).map((s, i) => answer(s, '2024-01-15', 1 + i, 1)),
  ...scores(55, 25, 20).map((s, i) => answer(s, '2024-03-15', 101 + i, 1)),
];
// B (code 2): the same 100 customers both months; 10 passives became promoters and 5 detractors
// passives. February's answers belong to neither level.
const bBefore = scores(40, 30, 30);
const bAfter = bBefore.map((s, i) => (i >= 40 && i < 50 ? 10 : i >= 70 && i < 75 ? 7 : s));
const planB = [
  ...bBefore.map((s, i) => answer(s, '2024-01-20', 1001 + i, 2)),
  ...bAfter.map((s, i) => answer(s, '2024-03-20', 1001 + i, 2)),
  ...scores(0, 0, 50).map((s, i) => answer(s, '2024-02-10', 5001 + i, 2)),
];
// C (code 3): ten answers, too few to test.
const planC = [...scores(3, 1, 1).map((s, i) => answer(s, '2024-01-05', 3001 + i, 3)), ...scores(1, 1, 3).map((s, i) => answer(s, '2024-03-05', 3001 + i, 3))];
const column = { name: 'plan', values: ['', 'A', 'B', 'C'] };
const table = tableFromRows([...planA, ...planB, ...planC], 1);
const spans = { before: [JAN, JAN] as [number, number], after: [MAR, MAR] as [number, number], direction: 'up' as const };

describe('changesByGroup: customers counted as customers on both sides', () => {
  it('different customers on each side: 25 points, SE 11.507 (the plain two-sample SE 11.48 × √(200/199))', () => {
    const [, a] = changesByGroup(table, table.segments[0], 4, { kind: 'month' }, spans);
    expect(a.difference).toBeCloseTo(25, 10);
    expect(a.se).toBeCloseTo(11.50704, 4);
    expect([a.before.n, a.after.n, a.before.nps, a.after.nps]).toEqual([100, 100, 10, 35]);
  });

  it('the same customers on both sides: 15 points with SE 3.589, not the 11+ of independent samples', () => {
    const [, , b] = changesByGroup(table, table.segments[0], 4, { kind: 'month' }, spans);
    expect(b.before.n).toBe(100); // February is in neither level
    expect(b.difference).toBeCloseTo(15, 10);
    expect(b.se).toBeCloseTo(3.58870, 4);
  });

  it('sums customers the same way in a typed array and in a map (many customers × values)', () => {
    const dense = changesByGroup(table, table.segments[0], 4, { kind: 'month' }, spans);
    expect(changesByGroup(table, table.segments[0], 4, { kind: 'month' }, spans, undefined, 0)).toEqual(dense);
  });

  it('customers answering twice alike on each side, unchanged: difference 0 with SE 0', () => {
    const same = scores(20, 15, 15).flatMap((s, i) => [answer(s, '2024-01-02', 1 + i, 0), answer(s, '2024-01-25', 1 + i, 0), answer(s, '2024-03-02', 1 + i, 0), answer(s, '2024-03-25', 1 + i, 0)]);
    const [g] = changesByGroup(tableFromRows(same, 1), new Uint8Array(same.length), 1, { kind: 'month' }, spans);
    expect([g.difference, g.se]).toEqual([0, 0]);
  });
});

describe('segmentMoves', () => {
  const moves = segmentMoves(table, column, table.segments[0], { kind: 'month' }, spans, undefined, 30);

  it('tests each value with enough answers, one family (q by Benjamini–Hochberg)', () => {
    const byValue = Object.fromEntries(moves.rows.map((r) => [r.value, r]));
    expect(byValue.A.p).toBeCloseTo(0.029812, 5);
    expect(byValue.B.p).toBeCloseTo(2.91787e-5, 9);
    expect(byValue.A.q).toBeCloseTo(0.029812, 5); // the larger of two p: q = p
    expect(byValue.B.q).toBeCloseTo(2 * 2.91787e-5, 9);
    expect(byValue.A.differenceCi95![0]).toBeCloseTo(25 - 1.959964 * 11.50704, 3);
    expect(byValue.C).toMatchObject({ moved: 'few', p: null, q: null });
    expect(byValue.C.difference).toBeCloseTo(-80, 10); // 40 → −40
  });

  it('lists what moved with the change first, the largest move first, and what could not be tested last', () => {
    expect(moves.rows.map((r) => [r.value, r.moved])).toEqual([['A', 'with'], ['B', 'with'], ['C', 'few']]);
  });

  it("says whether the values moved by different amounts: Cochran's Q 0.688 on 1 df, p 0.407", () => {
    expect(moves.heterogeneity!.df).toBe(1);
    expect(moves.heterogeneity!.chi2).toBeCloseTo(0.688275, 5);
    expect(moves.heterogeneity!.p).toBeCloseTo(0.406752, 5);
  });

  it('calls a value that went the other way "against", and one with q ≥ 0.05 "unclear"', () => {
    const down = segmentMoves(table, column, table.segments[0], { kind: 'month' }, { ...spans, direction: 'down' }, undefined, 30);
    expect(down.rows.map((r) => r.moved)).toEqual(['against', 'against', 'few']);
    const onlyA = segmentMoves(table, column, table.segments[0], { kind: 'month' }, spans, Uint8Array.from(table.segments[0], (c) => (c === 1 ? 1 : 0)), 30);
    expect(onlyA.rows).toHaveLength(1);
    expect(onlyA.heterogeneity).toBeNull();
  });

  it('Cochran\'s Q of three differences by hand: 10 ± 2, 0 ± 2, 5 ± 2 → mean 5, Q = (25 + 25 + 0)/4 = 12.5 on 2 df', () => {
    const q = cochranQ([{ difference: 10, se: 2 }, { difference: 0, se: 2 }, { difference: 5, se: 2 }])!;
    expect(q.chi2).toBeCloseTo(12.5, 10);
    expect(q.p).toBeCloseTo(Math.exp(-12.5 / 2), 10);
  });
});
