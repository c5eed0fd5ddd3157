import { describe, expect, it } from 'vitest';
import { dayToIso, inferDateOrder, isoToDay, parseDate, parseScore } from './values';
import type { ParsedDate, RejectionCode } from './values';

/** Independent reference: days since 1970-01-01 via the platform's own calendar. */
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
const at = (y: number, m: number, d: number, hh = -1, mm = 0, ss = 0): ParsedDate => ({
  day: day(y, m, d),
  seconds: hh < 0 ? -1 : hh * 3600 + mm * 60 + ss
});
const rejected = (raw: string): RejectionCode | undefined => {
  const r = parseScore(raw);
  return r.ok ? undefined : r.rejection.code;
};
const score = (raw: string): number | undefined => {
  const r = parseScore(raw);
  return r.ok ? r.score : undefined;
};

describe('parseScore', () => {
  it('parseScore accepts plain 0..10', () => {
    for (let n = 0; n <= 10; n++) expect(parseScore(String(n))).toEqual({ ok: true, score: n });
  });
  it('parseScore trims surrounding whitespace', () => {
    expect(score(' 7 ')).toBe(7);
    expect(score('\t10\u3000')).toBe(10);
  });
  it('parseScore accepts full-width digits', () => {
    expect(score('９')).toBe(9);
    expect(score('１０')).toBe(10);
    expect(score('０')).toBe(0);
  });
  it.each([
    ['10点', 10],
    ['9 点', 9],
    ['１０点', 10],
    ['10（非常に薦めたい）', 10],
    ['0 (全く薦めない)', 0],
    ['10 - Extremely likely', 10],
    ['0 - Not at all likely', 0],
    ['0 - 全く薦めない', 0],
    ['8 pts', 8],
    ['7/10', 7],
    ['+8', 8]
  ])('parseScore takes the leading whole number before a unit or label: %s', (raw, n) => {
    expect(score(raw)).toBe(n);
  });
  it('parseScore accepts whole numbers written with a zero fraction (Excel): 7.0, 10.00, 7,0', () => {
    expect(score('7.0')).toBe(7);
    expect(score('10.00')).toBe(10);
    expect(score('7,0')).toBe(7);
    expect(score('０.０')).toBe(0);
  });
  it('parseScore rejects empty and whitespace-only cells as score-empty', () => {
    expect(rejected('')).toBe('score-empty');
    expect(rejected('   ')).toBe('score-empty');
    expect(rejected('\u3000')).toBe('score-empty');
  });
  it.each(['abc', 'N/A', '-', 'Promoter', '非常に薦めたい', '−', '.'])(
    'parseScore rejects text without a leading number as score-not-number: %s',
    (raw) => expect(rejected(raw)).toBe('score-not-number')
  );
  it.each(['5-6', '9 10', '9:30', '1/5/2024', '1/10/2024', '7.5.3', '2024-01-15'])(
    'parseScore rejects a number followed by another number as score-not-number: %s',
    (raw) => expect(rejected(raw)).toBe('score-not-number')
  );
  it.each(['-1', '−1', '－1', '- 3', '-0'])('parseScore rejects negative numbers as score-out-of-range: %s', (raw) =>
    expect(rejected(raw)).toBe('score-out-of-range')
  );
  it.each(['7.5', '7,5', '.5', '9.99', '７．５'])('parseScore rejects fractions as score-not-whole: %s', (raw) =>
    expect(rejected(raw)).toBe('score-not-whole')
  );
  it.each(['11', '100', '11点', '1,000', '99999999999999999999'])(
    'parseScore rejects whole numbers above 10 as score-out-of-range: %s',
    (raw) => expect(rejected(raw)).toBe('score-out-of-range')
  );
  it('parseScore rejection keeps the raw cell as written, trimmed', () => {
    expect(parseScore('  ７.５ ')).toEqual({ ok: false, rejection: { code: 'score-not-whole', value: '７.５' } });
  });
  it('parseScore rejection value is cut to 80 characters', () => {
    const r = parseScore('x'.repeat(200));
    expect(r.ok ? '' : r.rejection.value).toBe('x'.repeat(80));
  });
  it('parseScore rejection value does not split a surrogate pair at the cut', () => {
    const r = parseScore('x'.repeat(79) + '😀'.repeat(5));
    expect(r.ok ? '' : r.rejection.value).toBe('x'.repeat(79));
  });
});

