import { describe, expect, it } from 'vitest';
import { NO_DAY, tableFromRows } from './answers';
import { encodeCustomers, identityCell, type IdentityKind } from './customers';
import { isoToDay } from './days';
import { buildReport, datasetReport } from './report';
import { followUpKey } from './follow-ups';
import { tagComments } from './text/tag';
import { compileTopics } from './text/topics';
import { DEFAULT_TOPICS } from './text/dictionary';

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
    expect(report.changes).toEqual([]);
    expect(report.trend).toEqual({ direction: null, p: null, slope: null }); // one month: no trend
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

describe('buildReport topics', () => {
  const t = tableFromRows([
    { score: 2, day: isoToDay('2024-01-05'), comment: '料金が高い' }, // price −
    { score: 10, day: isoToDay('2024-01-20'), comment: 'サポートが丁寧' }, // support +
    { score: 3, day: isoToDay('2024-02-03'), comment: 'サポートの返信が遅い' }, // support −
    { score: 9, day: isoToDay('2024-04-10'), comment: '料金が安い' }, // price +
  ]);
  const input = { name: 'x', files: ['a.csv'], identity: null, table: t, rejectedRows: [], lang: 'en' as const };
  const report = buildReport(input);
  const topic = (id: string) => report.topics.find((x) => x.id === id)!;

  it('counts mentions per topic with their polarity, labelled in the reader\'s language', () => {
    expect(topic('price')).toMatchObject({ label: 'Price', mentions: 2, positive: 1, negative: 1 });
    expect(topic('support')).toMatchObject({ label: 'Support', mentions: 2, positive: 1, negative: 1 });
  });

  it('gives each topic its counts per month and per quarter', () => {
    expect(topic('price').byPeriod.month).toEqual([
      { period: '2024-01', mentions: 1, positive: 0, negative: 1 },
      { period: '2024-02', mentions: 0, positive: 0, negative: 0 },
      { period: '2024-04', mentions: 1, positive: 1, negative: 0 },
    ]);
    expect(topic('support').byPeriod.quarter).toEqual([
      { period: '2024-Q1', mentions: 2, positive: 1, negative: 1 },
      { period: '2024-Q2', mentions: 0, positive: 0, negative: 0 },
    ]);
  });

  it('uses tags made elsewhere when given (the page tags in a worker)', () => {
    const tags = tagComments(t, compileTopics(DEFAULT_TOPICS));
    tags.totals = tags.totals.map((x) => (x.id === 'price' ? { ...x, mentions: 99 } : x));
    expect(buildReport({ ...input, tags }).topics.find((x) => x.id === 'price')!.mentions).toBe(99);
  });
});

describe('buildReport counts customers as customers', () => {
  it('gives the design effect and the customers’ interval of the worked example (docs/methods.md §11)', () => {
    const answers: Array<[string, number[]]> = [
      ['A', [10, 9, 9]], ['B', [3, 2]], ['C', [8]], ['D', [10]], ['E', [6, 5, 4]],
      ['F', [9, 10]], ['G', [7, 8]], ['H', [10]], ['I', [2]], ['J', [9, 9, 10]],
    ];
    const t = table(answers.flatMap(([account, scores]) => scores.map((score) => ({ score, account }))));
    const r = buildReport({ name: 'x', files: [], identity: 'account', table: t, rejectedRows: [] });
    expect(r.overall.designEffect).toBeCloseTo(2.6166, 4);
    expect(r.overall.ci95![0]).toBeCloseTo(-18.3, 2);
    expect(r.overall.ci95Customers![0]).toBeCloseTo(-37.02, 2);
    expect(r.overall.ci95Customers![1]).toBeCloseTo(66.81, 2);
    expect(r.segmentTests).toEqual({});
  });
});

describe('datasetReport counts follow-ups', () => {
  it('counts the recorded statuses of this dataset’s answers only', () => {
    const t = table([{ score: 2, account: 'A', date: '2024-04-01' }, { score: 9, account: 'B', date: '2024-04-02' }]);
    const record = { id: 'd', name: 'x', createdAt: 0, updatedAt: 0, files: [], segmentColumns: [], identity: 'account' as const, hasDates: true, answerCount: 2, chunkCount: 1, nextAnswerId: 2, rejected: [] };
    const state = (key: string, status: 'contacted' | 'resolved') => [key, { key, status, owner: '', due: '', notes: '', updatedAt: 0 }] as const;
    const followUps = new Map([state(followUpKey(t, 0), 'contacted'), state('someone else|2020-01-01|-1|3|0|', 'resolved')]);
    const r = datasetReport(record, t, { describe: () => '', followUps });
    expect(r.followUps).toEqual({ new: 0, contacted: 1, resolved: 0, wont: 0 });
    expect(datasetReport(record, t, { describe: () => '' }).followUps).toBeUndefined();
  });
});

