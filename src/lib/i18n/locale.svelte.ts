/**
 * The UI language and t(). Japanese when the browser prefers it, English otherwise; the header's
 * switch overrides it and is remembered in localStorage.
 */
import type { MessageKey } from './en';
import { audienceKey, translate, type Audience, type Locale, type MessageParams } from './messages';
import { readSetting, writeSetting } from '../state/safe-storage';

export type { Locale, MessageParams };
const STORAGE_KEY = 'nps-lines.locale';

function initialLocale(): Locale {
  if (typeof window === 'undefined') return 'en';
  const saved = readSetting(STORAGE_KEY);
  if (saved === 'ja' || saved === 'en') return saved;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.some((l) => l?.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

class LocaleState {
  #current = $state<Locale>(initialLocale());

  get current(): Locale {
    return this.#current;
  }

  set current(locale: Locale) {
    this.#current = locale;
    writeSetting(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
  }
}

export const locale = new LocaleState();

/**
 * Whose answers are on screen: the dataset layout sets it from the open dataset (an employee
 * survey speaks of employees and teams, messages.ts `audienceKey`) and sets it back when left.
 */
class AudienceState {
  current = $state<Audience>('customers');
}
export const audience = new AudienceState();

/**
 * Reactive in templates: reads the current locale (and audience). `who` speaks to another
 * audience than the open dataset's (an import of an employee survey, before it is a dataset).
 */
export function t(key: MessageKey, params?: MessageParams, who: Audience = audience.current): string {
  return translate(locale.current, audienceKey(key, who), params);
}

/** A signed figure in points, `+12.3` / `−4.0` (a true minus sign), `—` when there is none. */
export function formatSigned(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(Math.abs(value), digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Numbers in the UI's locale (thousands separators). The formatter is made once per language and
 * precision: toLocaleString builds a new one on every call, which showed in long tables.
 */
export function formatNumber(value: number, digits = 0): string {
  const lang = locale.current === 'ja' ? 'ja-JP' : 'en-US';
  const key = `${lang}|${digits}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(value);
}

/** A percentage the engine computed, whole (`33%`), `—` when there is none (nothing to divide). */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value, 0)}%`;
}

/** A p-value to three decimals, `< 0.001` below. */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : formatNumber(p, 3);
}
