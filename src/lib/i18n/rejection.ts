/**
 * Why a row was left out, in the person's language: one function for the overview, the
 * rejected-rows download, the report and the command line, so they cannot word it differently.
 */
import type { Rejection } from '../engine/dataset';
import { formatBytes } from './bytes';
import { translate, type Locale } from './messages';

export function describeRejection(lang: Locale, rejection: Rejection): string {
  const count = rejection.count ?? 0;
  return translate(lang, `reason.${rejection.code}`, {
    value: rejection.value,
    count: new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US').format(count),
    size: formatBytes(count, lang),
  });
}
