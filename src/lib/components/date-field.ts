/**
 * What DateField reads and shows. `<input type="date">` shows the date in the operating
 * system's format (mm/dd/yyyy on an English Windows, whatever the UI language), so the field is a
 * text input: it reads what people type with the same reader as the files' date cells, and shows
 * the date the way the UI language writes it. The stored value is always ISO `YYYY-MM-DD`.
 */
import { dayToIso, isoToDay, parseDate } from '$lib/ingest/values';
import type { Locale } from '$lib/i18n/messages';

export type DateInput = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid' };

/**
 * Reads a typed date: `2024-01-05`, `2024/1/5`, `2024.1.5`, `2024年1月5日`, `令和6年1月5日`,
 * `R6.1.5`, full-width digits, `20240105`, and (month first, unless only day first is possible)
 * `1/5/2024`. A time after the date is ignored. Other plain numbers are not dates here, although
 * the file reader takes them for Excel serials and Unix times: nobody types 45296 for a day.
 */
export function parseDateInput(text: string): DateInput {
  const s = text.normalize('NFKC').trim();
  if (s === '') return { kind: 'empty' };
  if (/^\d+$/.test(s) && s.length !== 8) return { kind: 'invalid' };
  const parsed = parseDate(s);
  if (!parsed) return { kind: 'invalid' };
  const iso = dayToIso(parsed.day);
  // Four-digit years only: what the ISO value (and the URL that keeps it) can hold.
  const year = Number(iso.slice(0, 4));
  return year >= 1000 && year <= 9999 && iso.length === 10 ? { kind: 'date', iso } : { kind: 'invalid' };
}

/** An ISO date as the UI language writes it: `2024/01/05` in Japanese, `2024-01-05` in English. */
export function formatDateInput(iso: string, lang: Locale): string {
  if (!iso || Number.isNaN(isoToDay(iso))) return iso;
  return lang === 'ja' ? iso.replaceAll('-', '/') : iso;
}

/** The day `delta` days from an ISO date (↑/↓ in the field). */
export function addDays(iso: string, delta: number): string {
  const day = isoToDay(iso);
  return Number.isNaN(day) ? iso : dayToIso(day + delta);
}