describe('parseDate: ISO', () => {
  it('parseDate reads a plain ISO date with no time (seconds -1)', () => {
    expect(parseDate('2024-01-15')).toEqual({ day: 19737, seconds: -1 });
    expect(parseDate('2024-01-15')).toEqual(at(2024, 1, 15));
  });
  it('parseDate reads ISO date and time with a space or T', () => {
    expect(parseDate('2024-01-15 10:23:45')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('2024-01-15T10:23:45')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('2017-07-18 08:28:09')).toEqual(at(2017, 7, 18, 8, 28, 9));
    expect(parseDate('2024-01-15 10:23')).toEqual(at(2024, 1, 15, 10, 23));
  });
  it('parseDate drops fractional seconds', () => {
    expect(parseDate('2024-01-15T10:23:45.999')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('2024-01-15 10:23:45,5')).toEqual(at(2024, 1, 15, 10, 23, 45));
  });
  it('parseDate ignores offsets and zones: the date and time as written', () => {
    expect(parseDate('2024-04-01T07:30:00+09:00')).toEqual(at(2024, 4, 1, 7, 30));
    expect(parseDate('2024-03-31T23:00:00Z')).toEqual(at(2024, 3, 31, 23));
    expect(parseDate('2024-01-15T10:23:45.123-0500')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('2024-01-15 10:23:45 +0900')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('2024-01-15 10:23:45 UTC')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('2024-01-15Z')).toEqual(at(2024, 1, 15));
  });
  it('parseDate reads single-digit ISO-like months and days and surrounding spaces', () => {
    expect(parseDate('2024-1-5')).toEqual(at(2024, 1, 5));
    expect(parseDate('  2024-01-15  ')).toEqual(at(2024, 1, 15));
  });
  it('parseDate treats 24:00:00 as midnight of the next day', () => {
    expect(parseDate('2024-12-31 24:00:00')).toEqual(at(2025, 1, 1, 0));
    expect(parseDate('2024-12-31 24:00:01')).toBeNull();
  });
});

describe('parseDate: year-first slash, dot and Japanese forms', () => {
  it('parseDate reads YYYY/M/D with and without time (Google Forms)', () => {
    expect(parseDate('2024/1/5')).toEqual(at(2024, 1, 5));
    expect(parseDate('2024/01/15 10:23:45')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('2024/1/5 9:03')).toEqual(at(2024, 1, 5, 9, 3));
    expect(parseDate('2024/10/06 19:51:06')).toEqual(at(2024, 10, 6, 19, 51, 6));
  });
  it('parseDate rejects impossible slash dates and mixed separators', () => {
    expect(parseDate('2024/02/30 10:00:00')).toBeNull();
    expect(parseDate('2024/01/15 25:00:00')).toBeNull();
    expect(parseDate('2024-01/15')).toBeNull();
  });
  it('parseDate reads YYYY.M.D', () => {
    expect(parseDate('2024.1.5')).toEqual(at(2024, 1, 5));
  });
  it('parseDate reads a weekday in brackets after the date', () => {
    expect(parseDate('2024/01/15(月) 10:00')).toEqual(at(2024, 1, 15, 10));
    expect(parseDate('2024年1月15日（月）')).toEqual(at(2024, 1, 15));
  });
  it('parseDate reads YYYY年M月D日 with optional 時分秒 or h:mm time', () => {
    expect(parseDate('2024年1月15日')).toEqual(at(2024, 1, 15));
    expect(parseDate('2024年1月15日 10時23分')).toEqual(at(2024, 1, 15, 10, 23));
    expect(parseDate('2024年1月15日10時23分45秒')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('2024年1月15日 10時')).toEqual(at(2024, 1, 15, 10));
    expect(parseDate('2024年1月15日 10:23')).toEqual(at(2024, 1, 15, 10, 23));
  });
  it('parseDate reads full-width digits via NFKC', () => {
    expect(parseDate('２０２４年１月１５日')).toEqual(at(2024, 1, 15));
    expect(parseDate('２０２４／０１／１５　１０：２３')).toEqual(at(2024, 1, 15, 10, 23));
    expect(parseDate('２０２４-０１-１５')).toEqual(at(2024, 1, 15));
  });
  it('parseDate reads 午前/午後 before the time (午後0時 is noon, 午前0時 midnight)', () => {
    expect(parseDate('2024/01/15 午後 3:04:05')).toEqual(at(2024, 1, 15, 15, 4, 5));
    expect(parseDate('2024/01/15 午前 9:00')).toEqual(at(2024, 1, 15, 9));
    expect(parseDate('2024年1月15日 午後0時')).toEqual(at(2024, 1, 15, 12));
    expect(parseDate('2024年1月15日 午前0時')).toEqual(at(2024, 1, 15, 0));
  });
});

