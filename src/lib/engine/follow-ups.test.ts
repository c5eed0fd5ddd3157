import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { encodeCustomers } from './customers';
import { dayToIso, isoToDay } from './days';
import { assignWaves } from './transitions';
import { followUpCounts, followUpKey, followUpList, followUpView, isOverdue, sortFollowUps, type FollowUpOrder, type FollowUpRow, type FollowUpState } from './follow-ups';

// Two waves. A: 9 → 3 (falling detractor, revenue 500); B: 2 → 6 (detractor, revenue 2,000);
// C: only W2, 8; D: W2 twice, 10 then 4 (the later answer counts); one anonymous W2 answer, 1.
const rows = [
  { account: 'A', wave: 'W1', date: '2024-01-10', score: 9 },
  { account: 'B', wave: 'W1', date: '2024-01-11', score: 2 },
  { account: 'A', wave: 'W2', date: '2024-04-10', score: 3, revenue: 500, comment: '高い' },
  { account: 'B', wave: 'W2', date: '2024-04-11', score: 6, revenue: 2000 },
  { account: 'C', wave: 'W2', date: '2024-04-12', score: 8 },
  { account: 'D', wave: 'W2', date: '2024-04-01', score: 10 },
  { account: 'D', wave: 'W2', date: '2024-04-20', score: 4 },
  { account: '', wave: 'W2', date: '2024-04-21', score: 1 },
];
function build(list: ReadonlyArray<{ account: string; wave: string; date: string; score: number; revenue?: number; comment?: string }> = rows) {
  const t = tableFromRows(list.map((r) => ({ score: r.score, account: r.account, wave: r.wave, day: isoToDay(r.date), comment: r.comment ?? '', revenue: r.revenue })));
  t.customer = encodeCustomers(t, 'account');
  return t;
}

describe('followUpList', () => {
  const table = build();
  const waves = assignWaves(table);
  it('lists each customer’s latest answer of the wave, with the earlier waves as history', () => {
    const list = followUpList(table, waves, 1, 'detractor');
    expect(list.map((r) => [r.account, r.score, r.falling, r.history.map((h) => `${h.wave}:${h.score}`).join(',')])).toEqual([
      ['A', 3, true, 'W1:9'], ['B', 6, false, 'W1:2'], ['D', 4, false, ''], ['', 1, false, ''],
    ]);
    expect(list[0]).toMatchObject({ revenue: 500, comment: '高い', date: '2024-04-10', category: 'detractor' });
    expect(followUpList(table, waves, 1, 'passive').map((r) => r.account)).toEqual(['C']);
    expect(followUpList(table, waves, 1, 'all')).toHaveLength(5);
    expect(followUpList(table, waves, 0, 'all').map((r) => r.account)).toEqual(['A', 'B']);
  });

  it('keys name the answer, not its place: the same file again, or with next month appended, gives the same keys', () => {
    const keys = followUpList(table, waves, 1, 'all').map((r) => r.key);
    const again = build();
    expect(followUpList(again, assignWaves(again), 1, 'all').map((r) => r.key)).toEqual(keys);
    const next = build([{ account: 'Z', wave: 'W0', date: '2023-10-01', score: 5 }, ...rows]);
    expect(followUpList(next, assignWaves(next), 2, 'all').map((r) => r.key).sort()).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    expect(followUpKey(table, 2)).toBe('A|2024-04-10|-1|3|2|高い');
  });

  it('sorts by priority: to do first, overdue first, lowest score, falling, revenue, longest open', () => {
    const list = followUpList(table, waves, 1, 'detractor');
    const today = isoToDay('2024-05-01');
    const states = new Map<string, FollowUpState>([
      [list[3].key, { key: list[3].key, status: 'resolved', owner: 'Sato', due: '', notes: '', updatedAt: 1 }],
      [list[1].key, { key: list[1].key, status: 'contacted', owner: 'Sato', due: '2024-04-20', notes: '', updatedAt: 1 }],
    ]);
    // New first (A 3, D 4), then the overdue contacted B, then the resolved anonymous 1.
    expect(sortFollowUps(list, states, 'priority', today).map((r) => r.account)).toEqual(['A', 'D', 'B', '']);
    expect(sortFollowUps(list, new Map(), 'priority', today).map((r) => r.score)).toEqual([1, 3, 4, 6]);
    expect(sortFollowUps(list, new Map(), 'revenue', today).map((r) => r.account)[0]).toBe('B');
    expect(isOverdue(states.get(list[1].key), '2024-05-01')).toBe(true);
    expect(isOverdue(states.get(list[1].key), '2024-04-20')).toBe(false);
    expect(followUpCounts(list, states)).toEqual({ new: 2, contacted: 1, resolved: 1, wont: 0 });
  });
});

