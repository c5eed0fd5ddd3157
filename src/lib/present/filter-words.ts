/**
 * The view's filter in words, as a saved chart, a printed page and the HTML report state what
 * they show: `Plan: Standard · 2024-04-01 – 2024-09-30 · Waves: 2024-Q1`. Without a filter they
 * say that every answer is shown.
 */
import type { ViewQuery } from '../state/view-query';
import { translate, type Locale } from '../i18n/messages';

export type FilterQuery = Pick<ViewQuery, 'from' | 'to' | 'segmentValues' | 'waves' | 'oneVoice'>;

export function filterWords(query: FilterQuery, lang: Locale): string {
  const list = (values: string[]) => values.join(translate(lang, 'list.separator'));
  const parts: string[] = [];
  // Segment values of one column, together: the filter keeps answers with any of them.
  const byColumn = new Map<string, string[]>();
  for (const [name, value] of query.segmentValues) byColumn.set(name, [...(byColumn.get(name) ?? []), value]);
  for (const [name, values] of byColumn) parts.push(translate(lang, 'present.filterSegment', { name, values: list(values) }));
  if (query.from && query.to) parts.push(translate(lang, 'present.filterBetween', { from: query.from, to: query.to }));
  else if (query.from) parts.push(translate(lang, 'present.filterFrom', { from: query.from }));
  else if (query.to) parts.push(translate(lang, 'present.filterTo', { to: query.to }));
  if (query.waves.length) parts.push(translate(lang, 'present.filterWaves', { waves: list(query.waves), count: query.waves.length }));
  if (query.oneVoice) parts.push(translate(lang, 'filter.oneVoice'));
  return parts.length ? parts.join(' · ') : translate(lang, 'present.filterNone');
}

/**
 * What a view shows, in two lines: the dataset, then the filter in words with how many answers
 * it keeps (`kept` null: no filter, every answer).
 */
export function viewCaption(name: string, query: FilterQuery, kept: number | null, total: number, lang: Locale): string[] {
  const format = (n: number) => new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US').format(n);
  const count = kept === null ? translate(lang, 'present.answers', { count: format(total) }) : translate(lang, 'filter.kept', { kept: format(kept), total: format(total) });
  return [translate(lang, 'present.dataset', { name }), `${filterWords(query, lang)} · ${count}`];
}
