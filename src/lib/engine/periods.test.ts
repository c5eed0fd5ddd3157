import { describe, expect, it } from 'vitest';
import { blankTable, NO_DAY, tableFromRows } from './answers';
import { dayFromCivil } from './days';
import { npsByPeriod, periodIndexOf, periodLabel, periodRange, type PeriodOptions } from './periods';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromCivil(y, m, d);
};
const label = (iso: string, options: PeriodOptions) => periodLabel(periodIndexOf(day(iso), options), options);
const week: PeriodOptions = { kind: 'week' };
const month: PeriodOptions = { kind: 'month' };
const quarter: PeriodOptions = { kind: 'quarter' };
const year: PeriodOptions = { kind: 'year' };
const fiscalQuarter: PeriodOptions = { kind: 'quarter', fiscalYearStartMonth: 4 };
const fiscalYear: PeriodOptions = { kind: 'year', fiscalYearStartMonth: 4 };

/** ISO week by the textbook Date recipe (shift to the Thursday, count from its year's 1 January). */
function isoWeekByDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const y = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(y, 0, 1)) / 86_400_000 / 7);
  return `${y}-W${String(week).padStart(2, '0')}`;
}

describe('ISO weeks start on Monday; week 1 holds the year\'s first Thursday', () => {
  it('2024-12-30 (a Monday) is already 2025-W01', () => {
    expect(label('2024-12-29', week)).toBe('2024-W52');
    expect(label('2024-12-30', week)).toBe('2025-W01');
  });
  it('2021-01-03 (a Sunday) still belongs to 2020-W53', () => {
    expect(label('2021-01-03', week)).toBe('2020-W53');
    expect(label('2021-01-04', week)).toBe('2021-W01');
  });
  it('2026-01-01 (a Thursday) is 2026-W01, and so is the Monday before it', () => {
    expect(label('2026-01-01', week)).toBe('2026-W01');
    expect(label('2025-12-29', week)).toBe('2026-W01');
    expect(label('2025-12-28', week)).toBe('2025-W52');
  });
  it('a week runs Monday to Sunday: 2024-W01 is 2024-01-01 … 2024-01-07', () => {
    const index = periodIndexOf(day('2024-01-03'), week);
    expect(periodRange(index, week)).toEqual({ from: day('2024-01-01'), to: day('2024-01-07') });
  });
  it('agrees with the Date-based recipe on every day from 1999 to 2031', () => {
    const bad: string[] = [];
    for (let d = day('1999-01-01'); d <= day('2031-12-31'); d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (label(iso, week) !== isoWeekByDate(iso)) bad.push(iso);
    }
    expect(bad).toEqual([]);
  });
  it('works before 1970 (negative indices): 1969-12-28 is 1969-W52', () => {
    expect(periodIndexOf(day('1969-12-28'), week)).toBe(-1);
    expect(label('1969-12-28', week)).toBe('1969-W52');
    expect(label('1969-12-29', week)).toBe('1970-W01');
  });
});

describe('months', () => {
  it('Jan 31, Feb 29 (leap 2024) and Mar 1 fall in 2024-01, 2024-02, 2024-03', () => {
    expect(['2024-01-31', '2024-02-29', '2024-03-01'].map((d) => label(d, month))).toEqual(['2024-01', '2024-02', '2024-03']);
  });
  it('the index counts months since 1970-01: 2024-02 is 54·12 + 1', () => {
    expect(periodIndexOf(day('2024-02-29'), month)).toBe(54 * 12 + 1);
    expect(periodIndexOf(day('1970-01-01'), month)).toBe(0);
    expect(periodIndexOf(day('1969-12-31'), month)).toBe(-1);
  });
  it('February 2024 runs to the 29th, February 2023 to the 28th', () => {
    expect(periodRange(periodIndexOf(day('2024-02-10'), month), month)).toEqual({ from: day('2024-02-01'), to: day('2024-02-29') });
    expect(periodRange(periodIndexOf(day('2023-02-10'), month), month)).toEqual({ from: day('2023-02-01'), to: day('2023-02-28') });
  });
  it('December ends on the 31st and the next index is January of the next year', () => {
    const dec = periodIndexOf(day('2024-12-31'), month);
    expect(periodRange(dec, month)).toEqual({ from: day('2024-12-01'), to: day('2024-12-31') });
    expect(periodLabel(dec + 1, month)).toBe('2025-01');
  });
});