describe('parseDate: Japanese eras', () => {
  it('parseDate reads 令和 (year + 2018), 平成 (year + 1988), 昭和 (year + 1925)', () => {
    expect(parseDate('令和6年1月15日')).toEqual(at(2024, 1, 15));
    expect(parseDate('平成31年4月30日')).toEqual(at(2019, 4, 30));
    expect(parseDate('昭和64年1月7日')).toEqual(at(1989, 1, 7));
  });
  it('parseDate reads 元年 as year 1 of the era', () => {
    expect(parseDate('令和元年5月1日')).toEqual(at(2019, 5, 1));
    expect(parseDate('平成元年1月8日')).toEqual(at(1989, 1, 8));
  });
  it('parseDate reads era letters with dots or slashes: R6.1.15, R6/1/15, H31/4/30', () => {
    expect(parseDate('R6.1.15')).toEqual(at(2024, 1, 15));
    expect(parseDate('R6/1/15')).toEqual(at(2024, 1, 15));
    expect(parseDate('H31/4/30')).toEqual(at(2019, 4, 30));
    expect(parseDate('r6.1.15')).toEqual(at(2024, 1, 15));
    expect(parseDate('S64.1.7')).toEqual(at(1989, 1, 7));
  });
  it('parseDate reads era dates with full-width digits, era ligatures and a time', () => {
    expect(parseDate('令和６年１月１５日')).toEqual(at(2024, 1, 15));
    expect(parseDate('㋿6年1月15日')).toEqual(at(2024, 1, 15));
    expect(parseDate('㍻31年4月30日')).toEqual(at(2019, 4, 30));
    expect(parseDate('R6/1/15 10:23')).toEqual(at(2024, 1, 15, 10, 23));
  });
  it('parseDate rejects era year 0 and impossible era dates', () => {
    expect(parseDate('令和0年1月1日')).toBeNull();
    expect(parseDate('R5.2.29')).toBeNull();
  });
});

describe('parseDate: year-last forms', () => {
  it('parseDate reads SurveyMonkey MM/DD/YYYY hh:mm:ss AM|PM', () => {
    expect(parseDate('01/02/2024 11:45:58 AM')).toEqual(at(2024, 1, 2, 11, 45, 58));
    expect(parseDate('01/02/2024 11:45:58 PM')).toEqual(at(2024, 1, 2, 23, 45, 58));
    expect(parseDate('01/02/2024 1:05 pm')).toEqual(at(2024, 1, 2, 13, 5));
  });
  it('parseDate maps 12 AM to 0h and 12 PM to 12h', () => {
    expect(parseDate('01/02/2024 12:00:00 AM')).toEqual(at(2024, 1, 2, 0));
    expect(parseDate('01/02/2024 12:30:00 PM')).toEqual(at(2024, 1, 2, 12, 30));
    expect(parseDate('01/02/2024 12:30:00 a.m.')).toEqual(at(2024, 1, 2, 0, 30));
  });
  it('parseDate rejects hours above 12 with AM/PM', () => {
    expect(parseDate('01/02/2024 13:00:00 PM')).toBeNull();
  });
  it('parseDate reads M/D/YY with two-digit years: 00-69 -> 20xx, 70-99 -> 19xx', () => {
    expect(parseDate('7/27/26 19:06:23')).toEqual(at(2026, 7, 27, 19, 6, 23));
    expect(parseDate('1/2/69')).toEqual(at(2069, 1, 2));
    expect(parseDate('1/2/70')).toEqual(at(1970, 1, 2));
    expect(parseDate('12/31/99')).toEqual(at(1999, 12, 31));
    expect(parseDate('1/1/00')).toEqual(at(2000, 1, 1));
  });
  it('parseDate reads slash forms month-first by default (Microsoft Forms 10/9/2024 11:02)', () => {
    expect(parseDate('10/9/2024 11:02')).toEqual(at(2024, 10, 9, 11, 2));
    expect(parseDate('01/02/2024')).toEqual(at(2024, 1, 2));
  });
  it('parseDate reads slash forms day-first when order is dmy', () => {
    expect(parseDate('10/9/2024 11:02', 'dmy')).toEqual(at(2024, 9, 10, 11, 2));
    expect(parseDate('15/01/2024', 'dmy')).toEqual(at(2024, 1, 15));
  });
  it('parseDate reads DD.MM.YYYY day-first by default (European)', () => {
    expect(parseDate('15.01.2024')).toEqual(at(2024, 1, 15));
    expect(parseDate('05.01.2024 10:23')).toEqual(at(2024, 1, 5, 10, 23));
    expect(parseDate('05.01.24')).toEqual(at(2024, 1, 5));
  });
  it('parseDate reads dot forms month-first when order is mdy', () => {
    expect(parseDate('05.01.2024', 'mdy')).toEqual(at(2024, 5, 1));
  });
  it('parseDate without an order reads a value only possible day-first as day-first', () => {
    expect(parseDate('15/01/2024')).toEqual(at(2024, 1, 15));
    expect(parseDate('01.15.2024')).toEqual(at(2024, 1, 15));
  });
  it('parseDate with an explicit order rejects values impossible in that order', () => {
    expect(parseDate('15/01/2024', 'mdy')).toBeNull();
    expect(parseDate('01/15/2024', 'dmy')).toBeNull();
  });
  it("parseDate treats order 'ymd' like no order for year-last forms", () => {
    expect(parseDate('01/02/2024', 'ymd')).toEqual(at(2024, 1, 2));
    expect(parseDate('2024/01/02', 'dmy')).toEqual(at(2024, 1, 2));
  });
});