describe('followUpView', () => {
  it('shows what is still to do by default, with the counts of the whole group', () => {
    const table = build();
    const waves = assignWaves(table);
    const list = followUpList(table, waves, 1, 'detractor');
    const states = new Map<string, FollowUpState>([[list[0].key, { key: list[0].key, status: 'resolved', owner: '', due: '', notes: '', updatedAt: 1 }]]);
    const view = followUpView(table, waves, 1, 'detractor', undefined, states, { show: 'open', order: 'priority', today: isoToDay('2024-05-01') });
    expect(view.rows.map((r) => r.account)).toEqual(['', 'D', 'B']);
    expect(view.total).toBe(4);
    expect(view.counts).toEqual({ new: 3, contacted: 0, resolved: 1, wont: 0 });
    expect(followUpView(table, waves, 1, 'detractor', undefined, states, { show: 'all', order: 'priority', today: 0 }).rows).toHaveLength(4);
    expect(followUpView(table, waves, 5, 'detractor', undefined, states, { show: 'all', order: 'priority', today: 0 }).total).toBe(0);
  });
});

describe('sortFollowUps on a long list', () => {
  // Each key once per row and small keys folded into one number (follow-ups.ts): the same order
  // as comparing the keys one by one, written out here as the rule reads.
  const ruleOrder = (list: FollowUpRow[], states: Map<string, FollowUpState>, order: FollowUpOrder, today: number) => {
    const stage = (r: FollowUpRow) => ['new', 'contacted', 'resolved', 'wont'].indexOf(states.get(r.key)?.status ?? 'new');
    const overdue = (r: FollowUpRow) => (isOverdue(states.get(r.key), dayToIso(today)) ? 0 : 1);
    const open = (r: FollowUpRow) => -(r.date ? today - isoToDay(r.date) : 0);
    const revenue = (r: FollowUpRow) => -(r.revenue ?? 0);
    const keys = [stage, overdue, (r: FollowUpRow) => r.score, (r: FollowUpRow) => (r.falling ? 0 : 1), revenue, open, (r: FollowUpRow) => r.answer];
    const first = { priority: [], score: [(r: FollowUpRow) => r.score], revenue: [revenue], open: [open] }[order];
    return [...list].sort((a, b) => [...first, ...keys].map((key) => key(a) - key(b)).find((d) => d !== 0) ?? 0);
  };
  // 600 answers of 300 accounts over two waves; scores, dates, revenue and states from a fixed sequence.
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const many = Array.from({ length: 600 }, (_, i) => ({
    account: `A${i % 300}`, wave: i < 300 ? 'W1' : 'W2', date: `2024-0${i < 300 ? 1 : 4}-${String(1 + next(28)).padStart(2, '0')}`, score: next(11),
    revenue: next(3) ? undefined : 100 * next(50),
  }));
  const table = build(many);
  const list = followUpList(table, assignWaves(table), 1, 'all');
  const statuses: FollowUpState['status'][] = ['new', 'contacted', 'resolved', 'wont'];
  const states = new Map(list.filter(() => next(4) === 0).map((r) => [r.key, { key: r.key, status: statuses[next(4)], owner: '', due: next(2) ? '2024-04-20' : '', notes: '', updatedAt: 1 }]));

  it('orders as the rule reads, in every order, with and without stored states', () => {
    expect(list).toHaveLength(300);
    expect(states.size).toBeGreaterThan(30);
    const today = isoToDay('2024-05-01');
    for (const order of ['priority', 'score', 'revenue', 'open'] as const) {
      for (const stored of [states, new Map<string, FollowUpState>()]) {
        expect(sortFollowUps(list, stored, order, today).map((r) => r.answer)).toEqual(ruleOrder(list, stored, order, today).map((r) => r.answer));
      }
    }
  });
});
