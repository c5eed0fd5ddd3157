/**
 * Date cells of survey exports, parsed without Date objects or time zones.
 *
 * A date is the calendar date AS WRITTEN: offsets (`Z`, `+09:00`, `-0500`, `UTC`) are read and
 * ignored, never applied. `day` is whole days since 1970-01-01 (Hinnant's days-from-civil),
 * `seconds` is seconds since midnight as written (fractions dropped), or -1 when no time is given.
 *
 * Numbers:
 * - 20000–80000, optionally with a fraction: Excel / Sheets serial (days since 1899-12-30;
 *   the fraction is the time of day, rounded to the second).
 * - 8 digits: compact `YYYYMMDD` when it is a valid date.
 * - 9–10 digits (optional fraction): Unix seconds; 12–13 digits: Unix milliseconds
 *   (Delighted / Wootric `created_at`). These carry no written date, so they are read as UTC.
 *   Only 2000-01-01 to 2099-12-31 is accepted, so that 12-digit ids (SurveyMonkey respondent ids)
 *   and other counters are not taken for dates.
 * Other plain numbers are not dates.
 *
 * Day/month order of year-last forms (`01/02/2024`, `15.01.2024`): an explicit 'mdy'/'dmy' decides
 * strictly (a value impossible in that order is null). Without an order (or with 'ymd', which
 * has no meaning for year-last forms) `/` and `-` default to month first, `.` to day first, and a
 * value that is only possible the other way round (`15/01/2024`) is read the other way round.
 * Era years are not checked against the era's span (`平成31年5月1日` is accepted as 2019-05-01).
 */

import { dayFromCivil, dayToIso, isoToDay } from '../engine/days';

export type DateOrder = 'ymd' | 'mdy' | 'dmy';
export interface ParsedDate {
  day: number;
  seconds: number;
}

const NON_ASCII = /[^\x00-\x7f]/;
/** `2024-01-15`, `2024/1/5`, `2024.1.5`, then the rest (time, weekday, offset). */
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)(.*)$/;
/** `01/02/2024`, `15.01.2024`, `7/27/26`. */
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)(.*)$/;
/** `2024年1月15日`, `令和6年1月15日`, `令和元年5月1日`. */
const KANJI = /^(?:(令和|平成|昭和|大正|明治)\s*(元|\d{1,2})|(\d{4}))\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(.*)$/;
/** `R6.1.15`, `R6/1/15`, `H31/4/30`. */
const ERA_LETTER = /^([RHSTMrhstm])\s*(元|\d{1,2})([-/.])(\d{1,2})\3(\d{1,2})(?!\d)(.*)$/;
const NUMBER = /^(\d+)(?:\.(\d+))?$/;
/**
 * What may follow a date: weekday `(月)` / `(Mon)`, time `10:23[:45[.123]]` or `10時23分[45秒]`,
 * `午前`/`午後` before or AM/PM after the time, offset or zone (ignored).
 */
const TIME =
  /^\s*(?:\((?:[月火水木金土日]|[A-Za-z]{2,3})\.?\)\s*)?(?:[Tt]\s*)?(?:(午前|午後)\s*)?(?:(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?|時(?:\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?)?)\s*(?:([AaPp])\.?[Mm]\.?)?)?\s*(?:Z|UTC|GMT)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\s*$/;

const ERA_OFFSET: Record<string, number> = {
  令和: 2018, r: 2018, 平成: 1988, h: 1988, 昭和: 1925, s: 1925, 大正: 1911, t: 1911, 明治: 1867, m: 1867
};
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const EXCEL_EPOCH = -25569; // 1899-12-30
const UNIX_MIN = 946684800; // 2000-01-01T00:00:00Z
const UNIX_MAX = 4102444800; // 2100-01-01T00:00:00Z (exclusive)

const civilToDay = dayFromCivil;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1) return false;
  if (d <= DAYS_IN_MONTH[m]) return true;
  return m === 2 && d === 29 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Digit at i of an ASCII string, or -1. */
