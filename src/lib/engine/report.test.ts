import { describe, expect, it } from 'vitest';
import { NO_DAY, tableFromRows } from './answers';
import { encodeCustomers, identityCell, type IdentityKind } from './customers';
import { isoToDay } from '../ingest/values';
import { buildReport } from './report';

function table(rows: Array<{ score: number; account?: string; respondent?: string; date?: string }>, identity: IdentityKind = 'account') {
  const t = tableFromRows(rows.map((r) => ({ score: r.score, account: r.account, respondent: identityCell(r.respondent ?? ''), day: r.date ? isoToDay(r.date) : NO_DAY })));
  t.customer = encodeCustomers(t, identity);
  return t;
}

describe('buildReport', () => {
  const rows = [
    ...Array.from({ length: 60 }, (_, i) => ({ score: 9 + (i % 2), account: `A${i % 40}`, date: '2025-04-03' })),
    ...Array.from({ length: 30 }, (_, i) => ({ score: 7 + (i % 2), account: `A${i}`, date: '2025-04-20' })),
    ...Array.from({ length: 10 }, (_, i) => ({ score: i % 7, account: `B${i}`, date: '2025-04-01' })),
  ];
  const report = buildReport({ name: 'x', files: ['a.csv'], identity: 'account', table: table(rows), rejectedRows: [{ file: 'a.csv', row: 7, reason: 'r' }] });

  it('fills the report@1 headline fields for the textbook 60/30/10', () => {
    expect(report.schema).toBe('nps-lines/report@1');
    expect(report.overall.n).toBe(100);
    expect(report.overall.nps).toBeCloseTo(50, 10);
    expect([report.overall.promoters, report.overall.passives, report.overall.detractors]).toEqual([60, 30, 10]);
    // The acceptance fixture textbook-example expects [35.467, 61.621] for the same counts.
    expect(report.overall.ci95![0]).toBeCloseTo(35.467, 2);
    expect(report.overall.ci95![1]).toBeCloseTo(61.621, 2);
  });
  it('counts distinct accounts, rejected rows and the date range', () => {
    expect(report.dataset.customers).toBe(50);
    expect(report.dataset.rejected).toBe(1);
    expect(report.dataset.from).toBe('2025-04-01');
    expect(report.dataset.to).toBe('2025-04-20');
  });
  it('gives NPS by calendar month and quarter', () => {
    expect(report.byPeriod.month.map((m) => [m.period, m.n, m.nps])).toEqual([['2025-04', 100, 50]]);
    expect(report.byPeriod.quarter.map((m) => [m.period, m.n])).toEqual([['2025-Q2', 100]]);
    expect(report.byPeriod.month[0].ci95![0]).toBeCloseTo(35.467, 2);
  });
  it('has bySegment, events and shifts even when there is nothing to put in them', () => {
    expect(report.bySegment).toEqual({});
    expect(report.events).toEqual([]);
    expect(report.shifts).toEqual([]);
    // Every answer is in 2025-Q2: one wave, so no pair of waves to compare.
    expect(report.transitions).toEqual([]);
  });
  it('gives the 0–10 distribution', () => {
    expect(report.distribution).toEqual([2, 2, 2, 1, 1, 1, 1, 15, 15, 30, 30]);
  });
  it('uses respondents when no account is known, and anonymous is no identity', () => {
    const r = buildReport({
      name: 'y', files: [], identity: 'respondent', rejectedRows: [],
      table: table([{ score: 9, respondent: 'a@x.jp' }, { score: 3, respondent: 'anonymous' }, { score: 8, respondent: 'a@x.jp' }, { score: 8, respondent: 'b@x.jp' }], 'respondent'),
    });
    expect(r.dataset.customers).toBe(2);
    expect(r.dataset.from).toBeNull();
  });
  it('has no customers (null) when no identity column is known', () => {
    const r = buildReport({ name: 'z', files: [], identity: null, rejectedRows: [], table: table([{ score: 9 }], null) });
    expect(r.dataset.customers).toBeNull();
  });
});
