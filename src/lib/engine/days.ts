/**
 * Calendar days as whole numbers (days since 1970-01-01), without Date objects or time zones:
 * a date in the app is the calendar date written in the file, never shifted by an offset.
 * Algorithms from Howard Hinnant's "chrono-compatible low-level date algorithms".
 */

export function dayFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(day: number): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dayOfMonth = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function dayToIso(day: number): string {
  const { year, month, dayOfMonth } = civilFromDay(day);
  return `${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** '2024-01-15' → 19737; NaN unless the string is exactly a valid `YYYY-MM-DD`. */
export function isoToDay(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return NaN;
  const year = +iso.slice(0, 4), month = +iso.slice(5, 7), dayOfMonth = +iso.slice(8, 10);
  const last = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > last) return NaN;
  return dayFromCivil(year, month, dayOfMonth);
}

/** Today as a day number, by the calendar of the person's own clock (local time). */
export function localToday(now = new Date()): number {
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
