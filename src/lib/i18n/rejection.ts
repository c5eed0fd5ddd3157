/**
 * Why a row was left out, in the person's language: one function for the overview, the
 * rejected-rows download, the report and the command line, so they cannot word it differently.
 */
import type { Rejection } from '../engine/dataset';
import { formatBytes } from './bytes';
import { translate, type Locale } from './messages';

const numbers = new Map<Locale, Intl.NumberFormat>();

export function describeRejection(lang: Locale, rejection: Rejection): string {
  // Called once per rejected row of a download (200,000 and more): no formatter is made per call.
  if (rejection.count === undefined) return translate(lang, `reason.${rejection.code}`, { value: rejection.value });
  let format = numbers.get(lang);
  if (!format) numbers.set(lang, (format = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US')));
  return translate(lang, `reason.${rejection.code}`, {
    value: rejection.value,
    count: format.format(rejection.count),
    size: rejection.code === 'row-too-long' ? formatBytes(rejection.count, lang) : '',
  });
}