describe('calendar quarters and years', () => {
  it('quarters split at April, July and October', () => {
    expect(['2024-03-31', '2024-04-01', '2024-06-30', '2024-07-01', '2024-09-30', '2024-10-01', '2024-12-31', '2025-01-01']
      .map((d) => label(d, quarter))).toEqual(['2024-Q1', '2024-Q2', '2024-Q2', '2024-Q3', '2024-Q3', '2024-Q4', '2024-Q4', '2025-Q1']);
  });
  it('2024-Q1 runs from 1 January to 31 March', () => {
    expect(periodRange(periodIndexOf(day('2024-02-15'), quarter), quarter)).toEqual({ from: day('2024-01-01'), to: day('2024-03-31') });
  });
  it('a year is labelled by its number and runs 1 January – 31 December', () => {
    expect(label('2024-07-01', year)).toBe('2024');
    expect(periodRange(periodIndexOf(day('2024-07-01'), year), year)).toEqual({ from: day('2024-01-01'), to: day('2024-12-31') });
  });
  it('fiscalYearStartMonth 1 is the calendar: no FY prefix', () => {
    expect(label('2024-05-05', { kind: 'quarter', fiscalYearStartMonth: 1 })).toBe('2024-Q2');
    expect(label('2024-05-05', { kind: 'year', fiscalYearStartMonth: 1 })).toBe('2024');
  });
});

describe('fiscal years starting in April are named by the year they start in', () => {
  it('2025-03-31 is FY2024-Q4 and 2025-04-01 is FY2025-Q1', () => {
    expect(label('2025-03-31', fiscalQuarter)).toBe('FY2024-Q4');
    expect(label('2025-04-01', fiscalQuarter)).toBe('FY2025-Q1');
  });
  it('FY quarters: July → Q2, October → Q3, January → Q4 of the previous FY', () => {
    expect(['2024-07-01', '2024-10-01', '2025-01-01'].map((d) => label(d, fiscalQuarter))).toEqual(['FY2024-Q2', 'FY2024-Q3', 'FY2024-Q4']);
  });
  it('FY2024 runs from 2024-04-01 to 2025-03-31', () => {
    expect(label('2025-03-31', fiscalYear)).toBe('FY2024');
    expect(label('2025-04-01', fiscalYear)).toBe('FY2025');
    expect(periodRange(periodIndexOf(day('2024-12-25'), fiscalYear), fiscalYear)).toEqual({ from: day('2024-04-01'), to: day('2025-03-31') });
  });
  it('FY2024-Q4 runs from 2025-01-01 to 2025-03-31', () => {
    expect(periodRange(periodIndexOf(day('2025-02-02'), fiscalQuarter), fiscalQuarter)).toEqual({ from: day('2025-01-01'), to: day('2025-03-31') });
  });
  it('month periods ignore the fiscal start', () => {
    expect(label('2025-03-31', { kind: 'month', fiscalYearStartMonth: 4 })).toBe('2025-03');
  });
});

describe('periodRange round-trips with periodIndexOf', () => {
  const kinds: PeriodOptions[] = [week, month, quarter, year, fiscalQuarter, fiscalYear, { kind: 'quarter', fiscalYearStartMonth: 10 }];
  for (const options of kinds) {
    it(`${options.kind} (fiscal start ${options.fiscalYearStartMonth ?? 1}): every day of 1968–2032 lies in its period's range, and ranges tile`, () => {
      let previousTo = -Infinity;
      let problems = 0;
      for (let d = day('1968-01-01'); d <= day('2032-12-31'); d++) {
        const index = periodIndexOf(d, options);
        const { from, to } = periodRange(index, options);
        if (d < from || d > to || periodIndexOf(from, options) !== index || periodIndexOf(to, options) !== index) problems++;
        if (d === from && previousTo !== -Infinity && from !== previousTo + 1) problems++;
        previousTo = to;
      }
      expect(problems).toBe(0);
    });
  }
});