describe('parseDate: numbers', () => {
  it('parseDate reads Excel/Sheets serials 20000-80000 as days since 1899-12-30', () => {
    expect(parseDate('45306')).toEqual(at(2024, 1, 15));
    expect(parseDate('20000')).toEqual(at(1954, 10, 3));
    expect(parseDate('80000')).toEqual(at(2119, 1, 11));
  });
  it('parseDate reads the fraction of a serial as the time of day, rounded to the second', () => {
    expect(parseDate('45306.5')).toEqual(at(2024, 1, 15, 12));
    expect(parseDate('45306.4375')).toEqual(at(2024, 1, 15, 10, 30));
    expect(parseDate('45306.99999999')).toEqual(at(2024, 1, 16, 0));
    expect(parseDate('４５３０６')).toEqual(at(2024, 1, 15));
  });
  it('parseDate reads 9-10 digit numbers as Unix seconds (UTC)', () => {
    const t = Date.UTC(2024, 0, 15, 10, 23, 45) / 1000;
    expect(parseDate(String(t))).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate(t + '.75')).toEqual(at(2024, 1, 15, 10, 23, 45));
    expect(parseDate('999999999')).toEqual(at(2001, 9, 9, 1, 46, 39));
  });
  it('parseDate reads 12-13 digit numbers as Unix milliseconds (UTC)', () => {
    expect(parseDate(String(Date.UTC(2024, 0, 15, 10, 23, 45, 678)))).toEqual(at(2024, 1, 15, 10, 23, 45));
  });
  it('parseDate rejects Unix times before 2000 or from 2100 on (ids, counters)', () => {
    expect(parseDate('123456789')).toBeNull();
    expect(parseDate('114012345678')).toBeNull();
    expect(parseDate('4102444800')).toBeNull();
  });
  it('parseDate reads 8 digits as compact YYYYMMDD', () => {
    expect(parseDate('20240115')).toEqual(at(2024, 1, 15));
    expect(parseDate('20241315')).toBeNull();
  });
  it.each(['0', '7', '19999', '80001', '123456', '12345678901', '12345678901234', '-45306', '45306.5.1'])(
    'parseDate rejects other plain numbers: %s',
    (raw) => expect(parseDate(raw)).toBeNull()
  );
});

