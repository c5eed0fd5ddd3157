/**
 * Before and after an event, against hand-computed figures: the two-sample example of
 * docs/methods.md §3 and §13, the paired example of §4 (SciPy: t 2.8723 on 99 df, p 0.0049858,
 * interval 20 ± 1.984217 · 6.9631), Benjamini–Hochberg over two values (§12) and Fisher's exact
 * test of a topic's share (SciPy: p 0.0100947).
 */
import { describe, expect, it } from 'vitest';
import { tableFromRows, type AnswerRow } from './answers';
import { isoToDay } from './days';
import { eventImpact, eventImpactView, eventsFor, impactWindows, segmentImpact, topicChanges } from './event-impact';
import type { TopicTags } from './text/tag';

const SCORE = [3, 8, 10]; // detractor, passive, promoter
function answers(counts: [number, number, number], date: string, extra: Partial<AnswerRow> = {}): AnswerRow[] {
  const scores = [...Array(counts[0]).fill(10), ...Array(counts[1]).fill(8), ...Array(counts[2]).fill(3)];
  return scores.map((score) => ({ score, day: isoToDay(date), ...extra }));
}

describe('the windows', () => {
  it('90 days up to the day before, and the event’s day with the 89 after it', () => {
    expect(impactWindows('2024-04-01')).toEqual({ before: { from: '2024-01-02', to: '2024-03-31' }, after: { from: '2024-04-01', to: '2024-06-29' } });
    expect(impactWindows('2024-04-01', 30)).toEqual({ before: { from: '2024-03-02', to: '2024-03-31' }, after: { from: '2024-04-01', to: '2024-04-30' } });
  });
});

describe('eventImpact', () => {
  it('independent windows: 40/30/30 before, 55/25/20 after (§3, §13), answers outside the windows left out', () => {
    const table = tableFromRows([
      ...answers([40, 30, 30], '2024-02-15'),
      ...answers([55, 25, 20], '2024-05-15'),
      // Outside: the day before the before window, and the day after the after window.
      ...answers([0, 0, 7], '2024-01-01'),
      ...answers([0, 0, 7], '2024-06-30'),
    ]);
    const impact = eventImpact(table, '2024-04-01', { customersKnown: false });
    expect([impact.before.n, impact.before.nps, impact.after.n, impact.after.nps]).toEqual([100, 10, 100, 35]);
    expect(impact).toMatchObject({ method: 'independent', paired: null, test: 'z' });
    // The raw change (what the two NPS show); p and the interval from the adjusted test.
    expect(impact.difference).toBeCloseTo(25, 10);
    expect(impact.p).toBeCloseTo(0.031510, 5);
    expect(impact.ci95![0]).toBeCloseTo(2.1513, 3);
    expect(impact.ci95![1]).toBeCloseTo(46.3924, 3);
  });

  it('the event’s day belongs to the after window, the day before to the before window', () => {
    const table = tableFromRows([{ score: 10, day: isoToDay('2024-03-31') }, { score: 0, day: isoToDay('2024-04-01') }]);
    const impact = eventImpact(table, '2024-04-01', { customersKnown: false });
    expect([impact.before.nps, impact.after.nps]).toEqual([100, -100]);
  });

  // §4: 100 customers, rows their category before, columns after.
  const moves = [[15, 10, 5], [4, 26, 10], [1, 4, 25]];
  function pairedTable(): AnswerRow[] {
    const rows: AnswerRow[] = [];
    let customer = 0;
    moves.forEach((row, from) => row.forEach((count, to) => {
      for (let k = 0; k < count; k++) {
        customer++;
        rows.push({ score: SCORE[from], customer, day: isoToDay('2024-02-15') }, { score: SCORE[to], customer, day: isoToDay('2024-05-15') });
      }
    }));
    // Customers 1–5 (detractors both times) also gave a 0 earlier in the before window: their
    // latest answer counts for the pair, every answer for the window's NPS.
    for (let c = 1; c <= 5; c++) rows.push({ score: 0, customer: c, day: isoToDay('2024-01-10') });
    // Customer 101 answered only after: not paired.
    rows.push({ score: 10, customer: 101, day: isoToDay('2024-05-20') });
    return rows;
  }

  it('the same customers paired: their latest answer in each window (§4: +20, t 2.872, p 0.00499)', () => {
    const impact = eventImpact(tableFromRows(pairedTable()), '2024-04-01', { customersKnown: true });
    expect(impact).toMatchObject({ method: 'paired', paired: 100, test: 't' });
    expect(impact.difference).toBeCloseTo(20, 10);
    expect(impact.p).toBeCloseTo(0.0049858, 6);
    expect(impact.ci95![0]).toBeCloseTo(6.1837, 3);
    expect(impact.ci95![1]).toBeCloseTo(33.8163, 3);
    // Every answer of each window: before 30/40/35 of 105 (the five early 0s), after 41/40/20 of 101.
    expect(impact.before.n).toBe(105);
    expect(impact.before.nps).toBeCloseTo((100 * -5) / 105, 10);
    expect(impact.after.n).toBe(101);
    expect(impact.after.nps).toBeCloseTo((100 * 21) / 101, 10);
    // Customers 1–5 answered twice alike before: that window counts them as customers.
    expect(impact.before.designEffect).toBeGreaterThan(1);
  });

  it('without known customers, or with fewer than 30 in both windows, the windows are independent', () => {
    expect(eventImpact(tableFromRows(pairedTable()), '2024-04-01', { customersKnown: false }).method).toBe('independent');
    const few = tableFromRows(pairedTable().filter((r) => (r.customer ?? 0) <= 29 || r.day! > isoToDay('2024-04-01')));
    expect(eventImpact(few, '2024-04-01', { customersKnown: true })).toMatchObject({ method: 'independent', paired: 29 });
  });
});

