/**
 * The UI language and t(). Japanese when the browser prefers it, English otherwise; the header's
 * switch overrides it and is remembered in localStorage.
 */
import type { MessageKey } from './en';
import { translate, type Locale, type MessageParams } from './messages';

export type { Locale, MessageParams };
const STORAGE_KEY = 'nps-lines.locale';

function initialLocale(): Locale {
  if (typeof window === 'undefined') return 'en';
  const saved = window.localStorage?.getItem(STORAGE_KEY);
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
    window.localStorage?.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
  }
}

export const locale = new LocaleState();

/** Reactive in templates: reads the current locale. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(locale.current, key, params);
}

/** Numbers in the UI's locale (thousands separators). */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString(locale.current === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
