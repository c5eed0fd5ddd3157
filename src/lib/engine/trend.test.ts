import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trendView } from './trend';
import { tableFromRows } from './answers';
import { isoToDay } from './days';
import { npsByPeriod } from './periods';
import { adjustedWaldInterval } from './nps';
import { importFiles } from '../ingest/pipeline';
import { previewFile } from '../ingest/preview';

const load = (path: string) => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../tests/fixtures', path)));
  return importFiles([{ name: path, bytes }], [previewFile(bytes, false).plan]).table;
};

describe('trendView', () => {
  it('gives every month of a CRM export as counted independently (acceptance fixture)', () => {
    const expected = JSON.parse(readFileSync(join(__dirname, '../../../tests/fixtures/acceptance/calendar-waves/expected.json'), 'utf8'));
    const view = trendView(load('acceptance/calendar-waves/crm_nps_export.csv'), { kind: 'month' }, undefined, 30);
    const months = Object.entries(expected.byMonth as Record<string, { n: number; nps: number }>);
    expect(view.series.map((s) => s.period)).toEqual(months.map(([m]) => m));
    view.series.forEach((s, i) => {
      expect(s.n).toBe(months[i][1].n);
      expect(s.nps).toBeCloseTo(months[i][1].nps, 3);
    });
  });

  it('finds the drop of a made-up export: Jan–Feb +40 each, Mar–Apr −10 each', () => {
    const view = trendView(load('monthly-drop.csv'), { kind: 'month' }, undefined, 30);
    expect(view.series.map((s) => Math.round(s.nps! * 10) / 10)).toEqual([40, 40, -10, -10]);
    expect(view.shifts).toHaveLength(1);
    expect(view.shifts[0]).toMatchObject({ kind: 'step', from: '2024-02', to: '2024-03', direction: 'down', difference: -50, n: [60, 60] });
    // Quarters: one period each side is too little for a step with n ≥ 200.
    expect(trendView(load('monthly-drop.csv'), { kind: 'quarter' }, undefined, 200).shifts).toEqual([]);
  });
});

describe('trendView counts customers as customers in each period', () => {
  it('widens the interval of a period where customers answered more than once, and only that one', () => {
    // January: 20 customers once each. February: 4 customers, 5 answers each, all alike.
    const jan = Array.from({ length: 20 }, (_, i) => ({ score: [10, 8, 3, 9][i % 4], day: isoToDay('2024-01-10'), customer: 1 + i }));
    const feb = [10, 10, 3, 3].flatMap((score, c) => Array.from({ length: 5 }, () => ({ score, day: isoToDay('2024-02-10'), customer: 100 + c })));
    const table = tableFromRows([...jan, ...feb], 0);
    const view = trendView(table, { kind: 'month' }, undefined, 1);
    const plain = npsByPeriod(table, { kind: 'month' });
    expect(view.series[0]).toMatchObject({ designEffect: 1, ci95: plain[0].ci95 });
    // Feb: NPS 0, Tg = ±5, Var_cl = 4/3 · 100 / 20² = 1/3 against Var_iid = 1/20: design effect 6.67.
    expect(view.series[1].designEffect).toBeCloseTo(20 / 3, 10);
    const effective = { promoters: 10 / (20 / 3), passives: 0, detractors: 10 / (20 / 3) };
    expect(view.series[1].ci95).toEqual(adjustedWaldInterval(effective));
    expect(view.series[1].ci95![1] - view.series[1].ci95![0]).toBeGreaterThan(plain[1].ci95![1] - plain[1].ci95![0]);
    // The counts and NPS stay those of the answers.
    expect([view.series[1].n, view.series[1].nps]).toEqual([20, 0]);
  });
});

describe('trendView tells the story of its series', () => {
  // Six months of 100 answers: January–March 50/30/20 (+30), April–June 30/30/40 (−10).
  const month = (m: number, p: number, x: number, d: number, customer: (i: number) => number) =>
    [...Array(p).fill(10), ...Array(x).fill(8), ...Array(d).fill(2)].map((score, i) => ({ score, day: isoToDay(`2024-0${m}-15`), customer: customer(i) }));
  const events = [{ date: '2024-04-01', label: 'Price increase', kind: 'pricing' }, { date: '2023-06-01', label: 'Long before', kind: 'other' }];

  it('with independent answers: one change, dated to April, tied to the price increase, design effect 600/599', () => {
    const rows = [1, 2, 3].flatMap((m) => month(m, 50, 30, 20, () => 0)).concat([4, 5, 6].flatMap((m) => month(m, 30, 30, 40, () => 0)));
    const view = trendView(tableFromRows(rows, 0), { kind: 'month' }, undefined, 30, false, events);
    expect(view.story.changes).toHaveLength(1);
    const [change] = view.story.changes;
    expect(change).toMatchObject({ afterPeriod: '2024-03', startPeriod: '2024-04', window: ['2024-04', '2024-04'], direction: 'down', from: 30, to: -10 });
    expect(change.nearestEvent).toEqual({ date: '2024-04-01', label: 'Price increase', kind: 'pricing', offset: 0 });
    // Clustered over 600 one-answer customers: G/(G − 1) times the independent variance.
    expect(change.designEffect).toBeCloseTo(600 / 599, 10);
    expect(view.story.levels[0].ci95).toEqual(adjustedWaldInterval({ promoters: 150, passives: 90, detractors: 60 }));
    expect(view.projection).toBeNull(); // six periods: no projection
    expect(view.warning).toBeNull(); // the current level is three months old
  });

  it('with each customer answering the three months of a level alike: the level is worth a third, and so is the change', () => {
    const rows = [1, 2, 3].flatMap((m) => month(m, 50, 30, 20, (i) => 1 + i)).concat([4, 5, 6].flatMap((m) => month(m, 30, 30, 40, (i) => 1001 + i)));
    const view = trendView(tableFromRows(rows, 0), { kind: 'month' }, undefined, 30, false, events);
    // Tg = 3(x − NPS): Var_cl = (100/99)·V/100 against V/300.
    expect(view.story.levels[0].designEffect).toBeCloseTo(300 / 99, 8);
    expect(view.story.changes[0].designEffect).toBeCloseTo(600 / 199, 8);
  });
});