describe('segmentImpact', () => {
  it('the values are one family: p 0.0315 alone becomes q 0.063 beside a value that did not move; a small value is not tested', () => {
    const column = { name: 'plan', values: ['', 'A', 'B', 'C'] };
    const table = tableFromRows([
      ...answers([40, 30, 30], '2024-02-15', { segments: [1] }),
      ...answers([55, 25, 20], '2024-05-15', { segments: [1] }),
      ...answers([40, 30, 30], '2024-02-15', { segments: [2] }),
      ...answers([40, 30, 30], '2024-05-15', { segments: [2] }),
      ...answers([1, 1, 1], '2024-02-15', { segments: [3] }),
      ...answers([2, 0, 0], '2024-05-15', { segments: [3] }),
    ], 1);
    const rows = segmentImpact(table, column, table.segments[0], '2024-04-01', { customersKnown: false });
    const byValue = Object.fromEntries(rows.map((r) => [r.value, r]));
    expect(Object.keys(byValue).sort()).toEqual(['A', 'B', 'C']);
    expect(byValue.A.impact.p).toBeCloseTo(0.031510, 5);
    expect(byValue.A.q).toBeCloseTo(0.063020, 5);
    expect(byValue.A.changed).toBe(false);
    expect(byValue.B.impact.p).toBeCloseTo(1, 10);
    expect(byValue.B.q).toBeCloseTo(1, 10);
    expect(byValue.C.q).toBeNull();
  });
});

describe('topicChanges', () => {
  // Two topics, 100 written comments in each window: price negative 2 → 12, support positive
  // 5 → 5, support negative 1 → 2 (too few to test).
  function tags(): { table: ReturnType<typeof tableFromRows>; tags: TopicTags } {
    const rows: AnswerRow[] = [];
    const mentions: Array<[number, number, number]> = []; // [answer, topic, polarity]
    for (const [w, date] of [[0, '2024-02-15'], [1, '2024-05-15']] as const) {
      for (let k = 0; k < 100; k++) {
        const i = rows.length;
        rows.push({ score: 7, day: isoToDay(date), comment: 'x' });
        if (k < (w === 0 ? 2 : 12)) mentions.push([i, 0, -1]);
        else if (k < (w === 0 ? 7 : 17)) mentions.push([i, 1, 1]);
        else if (k < (w === 0 ? 8 : 19)) mentions.push([i, 1, -1]);
      }
    }
    // An answer without a written comment does not count in the base.
    rows.push({ score: 7, day: isoToDay('2024-05-16') });
    const n = rows.length;
    const mask = new Uint8Array(n), polarity = new Int8Array(2 * n), written = new Uint8Array(n).fill(1);
    written[n - 1] = 0;
    for (const [i, t, p] of mentions) {
      mask[i] |= 1 << t;
      polarity[t * n + i] = p;
    }
    return { table: tableFromRows(rows), tags: { topicIds: ['price', 'support'], mask, polarity, written, length: n, commented: n - 1, emptyComments: 0, totals: [] } };
  }

  it('shares of the written comments, Fisher’s exact p, q over the tested rows, the rest untested', () => {
    const { table, tags: t } = tags();
    const rows = topicChanges(table, t, '2024-04-01');
    const price = rows.find((r) => r.topicId === 'price' && r.polarity === 'negative')!;
    expect(price.before).toEqual({ mentions: 2, commented: 100, share: 0.02 });
    expect(price.after).toEqual({ mentions: 12, commented: 100, share: 0.12 });
    expect(price.difference).toBeCloseTo(10, 10);
    expect(price.p).toBeCloseTo(0.0100947, 6);
    // Two rows tested (price negative, support positive at p = 1): q = min(2 · 0.0100947, 1).
    expect(price.q).toBeCloseTo(0.0201894, 6);
    expect(price.changed).toBe(true);
    const supportPositive = rows.find((r) => r.topicId === 'support' && r.polarity === 'positive')!;
    expect(supportPositive.p).toBeCloseTo(1, 10);
    expect(rows.find((r) => r.topicId === 'support' && r.polarity === 'negative')!.p).toBeNull();
    expect(rows[0]).toBe(price);
  });

  it('the view: every event with its impact in date order, the chosen one with its values and topics', () => {
    const { table, tags: t } = tags();
    const view = eventImpactView(table, [{ id: 'b', date: '2024-04-01', label: 'B', kind: 'other' }, { id: 'a', date: '2023-01-01', label: 'A', kind: 'other' }], { customersKnown: false, selected: 'b', tags: t });
    expect(view.items.map((i) => i.event.id)).toEqual(['a', 'b']);
    expect(view.items[0].impact.difference).toBeNull();
    expect(view.detail?.event.id).toBe('b');
    expect(view.detail?.column).toBeNull();
    expect(view.detail?.topics?.[0].topicId).toBe('price');
  });
});

describe('eventsFor', () => {
  it('keeps events for everyone and for this value, not those for another value of the column', () => {
    const events = [{ id: 1 }, { id: 2, segment: 'plan: Pro' }, { id: 3, segment: 'plan: Free' }, { id: 4, segment: 'region: East' }];
    expect(eventsFor(events, 'plan', 'Pro').map((e) => e.id)).toEqual([1, 2, 4]);
  });
});
