/**
 * Numbers and words of the HTML report, in its language, as the app writes them: `+12.3` and
 * `−4.0` with a true minus, `—` for nothing, thousands separators, `< 0.001`.
 */
import { translate, type Locale } from '../i18n/messages';
import type { MessageKey } from '../i18n/en';
import type { MessageParams } from '../i18n/messages';

export interface ReportWords {
  lang: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  number: (value: number, digits?: number) => string;
  signed: (value: number | null | undefined, digits?: number) => string;
  percent: (share: number, digits?: number) => string;
  p: (p: number) => string;
  interval: (ci: readonly [number, number] | null | undefined) => string;
}

export function reportWords(lang: Locale): ReportWords {
  const formats = new Map<number, Intl.NumberFormat>();
  const number = (value: number, digits = 0) => {
    let format = formats.get(digits);
    if (!format) formats.set(digits, (format = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return format.format(value);
  };
  const signed = (value: number | null | undefined, digits = 1) =>
    value === null || value === undefined || Number.isNaN(value) ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${number(Math.abs(value), digits)}`;
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    number,
    signed,
    percent: (share, digits = 1) => `${number(100 * share, digits)}%`,
    p: (p) => (p < 0.001 ? '<\u00a00.001' : number(p, 3)),
    interval: (ci) => (ci ? `${signed(ci[0])} … ${signed(ci[1])}` : '—'),
  };
}