describe('buildReport: the changes and the trend of the monthly series', () => {
  // Example A of the reference (docs/methods.md §6.8) as months 2024-01 … 2025-06, 150 answers each.
  const exampleA = [
    [65, 51, 34], [69, 63, 18], [73, 55, 22], [63, 63, 24], [62, 56, 32], [72, 57, 21],
    [64, 66, 20], [64, 65, 21], [72, 57, 21], [63, 66, 21], [72, 57, 21], [78, 58, 14],
    [59, 57, 34], [56, 56, 38], [60, 56, 34], [58, 59, 33], [51, 65, 34], [53, 61, 36],
  ];
  const rows = exampleA.flatMap(([p, m, d], k) => {
    const month = `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-10`;
    return [...Array(p).fill(10), ...Array(m).fill(7), ...Array(d).fill(0)].map((score) => ({ score, date: month }));
  });
  const events = [{ date: '2025-01-06', label: 'Price increase', kind: 'pricing' }];

  it('lists the drop after 2024-12 (30.44 → 14.22, G² 31.34) with the event of its month', () => {
    const report = buildReport({ name: 'a', files: [], identity: null, table: table(rows, null), rejectedRows: [], events });
    expect(report.changes).toHaveLength(1);
    const [change] = report.changes;
    expect(change).toMatchObject({ after: '2024-12', window: ['2025-01', '2025-01'], direction: 'down', nearestEvent: { date: '2025-01-06', label: 'Price increase', kind: 'pricing', offset: 0 } });
    expect(change.from).toBeCloseTo(30.44, 2);
    expect(change.to).toBeCloseTo(14.22, 2);
    expect(change.g2).toBeCloseTo(31.34, 2);
    // 15 candidate splits × e^(−31.34/2).
    expect(change.p).toBeCloseTo(15 * Math.exp(-31.3411 / 2), 8);
    expect(Object.keys(change)).toContain('nearestEvent');
    // Without events (the command line) the key is left out.
    expect(Object.keys(buildReport({ name: 'a', files: [], identity: null, table: table(rows, null), rejectedRows: [] }).changes[0])).not.toContain('nearestEvent');
  });

  it("gives the whole series' trend: Example B rises a point a month (Mann–Kendall p 2.9e−5)", () => {
    const exampleB = [
      [162, 148, 90], [157, 171, 72], [169, 154, 77], [166, 165, 69], [166, 158, 76], [183, 147, 70],
      [194, 150, 56], [173, 159, 68], [185, 164, 51], [176, 163, 61], [181, 170, 49], [186, 162, 52],
      [198, 144, 58], [179, 164, 57], [189, 156, 55], [193, 157, 50], [181, 176, 43], [197, 158, 45],
    ];
    const rowsB = exampleB.flatMap(([p, m, d], k) => {
      const month = `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-10`;
      return [...Array(p).fill(9), ...Array(m).fill(8), ...Array(d).fill(6)].map((score) => ({ score, date: month }));
    });
    const report = buildReport({ name: 'b', files: [], identity: null, table: table(rowsB, null), rejectedRows: [] });
    expect(report.trend.direction).toBe('up');
    expect(report.trend.p).toBeCloseTo(2.9e-5, 6);
    expect(report.trend.slope).toBeCloseTo(1, 10);
    // A steady rise is a trend, not a string of steps.
    expect(report.changes).toEqual([]);
  });
});

describe('buildReport: the latest period and the events’ impact', () => {
  // 2024-Q1: 40/30/30 (NPS 10), 2024-Q2: 55/25/20 (NPS 35), about 33 answers a month, so quarters;
  // no customer known. §3 and §13: the change is 25 (adjusted 24.27, p 0.0315, [2.15, 46.39]).
  const rows: Array<{ score: number; date: string }> = [];
  const add = (counts: [number, number, number], months: string[]) => {
    const scores = [...Array(counts[0]).fill(10), ...Array(counts[1]).fill(8), ...Array(counts[2]).fill(3)];
    scores.forEach((score, k) => rows.push({ score, date: `${months[k % 3]}-${String(2 + (k % 27)).padStart(2, '0')}` }));
  };
  add([40, 30, 30], ['2024-01', '2024-02', '2024-03']);
  add([55, 25, 20], ['2024-04', '2024-05', '2024-06']);
  const t = table(rows, null);

  it('latest: the last quarter, its previous one, the change, its interval, p and what it could have detected', () => {
    const r = buildReport({ name: 'x', files: [], identity: null, table: t, rejectedRows: [] });
    const latest = r.latest!;
    expect(latest).toMatchObject({ cadence: 'quarter', period: '2024-Q2', n: 100, nps: 35, designEffect: 1, inProgress: null });
    expect(latest.previous).toMatchObject({ period: '2024-Q1', n: 100, nps: 10 });
    expect(latest.ci95![0]).toBeCloseTo(18.6856, 3);
    expect(latest.difference).toBeCloseTo(25, 10);
    expect(latest.differenceCi95![0]).toBeCloseTo(2.1513, 3);
    expect(latest.differenceCi95![1]).toBeCloseTo(46.3924, 3);
    expect(latest.p).toBeCloseTo(0.031510, 5);
    expect(latest.mdd).toBeCloseTo(32.1573, 3);
    // No events (the command line's case): none listed, no impact anywhere.
    expect(r.events).toEqual([]);
  });

  it('events[i].impact: the 90 days each side of the event, as independent samples without customers', () => {
    // Answers fall on the 2nd to the 28th: every one of 2024-Q1 in 2024-01-02 … 2024-03-31, of 2024-Q2 in 2024-04-01 … 2024-06-29.
    const r = buildReport({ name: 'x', files: [], identity: null, table: t, rejectedRows: [], events: [{ date: '2024-04-01', label: 'Price increase', kind: 'pricing' }] });
    const impact = (r.events[0] as import('./report').ReportEventWithImpact).impact;
    expect(impact).toMatchObject({ days: 90, method: 'independent', paired: null });
    expect(impact.before).toMatchObject({ from: '2024-01-02', to: '2024-03-31', n: 100, nps: 10 });
    expect(impact.after).toMatchObject({ from: '2024-04-01', to: '2024-06-29', n: 100, nps: 35 });
    expect(impact.difference).toBeCloseTo(25, 10);
    expect(impact.p).toBeCloseTo(0.031510, 5);
    expect(impact.ci95![1]).toBeCloseTo(46.3924, 3);
  });

  it('no dates and no waves: latest is null', () => {
    expect(buildReport({ name: 'z', files: [], identity: null, rejectedRows: [], table: table([{ score: 9 }], null) }).latest).toBeNull();
  });
});