describe('parseDate: rejections', () => {
  it.each(['2024-13-40', '2024-13-01', '2024-01-40', '2024-00-10', '2024-04-31', '2023-02-29', '1900-02-29'])(
    'parseDate rejects impossible calendar dates: %s',
    (raw) => expect(parseDate(raw)).toBeNull()
  );
  it('parseDate accepts Feb 29 in leap years, including 2000', () => {
    expect(parseDate('2024-02-29')).toEqual(at(2024, 2, 29));
    expect(parseDate('2000/2/29')).toEqual(at(2000, 2, 29));
  });
  it.each(['2024-01-15 25:00:00', '2024-01-15 10:60', '2024-01-15 10:23:60', '2024/1/5 9', '2024-01-15 10:2'])(
    'parseDate rejects impossible or incomplete times: %s',
    (raw) => expect(parseDate(raw)).toBeNull()
  );
  it.each(['', '   ', 'not a date', '2024', '2024-01', '2024-01-155', '15/01', 'R6', '2024-01-15 garbage', '1/2/202'])(
    'parseDate rejects unreadable text: %s',
    (raw) => expect(parseDate(raw)).toBeNull()
  );
});

describe('inferDateOrder', () => {
  it('inferDateOrder chooses dmy when a first field is above 12', () => {
    expect(inferDateOrder(['01/02/2024', '15/02/2024', ''])).toEqual({ order: 'dmy', ambiguous: false });
  });
  it('inferDateOrder chooses mdy when a second field is above 12', () => {
    expect(inferDateOrder(['01/02/2024 11:45:58 AM', '02/28/2024 1:00:00 PM'])).toEqual({
      order: 'mdy',
      ambiguous: false
    });
    expect(inferDateOrder(['7/27/26 19:06:23'])).toEqual({ order: 'mdy', ambiguous: false });
  });
  it('inferDateOrder without evidence is ambiguous: mdy for slashes, dmy for dots', () => {
    expect(inferDateOrder(['01/02/2024', '03/04/2024'])).toEqual({ order: 'mdy', ambiguous: true });
    expect(inferDateOrder(['01.02.2024', '03.04.2024'])).toEqual({ order: 'dmy', ambiguous: true });
  });
  it('inferDateOrder with evidence both ways is ambiguous and follows the larger count', () => {
    expect(inferDateOrder(['13/01/2024', '14/01/2024', '01/13/2024'])).toEqual({ order: 'dmy', ambiguous: true });
    expect(inferDateOrder(['13/01/2024', '01/13/2024', '01/14/2024'])).toEqual({ order: 'mdy', ambiguous: true });
  });
  it('inferDateOrder returns ymd for columns that start with a 4-digit year', () => {
    expect(inferDateOrder(['2024-01-15', '2024/1/5 9:03', '2024年1月15日'])).toEqual({
      order: 'ymd',
      ambiguous: false
    });
    expect(inferDateOrder([])).toEqual({ order: 'ymd', ambiguous: false });
  });
  it('inferDateOrder reads full-width values', () => {
    expect(inferDateOrder(['１５．０１．２０２４'])).toEqual({ order: 'dmy', ambiguous: false });
  });
  it('inferDateOrder result makes parseDate read the whole column consistently', () => {
    const col = ['03/04/2024', '25/04/2024'];
    const { order } = inferDateOrder(col);
    expect(col.map((v) => parseDate(v, order))).toEqual([at(2024, 4, 3), at(2024, 4, 25)]);
  });
});

describe('dayToIso / isoToDay', () => {
  it('dayToIso formats day numbers as YYYY-MM-DD', () => {
    expect(dayToIso(19737)).toBe('2024-01-15');
    expect(dayToIso(0)).toBe('1970-01-01');
    expect(dayToIso(-1)).toBe('1969-12-31');
    expect(dayToIso(day(2000, 2, 29))).toBe('2000-02-29');
    expect(dayToIso(day(1899, 12, 30))).toBe('1899-12-30');
  });
  it('isoToDay is the inverse of dayToIso', () => {
    expect(isoToDay('2024-01-15')).toBe(19737);
    for (let d = day(1899, 1, 1); d <= day(2101, 1, 1); d += 37) expect(isoToDay(dayToIso(d))).toBe(d);
  });
  it('day numbers agree with Date.UTC for every day from 1900 to 2100', () => {
    for (let d = day(1900, 1, 1); d <= day(2100, 12, 31); d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (dayToIso(d) !== iso || parseDate(iso)?.day !== d) expect(dayToIso(d)).toBe(iso);
    }
  });
  it('isoToDay returns NaN for anything but a valid YYYY-MM-DD', () => {
    expect(isoToDay('2024-02-30')).toBeNaN();
    expect(isoToDay('2024/01/15')).toBeNaN();
    expect(isoToDay('2024-01-15T00:00:00')).toBeNaN();
  });
});