describe('npsByPeriod counts answers per period', () => {
  const rows = [
    { score: 10, day: day('2024-01-01') }, { score: 9, day: day('2024-01-31') }, { score: 8, day: day('2024-01-15') }, { score: 3, day: day('2024-01-20') },
    { score: 0, day: day('2024-02-29') }, { score: 6, day: day('2024-02-01') }, { score: 10, day: day('2024-02-10') },
    { score: 7, day: day('2024-04-30') },
    { score: 10 }, { score: 10 }, // no date
  ];
  const table = tableFromRows(rows);

  it('gives counts and NPS per month, sorted, leaving out empty March and undated answers', () => {
    const result = npsByPeriod(table, month);
    expect(result.map((r) => [r.period, r.promoters, r.passives, r.detractors, r.n])).toEqual([
      ['2024-01', 2, 1, 1, 4], ['2024-02', 1, 0, 2, 3], ['2024-04', 0, 1, 0, 1],
    ]);
    expect(result[0].nps).toBeCloseTo(25, 10);
    expect(result[1].nps).toBeCloseTo(-100 / 3, 10);
    expect(result[2].nps).toBe(0);
    expect(result.map((r) => [r.from, r.to])).toEqual([['2024-01-01', '2024-01-31'], ['2024-02-01', '2024-02-29'], ['2024-04-01', '2024-04-30']]);
    expect(result[0].index).toBe(54 * 12);
    expect(result[0].ci95).not.toBeNull();
  });
  it('honours the mask (1 = keep)', () => {
    const mask = new Uint8Array(rows.length).fill(1);
    mask[3] = 0; // the January detractor
    mask[7] = 0; // the only April answer
    const result = npsByPeriod(table, month, mask);
    expect(result.map((r) => [r.period, r.promoters, r.passives, r.detractors])).toEqual([['2024-01', 2, 1, 0], ['2024-02', 1, 0, 2]]);
    expect(result[0].nps).toBeCloseTo(200 / 3, 10);
  });
  it('gives no periods when no answer has a date or the mask keeps none', () => {
    expect(npsByPeriod(tableFromRows([{ score: 9 }, { score: 2 }]), month)).toEqual([]);
    expect(npsByPeriod(table, month, new Uint8Array(rows.length))).toEqual([]);
  });
  it('groups by fiscal quarter and by ISO week too', () => {
    expect(npsByPeriod(table, fiscalQuarter).map((r) => [r.period, r.n])).toEqual([['FY2023-Q4', 7], ['FY2024-Q1', 1]]);
    // 2024-01-01 is a Monday: W01 = 1 Jan, W03 = 15 and 20 Jan, W05 = 31 Jan and 1 Feb, W06 = 10 Feb, W09 = 29 Feb, W18 = 30 Apr.
    expect(npsByPeriod(table, week).map((r) => [r.period, r.n])).toEqual([
      ['2024-W01', 1], ['2024-W03', 2], ['2024-W05', 2], ['2024-W06', 1], ['2024-W09', 1], ['2024-W18', 1],
    ]);
  });
  it('handles dates centuries apart (direct computation instead of the day lookup)', () => {
    const wide = tableFromRows([{ score: 10, day: day('1200-06-01') }, { score: 0, day: day('2999-06-01') }, { score: 9, day: day('1200-06-30') }]);
    expect(npsByPeriod(wide, year).map((r) => [r.period, r.promoters, r.detractors])).toEqual([['1200', 2, 0], ['2999', 0, 1]]);
  });
  it('handles 1,000,000 answers quickly and counts every one', () => {
    const n = 1_000_000;
    const big = blankTable(n);
    const start = day('2020-01-01');
    for (let i = 0; i < n; i++) {
      big.day[i] = i % 17 === 0 ? NO_DAY : start + (i % 1461);
      big.score[i] = i % 11;
    }
    const t0 = performance.now();
    const result = npsByPeriod(big, month);
    const ms = performance.now() - t0;
    expect(result).toHaveLength(48);
    expect(result.reduce((s, r) => s + r.n, 0)).toBe(n - Math.ceil(n / 17));
    // A generous bound so a busy machine does not fail the suite; it takes a few ms when idle.
    expect(ms).toBeLessThan(500);
  });
});
