/**
 * The overview's story against figures computed by hand (docs/methods.md §2, §3, §11, §13 and
 * the change-point worked example of change-points.test.ts), on tables small enough to count.
 */
import { describe, expect, it } from 'vitest';
import { tableFromRows, type AnswerRow } from './answers';
import { dayFromCivil, isoToDay } from './days';
import { COMPLETE_SHARE, MONTHLY_FROM, overviewStory } from './overview-story';

/** promoters / passives / detractors as scores 10 / 8 / 3, spread over `days` in turn. */
function answers(counts: [number, number, number], days: readonly number[], extra: Partial<AnswerRow> = {}): AnswerRow[] {
  const scores = [...Array(counts[0]).fill(10), ...Array(counts[1]).fill(8), ...Array(counts[2]).fill(3)];
  return scores.map((score, k) => ({ score, day: days[k % days.length], ...extra }));
}
/** Every day of a month (1–28), for answers spread over it. */
const monthDays = (year: number, month: number) => Array.from({ length: 28 }, (_, d) => dayFromCivil(year, month, d + 1));
const quarterDays = (year: number, q: number) => [1, 2, 3].flatMap((m) => monthDays(year, 3 * (q - 1) + m));

describe('the cadence', () => {
  it('quarters when a typical month has fewer than 100 answers; the latest quarter against the one before', () => {
    // 2024-Q1: 40/30/30 (NPS 10), 2024-Q2: 55/25/20 (NPS 35): about 33 answers a month.
    const table = tableFromRows([...answers([40, 30, 30], quarterDays(2024, 1)), ...answers([55, 25, 20], quarterDays(2024, 2))]);
    const story = overviewStory(table)!;
    expect(story.cadence).toBe('quarter');
    expect(story.series.map((s) => [s.period, s.n, s.nps, s.from, s.to])).toEqual([['2024-Q1', 100, 10, '2024-01-01', '2024-03-31'], ['2024-Q2', 100, 35, '2024-04-01', '2024-06-30']]);
    const latest = story.series[story.latest];
    expect(latest.period).toBe('2024-Q2');
    expect(story.inProgress).toBeNull();
    // Adjusted Wald of 55/25/20: nA 103, pA 0.541262, dA 0.201456, √(VA/nA) 0.078037 → [18.69, 49.28].
    expect(latest.ci95![0]).toBeCloseTo(18.6856, 3);
    expect(latest.ci95![1]).toBeCloseTo(49.2756, 3);
    // §3 and §13: adjusted difference 24.27, SE 11.29, p 0.0315, interval [2.15, 46.39]; the raw
    // change is 25; 80% power: 2.801585·√(0.6275/100 + 0.69/100) = 32.157 points.
    const change = story.change!;
    expect(change.previous.period).toBe('2024-Q1');
    expect(change.difference).toBeCloseTo(25, 10);
    expect(change.p).toBeCloseTo(0.031510, 5);
    expect(change.ci95![0]).toBeCloseTo(2.1513, 3);
    expect(change.ci95![1]).toBeCloseTo(46.3924, 3);
    expect(change.mdd).toBeCloseTo(32.1573, 3);
    expect(change.significant).toBe(true);
  });

  it(`months when a typical month has ${MONTHLY_FROM} answers or more`, () => {
    const table = tableFromRows([...answers([50, 30, 20], monthDays(2024, 1)), ...answers([50, 30, 20], monthDays(2024, 2)), ...answers([40, 40, 20], monthDays(2024, 3))]);
    const story = overviewStory(table)!;
    expect(story.cadence).toBe('month');
    expect(story.series.map((s) => s.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    // 40/40/20 against 50/30/20: NPS 20 against 30, raw change −10.
    expect(story.change!.difference).toBeCloseTo(-10, 10);
    expect(story.change!.significant).toBe(false);
  });

  it('the waves of a wave column, in order of their first answer, each from its first to its last answer', () => {
    const table = tableFromRows([
      ...answers([3, 1, 1], [isoToDay('2024-05-02'), isoToDay('2024-05-20')], { wave: 'Spring' }),
      ...answers([1, 1, 3], [isoToDay('2024-01-10'), isoToDay('2024-02-03')], { wave: 'Winter' }),
    ]);
    const story = overviewStory(table)!;
    expect(story.cadence).toBe('wave');
    expect(story.series.map((s) => [s.period, s.from, s.to, s.nps])).toEqual([['Winter', '2024-01-10', '2024-02-03', -40], ['Spring', '2024-05-02', '2024-05-20', 40]]);
    expect(story.series[story.latest].period).toBe('Spring');
    // A filter that keeps one wave: that wave is the line, not the months inside it.
    const spring = overviewStory(table, { include: Uint8Array.from({ length: 10 }, (_, i) => (i < 5 ? 1 : 0)) })!;
    expect(spring.cadence).toBe('wave');
    expect(spring.series.map((s) => s.period)).toEqual(['Spring']);
    expect(spring.change).toBeNull();
  });

  it('no dates and no waves: no line', () => {
    expect(overviewStory(tableFromRows([{ score: 9 }, { score: 3 }]))).toBeNull();
  });
});

describe('the latest complete period', () => {
  const q = (n3: number) => tableFromRows([
    ...answers([40, 30, 30], quarterDays(2024, 1)),
    ...answers([55, 25, 20], quarterDays(2024, 2)),
    ...answers([n3, 0, 0], [dayFromCivil(2024, 7, 1)]),
  ]);

  it(`a last quarter with fewer than ${COMPLETE_SHARE} × the typical answers is still filling: the one before is the latest`, () => {
    // 49 answers against a typical (median) 100 of the earlier quarters.
    const story = overviewStory(q(49))!;
    expect(story.series[story.latest].period).toBe('2024-Q2');
    expect(story.inProgress).toMatchObject({ period: '2024-Q3', n: 49 });
    expect(story.change!.previous.period).toBe('2024-Q1');
  });

  it('with half the typical answers it counts', () => {
    const story = overviewStory(q(50))!;
    expect(story.series[story.latest].period).toBe('2024-Q3');
    expect(story.inProgress).toBeNull();
  });

  it('a single period has no change', () => {
    const story = overviewStory(tableFromRows(answers([5, 3, 2], monthDays(2024, 1))))!;
    expect(story.latest).toBe(0);
    expect(story.change).toBeNull();
  });
});

describe('customers counted as customers', () => {
  it('a period of repeated customers gets their interval (the worked example of §11: [−37.02, 66.81])', () => {
    // Ten customers answer 19 times: A 10, 9, 9 · B 3, 2 · C 8 · D 10 · E 6, 5, 4 · F 9, 10 · G 7, 8 · H 10 · I 2 · J 9, 9, 10.
    const scores: Array<[number, number]> = [[1, 10], [1, 9], [1, 9], [2, 3], [2, 2], [3, 8], [4, 10], [5, 6], [5, 5], [5, 4], [6, 9], [6, 10], [7, 7], [7, 8], [8, 10], [9, 2], [10, 9], [10, 9], [10, 10]];
    // A first quarter of 30 answers, so that 19 is more than half a typical quarter.
    const table = tableFromRows([
      ...answers([12, 9, 9], quarterDays(2024, 1)),
      ...scores.map(([customer, score], k) => ({ score, customer, day: quarterDays(2024, 2)[k] })),
    ]);
    const latest = overviewStory(table)!;
    const period = latest.series[latest.latest];
    expect(period.period).toBe('2024-Q2');
    expect(period.nps).toBeCloseTo(21.05, 2);
    expect(period.designEffect).toBeCloseTo(2.6166, 3);
    expect(period.ci95![0]).toBeCloseTo(-37.02, 1);
    expect(period.ci95![1]).toBeCloseTo(66.81, 1);
    // The first quarter has no repeated customer.
    expect(latest.series[0].designEffect).toBe(1);
  });

  it('one voice per customer keeps each customer’s latest answer of each wave', () => {
    // Customer 1 answers 0 then 10 in wave W1 (the 10 counts), customer 2 gives 8; W2: both 10.
    const table = tableFromRows([
      { score: 0, customer: 1, wave: 'W1', day: isoToDay('2024-01-02') },
      { score: 10, customer: 1, wave: 'W1', day: isoToDay('2024-01-09') },
      { score: 8, customer: 2, wave: 'W1', day: isoToDay('2024-01-03') },
      { score: 10, customer: 1, wave: 'W2', day: isoToDay('2024-04-02') },
      { score: 10, customer: 2, wave: 'W2', day: isoToDay('2024-04-02') },
    ]);
    expect(overviewStory(table)!.series.map((s) => [s.n, s.nps])).toEqual([[3, 0], [2, 100]]);
    expect(overviewStory(table, { oneVoice: true })!.series.map((s) => [s.n, s.nps])).toEqual([[2, 50], [2, 100]]);
  });
});

describe('changes tied to events', () => {
  // Example A of change-points.test.ts: 18 months of 150 answers, one change after month 12
  // (30.44 → 14.22, G² 31.34), here January 2024 to June 2025, every answer on the 15th.
  const exampleA = [
    [65, 51, 34], [69, 63, 18], [73, 55, 22], [63, 63, 24], [62, 56, 32], [72, 57, 21],
    [64, 66, 20], [64, 65, 21], [72, 57, 21], [63, 66, 21], [72, 57, 21], [78, 58, 14],
    [59, 57, 34], [56, 56, 38], [60, 56, 34], [58, 59, 33], [51, 65, 34], [53, 61, 36],
  ] as Array<[number, number, number]>;
  const table = tableFromRows(exampleA.flatMap((c, m) => answers(c, [dayFromCivil(2024 + Math.floor(m / 12), (m % 12) + 1, 15)])));

  it('the change after 2024-12, named after the event whose date splits the answers there', () => {
    const events = [
      { date: '2024-03-01', label: 'Far away', kind: 'other' },
      // Splits after November: December's answers (the old level) on the new side.
      { date: '2024-12-05', label: 'Early', kind: 'release' },
      // Splits exactly after December: the largest G² (31.34), the change's own split.
      { date: '2025-01-10', label: 'Exact', kind: 'pricing' },
    ];
    const story = overviewStory(table, { events })!;
    expect(story.cadence).toBe('month');
    expect(story.changes).toHaveLength(1);
    const [change] = story.changes;
    expect(change).toMatchObject({ before: '2024-12', period: '2025-01', direction: 'down' });
    expect(change.from).toBeCloseTo(30.44, 2);
    expect(change.to).toBeCloseTo(14.22, 2);
    expect(change.g2).toBeCloseTo(31.34, 2);
    expect(change.event?.label).toBe('Exact');
    expect(change.others.map((e) => e.label)).toEqual(['Early']);
  });

  it('of two events with no answer between them the earlier is named; none in the window, none named', () => {
    const tie = overviewStory(table, { events: [{ date: '2025-01-10', label: 'Later', kind: 'other' }, { date: '2024-12-20', label: 'Earlier', kind: 'other' }] })!;
    expect(tie.changes[0].event?.label).toBe('Earlier');
    const none = overviewStory(table, { events: [{ date: '2024-03-01', label: 'Far away', kind: 'other' }] })!;
    expect(none.changes[0].event).toBeNull();
  });
});