function dg(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}
function two(s: string, i: number): number {
  const a = dg(s, i);
  const b = dg(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Fast path: exactly `YYYY-MM-DD` or `YYYY-MM-DD[ T]hh:mm:ss`, or the same with `/` (Google Forms);
 * undefined when not that shape.
 */
function fastIso(s: string): ParsedDate | null | undefined {
  let n = s.length;
  const sep = s.charCodeAt(4);
  // A trailing `Z` or `±hh:mm` offset is ignored: the time is taken as written.
  if (n === 20 && s.charCodeAt(19) === 90) n = 19;
  else if (n === 25 && (s.charCodeAt(19) === 43 || s.charCodeAt(19) === 45) && s.charCodeAt(22) === 58 && two(s, 20) >= 0 && two(s, 23) >= 0) n = 19;
  if ((n !== 10 && n !== 19) || (sep !== 45 && sep !== 47) || s.charCodeAt(7) !== sep) return undefined;
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const m = two(s, 5);
  const d = two(s, 8);
  if (y1 < 0 || y2 < 0 || m < 0 || d < 0) return undefined;
  const y = y1 * 100 + y2;
  if (!validDate(y, m, d)) return null;
  if (n === 10) return { day: civilToDay(y, m, d), seconds: -1 };
  const t = s.charCodeAt(10);
  if ((t !== 32 && t !== 84) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const hh = two(s, 11);
  const mm = two(s, 14);
  const ss = two(s, 17);
  if (hh < 0 || mm < 0 || ss < 0) return undefined;
  return withTime(y, m, d, hh, mm, ss);
}

function withTime(y: number, m: number, d: number, hh: number, mm: number, ss: number): ParsedDate | null {
  if (mm > 59 || ss > 59 || hh > 24) return null;
  const day = civilToDay(y, m, d);
  if (hh === 24) return mm === 0 && ss === 0 ? { day: day + 1, seconds: 0 } : null; // 24:00 = next midnight
  return { day, seconds: hh * 3600 + mm * 60 + ss };
}

/** A validated date plus whatever follows it (time, weekday, zone). */
function finish(y: number, m: number, d: number, rest: string): ParsedDate | null {
  if (!validDate(y, m, d)) return null;
  if (rest === '') return { day: civilToDay(y, m, d), seconds: -1 };
  const t = TIME.exec(rest);
  if (t === null) return null;
  const [, jp, h, mi, se, kmi, kse, ap] = t;
  if (h === undefined) return { day: civilToDay(y, m, d), seconds: -1 };
  let hh = +h;
  if (jp !== undefined || ap !== undefined) {
    if (hh > 12 || (jp !== undefined && ap !== undefined)) return null;
    const pm = jp === '午後' || ap === 'p' || ap === 'P';
    hh = (hh % 12) + (pm ? 12 : 0); // 12 AM = 0h, 12 PM = 12h, 午後0時 = 12h
  }
  const mm = mi ?? kmi;
  const ss = se ?? kse;
  return withTime(y, m, d, hh, mm === undefined ? 0 : +mm, ss === undefined ? 0 : +ss);
}

function fromNumber(whole: string, frac: string | undefined): ParsedDate | null {
  const len = whole.length;
  const n = +whole;
  if (len === 5 && n >= 20000 && n <= 80000) {
    if (frac === undefined) return { day: n + EXCEL_EPOCH, seconds: -1 };
    const secs = Math.round(+('0.' + frac) * 86400);
    return secs >= 86400 ? { day: n + EXCEL_EPOCH + 1, seconds: 0 } : { day: n + EXCEL_EPOCH, seconds: secs };
  }
  if (frac === undefined && len === 8) {
    return finish(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100, '');
  }
  let unix = -1;
  if (len === 9 || len === 10) unix = frac === undefined ? n : +(whole + '.' + frac);
  else if ((len === 12 || len === 13) && frac === undefined) unix = n / 1000;
  if (unix < UNIX_MIN || unix >= UNIX_MAX) return null;
  const day = Math.floor(unix / 86400);
  return { day, seconds: Math.floor(unix - day * 86400) };
}

function twoDigitYear(y: string): number {
  if (y.length === 4) return +y;
  const n = +y;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** Parse one date cell; null when empty, unreadable or impossible. */
export function parseDate(raw: string, order?: DateOrder): ParsedDate | null {
  const quick = fastIso(raw);
  if (quick !== undefined) return quick;
  const s = NON_ASCII.test(raw) ? raw.normalize('NFKC').trim() : raw.trim();
  if (s === '') return null;
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    let r = YMD.exec(s);
    if (r !== null) return finish(+r[1], +r[3], +r[4], r[5]);
    r = YEAR_LAST.exec(s);
    if (r !== null) {
      const a = +r[1];
      const b = +r[3];
      const y = twoDigitYear(r[4]);
      const dmy = order === 'dmy' || order === 'mdy' ? order === 'dmy' : r[2] === '.';
      const first = dmy ? finish(y, b, a, r[5]) : finish(y, a, b, r[5]);
      if (first !== null || order === 'dmy' || order === 'mdy') return first;
      return dmy ? finish(y, a, b, r[5]) : finish(y, b, a, r[5]);
    }
    r = NUMBER.exec(s);
    if (r !== null) return fromNumber(r[1], r[2]);
  }
  let r = KANJI.exec(s);
  if (r !== null) {
    const y = r[3] !== undefined ? +r[3] : eraYear(r[1], r[2]);
    return y < 1 ? null : finish(y, +r[4], +r[5], r[6]);
  }
  r = ERA_LETTER.exec(s);
  if (r !== null) {
    const y = eraYear(r[1].toLowerCase(), r[2]);
    return y < 1 ? null : finish(y, +r[4], +r[5], r[6]);
  }
  return null;
}

function eraYear(era: string, year: string): number {
  const n = year === '元' ? 1 : +year;
  return n < 1 ? -1 : n + ERA_OFFSET[era];
}

/**
 * Month/day order for a whole column, from its year-last values (`a/b/yyyy`, `a.b.yyyy`):
 * a first field > 12 means day first, a second field > 12 month first. Without such evidence the
 * order is ambiguous and defaults to 'mdy' for `/` (and `-`), 'dmy' for `.`, whichever separator
 * is more common; with evidence both ways the larger count wins and the result is ambiguous.
 * A column without year-last values is 'ymd' (nothing to decide).
 */
export function inferDateOrder(samples: readonly string[]): { order: DateOrder; ambiguous: boolean } {
  let dayFirst = 0;
  let monthFirst = 0;
  let dots = 0;
  let slashes = 0;
  for (const raw of samples) {
    const s = NON_ASCII.test(raw) ? raw.normalize('NFKC').trim() : raw.trim();
    const r = YEAR_LAST.exec(s);
    if (r === null) continue;
    if (r[2] === '.') dots++;
    else slashes++;
    if (+r[1] > 12) dayFirst++;
    if (+r[3] > 12) monthFirst++;
  }
  if (dots + slashes === 0) return { order: 'ymd', ambiguous: false };
  if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', ambiguous: false };
  if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', ambiguous: false };
  if (dayFirst > 0) return { order: dayFirst >= monthFirst ? 'dmy' : 'mdy', ambiguous: true };
  return { order: dots > slashes ? 'dmy' : 'mdy', ambiguous: true };
}

// The day ↔ ISO conversions live with the other calendar arithmetic in the engine.
export { dayToIso, isoToDay };
